package dev.loyalty.core.referral;

import java.time.LocalDate;
import java.util.Locale;

/**
 * The calendar period over which a referrer's rewarded referrals are capped, in the referrer's zone.
 * Its keys are stored, so they are written in ASCII digits whatever the JVM's default locale.
 */
public enum CapPeriod {
    /** A calendar month. */
    MONTH,
    /** A calendar quarter (January to March, and so on). */
    QUARTER,
    /** A calendar year. */
    YEAR;

    /**
     * Returns the key of the period a date falls in, such as {@code 2026-11}, {@code 2026-Q4} or {@code 2026}.
     *
     * @param date the date
     * @return the key
     */
    public String keyOf(LocalDate date) {
        return switch (this) {
            case MONTH -> String.format(Locale.ROOT, "%04d-%02d", date.getYear(), date.getMonthValue());
            case QUARTER -> quarterOf(date);
            case YEAR -> String.format(Locale.ROOT, "%04d", date.getYear());
        };
    }

    /**
     * Returns the calendar quarter of a date, such as {@code 2026-Q1}.
     *
     * @param date the date
     * @return the quarter's key
     */
    public static String quarterOf(LocalDate date) {
        return String.format(Locale.ROOT, "%04d-Q%d", date.getYear(), (date.getMonthValue() - 1) / 3 + 1);
    }
}
