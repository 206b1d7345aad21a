package dev.loyalty.core.internal;

import dev.loyalty.core.Explanation;
import dev.loyalty.core.spi.CampaignDraw;
import dev.loyalty.core.spi.CampaignLimits;
import dev.loyalty.core.spi.Decision;
import dev.loyalty.core.spi.MemberView;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Enforces the campaigns' declared limits on a composed event, after the stacking formula and
 * the caps: exclusive groups (of the campaigns of one group that award points, only the one
 * awarding most keeps them; ties go to the one that fired first), then per-member limits (from
 * the member's kept campaign totals) and total budgets (from the store's counters), cutting a
 * campaign's points to what remains and sharing the cut over its rules by largest remainder.
 * Not public API.
 */
final class CampaignGuards {

    private CampaignGuards() {
    }

    /** The guarded composition and the points to draw from the counted campaigns. */
    record Guarded(PointsComposer.Composition composition, List<CampaignDraw> draws) {
    }

    /**
     * Applies the limits.
     *
     * @param decisions the event's decisions
     * @param limits the limits by rule name
     * @param composition the composition of all the decisions
     * @param recompose composes a subset of the decisions again
     * @param view the member's state, for the campaign totals and the budgets' spent points
     * @return the guarded composition and the draws
     */
    static Guarded apply(List<Decision> decisions, Map<String, CampaignLimits> limits, PointsComposer.Composition composition,
                         Function<List<Decision>, PointsComposer.Composition> recompose, MemberView view) {
        if (limits.isEmpty() || composition.awards().isEmpty()) {
            return new Guarded(composition, List.of());
        }
        List<Explanation.Step> drops = new ArrayList<>(1);
        Set<String> dropped = groupLosers(composition.awards(), limits, drops);
        if (!dropped.isEmpty()) {
            List<Decision> kept = new ArrayList<>(decisions.size());
            for (Decision decision : decisions) {
                CampaignLimits campaign = limits.get(decision.rule());
                if (campaign == null || !dropped.contains(campaign.campaign())) {
                    kept.add(decision);
                }
            }
            composition = recompose.apply(kept);
        }
        Map<String, List<PointsComposer.Award>> byCampaign = new LinkedHashMap<>();
        for (PointsComposer.Award award : composition.awards()) {
            CampaignLimits campaign = limits.get(award.rule());
            if (campaign != null && campaign.counted()) {
                byCampaign.computeIfAbsent(campaign.campaign(), c -> new ArrayList<>(1)).add(award);
            }
        }
        if (byCampaign.isEmpty() && drops.isEmpty()) {
            return new Guarded(composition, List.of());
        }
        List<Explanation.Step> extra = new ArrayList<>(1);
        Map<String, Long> cutTo = new LinkedHashMap<>();
        List<CampaignDraw> draws = new ArrayList<>(byCampaign.size());
        for (Map.Entry<String, List<PointsComposer.Award>> entry : byCampaign.entrySet()) {
            List<PointsComposer.Award> awards = entry.getValue();
            CampaignLimits campaign = limits.get(awards.get(0).rule());
            long points = 0;
            for (PointsComposer.Award award : awards) {
                points = Math.addExact(points, award.points());
            }
            long allowed = points;
            String detail = null;
            if (campaign.memberLimit() != CampaignLimits.UNLIMITED) {
                long earned = view.campaignPoints(campaign.campaign());
                long room = Math.max(0, campaign.memberLimit() - earned);
                if (room < allowed) {
                    allowed = room;
                    detail = "member limit cut " + (points - room) + ": at most " + campaign.memberLimit() + " points a member, "
                            + earned + " earned before";
                }
            }
            if (campaign.budgeted()) {
                long spent = view.campaignBudgetSpent(campaign.campaign());
                long room = Math.max(0, campaign.budget() - spent);
                if (room < allowed) {
                    allowed = room;
                    detail = "budget cut " + (points - room) + ": budget " + campaign.budget() + " points, " + Math.min(spent, campaign.budget())
                            + " spent before";
                }
            }
            if (allowed < points) {
                PointsComposer.Award first = awards.get(0);
                extra.add(new Explanation.Step(first.rule(), "Campaign " + campaign.campaign() + " limit", allowed - points, detail));
                long[] shares = share(awards, points, allowed);
                for (int i = 0; i < awards.size(); i++) {
                    cutTo.put(awards.get(i).rule(), shares[i]);
                }
            }
            if (allowed > 0) {
                draws.add(new CampaignDraw(campaign.campaign(), allowed, campaign.budget()));
            }
        }
        List<PointsComposer.Award> awards = composition.awards();
        long total = composition.total();
        if (!cutTo.isEmpty()) {
            awards = new ArrayList<>(awards.size());
            for (PointsComposer.Award award : composition.awards()) {
                Long cut = cutTo.get(award.rule());
                long points = cut == null ? award.points() : cut;
                total -= award.points() - points;
                if (points > 0) {
                    awards.add(new PointsComposer.Award(award.rule(), award.reason(), points));
                }
            }
        }
        PointsComposer.Composition before = composition;
        List<Explanation.Step> dropSteps = List.copyOf(drops);
        List<Explanation.Step> guardSteps = List.copyOf(extra);
        PointsComposer.Composition guarded = guardSteps.isEmpty() && dropSteps.isEmpty() ? before
                : new PointsComposer.Composition(total, List.copyOf(awards), () -> {
                    List<Explanation.Step> steps = dropSteps.isEmpty() ? new ArrayList<>(before.steps())
                            : inFiringOrder(decisions, limits, dropped, before.steps(), dropSteps);
                    steps.addAll(guardSteps);
                    return steps;
                });
        return new Guarded(guarded, List.copyOf(draws));
    }

    /**
     * Puts each dropped campaign's step where its rule first fired among the steps of the decisions
     * kept (one per decision that is not a cap, in firing order, then the cap that bound), so the
     * explanation keeps the firing order and ends with the cap.
     */
    private static List<Explanation.Step> inFiringOrder(List<Decision> decisions, Map<String, CampaignLimits> limits, Set<String> dropped,
                                                        List<Explanation.Step> kept, List<Explanation.Step> drops) {
        Map<String, Explanation.Step> dropByRule = new LinkedHashMap<>();
        for (Explanation.Step drop : drops) {
            dropByRule.put(drop.rule(), drop);
        }
        List<Explanation.Step> steps = new ArrayList<>(kept.size() + drops.size());
        int next = 0;
        for (Decision decision : decisions) {
            CampaignLimits campaign = limits.get(decision.rule());
            if (campaign != null && dropped.contains(campaign.campaign())) {
                Explanation.Step drop = dropByRule.remove(decision.rule());
                if (drop != null) {
                    steps.add(drop);
                }
            } else if (!(decision instanceof Decision.Cap) && next < kept.size()) {
                steps.add(kept.get(next++));
            }
        }
        // the cap that bound, written after the decisions' steps
        steps.addAll(kept.subList(next, kept.size()));
        steps.addAll(dropByRule.values());
        return steps;
    }

    /** Finds the campaigns that lose to a better one of their exclusive group, and explains each. */
    private static Set<String> groupLosers(List<PointsComposer.Award> awards, Map<String, CampaignLimits> limits, List<Explanation.Step> steps) {
        Map<String, Long> pointsByCampaign = new LinkedHashMap<>();
        Map<String, PointsComposer.Award> firstAward = new LinkedHashMap<>();
        for (PointsComposer.Award award : awards) {
            CampaignLimits campaign = limits.get(award.rule());
            if (campaign != null && campaign.group() != null) {
                pointsByCampaign.merge(campaign.campaign(), award.points(), Math::addExact);
                firstAward.putIfAbsent(campaign.campaign(), award);
            }
        }
        if (pointsByCampaign.size() < 2) {
            return Set.of();
        }
        Map<String, String> best = new LinkedHashMap<>();
        for (Map.Entry<String, Long> entry : pointsByCampaign.entrySet()) {
            String group = limits.get(firstAward.get(entry.getKey()).rule()).group();
            String current = best.get(group);
            if (current == null || entry.getValue() > pointsByCampaign.get(current)) {
                best.put(group, entry.getKey());
            }
        }
        Set<String> losers = new HashSet<>();
        for (Map.Entry<String, Long> entry : pointsByCampaign.entrySet()) {
            PointsComposer.Award award = firstAward.get(entry.getKey());
            String group = limits.get(award.rule()).group();
            String winner = best.get(group);
            if (!winner.equals(entry.getKey())) {
                losers.add(entry.getKey());
                steps.add(new Explanation.Step(award.rule(), award.reason(), 0, "dropped: exclusive group " + group
                        + " applies only its best offer, " + winner + " with " + pointsByCampaign.get(winner) + " points; this offer came to "
                        + entry.getValue() + " points"));
            }
        }
        return losers;
    }

    /** Shares {@code allowed} points over a campaign's awards in proportion, by largest remainder. */
    private static long[] share(List<PointsComposer.Award> awards, long points, long allowed) {
        BigDecimal[] exact = new BigDecimal[awards.size()];
        for (int i = 0; i < exact.length; i++) {
            exact[i] = BigDecimal.valueOf(awards.get(i).points()).multiply(BigDecimal.valueOf(allowed))
                    .divide(BigDecimal.valueOf(points), 24, RoundingMode.DOWN);
        }
        return PointsComposer.allocate(exact, allowed);
    }
}
