package dev.loyalty.core.spi;

/**
 * The limits a campaign's author declared, travelling with every decision of the campaign's
 * rules: a total points budget, a per-member limit and an exclusive group. The core enforces
 * them: of the campaigns of one group that award points for one event only the best keeps its
 * points; a member never earns more than the member limit from the campaign; and all members
 * together never earn more than the budget, drawn atomically from a store-level counter.
 *
 * @param campaign the campaign id, such as {@code SPRING-01}
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
     */
    public CampaignLimits {
        if (campaign == null || campaign.isBlank()) {
            throw new IllegalArgumentException("campaign must not be blank");
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

    @Override
    public String toString() {
        return "CampaignLimits[" + campaign + (budgeted() ? ", budget " + budget : "")
                + (memberLimit != UNLIMITED ? ", member limit " + memberLimit : "") + (group != null ? ", group " + group : "") + "]";
    }
}
