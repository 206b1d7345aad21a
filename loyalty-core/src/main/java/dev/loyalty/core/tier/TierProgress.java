package dev.loyalty.core.tier;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * How far a member is from the next tier they can qualify for or, during a grace period, from
 * keeping the tier they earned: a member in grace who does not reach their tier's threshold by
 * the last day of grace loses it, so that is what they are told first.
 *
 * @param nextTier the code of that tier; during a grace period, the tier the member holds and may lose
 * @param metric what is counted
 * @param needed how much more of the metric it takes; more than zero
 * @param by the last day that counts before the next review; during a grace period, its last day
 * @param text the same for a member, such as {@code spend 120.00 more by 2027-03-31 to reach gold}, or
 *             {@code spend 300.00 more by 2028-03-30 to keep silver} during a grace period; a spend is given in the
 *             currency's minor units, rounded up ({@code needed} keeps the exact amount), so a member 0.004 short
 *             reads {@code spend 0.01 more}
 */
public record TierProgress(String nextTier, QualifyingMetric metric, BigDecimal needed, LocalDate by, String text) {
}
