package dev.loyalty.benchmarks;

import dev.loyalty.core.ProgramSettings;
import dev.loyalty.core.model.Member;
import dev.loyalty.core.spi.Decision;
import dev.loyalty.core.tier.QualifyingMetric;
import dev.loyalty.core.tier.QualifyingWindow;
import dev.loyalty.core.tier.TierBenefits;
import dev.loyalty.core.tier.TierPolicy;
import java.math.BigDecimal;
import java.util.Map;

/**
 * The default pack's tier ladder ({@code tiers.drl}, rule {@code TIERS-00 tier ladder}) written
 * in Java for the hand-written engines, and its earn rule {@code TIER-01 tier earn multiplier}; a
 * test checks the ladder equals what the DRL declares.
 */
final class DefaultTierLadder {

    /** The rule name of the tier earn multiplier. */
    static final String TIER_RULE = "TIER-01 tier earn multiplier";

    /** Spend over a rolling 12 months; silver 500 (1.2x), gold 1500 (1.5x, 10% off), diamond 5000 (2x, 15% off); 90 days' grace, soft landing. */
    static final TierPolicy POLICY = TierPolicy.builder(QualifyingMetric.SPEND, QualifyingWindow.ROLLING_12_MONTHS)
            .graceDays(90).softLanding(true)
            .threshold("silver", new BigDecimal("500"))
            .benefits("silver", new TierBenefits(new BigDecimal("1.2"), BigDecimal.ZERO, Map.of()))
            .threshold("gold", new BigDecimal("1500"))
            .benefits("gold", new TierBenefits(new BigDecimal("1.5"), BigDecimal.TEN, Map.of("free-delivery", "yes")))
            .threshold("diamond", new BigDecimal("5000"))
            .benefits("diamond", new TierBenefits(new BigDecimal("2"), new BigDecimal("15"),
                    Map.of("free-delivery", "yes", "priority-support", "yes")))
            .build();

    private DefaultTierLadder() {
    }

    /** Returns the tier multiplier decision for a buyer, or null when their tier earns no more. */
    static Decision.TierMultiplier multiplier(Member member, ProgramSettings program) {
        String code = member.tierCode();
        BigDecimal factor = POLICY.benefitsOf(code).earnMultiplier();
        if (factor.compareTo(BigDecimal.ONE) <= 0) {
            return null;
        }
        String name = program.tier(code).map(dev.loyalty.core.model.Tier::name).orElse(code);
        return new Decision.TierMultiplier(TIER_RULE, reason(name, factor), factor);
    }

    /** The reason the DRL's {@code earn.tierMultiplier($p)} gives. */
    static String reason(String tierName, BigDecimal factor) {
        return tierName + " members earn " + factor.stripTrailingZeros().toPlainString() + "x points";
    }
}
