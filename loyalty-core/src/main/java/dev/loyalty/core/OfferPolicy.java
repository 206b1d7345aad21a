package dev.loyalty.core;

import dev.loyalty.core.internal.Checks;

/**
 * When the sweep presents birthday and dormancy occasions to the rules, which then decide what
 * to offer. The core issues each offer template at most once per occasion whatever the rules
 * propose and however often the sweep runs.
 *
 * <ul>
 *   <li>Birthday: evaluated on the member's local date in the member's zone (else the program's).
 *       A member born on 29 February celebrates on 28 February in years that are not leap years.
 *       A birthday given or changed less than {@code birthdayNoticeDays} days before that year's
 *       celebrated date (or after it) does not trigger that year. Under the
 *       {@link BirthdayWindow#DAY} window, a birthday that daily sweeps may have skipped (a zone
 *       change moved the member's local date forward over it, or it was a spring-forward day of
 *       23 hours that fell between two sweeps 24 hours apart) is presented the day after.</li>
 *   <li>Dormancy: measured in local days from the last purchase (else from enrolment); from
 *       {@code dormantAfterDays} on, the rules see a dormancy occasion on every sweep until a
 *       purchase ends the spell.</li>
 * </ul>
 *
 * @param birthdayWindow the dates around the birthday the offers may be issued on
 * @param birthdayNoticeDays how many days before the celebrated date a birthday must have been given; zero or more
 * @param dormantAfterDays after how many local days without a purchase a member counts as dormant; at least 1
 */
public record OfferPolicy(BirthdayWindow birthdayWindow, int birthdayNoticeDays, int dormantAfterDays) {

    /** Birthday month, 30 days' notice, dormant after 90 days. */
    public static final OfferPolicy DEFAULT = new OfferPolicy(BirthdayWindow.MONTH, 30, 90);

    /**
     * Checks the components.
     *
     * @param birthdayWindow the dates around the birthday the offers may be issued on
     * @param birthdayNoticeDays how many days before the celebrated date a birthday must have been given; zero or more
     * @param dormantAfterDays after how many local days without a purchase a member counts as dormant; at least 1
     */
    public OfferPolicy {
        Checks.notNull(birthdayWindow, "offers.birthdayWindow");
        if (birthdayNoticeDays < 0 || birthdayNoticeDays > 366) {
            throw new InvalidInputException("offers.birthdayNoticeDays", "must be between 0 and 366, was " + birthdayNoticeDays);
        }
        if (dormantAfterDays < 1 || dormantAfterDays > 3_660) {
            throw new InvalidInputException("offers.dormantAfterDays", "must be between 1 and 3660, was " + dormantAfterDays);
        }
    }
}
