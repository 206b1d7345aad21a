package dev.loyalty.rules;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The campaigns a {@link DroolsRuleEngine} runs, as one versioned unit.
 *
 * @param id the set's id, as given to {@link DroolsRuleEngine.Builder#id(String)}
 * @param version the content hash of the set's sources (see {@link DroolsRuleEngine#version()}),
 *                recorded on every ledger entry the set produces
 * @param campaigns the campaigns, sorted by id
 */
public record CampaignSet(String id, String version, List<Campaign> campaigns) {

    /**
     * Checks and copies the components.
     *
     * @param id the set's id, as given to {@link DroolsRuleEngine.Builder#id(String)}
     * @param version the content hash of the set's sources (see {@link DroolsRuleEngine#version()}),
     *                    recorded on every ledger entry the set produces
     * @param campaigns the campaigns, sorted by id
     */
    public CampaignSet {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        campaigns = List.copyOf(campaigns);
    }

    /**
     * Looks up a campaign by id.
     *
     * @param campaignId the id, such as {@code SPRING-01}
     * @return the campaign, or empty when the set has none of that id
     */
    public Optional<Campaign> campaign(String campaignId) {
        return campaigns.stream().filter(c -> c.id().equals(campaignId)).findFirst();
    }

    /**
     * Looks up the campaign a rule belongs to.
     *
     * @param rule the rule's name, as decisions and ledger entries carry it
     * @return the campaign, or empty when no rule of the set has that name
     */
    public Optional<Campaign> campaignOfRule(String rule) {
        return campaigns.stream().filter(c -> c.rules().contains(rule)).findFirst();
    }
}
