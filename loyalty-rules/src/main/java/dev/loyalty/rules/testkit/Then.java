package dev.loyalty.rules.testkit;

import dev.loyalty.core.CoreRules;
import dev.loyalty.core.Explanation;
import dev.loyalty.core.Outcome;
import dev.loyalty.core.model.LedgerEntry;
import dev.loyalty.rules.Campaign;
import dev.loyalty.rules.CampaignSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a scenario's event awarded, with checks that fail with an {@link AssertionError} whose
 * message shows the event's explanation. Checks return this object, so they chain.
 */
public final class Then {

    private static final String RULE_OR_CAMPAIGN = "a rule's full name or a campaign id such as SPRING-01";

    private final Outcome outcome;
    private final CampaignSet campaigns;
    private final String scenario;

    Then(Outcome outcome, CampaignSet campaigns, String scenario) {
        this.outcome = outcome;
        this.campaigns = campaigns;
        this.scenario = scenario;
    }

    /**
     * Checks the points the event awarded in all.
     *
     * @param points the expected points
     * @return this
     * @throws AssertionError when the event awarded other points
     */
    public Then thenAwarded(long points) {
        long actual = outcome.entries().stream().mapToLong(e -> e.points().value()).sum();
        if (actual != points) {
            throw failure("expected " + points + " points in all, but the event awarded " + actual);
        }
        return this;
    }

    /**
     * Checks the points one rule, or all the rules of one campaign, awarded.
     *
     * @param ruleOrCampaign a rule's full name, or a campaign id such as {@code SPRING-01}
     * @param points the expected points; 0 means none
     * @return this
     * @throws AssertionError when they awarded other points, or when no rule or campaign of the set
     *                        has that name (the core's own names, {@link CoreRules#ALL} such as {@code core:tier}, are accepted)
     * @throws IllegalArgumentException when the name is null or blank
     */
    public Then thenAwardedBy(String ruleOrCampaign, long points) {
        long actual = pointsBy(Arguments.text("thenAwardedBy", "ruleOrCampaign", RULE_OR_CAMPAIGN, ruleOrCampaign));
        if (actual != points) {
            throw failure("expected " + ruleOrCampaign + " to award " + points + " points, but it awarded " + actual);
        }
        return this;
    }

    /**
     * Checks that a rule, or the rules of a campaign, awarded nothing.
     *
     * @param ruleOrCampaign a rule's full name or a campaign id
     * @return this
     * @throws AssertionError when they awarded points, or when no rule or campaign of the set
     *                        has that name, so that a misspelt id cannot pass
     * @throws IllegalArgumentException when the name is null or blank
     */
    public Then thenNotAwardedBy(String ruleOrCampaign) {
        long actual = pointsBy(Arguments.text("thenNotAwardedBy", "ruleOrCampaign", RULE_OR_CAMPAIGN, ruleOrCampaign));
        if (actual != 0) {
            throw failure("expected " + ruleOrCampaign + " to award nothing, but it awarded " + actual + " points");
        }
        return this;
    }

    /**
     * Returns the points awarded per rule, in ledger order.
     *
     * @return rule name to points
     */
    public Map<String, Long> awardsByRule() {
        Map<String, Long> byRule = new LinkedHashMap<>();
        for (LedgerEntry entry : outcome.entries()) {
            byRule.merge(entry.rule(), entry.points().value(), Long::sum);
        }
        return byRule;
    }

    /**
     * Returns the event's outcome, for checks of your own.
     *
     * @return the outcome
     */
    public Outcome outcome() {
        return outcome;
    }

    /**
     * Returns the event's explanation: the rules that fired in order, what each contributed, and any cap's cut.
     *
     * @return the explanation
     */
    public Explanation explanation() {
        return outcome.explanation();
    }

    private long pointsBy(String ruleOrCampaign) {
        requireKnown(ruleOrCampaign);
        return outcome.entries().stream().filter(e -> e.rule().equals(ruleOrCampaign) || campaignOf(e.rule()).equals(ruleOrCampaign))
                .mapToLong(e -> e.points().value()).sum();
    }

    // the core's own entries (core:tier, core:return, ...) have the core's names; a misspelt id would otherwise match nothing and make
    // every "awarded nothing" check pass
    private void requireKnown(String ruleOrCampaign) {
        boolean known = campaigns.campaign(ruleOrCampaign).isPresent() || campaigns.campaignOfRule(ruleOrCampaign).isPresent()
                || CoreRules.ALL.contains(ruleOrCampaign) || outcome.entries().stream().anyMatch(e -> e.rule().equals(ruleOrCampaign));
        if (!known) {
            throw failure("no rule or campaign of campaign set " + campaigns.id() + " is named " + ruleOrCampaign
                    + "; give a campaign id or a rule's full name");
        }
    }

    private String campaignOf(String rule) {
        return campaigns.campaignOfRule(rule).map(Campaign::id).orElse("");
    }

    private AssertionError failure(String what) {
        List<String> active = campaigns.campaigns().stream().map(Campaign::id).toList();
        return new AssertionError(what + "\n" + scenario + "\nexplanation:\n" + outcome.explanation().toText()
                + "\nawarded by rule: " + awardsByRule() + "\ncampaign set " + campaigns.id() + " version " + campaigns.version()
                + ", campaigns " + active);
    }
}
