package dev.loyalty.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.loyalty.core.RuleDefinitionException;

/** Builds rules that must be refused, for the tests of what the refusal reports. */
final class Refusals {

    private Refusals() {
    }

    /** Builds the rules and returns the refusal, failing the test when they build. */
    static RuleDefinitionException refused(DroolsRuleEngine.Builder rules) {
        RuleDefinitionException refused = catchThrowableOfType(RuleDefinitionException.class, rules::build);
        assertThat(refused).as("the build's refusal").isNotNull();
        return refused;
    }
}
