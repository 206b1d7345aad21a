package dev.loyalty.core.tier;

import dev.loyalty.core.internal.Checks;
import java.time.LocalDate;

/**
 * A member's tier bookkeeping, as stored: the tier earned by qualifying, the next review point,
 * a grace period and a manual override. The member's tier ({@code Member.tierCode()}) is the
 * earned tier, or the override's when that ranks higher and has not expired.
 *
 * @param earnedTier the tier earned by qualifying (or given at enrolment), without the override
 * @param nextReview the next review point not yet processed; each is processed at most once
 * @param graceUntil the first day after the grace period, or null when not in grace
 * @param graceTarget the tier the last review found, when in grace; else null
 * @param overrideTier the tier a manual override sets, or null when none is active
 * @param overrideUntil the first day the override no longer applies, or null when none is active
 * @param historySize how many tier changes the member's history holds
 */
public record TierState(String earnedTier, LocalDate nextReview, LocalDate graceUntil, String graceTarget, String overrideTier,
                        LocalDate overrideUntil, long historySize) {

    /**
     * Checks the components.
     *
     * @param earnedTier the tier earned by qualifying (or given at enrolment), without the override
     * @param nextReview the next review point not yet processed; each is processed at most once
     * @param graceUntil the first day after the grace period, or null when not in grace
     * @param graceTarget the tier the last review found, when in grace; else null
     * @param overrideTier the tier a manual override sets, or null when none is active
     * @param overrideUntil the first day the override no longer applies, or null when none is active
     * @param historySize how many tier changes the member's history holds
     */
    public TierState {
        earnedTier = Checks.text(earnedTier, "tierState.earnedTier");
        Checks.notNull(nextReview, "tierState.nextReview");
        if ((graceUntil == null) != (graceTarget == null)) {
            throw new IllegalArgumentException("tierState: graceUntil and graceTarget are set together, were " + graceUntil + " and " + graceTarget);
        }
        if ((overrideTier == null) != (overrideUntil == null)) {
            throw new IllegalArgumentException("tierState: overrideTier and overrideUntil are set together, were " + overrideTier + " and "
                    + overrideUntil);
        }
        if (historySize < 0) {
            throw new IllegalArgumentException("tierState.historySize must not be negative, was " + historySize);
        }
    }
}
