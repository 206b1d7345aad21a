package dev.loyalty.core.spi;

import static dev.loyalty.core.spi.Decision.WHOLE_EVENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.loyalty.core.RuleEvaluationException;
import dev.loyalty.core.model.OfferKind;
import dev.loyalty.core.model.OfferTrigger;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DecisionTest {

    @Test
    void shouldRefuseDecisionWhenRuleIsBlankOrNull() {
        assertThatThrownBy(() -> new Decision.BaseRate(" ", "r", WHOLE_EVENT, BigDecimal.ONE))
                .isInstanceOf(RuleEvaluationException.class).hasMessageContaining("must name its rule");
        assertThatThrownBy(() -> new Decision.Cap(null, "r", Decision.CapPeriod.DAY, 1)).isInstanceOf(RuleEvaluationException.class);
    }

    @Test
    void shouldNameRuleWhenReasonIsBlank() {
        assertThatThrownBy(() -> new Decision.FixedPoints("R-1", "", WHOLE_EVENT, 1))
                .isInstanceOf(RuleEvaluationException.class).hasMessageContaining("R-1").hasMessageContaining("reason");
    }

    @Test
    void shouldNameRuleWhenItsNameOrReasonHoldsANulCharacter() {
        assertThatThrownBy(() -> new Decision.FixedPoints("R-1", "ten\u0000points", WHOLE_EVENT, 10))
                .isInstanceOf(RuleEvaluationException.class).hasMessageContaining("R-1").hasMessageContaining("NUL");
        assertThatThrownBy(() -> new Decision.Cap("R-\u00002", "cap", Decision.CapPeriod.DAY, 1))
                .isInstanceOf(RuleEvaluationException.class).hasMessageContaining("R-?2").hasMessageContaining("NUL");
    }

    @Test
    void shouldNameRuleAndIndexWhenReasonHoldsALoneSurrogate() {
        assertThatThrownBy(() -> new Decision.BonusRate("R-1", "bonus \uD83C", WHOLE_EVENT, BigDecimal.ONE))
                .isInstanceOf(RuleEvaluationException.class).hasMessageContaining("R-1")
                .hasMessageContaining("unpaired surrogate \\uD83C at index 6");
    }

    @Test
    void shouldRefuseALowSurrogateBeforeItsHighOne() {
        assertThatThrownBy(() -> new Decision.FixedPoints("R-1", "\uDF89\uD83C", WHOLE_EVENT, 1))
                .isInstanceOf(RuleEvaluationException.class).hasMessageContaining("unpaired surrogate \\uDF89 at index 0");
    }

    @Test
    void shouldShowALoneSurrogateInTheRuleNameAsAQuestionMark() {
        assertThatThrownBy(() -> new Decision.Cap("R-\uD83C", "cap", Decision.CapPeriod.DAY, 1))
                .isInstanceOf(RuleEvaluationException.class).hasMessageContaining("rule \"R-?\": its name has an unpaired surrogate");
    }

    @Test
    void shouldAcceptAReasonWithACharacterBeyondTheBasicPlane() {
        Decision.FixedPoints points = new Decision.FixedPoints("R-\uD83C\uDF89", "party \uD83C\uDF89 points", WHOLE_EVENT, 5);

        assertThat(points.reason()).isEqualTo("party \uD83C\uDF89 points");
    }

    @Test
    void shouldRefuseAFreeItemCodeWithALoneSurrogate() {
        assertThatThrownBy(() -> new Decision.IssueOffer("R-1", "free mug", OfferTrigger.BIRTHDAY, "BDAY-01",
                OfferKind.FREE_ITEM, null, "MUG\uDC00", 30))
                .isInstanceOf(RuleEvaluationException.class).hasMessageContaining("its item code has an unpaired surrogate");
    }

    @Test
    void shouldNameRuleAndIndexWhenAFreeItemCodeHoldsANulCharacter() {
        // the README: a free item's code holding a NUL (which PostgreSQL cannot store) is refused naming the rule and the index
        assertThatThrownBy(() -> new Decision.IssueOffer("R-1", "free mug", OfferTrigger.BIRTHDAY, "BDAY-01",
                OfferKind.FREE_ITEM, null, "MUG\u0000", 30))
                .isInstanceOf(RuleEvaluationException.class).hasMessageContaining("rule \"R-1\"")
                .hasMessageContaining("its item code must not hold a NUL character (at index 3)");
    }

    @Test
    void shouldNameRuleWhenRateIsNegativeOrNull() {
        assertThatThrownBy(() -> new Decision.BaseRate("R-1", "r", WHOLE_EVENT, new BigDecimal("-0.1")))
                .isInstanceOf(RuleEvaluationException.class).hasMessageContaining("R-1").hasMessageContaining("-0.1");
        assertThatThrownBy(() -> new Decision.BonusRate("R-2", "r", WHOLE_EVENT, null))
                .isInstanceOf(RuleEvaluationException.class).hasMessageContaining("R-2");
    }

    @Test
    void shouldNameRuleWhenMultiplierIsBelowOne() {
        assertThatThrownBy(() -> new Decision.Multiplier("PROMO", "r", WHOLE_EVENT, new BigDecimal("0.99")))
                .isInstanceOf(RuleEvaluationException.class).hasMessageContaining("PROMO").hasMessageContaining("0.99");
        assertThatThrownBy(() -> new Decision.TierMultiplier("TIER", "r", new BigDecimal("0.5")))
                .isInstanceOf(RuleEvaluationException.class).hasMessageContaining("TIER");
    }

    @Test
    void shouldNameRuleWhenPointsOrCapAreNegative() {
        assertThatThrownBy(() -> new Decision.FixedPoints("FIX", "r", WHOLE_EVENT, -1))
                .isInstanceOf(RuleEvaluationException.class).hasMessageContaining("FIX").hasMessageContaining("-1");
        assertThatThrownBy(() -> new Decision.Cap("CAP", "r", Decision.CapPeriod.EVENT, -5))
                .isInstanceOf(RuleEvaluationException.class).hasMessageContaining("CAP").hasMessageContaining("-5");
        assertThatThrownBy(() -> new Decision.Cap("CAP", "r", null, 5))
                .isInstanceOf(RuleEvaluationException.class).hasMessageContaining("period");
    }

    @Test
    void shouldNameRuleWhenLineIndexIsBelowWholeEvent() {
        assertThatThrownBy(() -> new Decision.BonusRate("R", "r", -2, BigDecimal.ONE))
                .isInstanceOf(RuleEvaluationException.class).hasMessageContaining("line index -2");
        assertThatThrownBy(() -> new Decision.Exclusion("EXCL", "r", WHOLE_EVENT))
                .isInstanceOf(RuleEvaluationException.class).hasMessageContaining("EXCL");
    }

    @Test
    void shouldCopyDecisionsWhenEvaluationIsCreated() {
        List<Decision> decisions = new ArrayList<>();
        decisions.add(new Decision.FixedPoints("F", "r", WHOLE_EVENT, 1));
        Evaluation evaluation = new Evaluation("v1", decisions);
        decisions.clear();

        assertThat(evaluation.decisions()).hasSize(1);
        assertThatThrownBy(() -> new Evaluation(" ", List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ruleSetVersion");
    }
    private static final Duration QUICKLY = Duration.ofSeconds(3);

    private static final BigDecimal HUGE = new BigDecimal("1E+1000000000");

    private static final BigDecimal TINY = new BigDecimal("1E-1000000000");

    @Test
    void shouldRefuseRatesAndMultipliersWithMoreThan18DigitsBeforeThePointNamingTheRule() {
        for (BigDecimal absurd : List.of(HUGE, new BigDecimal("1" + "0".repeat(100_000)), new BigDecimal(Double.toString(Double.MAX_VALUE)),
                new BigDecimal("1000000000000000000"))) {
            assertTimeoutPreemptively(QUICKLY, () -> {
                assertThatThrownBy(() -> new Decision.BaseRate("R-1", "r", WHOLE_EVENT, absurd)).isInstanceOf(RuleEvaluationException.class)
                        .hasMessageContaining("rule \"R-1\": base rate has").hasMessageContaining("digits before the decimal point; at most 18");
                assertThatThrownBy(() -> new Decision.BonusRate("R-2", "r", WHOLE_EVENT, absurd)).isInstanceOf(RuleEvaluationException.class)
                        .hasMessageContaining("rule \"R-2\": bonus rate has");
                assertThatThrownBy(() -> new Decision.Multiplier("R-3", "r", WHOLE_EVENT, absurd)).isInstanceOf(RuleEvaluationException.class)
                        .hasMessageContaining("rule \"R-3\": multiplier has");
                assertThatThrownBy(() -> new Decision.TierMultiplier("R-4", "r", absurd)).isInstanceOf(RuleEvaluationException.class)
                        .hasMessageContaining("rule \"R-4\": multiplier has");
            });
        }
    }

    @Test
    void shouldRefuseRatesAndMultipliersWithMoreThan34SignificantDigitsNamingTheRule() {
        for (BigDecimal absurd : List.of(new BigDecimal("1." + "0".repeat(99_999) + "1"), new BigDecimal("1.5" + "0".repeat(100_000)),
                new BigDecimal("1.0000000000000000000000000000000001"))) {
            assertTimeoutPreemptively(QUICKLY, () -> {
                assertThatThrownBy(() -> new Decision.BaseRate("R-1", "r", WHOLE_EVENT, absurd)).isInstanceOf(RuleEvaluationException.class)
                        .hasMessageContaining("rule \"R-1\": base rate has " + absurd.precision() + " significant digits (trailing zeros included); at most 34");
                assertThatThrownBy(() -> new Decision.BonusRate("R-2", "r", WHOLE_EVENT, absurd)).isInstanceOf(RuleEvaluationException.class)
                        .hasMessageContaining("rule \"R-2\": bonus rate has " + absurd.precision() + " significant digits");
                assertThatThrownBy(() -> new Decision.Multiplier("R-3", "r", WHOLE_EVENT, absurd)).isInstanceOf(RuleEvaluationException.class)
                        .hasMessageContaining("rule \"R-3\": multiplier has " + absurd.precision() + " significant digits");
                assertThatThrownBy(() -> new Decision.TierMultiplier("R-4", "r", absurd)).isInstanceOf(RuleEvaluationException.class)
                        .hasMessageContaining("rule \"R-4\": multiplier has " + absurd.precision() + " significant digits");
            });
        }
    }

    @Test
    void shouldRefuseRatesBelowOneTenToTheEighteenthNamingTheRule() {
        assertTimeoutPreemptively(QUICKLY, () -> {
            assertThatThrownBy(() -> new Decision.BaseRate("R-1", "r", WHOLE_EVENT, TINY)).isInstanceOf(RuleEvaluationException.class)
                    .hasMessageContaining("rule \"R-1\": base rate is below 1E-18, the smallest allowed above zero: its first digit is at decimal place 1000000000");
            assertThatThrownBy(() -> new Decision.BonusRate("R-2", "r", WHOLE_EVENT, new BigDecimal("9E-19"))).isInstanceOf(RuleEvaluationException.class)
                    .hasMessageContaining("rule \"R-2\": bonus rate is below 1E-18");
        });
    }

    @Test
    void shouldAcceptRatesAtTheDigitBounds() {
        assertThat(new Decision.BaseRate("R-1", "r", WHOLE_EVENT, new BigDecimal("999999999999999999.9999999999999999")).pointsPerUnit())
                .isEqualByComparingTo("999999999999999999.9999999999999999");
        assertThat(new Decision.BonusRate("R-2", "r", WHOLE_EVENT, new BigDecimal("1E-18")).pointsPerUnit()).isEqualByComparingTo("1E-18");
        // what 1 / 300 gives in the MVEL dialect: 34 digits, the first at the third decimal place
        assertThat(new Decision.BonusRate("R-2", "r", WHOLE_EVENT, new BigDecimal("0.003333333333333333333333333333333333")).pointsPerUnit())
                .isEqualByComparingTo("0.003333333333333333333333333333333333");
        assertThat(new Decision.Multiplier("R-3", "r", WHOLE_EVENT, new BigDecimal("1.333333333333333333333333333333333")).factor())
                .isEqualByComparingTo("1.333333333333333333333333333333333");
        assertThat(new Decision.TierMultiplier("R-4", "r", new BigDecimal("2E+17")).factor()).isEqualByComparingTo("200000000000000000");
    }

    @Test
    void shouldRefuseAnOfferValueWithMoreThan34DecimalPlacesNamingTheRule() {
        assertTimeoutPreemptively(QUICKLY, () -> assertThatThrownBy(() -> new Decision.IssueOffer("R-1", "tiny", OfferTrigger.BIRTHDAY,
                "BDAY-01", OfferKind.DISCOUNT, TINY, null, 7)).isInstanceOf(RuleEvaluationException.class)
                .hasMessageContaining("rule \"R-1\": offer BDAY-01 has a value of 1000000000 decimal places; at most 34"));
    }

    @Test
    void shouldRefuseAHundredThousandDigitOfferValueQuicklyNamingTheRule() {
        BigDecimal points = new BigDecimal("1" + "0".repeat(100_000));
        assertTimeoutPreemptively(QUICKLY, () -> assertThatThrownBy(() -> new Decision.IssueOffer("R-1", "many", OfferTrigger.BIRTHDAY,
                "BDAY-01", OfferKind.POINTS, points, null, 7)).isInstanceOf(RuleEvaluationException.class)
                .hasMessageContaining("rule \"R-1\": offer BDAY-01 has a value of 100001 significant digits"));
    }

    @Test
    void shouldRefuseAHugeExponentOfferValueNamingTheRule() {
        assertTimeoutPreemptively(QUICKLY, () -> {
            for (OfferKind kind : List.of(OfferKind.POINTS, OfferKind.DISCOUNT, OfferKind.MULTIPLIER)) {
                assertThatThrownBy(() -> new Decision.IssueOffer("R-1", "huge", OfferTrigger.BIRTHDAY, "BDAY-01", kind, HUGE, null, 7))
                        .isInstanceOf(RuleEvaluationException.class).hasMessageContaining("rule \"R-1\": offer BDAY-01 of kind " + kind);
            }
        });
    }
}
