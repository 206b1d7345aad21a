package dev.loyalty.rules.simulation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The result of a simulation: what the current and the candidate campaign sets did with the same
 * events.
 *
 * @param current what the current set did
 * @param candidate what the candidate set did
 */
public record SimulationReport(Side current, Side candidate) {

    /**
     * Checks the components.
     *
     * @param current what the current set did
     * @param candidate what the candidate set did
     */
    public SimulationReport {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(candidate, "candidate");
    }

    /**
     * What one campaign set did with the events.
     *
     * @param campaignSetId the set's id
     * @param version the set's version
     * @param eventsProcessed events the engine accepted
     * @param eventsRejected events the engine refused (such as a purchase before its member enrolled); the same on both sides unless a rule failed
     * @param pointsIssued points credited (earned or pending), before any later claw-back or expiry; as the KPIs count them
     * @param pointsRemoved points taken back: redemptions, returns, expiry (a repayment of clawed-back points from later earnings counts only where it lowers the balance, under {@code ClawbackPolicy.DEBT})
     * @param liability the points the members hold at the end: the sum of their balances
     * @param pointsByCampaign points credited per campaign id
     * @param membersByTier members per tier code at the end
     * @param offersByTemplate offers the closing sweep issued, per offer template code
     */
    public record Side(String campaignSetId, String version, long eventsProcessed, long eventsRejected, long pointsIssued, long pointsRemoved,
                       long liability, Map<String, Long> pointsByCampaign, Map<String, Long> membersByTier, Map<String, Long> offersByTemplate) {

        /**
         * Copies the maps, sorted by key.
         *
         * @param campaignSetId the set's id
         * @param version the set's version
         * @param eventsProcessed events the engine accepted
         * @param eventsRejected events the engine refused (such as a purchase before its member enrolled); the same on both sides unless a rule failed
         * @param pointsIssued points credited (earned or pending), before any later claw-back or expiry; as the KPIs count them
         * @param pointsRemoved points taken back: redemptions, returns, expiry (a repayment of clawed-back points from later earnings counts only where it lowers the balance, under {@code ClawbackPolicy.DEBT})
         * @param liability the points the members hold at the end: the sum of their balances
         * @param pointsByCampaign points credited per campaign id
         * @param membersByTier members per tier code at the end
         * @param offersByTemplate offers the closing sweep issued, per offer template code
         */
        public Side {
            pointsByCampaign = Collections.unmodifiableMap(new TreeMap<>(pointsByCampaign));
            membersByTier = Collections.unmodifiableMap(new TreeMap<>(membersByTier));
            offersByTemplate = Collections.unmodifiableMap(new TreeMap<>(offersByTemplate));
        }

        /**
         * Creates a side without offers.
         *
         * @param campaignSetId the set's id
         * @param version the set's version
         * @param eventsProcessed events the engine accepted
         * @param eventsRejected events the engine refused
         * @param pointsIssued points credited
         * @param pointsRemoved points taken back
         * @param liability the members' balances at the end
         * @param pointsByCampaign points credited per campaign id
         * @param membersByTier members per tier code at the end
         */
        public Side(String campaignSetId, String version, long eventsProcessed, long eventsRejected, long pointsIssued, long pointsRemoved,
                    long liability, Map<String, Long> pointsByCampaign, Map<String, Long> membersByTier) {
            this(campaignSetId, version, eventsProcessed, eventsRejected, pointsIssued, pointsRemoved, liability, pointsByCampaign, membersByTier,
                    Map.of());
        }
    }

    /**
     * Returns how the points liability changes if the candidate replaces the current set.
     *
     * @return candidate liability minus current liability, in points
     */
    public long liabilityChange() {
        return Math.subtractExact(candidate.liability(), current.liability());
    }

    /**
     * Returns the change in points credited per campaign, for every campaign either set credited.
     *
     * @return campaign id to candidate minus current points, sorted by id
     */
    public Map<String, Long> pointsByCampaignChange() {
        Map<String, Long> change = new TreeMap<>();
        TreeSet<String> ids = new TreeSet<>(current.pointsByCampaign().keySet());
        ids.addAll(candidate.pointsByCampaign().keySet());
        for (String id : ids) {
            change.put(id, candidate.pointsByCampaign().getOrDefault(id, 0L) - current.pointsByCampaign().getOrDefault(id, 0L));
        }
        return change;
    }

    /**
     * Returns the change in offers the closing sweep issued per template, for every template
     * either set issued.
     *
     * @return template code to candidate minus current offers, sorted by code
     */
    public Map<String, Long> offersByTemplateChange() {
        Map<String, Long> change = new TreeMap<>();
        TreeSet<String> templates = new TreeSet<>(current.offersByTemplate().keySet());
        templates.addAll(candidate.offersByTemplate().keySet());
        for (String template : templates) {
            change.put(template, candidate.offersByTemplate().getOrDefault(template, 0L) - current.offersByTemplate().getOrDefault(template, 0L));
        }
        return change;
    }

    /**
     * Renders the report as a side-by-side table for a reader. Each column is as wide as its
     * widest cell (at least 28 characters for the labels, 24 for either set and 12 for the
     * change), so that a long campaign id or a large number does not push its row out of line.
     *
     * @return the text
     */
    public String toText() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"", "current", "candidate", "change"});
        rows.add(new String[] {"campaign set", current.campaignSetId() + "@" + current.version(),
                candidate.campaignSetId() + "@" + candidate.version(), ""});
        rows.add(row("events processed", current.eventsProcessed(), candidate.eventsProcessed()));
        rows.add(row("events rejected", current.eventsRejected(), candidate.eventsRejected()));
        rows.add(row("points issued", current.pointsIssued(), candidate.pointsIssued()));
        rows.add(row("points removed", current.pointsRemoved(), candidate.pointsRemoved()));
        rows.add(row("points liability", current.liability(), candidate.liability()));
        rows.add(new String[] {"points issued per campaign"});
        pointsByCampaignChange().keySet().forEach(id -> rows.add(row("  " + id, current.pointsByCampaign().getOrDefault(id, 0L),
                candidate.pointsByCampaign().getOrDefault(id, 0L))));
        rows.add(new String[] {"members per tier"});
        TreeSet<String> tiers = new TreeSet<>(current.membersByTier().keySet());
        tiers.addAll(candidate.membersByTier().keySet());
        tiers.forEach(tier -> rows.add(row("  " + tier, current.membersByTier().getOrDefault(tier, 0L),
                candidate.membersByTier().getOrDefault(tier, 0L))));
        rows.add(new String[] {"offers issued per template (closing sweep)"});
        offersByTemplateChange().keySet().forEach(template -> rows.add(row("  " + template, current.offersByTemplate().getOrDefault(template, 0L),
                candidate.offersByTemplate().getOrDefault(template, 0L))));
        int[] widths = {28, 24, 24, 12};
        for (String[] row : rows) {
            if (row.length == widths.length) {
                for (int i = 0; i < widths.length; i++) {
                    widths[i] = Math.max(widths[i], row[i].length());
                }
            }
        }
        String format = "%-" + widths[0] + "s %" + widths[1] + "s %" + widths[2] + "s %" + widths[3] + "s%n";
        StringBuilder text = new StringBuilder();
        for (String[] row : rows) {
            if (row.length == widths.length) {
                text.append(String.format(format, (Object[]) row));
            } else {
                text.append(row[0]).append('\n');
            }
        }
        return text.toString();
    }

    private static String[] row(String label, long current, long candidate) {
        long change = Math.subtractExact(candidate, current);
        return new String[] {label, String.format("%,d", current), String.format("%,d", candidate),
                (change > 0 ? "+" : "") + String.format("%,d", change)};
    }
}
