package dev.loyalty.core.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.core.InvalidInputException;
import dev.loyalty.core.RuleEvaluationException;
import org.junit.jupiter.api.Test;

class RuleCallsTest {

    @Test
    void shouldNameWhatWasEvaluatedWhenTheRuleEngineReturnsNoEvaluation() {
        assertThatThrownBy(() -> RuleCalls.evaluated(() -> null, "event p-1", "on event p-1"))
                .isInstanceOf(RuleEvaluationException.class)
                .hasMessage("the rule engine returned no evaluation for event p-1");
    }

    @Test
    void shouldWrapWhatTheRuleEngineThrowsNamingWhereAndKeepingItAsTheCause() {
        IllegalStateException thrown = new IllegalStateException("boom");

        assertThatThrownBy(() -> RuleCalls.evaluated(() -> {
            throw thrown;
        }, "the sweep of member m-1", "in the sweep of member m-1"))
                .isInstanceOf(RuleEvaluationException.class)
                .hasMessage("rules failed in the sweep of member m-1: java.lang.IllegalStateException: boom")
                .hasCause(thrown);
    }

    @Test
    void shouldPassALoyaltyExceptionOfTheRuleEngineOnAsItIs() {
        InvalidInputException refused = new InvalidInputException("decision.points", "must not be negative");

        assertThatThrownBy(() -> RuleCalls.evaluated(() -> {
            throw refused;
        }, "event p-1", "on event p-1")).isSameAs(refused);
    }
}
