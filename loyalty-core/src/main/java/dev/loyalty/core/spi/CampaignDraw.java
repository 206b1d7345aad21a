package dev.loyalty.core.spi;

/**
 * Points one event awards from a counted campaign (one with a budget or a member limit): the
 * store adds them to the member's total for the campaign and, when the campaign has a budget,
 * draws them from the campaign's budget atomically, refusing the whole change when the draw
 * does not fit what remains (the work is then run again and sees the new remainder).
 *
 * @param campaign the campaign id
 * @param points the points awarded; positive
 * @param budget the campaign's total budget as the rules declare it now, or {@link CampaignLimits#UNLIMITED}
 */
public record CampaignDraw(String campaign, long points, long budget) {

    /**
     * Checks the components.
     *
     * @param campaign the campaign id
     * @param points the points awarded; positive
     * @param budget the campaign's total budget as the rules declare it now, or {@link CampaignLimits#UNLIMITED}
     */
    public CampaignDraw {
        if (campaign == null || campaign.isBlank()) {
            throw new IllegalArgumentException("campaign must not be blank");
        }
        if (points <= 0) {
            throw new IllegalArgumentException("campaign " + campaign + ": a draw of " + points + " points must be positive");
        }
        if (budget < 0) {
            throw new IllegalArgumentException("campaign " + campaign + ": budget " + budget + " must not be negative");
        }
    }

    /**
     * Tells whether the draw comes out of a total budget.
     *
     * @return true when the campaign has a budget
     */
    public boolean budgeted() {
        return budget != CampaignLimits.UNLIMITED;
    }
}
