package dev.loyalty.core.tier;

import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.Tier;
import java.time.LocalDate;

/**
 * What a member gets now and how far they are from the next tier: the answer a POS needs to apply
 * a tier discount at checkout, and a member view needs to show progress.
 *
 * @param memberId the member
 * @param asOf the member's local date the answer holds for
 * @param tier the member's tier now (the override's when one is active and ranks higher)
 * @param benefits what that tier gives: earn multiplier, discount, perks
 * @param earnedTier the tier earned by qualifying, without any override
 * @param qualifying the totals of the current qualifying window
 * @param windowStart the first day of the current qualifying window; it ends on {@code asOf}
 * @param nextReview the next review point, when a member who fell short can lose the tier
 * @param graceUntil the first day after the grace period the member is in, or null
 * @param overrideUntil the first day the member's override no longer applies, or null without one
 * @param progress how to reach the next tier, or, during a grace period, how to keep the earned tier; null on the top
 *                 tier or when no higher tier can be qualified for (and the member is not in grace)
 */
public record MemberTier(MemberId memberId, LocalDate asOf, Tier tier, TierBenefits benefits, String earnedTier, Qualifying qualifying,
                         LocalDate windowStart, LocalDate nextReview, LocalDate graceUntil, LocalDate overrideUntil, TierProgress progress) {
}
