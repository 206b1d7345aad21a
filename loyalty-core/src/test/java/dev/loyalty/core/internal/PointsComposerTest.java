package dev.loyalty.core.internal;

import static dev.loyalty.core.spi.Decision.WHOLE_EVENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.loyalty.core.Explanation;
import dev.loyalty.core.PointsOverflowException;
import dev.loyalty.core.RuleEvaluationException;
import dev.loyalty.core.event.LoyaltyEvent;
import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.Money;
import dev.loyalty.core.spi.Decision;
import dev.loyalty.core.spi.Decision.BaseRate;
import dev.loyalty.core.spi.Decision.BonusRate;
import dev.loyalty.core.spi.Decision.Cap;
import dev.loyalty.core.spi.Decision.CapPeriod;
import dev.loyalty.core.spi.Decision.Exclusion;
import dev.loyalty.core.spi.Decision.FixedPoints;
import dev.loyalty.core.spi.Decision.Multiplier;
import dev.loyalty.core.spi.Decision.TierMultiplier;
import dev.loyalty.core.testing.Fixtures;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

/**
 * The stacking formula step by step, with hand-computed numbers. Unless said otherwise the
 * purchase has three lines: 2 x 4.50 = 9.00, 1 x 20.00 = 20.00 and 3 x 0.35 = 1.05, 30.05 GBP in all.
 */
class PointsComposerTest {

    private static final Instant AT = Instant.parse("2026-03-02T10:00:00Z");
    private static final Purchase PURCHASE = Purchase.builder(EventId.of("p-1"), MemberId.of("m-1"), AT)
            .line("SKU-A", "garden", 2, Money.of("4.50", "GBP"))
            .line("SKU-B", "toys", 1, Money.of("20.00", "GBP"))
            .line("SKU-C", "food", 3, Money.of("0.35", "GBP"))
            .build();
    private static final LongSupplier NOTHING_TODAY = () -> 0;

    private static PointsComposer.Composition compose(LoyaltyEvent event, RoundingMode rounding, LongSupplier today, Decision... decisions) {
        return PointsComposer.compose(event, List.of(decisions), rounding, today, "GBP");
    }

    private static PointsComposer.Composition compose(Decision... decisions) {
        return compose(PURCHASE, RoundingMode.DOWN, NOTHING_TODAY, decisions);
    }

    private static BaseRate base(String rule, int line, String rate) {
        return new BaseRate(rule, rule + " reason", line, new BigDecimal(rate));
    }

    private static BonusRate bonus(String rule, int line, String rate) {
        return new BonusRate(rule, rule + " reason", line, new BigDecimal(rate));
    }

    private static Multiplier promo(String rule, int line, String factor) {
        return new Multiplier(rule, rule + " reason", line, new BigDecimal(factor));
    }

    private static TierMultiplier tier(String rule, String factor) {
        return new TierMultiplier(rule, rule + " reason", new BigDecimal(factor));
    }

    private static FixedPoints fixed(String rule, int line, long points) {
        return new FixedPoints(rule, rule + " reason", line, points);
    }

    private static Cap cap(String rule, CapPeriod period, long points) {
        return new Cap(rule, rule + " reason", period, points);
    }

    private static Purchase purchase(String... amounts) {
        return Fixtures.purchase("p-x", "m-1", AT, amounts);
    }

    @Test
    void shouldEarnRateTimesAmountRoundedDownWhenOneBaseRateCoversEverything() {
        PointsComposer.Composition result = compose(base("BASE", WHOLE_EVENT, "1"));

        assertThat(result.total()).isEqualTo(30);
        assertThat(result.awards()).extracting(PointsComposer.Award::rule, PointsComposer.Award::points).containsExactly(tuple("BASE", 30L));
        assertThat(result.steps()).containsExactly(new Explanation.Step("BASE", "BASE reason", 30, "1 x 30.05 GBP"));
    }

    @Test
    void shouldApplyHighestBaseRatePerLineAndSupersedeTheOthersWhenBaseRatesOverlap() {
        PointsComposer.Composition result = compose(base("B1", WHOLE_EVENT, "1"), base("B2-LOW", 1, "2"), base("B3-HIGH", 1, "3"));

        // line 1: 20.00 x 3 = 60 to B3; lines 0 and 2: 9.00 + 1.05 = 10.05 x 1 to B1
        assertThat(result.total()).isEqualTo(70);
        assertThat(result.awards()).extracting(PointsComposer.Award::rule, PointsComposer.Award::points)
                .containsExactly(tuple("B1", 10L), tuple("B3-HIGH", 60L));
        assertThat(result.steps()).filteredOn(s -> s.rule().equals("B2-LOW")).singleElement()
                .satisfies(s -> {
                    assertThat(s.points()).isZero();
                    assertThat(s.detail()).contains("superseded");
                });
    }

    @Test
    void shouldGiveBaseToFirstFiredWhenRatesTie() {
        PointsComposer.Composition result = compose(base("FIRST", WHOLE_EVENT, "1"), base("SECOND", WHOLE_EVENT, "1"));

        assertThat(result.awards()).extracting(PointsComposer.Award::rule, PointsComposer.Award::points).containsExactly(tuple("FIRST", 30L));
    }

    @Test
    void shouldMultiplyOnlyBasePointsWhenPromotionApplies() {
        PointsComposer.Composition result = compose(base("BASE", WHOLE_EVENT, "1"), bonus("BONUS", 1, "1"), promo("PROMO", WHOLE_EVENT, "2"));

        // base 30.05, bonus 20.00 (not doubled), promotion adds 30.05 x (2 - 1): 80.10
        assertThat(result.total()).isEqualTo(80);
        assertThat(result.awards()).extracting(PointsComposer.Award::rule, PointsComposer.Award::points)
                .containsExactly(tuple("BASE", 30L), tuple("BONUS", 20L), tuple("PROMO", 30L));
    }

    @Test
    void shouldApplyOnlyHighestPromotionPerLineWhenPromotionsOverlap() {
        PointsComposer.Composition result = compose(base("BASE", WHOLE_EVENT, "1"), promo("P-1.5", WHOLE_EVENT, "1.5"),
                promo("P-2", WHOLE_EVENT, "2"), promo("P-3", 1, "3"));

        // P-2 on lines 0 and 2: 10.05 x 1; P-3 on line 1: 20 x 2 = 40; P-1.5 superseded everywhere
        assertThat(result.total()).isEqualTo(80);
        assertThat(result.awards()).extracting(PointsComposer.Award::rule, PointsComposer.Award::points)
                .containsExactly(tuple("BASE", 30L), tuple("P-2", 10L), tuple("P-3", 40L));
        assertThat(result.steps()).filteredOn(s -> s.rule().equals("P-1.5")).singleElement()
                .satisfies(s -> assertThat(s.detail()).contains("superseded"));
    }

    @Test
    void shouldEarnNothingFromPromotionWhenLineHasNoBase() {
        PointsComposer.Composition result = compose(base("BASE", 0, "1"), promo("PROMO", 1, "5"));

        assertThat(result.total()).isEqualTo(9);
        assertThat(result.awards()).extracting(PointsComposer.Award::rule).containsExactly("BASE");
    }

    @Test
    void shouldAddEveryBonusWhenBonusesOverlap() {
        PointsComposer.Composition result = compose(base("BASE", WHOLE_EVENT, "1"), bonus("HALF", WHOLE_EVENT, "0.5"), bonus("GARDEN", 0, "1"));

        // 30.05 + 15.025 + 9.00 = 54.075
        assertThat(result.total()).isEqualTo(54);
        assertThat(result.awards()).extracting(PointsComposer.Award::rule, PointsComposer.Award::points)
                .containsExactly(tuple("BASE", 30L), tuple("HALF", 15L), tuple("GARDEN", 9L));
    }

    @Test
    void shouldGiveFixedPointsPerItemWhenTheyNameALine() {
        PointsComposer.Composition result = compose(fixed("PER-ITEM", 0, 5), fixed("ONCE", WHOLE_EVENT, 25));

        // line 0 has 2 items: 2 x 5 = 10, plus 25 once
        assertThat(result.total()).isEqualTo(35);
        assertThat(result.awards()).extracting(PointsComposer.Award::rule, PointsComposer.Award::points)
                .containsExactly(tuple("PER-ITEM", 10L), tuple("ONCE", 25L));
        assertThat(result.steps()).extracting(Explanation.Step::detail).containsExactly("5 x 2 items", "25 once");
    }

    @Test
    void shouldMultiplyEverythingWithHighestTierWhenTierMultiplierApplies() {
        PointsComposer.Composition result = compose(tier("SILVER", "1.2"), base("BASE", WHOLE_EVENT, "1"), fixed("FIX", WHOLE_EVENT, 10),
                bonus("BONUS", 1, "0.5"), promo("PROMO", 2, "2"), tier("GOLD", "1.5"));

        // 30.05 + 10 + 10 + 1.05 = 51.10; gold adds 51.10 x 0.5 = 25.55; 76.65 rounds down to 76
        assertThat(result.total()).isEqualTo(76);
        assertThat(result.awards()).extracting(PointsComposer.Award::rule, PointsComposer.Award::points)
                .containsExactly(tuple("BASE", 30L), tuple("FIX", 10L), tuple("BONUS", 10L), tuple("PROMO", 1L), tuple("GOLD", 25L));
        assertThat(result.steps()).filteredOn(s -> s.rule().equals("SILVER")).singleElement()
                .satisfies(s -> assertThat(s.detail()).contains("superseded"));
    }

    @Test
    void shouldRemoveExcludedLineFromEveryStepWhenLineIsExcluded() {
        PointsComposer.Composition result = compose(base("BASE", WHOLE_EVENT, "1"), bonus("BONUS", WHOLE_EVENT, "1"), promo("PROMO", 1, "2"),
                fixed("PER-ITEM", 1, 5), new Exclusion("GIFT-CARDS", "gift cards earn nothing", 1), tier("GOLD", "2"));

        // without line 1: base 10.05, bonus 10.05, no promotion, no per-item points; tier doubles 20.10 to 40.20
        assertThat(result.total()).isEqualTo(40);
        assertThat(result.awards()).extracting(PointsComposer.Award::rule, PointsComposer.Award::points)
                .containsExactly(tuple("BASE", 10L), tuple("BONUS", 10L), tuple("GOLD", 20L));
        assertThat(result.steps()).filteredOn(s -> s.rule().equals("GIFT-CARDS")).singleElement()
                .satisfies(s -> assertThat(s.detail()).isEqualTo("line 2 SKU-B excluded"));
    }

    @Test
    void shouldRoundOnceWithProgramModeWhenTotalIsFractional() {
        Purchase purchase = purchase("10.75");
        BaseRate base = base("BASE", WHOLE_EVENT, "1");

        assertThat(compose(purchase, RoundingMode.DOWN, NOTHING_TODAY, base).total()).isEqualTo(10);
        assertThat(compose(purchase, RoundingMode.HALF_UP, NOTHING_TODAY, base).total()).isEqualTo(11);
        assertThat(compose(purchase("10.50"), RoundingMode.HALF_EVEN, NOTHING_TODAY, base).total()).isEqualTo(10);
        assertThat(compose(purchase("10.50"), RoundingMode.HALF_UP, NOTHING_TODAY, base).total()).isEqualTo(11);
    }

    @Test
    void shouldRoundTheTotalNotEachRuleWhenSeveralRulesHaveFractions() {
        // each rule earns 0.6: rounding each would give 0, rounding the total 1.2 gives 1
        PointsComposer.Composition result = compose(purchase("0.60", "0.60"), RoundingMode.DOWN, NOTHING_TODAY,
                base("A", 0, "1"), base("B", 1, "1"));

        assertThat(result.total()).isEqualTo(1);
        assertThat(result.awards()).extracting(PointsComposer.Award::rule, PointsComposer.Award::points).containsExactly(tuple("A", 1L));
    }

    @Test
    void shouldShareRoundedTotalByLargestRemainderWhenRoundingDown() {
        // 1.40 + 2.70 + 3.60 = 7.70 -> 7; floors 1 + 2 + 3 = 6; the one left goes to the largest fraction, .70
        PointsComposer.Composition result = compose(purchase("1.40", "2.70", "3.60"), RoundingMode.DOWN, NOTHING_TODAY,
                base("A", 0, "1"), base("B", 1, "1"), base("C", 2, "1"));

        assertThat(result.awards()).extracting(PointsComposer.Award::points).containsExactly(1L, 3L, 3L);
        assertThat(result.total()).isEqualTo(7);
    }

    @Test
    void shouldShareRoundedTotalByLargestRemainderWhenRoundingHalfUp() {
        // 7.70 -> 8; two left over go to the fractions .70 and .60
        PointsComposer.Composition result = compose(purchase("1.40", "2.70", "3.60"), RoundingMode.HALF_UP, NOTHING_TODAY,
                base("A", 0, "1"), base("B", 1, "1"), base("C", 2, "1"));

        assertThat(result.awards()).extracting(PointsComposer.Award::points).containsExactly(1L, 3L, 4L);
        assertThat(result.awards().stream().mapToLong(PointsComposer.Award::points).sum()).isEqualTo(result.total()).isEqualTo(8);
    }

    @Test
    void shouldGiveLeftoverToFirstFiredWhenFractionsTie() {
        PointsComposer.Composition result = compose(purchase("1.50", "1.50"), RoundingMode.DOWN, NOTHING_TODAY,
                base("A", 0, "1"), base("B", 1, "1"));

        assertThat(result.awards()).extracting(PointsComposer.Award::rule, PointsComposer.Award::points)
                .containsExactly(tuple("A", 2L), tuple("B", 1L));
    }

    @Test
    void shouldSumExactlyToTotalWhenAllocating() {
        BigDecimal half = new BigDecimal("0.5");
        assertThat(PointsComposer.allocate(new BigDecimal[] {half, half, half, half}, 2)).containsExactly(1, 1, 0, 0);
        assertThat(PointsComposer.allocate(new BigDecimal[] {new BigDecimal("0.1"), new BigDecimal("0.2"), new BigDecimal("0.7")}, 1))
                .containsExactly(0, 0, 1);
        assertThat(PointsComposer.allocate(new BigDecimal[] {BigDecimal.ZERO, new BigDecimal("2.5")}, 3)).containsExactly(0, 3);
    }

    @Test
    void shouldCutToLowestEventCapInProportionWhenEventCapBinds() {
        PointsComposer.Composition result = compose(base("BASE", WHOLE_EVENT, "1"), fixed("FIX", WHOLE_EVENT, 10),
                cap("CAP-25", CapPeriod.EVENT, 25), cap("CAP-7", CapPeriod.EVENT, 7));

        // 30 + 10 = 40 cut to 7: 5.25 and 1.75 -> floors 5 and 1, the one left to the .75
        assertThat(result.total()).isEqualTo(7);
        assertThat(result.awards()).extracting(PointsComposer.Award::rule, PointsComposer.Award::points)
                .containsExactly(tuple("BASE", 5L), tuple("FIX", 2L));
        assertThat(result.steps()).last().isEqualTo(new Explanation.Step("CAP-7", "CAP-7 reason", -33, "at most 7 per event; cut from BASE -25, FIX -8"));
    }

    @Test
    void shouldLeaveTotalAloneWhenCapIsNotReached() {
        PointsComposer.Composition result = compose(base("BASE", WHOLE_EVENT, "1"), cap("CAP", CapPeriod.EVENT, 30));

        assertThat(result.total()).isEqualTo(30);
        assertThat(result.steps()).extracting(Explanation.Step::rule).containsExactly("BASE");
    }

    @Test
    void shouldCutToWhatIsLeftOfTheDayWhenPointsWereEarnedEarlierThatDay() {
        PointsComposer.Composition result = compose(PURCHASE, RoundingMode.DOWN, () -> 35, base("BASE", WHOLE_EVENT, "1"),
                fixed("FIX", WHOLE_EVENT, 10), cap("DAY-50", CapPeriod.DAY, 50), cap("EVENT-20", CapPeriod.EVENT, 20));

        // 50 - 35 = 15 left today, lower than the event cap of 20: 11.25 and 3.75 -> 11 and 4
        assertThat(result.total()).isEqualTo(15);
        assertThat(result.awards()).extracting(PointsComposer.Award::points).containsExactly(11L, 4L);
        assertThat(result.steps()).last()
                .isEqualTo(new Explanation.Step("DAY-50", "DAY-50 reason", -25,
                        "at most 50 per day, 35 already earned that day; cut from BASE -19, FIX -6"));
    }

    @Test
    void shouldEarnNothingWhenDailyCapIsAlreadyExceeded() {
        PointsComposer.Composition result = compose(PURCHASE, RoundingMode.DOWN, () -> 60, base("BASE", WHOLE_EVENT, "1"),
                cap("DAY-50", CapPeriod.DAY, 50));

        assertThat(result.total()).isZero();
        assertThat(result.awards()).isEmpty();
    }

    @Test
    void shouldNameRuleWhenDecisionNamesALineThatDoesNotExist() {
        assertThatThrownBy(() -> compose(base("BASE", WHOLE_EVENT, "1"), bonus("BAD-LINE", 3, "1")))
                .isInstanceOf(RuleEvaluationException.class)
                .hasMessageContaining("BAD-LINE").hasMessageContaining("line index 3").hasMessageContaining("p-1");
    }

    @Test
    void shouldNameRuleWhenLineDecisionIsMadeOnAnEnrolment() {
        LoyaltyEvent enrolment = Fixtures.enrolment("m-1", AT);

        assertThatThrownBy(() -> compose(enrolment, RoundingMode.DOWN, NOTHING_TODAY, base("BASE-ON-ENROL", WHOLE_EVENT, "1")))
                .isInstanceOf(RuleEvaluationException.class).hasMessageContaining("BASE-ON-ENROL").hasMessageContaining("enrolment");
        assertThatThrownBy(() -> compose(enrolment, RoundingMode.DOWN, NOTHING_TODAY, fixed("PER-ITEM-ON-ENROL", 0, 5)))
                .isInstanceOf(RuleEvaluationException.class).hasMessageContaining("PER-ITEM-ON-ENROL");
        assertThatThrownBy(() -> compose(enrolment, RoundingMode.DOWN, NOTHING_TODAY, new Exclusion("EXCL-ON-ENROL", "r", 0)))
                .isInstanceOf(RuleEvaluationException.class).hasMessageContaining("EXCL-ON-ENROL");
    }

    @Test
    void shouldAcceptFixedPointsAndTierWhenEventIsAnEnrolment() {
        PointsComposer.Composition result = compose(Fixtures.enrolment("m-1", AT), RoundingMode.DOWN, NOTHING_TODAY,
                fixed("WELCOME", WHOLE_EVENT, 100), tier("GOLD", "1.5"));

        assertThat(result.total()).isEqualTo(150);
    }

    @Test
    void shouldThrowOverflowWhenEventPointsExceedLong() {
        assertThatThrownBy(() -> compose(fixed("HUGE-1", WHOLE_EVENT, Long.MAX_VALUE), fixed("HUGE-2", WHOLE_EVENT, Long.MAX_VALUE)))
                .isInstanceOf(PointsOverflowException.class).hasMessageContaining("p-1");
        assertThatThrownBy(() -> compose(fixed("HUGE", WHOLE_EVENT, Long.MAX_VALUE / 2 + 1), tier("GOLD", "2")))
                .isInstanceOf(PointsOverflowException.class);
    }

    @Test
    void shouldEarnNothingWhenThereAreNoDecisions() {
        PointsComposer.Composition result = compose();

        assertThat(result.total()).isZero();
        assertThat(result.awards()).isEmpty();
        assertThat(result.steps()).isEmpty();
    }
}
