package dev.loyalty.core.testing;

import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.model.OfferKind;
import dev.loyalty.core.model.OfferTrigger;
import dev.loyalty.core.referral.ReferralOccasion;
import dev.loyalty.core.spi.CampaignLimits;
import dev.loyalty.core.spi.Decision;
import dev.loyalty.core.spi.Evaluation;
import dev.loyalty.core.spi.ReferralContext;
import dev.loyalty.core.spi.RuleContext;
import dev.loyalty.core.spi.RuleEngine;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A plain-Java rule engine for referral tests: 1 point per pound on purchases, the seed
 * referral practice (REF-01: 500 points to each side, and a 10% offer to the referee; REFSTAR-01: 2,000 points to a referrer
 * with 5 or more qualified referrals in a calendar quarter), and a switch that makes the
 * referrer's side fail a number of times, to stand for a crash between the two sides, one
 * that makes the referral rules declare campaign limits, and one that replaces an occasion's
 * decisions.
 */
public final class ReferralRules implements RuleEngine {

    /** The rule name of both sides' reward. */
    public static final String REF = "REF-01";
    /** The rule name of the referral star. */
    public static final String STAR = "REFSTAR-01";
    /** The template of the offer the referee also gets: 10% off for 30 days. */
    public static final String WELCOME_OFFER = "REF-WELCOME-10";
    /** Points to each side. */
    public static final long REWARD = 500;
    /** Points of the star. */
    public static final long STAR_POINTS = 2_000;
    /** Qualified referrals in a quarter that earn the star. */
    public static final int STAR_THRESHOLD = 5;

    private final RuleEngine base = JavaRules.of("referral-rules",
            ctx -> ctx.event() instanceof Purchase
                    ? List.of(new Decision.BaseRate("BASE", "1 point per pound", Decision.WHOLE_EVENT, BigDecimal.ONE))
                    : List.of());
    private final AtomicInteger referrerFailures = new AtomicInteger();
    private volatile Map<String, CampaignLimits> limits = Map.of();
    private final Map<ReferralOccasion, List<Decision>> answers = new EnumMap<>(ReferralOccasion.class);

    /**
     * Makes the next evaluations of the referrer's reward fail.
     *
     * @param times how many
     */
    public void failReferrerSide(int times) {
        referrerFailures.set(times);
    }

    /**
     * Makes the referral evaluations declare these campaign limits from now on.
     *
     * @param byRule the limits by rule name ({@link #REF}, {@link #STAR})
     */
    public void limits(Map<String, CampaignLimits> byRule) {
        limits = Map.copyOf(byRule);
    }

    /**
     * Makes the referral evaluations of an occasion answer these decisions from now on, instead
     * of the seed practice's.
     *
     * @param occasion the occasion
     * @param decisions the decisions to answer
     */
    public synchronized void answer(ReferralOccasion occasion, List<Decision> decisions) {
        answers.put(occasion, List.copyOf(decisions));
    }

    @Override
    public String version() {
        return "referral-rules";
    }

    @Override
    public Evaluation evaluate(RuleContext context) {
        return base.evaluate(context);
    }

    @Override
    public Evaluation evaluateReferral(ReferralContext context) {
        List<Decision> answer;
        synchronized (this) {
            answer = answers.get(context.occasion());
        }
        if (answer != null) {
            return new Evaluation(version(), answer, limits);
        }
        return new Evaluation(version(), switch (context.occasion()) {
            case REFEREE_REWARD -> List.of(new Decision.FixedPoints(REF, "Welcome: you were referred", Decision.WHOLE_EVENT, REWARD),
                    new Decision.IssueOffer(REF, "10% off your next order", OfferTrigger.BIRTHDAY, WELCOME_OFFER, OfferKind.DISCOUNT,
                            BigDecimal.TEN, null, 30));
            case REFERRER_REWARD -> {
                if (referrerFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    throw new IllegalStateException("referrer side failing on purpose");
                }
                yield List.of(new Decision.FixedPoints(REF, "Thanks for referring a friend", Decision.WHOLE_EVENT, REWARD));
            }
            case REFERRAL_STAR -> context.qualifiedThisQuarter() >= STAR_THRESHOLD
                    ? List.of(new Decision.FixedPoints(STAR, "Referral star of " + context.quarter(), Decision.WHOLE_EVENT, STAR_POINTS))
                    : List.<Decision>of();
        }, limits);
    }
}
