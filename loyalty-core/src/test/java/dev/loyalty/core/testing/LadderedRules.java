package dev.loyalty.core.testing;

import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.model.MemberSegment;
import dev.loyalty.core.spi.CampaignLimits;
import dev.loyalty.core.spi.Decision;
import dev.loyalty.core.spi.Evaluation;
import dev.loyalty.core.spi.ReferralContext;
import dev.loyalty.core.spi.RuleContext;
import dev.loyalty.core.spi.RuleEngine;
import dev.loyalty.core.spi.SweepContext;
import dev.loyalty.core.tier.QualifyingWindow;
import dev.loyalty.core.tier.TierPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules of {@link SameHistoryContract}: the simple pack with its offers and a budget on its
 * weekend promotion, the referral rewards, a spend ladder and a campaign on the stored segment's
 * scores. None reads the balance, so {@code processAll} evaluates a batch's purchases in one call.
 */
final class LadderedRules implements RuleEngine {
    private final JavaRules pack;
    private final ReferralRules referrals = new ReferralRules();
    private final TierPolicy ladder = TierRules.ladder(QualifyingWindow.ROLLING_12_MONTHS).build();

    /**
     * Makes the rules.
     *
     * @param withBudget whether the weekend promotion draws on a campaign budget, which all members share
     */
    LadderedRules(boolean withBudget) {
        JavaRules offers = JavaRules.simplePack(300).withOfferPack();
        pack = withBudget ? offers.withLimits(Map.of(JavaRules.WEEKEND, new CampaignLimits("WEEKEND", 2_000, 300, null))) : offers;
    }

    @Override
    public String version() {
        return pack.version();
    }

    @Override
    public Evaluation evaluate(RuleContext context) {
        Evaluation evaluation = pack.evaluate(context);
        List<Decision> decisions = evaluation.decisions();
        MemberSegment segment = context.segment();
        if (context.event() instanceof Purchase && segment != null) {
            // a segment campaign: the stored segment and its scores reach the rules, from either store
            decisions = new ArrayList<>(decisions);
            decisions.add(new Decision.FixedPoints("SEG-" + segment.segment(), "points by segment scores", Decision.WHOLE_EVENT,
                    segment.recency() + segment.frequency() + segment.monetary()));
        }
        return new Evaluation(evaluation.ruleSetVersion(), decisions, evaluation.limits(), false);
    }

    @Override
    public boolean usesSegments() {
        return true;
    }

    /** None of the pack's rules reads the balance: so {@code processAll} evaluates a batch's purchases in one call, as with Drools. */
    @Override
    public boolean usesBalance() {
        return false;
    }

    @Override
    public Evaluation evaluateReferral(ReferralContext context) {
        return referrals.evaluateReferral(context);
    }

    @Override
    public Evaluation evaluateSweep(SweepContext context) {
        return pack.evaluateSweep(context);
    }

    @Override
    public Optional<TierPolicy> tierPolicy() {
        return Optional.of(ladder);
    }
}
