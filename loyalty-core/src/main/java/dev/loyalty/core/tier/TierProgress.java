package dev.loyalty.core.tier;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * How far a member is from the next tier they can qualify for.
 *
 * @param nextTier the code of that tier
 * @param metric what is counted
 * @param needed how much more of the metric it takes; more than zero
 * @param by the last day that counts before the next review
 * @param text the same for a member, such as {@code spend 120.00 more by 2027-03-31 to reach gold}
 */
public record TierProgress(String nextTier, QualifyingMetric metric, BigDecimal needed, LocalDate by, String text) {
}
