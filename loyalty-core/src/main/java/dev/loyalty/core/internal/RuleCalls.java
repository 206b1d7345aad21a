package dev.loyalty.core.internal;

import dev.loyalty.core.LoyaltyException;
import dev.loyalty.core.RuleEvaluationException;
import dev.loyalty.core.spi.Evaluation;
import java.util.function.Supplier;

/**
 * Calls a rule engine so that whatever goes wrong in it reaches the caller as a
 * {@link RuleEvaluationException} naming what was evaluated: an evaluation it did not return, or
 * anything it threw that is not already a {@link LoyaltyException}. Not public API.
 */
final class RuleCalls {

    private RuleCalls() {
    }

    /**
     * Returns the rule engine's evaluation.
     *
     * @param call the call of the rule engine
     * @param subject what is evaluated, such as {@code event p-1} or {@code the sweep of member m-1}
     * @param during where a failure happened, such as {@code on event p-1} or {@code in the sweep of member m-1}
     * @return the evaluation, never null
     * @throws RuleEvaluationException when the rule engine returned none or threw
     */
    static Evaluation evaluated(Supplier<Evaluation> call, String subject, String during) {
        try {
            Evaluation evaluation = call.get();
            if (evaluation == null) {
                throw new RuleEvaluationException("the rule engine returned no evaluation for " + subject);
            }
            return evaluation;
        } catch (LoyaltyException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new RuleEvaluationException("rules failed " + during + ": " + e, e);
        }
    }
}
