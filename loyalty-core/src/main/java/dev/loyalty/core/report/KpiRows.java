package dev.loyalty.core.report;

import dev.loyalty.core.insight.ProgramKpis;
import dev.loyalty.core.insight.Ratio;
import java.util.ArrayList;
import java.util.List;

/** The KPIs as labelled rows with their formulas, shared by the CSV, JSON and HTML writers. Not public API. */
final class KpiRows {

    /**
     * One KPI.
     *
     * @param key the stable machine name
     * @param label the human name
     * @param value the value as text (a count, points, money or a percentage; {@code n/a} when undefined)
     * @param ratio the ratio behind a rate, or null
     * @param formula how it is computed
     */
    record Row(String key, String label, String value, Ratio ratio, String formula) {
    }

    private KpiRows() {
    }

    static List<Row> of(ProgramKpis k) {
        List<Row> rows = new ArrayList<>();
        rows.add(count("members", "Members", k.members(), "members enrolled before the period's end"));
        rows.add(count("new_members", "New members", k.newMembers(), "members enrolled in the period"));
        rows.add(count("active_members", "Active members", k.activeMembers(), "members with at least one purchase in the period"));
        rows.add(count("previous_active_members", "Active members, previous period", k.previousActiveMembers(),
                "members with at least one purchase in the previous period of the same length"));
        rows.add(rate("retention_rate", "Retention rate", k.retention(),
                "previous period's active members who bought in the period / previous period's active members"));
        rows.add(rate("churn_rate", "Churn rate", k.churn(),
                "previous period's active members who did not buy in the period / previous period's active members"));
        rows.add(rate("repurchase_rate", "Repurchase rate", k.repurchase(), "active members with 2+ purchases in the period / active members"));
        rows.add(count("points_issued", "Points issued", k.pointsIssued(), "sum of earn and pending entries in the period"));
        rows.add(count("points_redeemed", "Points redeemed", k.pointsRedeemed(), "minus the sum of redeem entries in the period"));
        rows.add(count("points_expired", "Points expired", k.pointsExpired(), "minus the sum of expire entries in the period"));
        rows.add(count("points_clawed_back", "Points clawed back", k.pointsClawedBack(), "minus the sum of reverse and repay entries in the period"));
        rows.add(count("liability_points", "Outstanding points (liability)", k.liabilityPoints(),
                "sum of all entries before the period's end"));
        rows.add(new Row("liability_value", "Liability value", k.liabilityValue() == null ? "n/a" : k.liabilityValue().toString(), null,
                "outstanding points x point value"));
        rows.add(rate("breakage_rate", "Breakage rate", k.breakage(), "points expired / points issued, in the period"));
        rows.add(rate("redemption_rate", "Redemption rate", k.redemption(), "points redeemed / points issued, in the period"));
        rows.add(count("tier_promotions", "Tier promotions", k.tierMovements().promotions(), "PROMOTION records of the tier history in the period"));
        rows.add(count("tier_demotions", "Tier demotions", k.tierMovements().demotions(), "DEMOTION records of the tier history in the period"));
        ProgramKpis.OfferConversion offers = k.offers();
        rows.add(count("offers_issued", "Offers issued", offers.issued(), "offers issued in the period"));
        rows.add(rate("offer_redemption_rate", "Offer redemption rate", offers.redemption(),
                "offers issued in the period and redeemed by the run / offers issued in the period"));
        rows.add(count("win_back_offers_issued", "Win-back offers issued", offers.winBackIssued(), "win-back offers issued in the period"));
        rows.add(rate("offer_conversion_rate", "Win-back conversion rate", offers.conversion(),
                "win-back offers issued in the period and converted by the run / win-back offers issued in the period"));
        rows.add(rate("referral_rate", "Referral rate", k.referral(),
                "members enrolled in the period with a referral code / members enrolled in the period"));
        return rows;
    }

    private static Row count(String key, String label, long value, String formula) {
        return new Row(key, label, Long.toString(value), null, formula);
    }

    private static Row rate(String key, String label, Ratio ratio, String formula) {
        return new Row(key, label, ratio.toString(), ratio, formula);
    }
}
