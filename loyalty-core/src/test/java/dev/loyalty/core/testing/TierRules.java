package dev.loyalty.core.testing;

import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.spi.Decision;
import dev.loyalty.core.spi.Evaluation;
import dev.loyalty.core.spi.RuleContext;
import dev.loyalty.core.spi.RuleEngine;
import dev.loyalty.core.tier.QualifyingMetric;
import dev.loyalty.core.tier.QualifyingWindow;
import dev.loyalty.core.tier.TierBenefits;
import dev.loyalty.core.tier.TierPolicy;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rules with a tier policy for tests: 1 point per currency unit of a purchase, times the earn
 * multiplier the policy gives the buyer's tier. The default ladder qualifies on spend: silver at
 * 500 (1.2x), gold at 1000 (1.5x, 10% off, free delivery), diamond at 5000 (2x, 15% off).
 */
public final class TierRules implements RuleEngine {

    /** The base rule's name. */
    public static final String BASE = "BASE";
    /** The tier multiplier rule's name. */
    public static final String TIER = "TIER";

    private final TierPolicy policy;

    private TierRules(TierPolicy policy) {
        this.policy = policy;
    }

    /**
     * Returns rules with the given policy.
     *
     * @param policy the tier policy
     * @return the rules
     */
    public static TierRules with(TierPolicy policy) {
        return new TierRules(policy);
    }

    /**
     * Starts the default test ladder (silver 500, gold 1000, diamond 5000 of spend) on a window.
     *
     * @param window the qualifying window
     * @return a policy builder with the thresholds and benefits set
     */
    public static TierPolicy.Builder ladder(QualifyingWindow window) {
        return TierPolicy.builder(QualifyingMetric.SPEND, window)
                .threshold("silver", new BigDecimal("500"))
                .threshold("gold", new BigDecimal("1000"))
                .threshold("diamond", new BigDecimal("5000"))
                .benefits("silver", new TierBenefits(new BigDecimal("1.2"), BigDecimal.ZERO, Map.of()))
                .benefits("gold", new TierBenefits(new BigDecimal("1.5"), BigDecimal.TEN, Map.of("free-delivery", "yes")))
                .benefits("diamond", new TierBenefits(new BigDecimal("2"), new BigDecimal("15"), Map.of("free-delivery", "yes")));
    }

    @Override
    public String version() {
        return "tier-rules";
    }

    @Override
    public Evaluation evaluate(RuleContext context) {
        List<Decision> decisions = new ArrayList<>();
        if (context.event() instanceof Purchase) {
            decisions.add(new Decision.BaseRate(BASE, "1 point per pound", Decision.WHOLE_EVENT, BigDecimal.ONE));
            BigDecimal factor = policy.benefitsOf(context.member().tierCode()).earnMultiplier();
            if (factor.compareTo(BigDecimal.ONE) > 0) {
                decisions.add(new Decision.TierMultiplier(TIER, context.member().tierCode() + " earns more", factor));
            }
        }
        return new Evaluation(version(), decisions);
    }

    @Override
    public Optional<TierPolicy> tierPolicy() {
        return Optional.of(policy);
    }
}
