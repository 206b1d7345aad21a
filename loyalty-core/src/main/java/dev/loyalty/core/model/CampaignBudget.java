package dev.loyalty.core.model;

/**
 * How much of a campaign's total points budget has been used, as the store counts it.
 *
 * @param campaign the campaign id
 * @param total the budget, as the rules declared it at the last draw
 * @param spent the points awarded from it so far; never more than the total at the time of each draw
 */
public record CampaignBudget(String campaign, long total, long spent) {

    /**
     * Returns the points left.
     *
     * @return the total less what was spent, never below zero
     */
    public long remaining() {
        return Math.max(0, total - spent);
    }
}
