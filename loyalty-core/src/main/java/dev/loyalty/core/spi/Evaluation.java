package dev.loyalty.core.spi;

import java.util.List;
import java.util.Map;

/**
 * The result of evaluating one event: the decisions and the version of the rule set that made
 * them, taken together so that a rule-set swap can never mislabel an event's entries.
 *
 * @param ruleSetVersion the version of the rule set that evaluated the event
 * @param decisions the decisions, in the order the rules fired
 * @param limits the declared limits of the campaigns, by the name of each rule that belongs to a limited
 *               campaign (a budget, a member limit or an exclusive group); rules not listed are unlimited
 */
public record Evaluation(String ruleSetVersion, List<Decision> decisions, Map<String, CampaignLimits> limits) {

    /** Copies the decisions and the limits (an unmodifiable map is kept as it is). */
    public Evaluation {
        if (ruleSetVersion == null || ruleSetVersion.isBlank()) {
            throw new IllegalArgumentException("ruleSetVersion must not be blank");
        }
        decisions = List.copyOf(decisions);
        limits = limits == null ? Map.of() : Map.copyOf(limits);
    }

    /**
     * Creates an evaluation whose campaigns declare no limits.
     *
     * @param ruleSetVersion the version of the rule set that evaluated the event
     * @param decisions the decisions, in the order the rules fired
     */
    public Evaluation(String ruleSetVersion, List<Decision> decisions) {
        this(ruleSetVersion, decisions, Map.of());
    }
}
