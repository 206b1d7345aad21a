package dev.loyalty.core;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * When earned points expire. Dates are taken in the member's zone, so "the end of the month"
 * is the member's midnight, across daylight-saving changes.
 *
 * @param kind the rule
 * @param months the number of months (for years: the number of years) the rule counts
 */
public record ExpiryPolicy(Kind kind, int months) {

    /** The kinds of expiry rule. */
    public enum Kind {
        /** Points never expire. */
        NEVER,
        /** Each lot expires the given number of months after it was earned, at the same local time. */
        ROLLING_MONTHS,
        /** Each lot expires at the end of the Nth month after the month it was earned in. */
        END_OF_MONTH,
        /** Each lot expires at the end of the Nth year after the year it was earned in. */
        END_OF_YEAR,
        /** All of a member's points expire after the given number of months without enrolment, a purchase or a redemption. */
        INACTIVITY_MONTHS
    }

    /**
     * Checks the components.
     *
     * @param kind the rule
     * @param months the number of months (for years: the number of years) the rule counts, 1 to 1200; 0 for {@link Kind#NEVER}
     * @throws InvalidInputException when the kind is null or the count outside that range
     */
    public ExpiryPolicy {
        if (kind == null) {
            throw new InvalidInputException("expiry.kind", "must not be null");
        }
        if (kind != Kind.NEVER && (months < 1 || months > 1200)) {
            throw new InvalidInputException("expiry.months", "must be from 1 to 1200, was " + months);
        }
        if (kind == Kind.NEVER && months != 0) {
            throw new InvalidInputException("expiry.months", "must be 0 for points that never expire, was " + months);
        }
    }

    /**
     * Returns the policy under which points never expire; the default.
     *
     * @return the policy
     */
    public static ExpiryPolicy never() {
        return new ExpiryPolicy(Kind.NEVER, 0);
    }

    /**
     * Returns the policy under which each lot expires {@code months} after it was earned.
     *
     * @param months how many months points live
     * @return the policy
     */
    public static ExpiryPolicy rollingMonths(int months) {
        return new ExpiryPolicy(Kind.ROLLING_MONTHS, months);
    }

    /**
     * Returns the policy under which each lot expires at the end of the Nth month after the
     * month it was earned in: earned on 15 March with N = 12, it expires when the following
     * March ends.
     *
     * @param months N
     * @return the policy
     */
    public static ExpiryPolicy endOfMonthAfter(int months) {
        return new ExpiryPolicy(Kind.END_OF_MONTH, months);
    }

    /**
     * Returns the policy under which each lot expires at the end of the Nth year after the year
     * it was earned in: earned in 2026 with N = 1, it expires when 2027 ends.
     *
     * @param years N
     * @return the policy
     */
    public static ExpiryPolicy endOfYearAfter(int years) {
        return new ExpiryPolicy(Kind.END_OF_YEAR, years);
    }

    /**
     * Returns the policy under which all of a member's points expire after {@code months}
     * without a purchase or redemption; the clock starts at enrolment.
     *
     * @param months the months of inactivity
     * @return the policy
     */
    public static ExpiryPolicy afterInactiveMonths(int months) {
        return new ExpiryPolicy(Kind.INACTIVITY_MONTHS, months);
    }

    /**
     * Returns when a lot earned at an instant expires by date.
     *
     * @param earnedAt when the lot was earned
     * @param zone the member's zone
     * @return the expiry instant, or null under {@link Kind#NEVER} and {@link Kind#INACTIVITY_MONTHS}
     */
    public Instant lotExpiry(Instant earnedAt, ZoneId zone) {
        if (kind == Kind.NEVER || kind == Kind.INACTIVITY_MONTHS) {
            return null;
        }
        ZonedDateTime earned = earnedAt.atZone(zone);
        return switch (kind) {
            case NEVER, INACTIVITY_MONTHS -> null;
            case ROLLING_MONTHS -> earned.plusMonths(months).toInstant();
            case END_OF_MONTH -> YearMonth.from(earned).plusMonths(months + 1L).atDay(1).atStartOfDay(zone).toInstant();
            case END_OF_YEAR -> earned.toLocalDate().withDayOfYear(1).plusYears(months + 1L).atStartOfDay(zone).toInstant();
        };
    }

    /**
     * Returns the fewest whole days a lot can live before it expires under this policy, counted
     * over every start date of a leap-year cycle: 28 for one rolling month (31 January to 28
     * February), and for inactivity the same as rolling months, since the purchase that earned a
     * lot is activity. {@link Integer#MAX_VALUE} when points never expire.
     */
    int shortestLotLifeDays() {
        if (kind == Kind.NEVER) {
            return Integer.MAX_VALUE;
        }
        long shortest = Long.MAX_VALUE;
        LocalDate first = LocalDate.of(2001, 1, 1);
        for (LocalDate day = first; day.isBefore(first.plusYears(4)); day = day.plusDays(1)) {
            LocalDate expires = switch (kind) {
                case NEVER -> throw new IllegalStateException("points that never expire have no life to count");
                case ROLLING_MONTHS, INACTIVITY_MONTHS -> day.plusMonths(months);
                // earned on the day's last instant: the life runs from the next midnight
                case END_OF_MONTH -> YearMonth.from(day).plusMonths(months + 1L).atDay(1);
                case END_OF_YEAR -> day.withDayOfYear(1).plusYears(months + 1L);
            };
            LocalDate from = kind == Kind.END_OF_MONTH || kind == Kind.END_OF_YEAR ? day.plusDays(1) : day;
            shortest = Math.min(shortest, ChronoUnit.DAYS.between(from, expires));
        }
        return (int) Math.min(Integer.MAX_VALUE, shortest);
    }

    /**
     * Returns when a member's points expire for inactivity.
     *
     * @param lastActivityAt the member's last purchase or redemption
     * @param zone the member's zone
     * @return the instant, or null when this policy is not about inactivity or there was no activity
     */
    public Instant inactivityExpiry(Instant lastActivityAt, ZoneId zone) {
        return kind != Kind.INACTIVITY_MONTHS || lastActivityAt == null ? null : lastActivityAt.atZone(zone).plusMonths(months).toInstant();
    }
}
