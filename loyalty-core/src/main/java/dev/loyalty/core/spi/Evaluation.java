package dev.loyalty.core.spi;

import java.util.List;

/**
 * The result of evaluating one event: the decisions and the version of the rule set that made
 * them, taken together so that a rule-set swap can never mislabel an event's entries.
 *
 * @param ruleSetVersion the version of the rule set that evaluated the event
 * @param decisions the decisions, in the order the rules fired
 */
public record Evaluation(String ruleSetVersion, List<Decision> decisions) {

    /** Copies the decisions. */
    public Evaluation {
        if (ruleSetVersion == null || ruleSetVersion.isBlank()) {
            throw new IllegalArgumentException("ruleSetVersion must not be blank");
        }
        decisions = List.copyOf(decisions);
    }
}
