package dev.loyalty.core.internal;

import dev.loyalty.core.Explanation;
import dev.loyalty.core.PointsOverflowException;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.Points;
import dev.loyalty.core.spi.CampaignLimits;
import dev.loyalty.core.spi.Decision;
import dev.loyalty.core.spi.Evaluation;
import dev.loyalty.core.spi.MemberView;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The points one side of a referral is rewarded, gathered from one or more evaluations (the
 * referrer's reward and the referral star are asked separately but credited together) and
 * then limited as an event's points are: exclusive groups, member limits and budgets
 * ({@link CampaignGuards}). Only fixed points for the whole event are acted on for referrals.
 * Not public API.
 */
final class ReferralRewards {

    private final List<Decision> rewarding = new ArrayList<>(2);
    private final Map<String, CampaignLimits> limits = new HashMap<>();
    private final String reward;

    /**
     * Starts with no rewards.
     *
     * @param reward what the rewards are for, as an error message names it: "the referee reward of the referral of bob by ann"
     */
    ReferralRewards(String reward) {
        this.reward = reward;
    }

    /**
     * Adds an evaluation's rewards and its campaigns' limits.
     *
     * @param evaluation the evaluation
     * @return whether it rewards any points
     */
    boolean add(Evaluation evaluation) {
        boolean any = false;
        for (Decision decision : evaluation.decisions()) {
            if (decision instanceof Decision.FixedPoints fixed && fixed.line() == Decision.WHOLE_EVENT && fixed.points() > 0) {
                rewarding.add(fixed);
                any = true;
            }
        }
        limits.putAll(evaluation.limits());
        return any;
    }

    /**
     * Applies the campaigns' limits to the rewards gathered.
     *
     * @param view the rewarded member's state: the campaign totals and the budgets' spent points
     * @param member the rewarded member
     * @return the awards, total and steps after the limits, and the points to draw from counted campaigns
     * @throws PointsOverflowException when the rewards add up past what a long holds, naming the rules and their points
     */
    CampaignGuards.Guarded guarded(MemberView view, MemberId member) {
        PointsComposer.Composition composition = compose(rewarding, member);
        return CampaignGuards.apply(rewarding, limits, composition, decisions -> compose(decisions, member), view);
    }

    /** One award per rule, in the order each rule first fired, and one step per decision. */
    private PointsComposer.Composition compose(List<Decision> decisions, MemberId member) {
        Map<String, PointsComposer.Award> byRule = new LinkedHashMap<>();
        List<Explanation.Step> steps = new ArrayList<>(decisions.size());
        long total = 0;
        for (Decision decision : decisions) {
            long points = ((Decision.FixedPoints) decision).points();
            try {
                total = Math.addExact(total, points);
            } catch (ArithmeticException e) {
                throw overflow(decisions, member);
            }
            byRule.merge(decision.rule(), new PointsComposer.Award(decision.rule(), decision.reason(), points),
                    (a, b) -> new PointsComposer.Award(a.rule(), a.reason(), Points.add(a.points(), b.points())));
            steps.add(new Explanation.Step(decision.rule(), decision.reason(), points, ""));
        }
        List<Explanation.Step> written = List.copyOf(steps);
        return new PointsComposer.Composition(total, List.copyOf(byRule.values()), () -> written);
    }

    /** The refusal of rewards adding up past a long: their exact sum, the member, and each rule with its points. */
    private PointsOverflowException overflow(List<Decision> decisions, MemberId member) {
        BigInteger sum = BigInteger.ZERO;
        for (Decision decision : decisions) {
            sum = sum.add(BigInteger.valueOf(((Decision.FixedPoints) decision).points()));
        }
        return new PointsOverflowException("points overflow: " + reward + " would earn member " + member + " " + sum
                + " points, more than a long can hold"
                + PointsComposer.fromRules(decisions, d -> Long.toString(((Decision.FixedPoints) decisions.get(d)).points())));
    }
}
