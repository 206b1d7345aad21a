package dev.loyalty.core.testing;

import dev.loyalty.core.LoyaltyEngine;
import dev.loyalty.core.spi.Evaluation;
import dev.loyalty.core.spi.ReferralContext;
import dev.loyalty.core.spi.RuleContext;
import dev.loyalty.core.spi.RuleEngine;
import dev.loyalty.core.spi.SweepContext;
import dev.loyalty.core.tier.TierPolicy;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A rule engine over one whose rules do not read the balance, saying so as Drools' default pack
 * does ({@link RuleEngine#usesBalance()} false, each evaluation's {@code readsBalance} false), so
 * that {@link LoyaltyEngine#processAll} evaluates several events of one member together, from
 * the member's state before any of them is applied.
 */
public final class BlindRules implements RuleEngine {

    private final RuleEngine rules;

    /**
     * Wraps rules that do not read the balance.
     *
     * @param rules the rules
     */
    public BlindRules(RuleEngine rules) {
        this.rules = rules;
    }

    private static Evaluation blind(Evaluation evaluation) {
        return new Evaluation(evaluation.ruleSetVersion(), evaluation.decisions(), evaluation.limits(), false);
    }

    @Override
    public String version() {
        return rules.version();
    }

    @Override
    public Evaluation evaluate(RuleContext context) {
        return blind(rules.evaluate(context));
    }

    @Override
    public Evaluation evaluateSweep(SweepContext context) {
        return rules.evaluateSweep(context);
    }

    @Override
    public Evaluation evaluateReferral(ReferralContext context) {
        return rules.evaluateReferral(context);
    }

    @Override
    public Optional<TierPolicy> tierPolicy() {
        return rules.tierPolicy();
    }

    @Override
    public Runnable guardTierPolicy(Consumer<TierPolicy> check) {
        return rules.guardTierPolicy(check);
    }

    @Override
    public boolean usesSegments() {
        return rules.usesSegments();
    }

    @Override
    public boolean usesBalance() {
        return false;
    }
}
