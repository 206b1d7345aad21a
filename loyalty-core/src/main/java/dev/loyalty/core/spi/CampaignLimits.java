package dev.loyalty.core.spi;

import dev.loyalty.core.internal.Checks;

/**
 * The limits a campaign's author declared, travelling with every decision of the campaign's
 * rules: a total points budget, a per-member limit and an exclusive group. The core enforces
 * them: of the campaigns of one group that award points for one event only the best keeps its
 * points; a member never earns more than the member limit from the campaign; and all members
 * together never earn more than the budget, drawn atomically from a store-level counter.
 *
 * @param campaign the campaign id, such as {@code SPRING-01}; for a campaign with a budget or a member
 *                 limit, whose totals the store keeps under it, at most 128 characters, without control
 *                 characters or lone surrogates
 * @param budget the total points the campaign may award, or {@link #UNLIMITED}
 * @param memberLimit the points one member may earn from the campaign in all, or {@link #UNLIMITED}
 * @param group the exclusive group the campaign belongs to, or null for none
 */
public record CampaignLimits(String campaign, long budget, long memberLimit, String group) {

    /** No limit. */
    public static final long UNLIMITED = Long.MAX_VALUE;

    /**
     * Checks the components.
     *
     * @param campaign the campaign id, such as {@code SPRING-01}
     * @param budget the total points the campaign may award, or {@link #UNLIMITED}
     * @param memberLimit the points one member may earn from the campaign in all, or {@link #UNLIMITED}
     * @param group the exclusive group the campaign belongs to, or null for none
     * @throws IllegalArgumentException when the campaign id is blank or, with a limit, no store can keep it, a limit is
     *         negative or the group is blank (in a rule engine's evaluation, the core reports it as a
     *         {@link dev.loyalty.core.RuleEvaluationException} and stores nothing)
     */
    public CampaignLimits {
        if (campaign == null || campaign.isBlank()) {
            throw new IllegalArgumentException("campaign must not be blank");
        }
        if (budget != UNLIMITED || memberLimit != UNLIMITED) {
            // the store keeps a counted campaign's totals under its id
            storable(campaign);
        }
        if (budget < 0 || memberLimit < 0) {
            throw new IllegalArgumentException("campaign " + campaign + ": budget " + budget + " and member limit " + memberLimit
                    + " must not be negative");
        }
        if (group != null && group.isBlank()) {
            throw new IllegalArgumentException("campaign " + campaign + ": group must not be blank");
        }
    }

    /**
     * Tells whether the campaign's points are counted: it has a budget or a member limit.
     *
     * @return true when the core keeps the campaign's totals
     */
    public boolean counted() {
        return budget != UNLIMITED || memberLimit != UNLIMITED;
    }

    /**
     * Tells whether the campaign has a total budget.
     *
     * @return true when the budget is not {@link #UNLIMITED}
     */
    public boolean budgeted() {
        return budget != UNLIMITED;
    }

    /**
     * Returns the campaign id and the limits it has, such as
     * {@code CampaignLimits[SPRING-01, budget 5000, member limit 200, group spring]}; an
     * {@link #UNLIMITED} budget or member limit and a null group are left out.
     *
     * @return the text, for logs and debugging
     */
    @Override
    public String toString() {
        return "CampaignLimits[" + campaign + (budgeted() ? ", budget " + budget : "")
                + (memberLimit != UNLIMITED ? ", member limit " + memberLimit : "") + (group != null ? ", group " + group : "") + "]";
    }

    /**
     * Refuses a campaign id no store can keep as it is, nor the engine look up: longer than
     * {@value Checks#MAX_ID_LENGTH} characters ({@code LoyaltyEngine.campaignBudget} takes no
     * longer id), holding a control character (PostgreSQL refuses a NUL in text) or a lone
     * surrogate (which UTF-8 cannot encode).
     */
    private static void storable(String campaign) {
        String problem = Checks.unstorableId(campaign, true);
        if (problem != null) {
            throw new IllegalArgumentException("campaign id " + problem);
        }
    }
}
