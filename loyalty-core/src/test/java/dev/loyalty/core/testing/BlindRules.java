package dev.loyalty.core.testing;

import dev.loyalty.core.LoyaltyEngine;
import dev.loyalty.core.spi.Evaluation;
import dev.loyalty.core.spi.RuleContext;
import dev.loyalty.core.spi.RuleEngine;

/**
 * A rule engine over one whose rules do not read the balance, saying so as Drools' default pack
 * does ({@link RuleEngine#usesBalance()} false, each evaluation's {@code readsBalance} false), so
 * that {@link LoyaltyEngine#processAll} evaluates several events of one member together, from
 * the member's state before any of them is applied.
 */
public final class BlindRules extends DelegatingRuleEngine {

    /**
     * Wraps rules that do not read the balance.
     *
     * @param rules the rules
     */
    public BlindRules(RuleEngine rules) {
        super(rules);
    }

    @Override
    public Evaluation evaluate(RuleContext context) {
        Evaluation evaluation = super.evaluate(context);
        return new Evaluation(evaluation.ruleSetVersion(), evaluation.decisions(), evaluation.limits(), false);
    }

    @Override
    public boolean usesBalance() {
        return false;
    }
}
