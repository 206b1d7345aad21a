package dev.loyalty.benchmarks;

import dev.loyalty.core.event.Enrolment;
import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.event.PurchaseLine;
import dev.loyalty.core.model.OfferKind;
import dev.loyalty.core.model.OfferTrigger;
import dev.loyalty.core.spi.Decision;
import dev.loyalty.core.spi.Evaluation;
import dev.loyalty.core.spi.RuleContext;
import dev.loyalty.core.spi.SweepContext;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The default campaign pack written by hand in plain Java: the baseline the Drools engine is
 * measured against. It makes the same decisions, with the same rule names, as the DRL files
 * in {@code loyalty-rules/src/main/resources/dev/loyalty/rules/campaigns/default}, in the order
 * those rules fire (so largest-remainder ties split alike); tests replay synthetic purchases and
 * the retail sample through both and compare the points per rule.
 */
public final class PlainJavaCampaigns extends DefaultPackPort {

    private static final BigDecimal ONE = BigDecimal.ONE;
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final BigDecimal ADVENT = new BigDecimal("1.5");

    @Override
    public String version() {
        return "plain-java";
    }

    @Override
    public Evaluation evaluate(RuleContext context) {
        List<Decision> decisions = new ArrayList<>(8);
        if (context.event() instanceof Enrolment) {
            decisions.add(new Decision.FixedPoints("WELCOME-01 welcome bonus", "Welcome to the programme: 100 points", Decision.WHOLE_EVENT, 100));
        } else if (context.event() instanceof Purchase purchase) {
            purchase(context, purchase, decisions);
        }
        return new Evaluation(version(), decisions, Map.of(), false);
    }

    /** The offers of {@code offers.drl}: BDAY-01 on a birthday, WINBACK-90 from 90 to 179 dormant days, WINBACK-180 from 180. */
    @Override
    public Evaluation evaluateSweep(SweepContext context) {
        List<Decision> decisions = new ArrayList<>(2);
        if (context.birthday() != null) {
            decisions.add(new Decision.IssueOffer("BDAY-01 birthday: 500 points", "Happy birthday: 500 points on us", OfferTrigger.BIRTHDAY,
                    "BDAY-01", OfferKind.POINTS, BigDecimal.valueOf(500), null, 30));
        }
        if (context.dormancy() != null) {
            long days = context.dormancy().days();
            if (days >= 90 && days < 180) {
                decisions.add(new Decision.IssueOffer("WINBACK-01 10% off after 90 days without a purchase", "We miss you: 10% off your next order",
                        OfferTrigger.WIN_BACK, "WINBACK-90", OfferKind.DISCOUNT, BigDecimal.TEN, null, 30));
            }
            if (days >= 180) {
                decisions.add(new Decision.IssueOffer("WINBACK-02 20% off after 180 days without a purchase", "Come back: 20% off your next order",
                        OfferTrigger.WIN_BACK, "WINBACK-180", OfferKind.DISCOUNT, BigDecimal.valueOf(20), null, 30));
            }
        }
        return new Evaluation(version(), decisions);
    }

    /** The decisions in the order the DRL's rules fire: by salience, then file order, each per-line rule over all lines. */
    private static void purchase(RuleContext context, Purchase purchase, List<Decision> decisions) {
        decisions.add(new Decision.BaseRate("BASE-01 one point per pound", "1 point per pound spent", Decision.WHOLE_EVENT, ONE));
        List<PurchaseLine> lines = purchase.lines();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).category().equals("service")) {
                decisions.add(new Decision.Exclusion("EXCL-01 no points on postage, fees and adjustments", "No points on postage, fees and adjustments", i));
            }
        }
        LocalDate date = context.date();
        DayOfWeek day = date.getDayOfWeek();
        if (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY) {
            decisions.add(new Decision.Multiplier("PROMO-01 weekend double points", "Double points at the weekend", Decision.WHOLE_EVENT, TWO));
        }
        if (date.getMonthValue() == 12 && date.getDayOfMonth() <= 24) {
            decisions.add(new Decision.Multiplier("PROMO-02 advent", "Advent: 1.5x points from 1 to 24 December", Decision.WHOLE_EVENT, ADVENT));
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).category().equals("garden")) {
                decisions.add(new Decision.BonusRate("CAT-01 garden", "2 extra points per pound on garden items", i, TWO));
            }
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).sku().equals("85123A")) {
                decisions.add(new Decision.FixedPoints("SKU-01 hanging heart", "25 extra points per white hanging heart T-light holder", i, 25));
            }
        }
        Decision.TierMultiplier tier = DefaultTierLadder.multiplier(context.member(), context.program());
        if (tier != null) {
            decisions.add(tier);
        }
        decisions.add(new Decision.Cap("CAP-01 daily cap", "At most 5000 points a day", Decision.CapPeriod.DAY, 5000));
    }
}
