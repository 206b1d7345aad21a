package dev.loyalty.core.spi;

import dev.loyalty.core.internal.Checks;
import java.util.List;
import java.util.Map;

/**
 * The result of evaluating one event: the decisions and the version of the rule set that made
 * them, taken together so that a rule-set swap can never mislabel an event's entries.
 *
 * @param ruleSetVersion the version of the rule set that evaluated the event: 1 to 128 characters,
 *                       without NUL or lone surrogates, which no store could keep
 * @param decisions the decisions, in the order the rules fired
 * @param limits the declared limits of the campaigns, by the name of each rule that belongs to a limited
 *               campaign (a budget, a member limit or an exclusive group); rules not listed are unlimited
 * @param readsBalance whether the rules that made it could read the member's points balance
 *                     ({@link RuleContext#balance()}); when false, the core may apply the evaluation
 *                     after the balance has moved, as {@code processAll} does for several purchases of
 *                     one member evaluated together. True unless the rule engine knows better
 */
public record Evaluation(String ruleSetVersion, List<Decision> decisions, Map<String, CampaignLimits> limits, boolean readsBalance) {

    /**
     * Copies the decisions and the limits (an unmodifiable map is kept as it is).
     *
     * @param ruleSetVersion the version of the rule set that evaluated the event
     * @param decisions the decisions, in the order the rules fired
     * @param limits the declared limits of the campaigns, by the name of each rule that belongs to a limited
     *                   campaign (a budget, a member limit or an exclusive group); rules not listed are unlimited
     * @param readsBalance whether the rules that made it could read the member's points balance
     *                         ({@link RuleContext#balance()}); when false, the core may apply the evaluation
     *                         after the balance has moved, as {@code processAll} does for several purchases of
     *                         one member evaluated together. True unless the rule engine knows better
     * @throws IllegalArgumentException when the version is null or blank
     * @throws dev.loyalty.core.RuleEvaluationException when the version is longer than 128 characters or
     *         holds a NUL or a lone surrogate
     */
    public Evaluation {
        if (ruleSetVersion == null || ruleSetVersion.isBlank()) {
            throw new IllegalArgumentException("ruleSetVersion must not be blank");
        }
        Checks.ruleSetVersion(ruleSetVersion);
        decisions = List.copyOf(decisions);
        limits = limits == null ? Map.of() : Map.copyOf(limits);
    }

    /**
     * Creates an evaluation whose rules may read the balance.
     *
     * @param ruleSetVersion the version of the rule set that evaluated the event
     * @param decisions the decisions, in the order the rules fired
     * @param limits the declared limits of limited campaigns, by rule name
     */
    public Evaluation(String ruleSetVersion, List<Decision> decisions, Map<String, CampaignLimits> limits) {
        this(ruleSetVersion, decisions, limits, true);
    }

    /**
     * Creates an evaluation whose campaigns declare no limits.
     *
     * @param ruleSetVersion the version of the rule set that evaluated the event
     * @param decisions the decisions, in the order the rules fired
     */
    public Evaluation(String ruleSetVersion, List<Decision> decisions) {
        this(ruleSetVersion, decisions, Map.of(), true);
    }
}
