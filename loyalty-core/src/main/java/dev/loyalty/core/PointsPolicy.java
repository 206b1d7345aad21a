package dev.loyalty.core;

import dev.loyalty.core.model.Money;
import java.math.BigDecimal;

/**
 * How points live after they are earned: pending until the return window closes, expiry,
 * claw-back on returns.
 *
 * @param returnWindowDays days a purchase's points stay pending (visible, not spendable); 0 makes them spendable at once;
 *        shorter than the shortest life the expiry gives a lot (28 days for one rolling month), so that
 *        no points expire before they become spendable
 * @param expiry when points expire
 * @param clawback what a return does when the purchase's points were already spent
 * @param unlinkedReturnPointsPerUnit points clawed back per currency unit of a return whose purchase
 *        the engine never saw, from spendable points only and never into debt; zero (the default)
 *        records such returns without changing points
 * @param maxPointsPerCredit the most points one event, offer redemption or referral reward may
 *        credit to a member ({@link #DEFAULT_MAX_POINTS_PER_CREDIT} by default): more is refused with
 *        a {@link RuleEvaluationException} naming the rule, as a campaign's mistake (a rate typed
 *        a thousand times too high, a division by zero that a rule language turned into the largest
 *        {@code long}) rather than points to keep
 */
public record PointsPolicy(int returnWindowDays, ExpiryPolicy expiry, ClawbackPolicy clawback, BigDecimal unlinkedReturnPointsPerUnit,
                           long maxPointsPerCredit) {

    /** The default most points one credit may add: a billion, a thousand points per unit of the default purchase limit. */
    public static final long DEFAULT_MAX_POINTS_PER_CREDIT = 1_000_000_000L;

    /** Points spendable at once, never expiring, claw-back shortfalls kept as debt, unlinked returns recorded only. */
    public static final PointsPolicy DEFAULT = new PointsPolicy(0, ExpiryPolicy.never(), ClawbackPolicy.DEBT, BigDecimal.ZERO);

    /**
     * Checks the components.
     *
     * @param returnWindowDays days a purchase's points stay pending (visible, not spendable); 0 makes them spendable at once;
     *            shorter than the shortest life the expiry gives a lot (28 days for one rolling month), so that
     *            no points expire before they become spendable
     * @param expiry when points expire
     * @param clawback what a return does when the purchase's points were already spent
     * @param unlinkedReturnPointsPerUnit points clawed back per currency unit of a return whose purchase
     *            the engine never saw, from spendable points only and never into debt; zero (the default)
     *            records such returns without changing points; at most 18 digits before the point and 12 after it
     * @param maxPointsPerCredit the most points one event, offer redemption or referral reward may
     *            credit to a member ({@link #DEFAULT_MAX_POINTS_PER_CREDIT} by default): more is refused with
     *            a {@link RuleEvaluationException} naming the rule, as a campaign's mistake (a rate typed
     *            a thousand times too high, a division by zero that a rule language turned into the largest
     *            {@code long}) rather than points to keep
     */
    public PointsPolicy {
        if (returnWindowDays < 0 || returnWindowDays > 3650) {
            throw new InvalidInputException("program.returnWindowDays", "must be from 0 to 3650, was " + returnWindowDays);
        }
        if (expiry == null) {
            throw new InvalidInputException("program.expiry", "must not be null");
        }
        // counted only when there is a window: the count walks every day of a leap-year cycle
        int shortestLife = returnWindowDays == 0 ? Integer.MAX_VALUE : expiry.shortestLotLifeDays();
        if (returnWindowDays >= shortestLife) {
            throw new InvalidInputException("program.returnWindowDays", returnWindowDays + " days of pending points is no shorter than the "
                    + shortestLife + " days a lot can live under " + expiry + ": some points would expire before they became spendable");
        }
        if (clawback == null) {
            throw new InvalidInputException("program.clawback", "must not be null");
        }
        if (unlinkedReturnPointsPerUnit == null || unlinkedReturnPointsPerUnit.signum() < 0) {
            throw new InvalidInputException("program.unlinkedReturnPointsPerUnit", "must be zero or more, was " + unlinkedReturnPointsPerUnit);
        }
        checkRateDigits(unlinkedReturnPointsPerUnit);
        if (maxPointsPerCredit <= 0) {
            throw new InvalidInputException("program.maxPointsPerCredit", "must be positive, was " + maxPointsPerCredit);
        }
    }

    /**
     * Bounds the unlinked-return rate as money amounts are bounded, at most {@link Money#MAX_INTEGER_DIGITS} digits before
     * the point and {@link Money#MAX_FRACTION_DIGITS} after it: a return multiplies its amount by the rate and rounds it to
     * whole points, which for a rate such as {@code 1E+1000000000} would mean writing out a billion digits. Checked on
     * precision and scale before any rescaling.
     */
    private static void checkRateDigits(BigDecimal rate) {
        if (rate.signum() == 0) {
            return;
        }
        long integerDigits = (long) rate.precision() - rate.scale();
        if (integerDigits > Money.MAX_INTEGER_DIGITS) {
            throw new InvalidInputException("program.unlinkedReturnPointsPerUnit", "has " + integerDigits
                    + " digits before the decimal point; at most " + Money.MAX_INTEGER_DIGITS + " are accepted");
        }
        if (rate.scale() > Money.MAX_FRACTION_DIGITS && rate.stripTrailingZeros().scale() > Money.MAX_FRACTION_DIGITS) {
            throw new InvalidInputException("program.unlinkedReturnPointsPerUnit", rate.toString() + " has more than "
                    + Money.MAX_FRACTION_DIGITS + " decimal places");
        }
    }

    /**
     * Creates a policy with the default most points per credit.
     *
     * @param returnWindowDays days a purchase's points stay pending
     * @param expiry when points expire
     * @param clawback what a return does when the purchase's points were already spent
     * @param unlinkedReturnPointsPerUnit points clawed back per currency unit of an unlinked return
     */
    public PointsPolicy(int returnWindowDays, ExpiryPolicy expiry, ClawbackPolicy clawback, BigDecimal unlinkedReturnPointsPerUnit) {
        this(returnWindowDays, expiry, clawback, unlinkedReturnPointsPerUnit, DEFAULT_MAX_POINTS_PER_CREDIT);
    }
}
