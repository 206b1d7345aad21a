package dev.loyalty.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.core.RuleEvaluationException;
import dev.loyalty.core.spi.Decision;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the numbers a rule passes become exact decimals. */
class DecisionCollectorTest {

    private static BigDecimal factor(Number n) {
        DecisionCollector collector = new DecisionCollector();
        collector.begin("e-1");
        collector.firing("T-01");
        collector.tierMultiplier(n, "tier");
        return ((Decision.TierMultiplier) collector.finish().get(0)).factor();
    }

    @Test
    void shouldTakeTheDecimalTextOfADoubleWhenARuleWritesOnePointTwo() {
        assertThat(factor(1.2)).isEqualTo(new BigDecimal("1.2"));
    }

    @Test
    void shouldTakeTheDecimalTextOfAFloatWhenARuleWritesAFloat() {
        assertThat(factor(1.1f)).isEqualTo(new BigDecimal("1.1"));
    }

    @Test
    void shouldKeepABigDecimalAsItIsWhenARulePassesOne() {
        assertThat(factor(new BigDecimal("1.250"))).isEqualTo(new BigDecimal("1.250"));
    }

    @Test
    void shouldTakeIntegersExactlyWhenARulePassesLongsOrBigIntegers() {
        // the largest a decision accepts, 18 digits: more than a double holds exactly
        assertThat(factor(999_999_999_999_999_999L)).isEqualTo(new BigDecimal("999999999999999999"));
        assertThat(factor(new BigInteger("123456789012345679"))).isEqualTo(new BigDecimal("123456789012345679"));
    }

    @Test
    void shouldFailWhenTheNumberIsNull() {
        assertThatThrownBy(() -> factor(null)).isInstanceOf(RuleEvaluationException.class).hasMessageContaining("null");
    }

    @Test
    void shouldCreditTheRuleFiringWhenTheActionWasCalled() {
        DecisionCollector collector = new DecisionCollector();
        collector.begin("e-1");
        collector.firing("A-01");
        collector.points(5, "first");
        collector.firing("B-01");
        collector.capPerEvent(9, "second");

        assertThat(collector.finish()).extracting(Decision::rule).containsExactly("A-01", "B-01");
    }

    private static List<Decision> tierMultiplierOf(DecisionCollector collector, String event, Number factor) {
        collector.begin(event);
        collector.firing("T-01");
        collector.tierMultiplier(factor, "tier");
        return collector.finish();
    }

    @Test
    void shouldHandOutOneListForEventsGivenEqualDecisions() {
        DecisionCollector collector = new DecisionCollector();

        List<Decision> first = tierMultiplierOf(collector, "e-1", 2);
        List<Decision> second = tierMultiplierOf(collector, "e-2", 2);

        assertThat(second).isSameAs(first);
    }

    @Test
    void shouldKeepTheScaleARulePassedWhenAnEqualValueOfAnotherScaleWasSharedBefore() {
        DecisionCollector collector = new DecisionCollector();
        tierMultiplierOf(collector, "e-1", new BigDecimal("1.25"));

        List<Decision> later = tierMultiplierOf(collector, "e-2", new BigDecimal("1.250"));

        assertThat(((Decision.TierMultiplier) later.get(0)).factor()).hasToString("1.250");
    }

    @Test
    void shouldShareEqualDecisionsAcrossEventsWhoseListsDiffer() {
        DecisionCollector collector = new DecisionCollector();
        collector.begin("e-1");
        collector.firing("A-01");
        collector.points(5, "welcome");
        Decision first = collector.finish().get(0);
        collector.begin("e-2");
        collector.firing("A-01");
        collector.points(5, "welcome");
        collector.firing("B-01");
        collector.capPerEvent(9, "cap");

        List<Decision> later = collector.finish();

        assertThat(later).hasSize(2);
        assertThat(later.get(0)).isSameAs(first);
        assertThat(later.get(1)).isEqualTo(new Decision.Cap("B-01", "cap", Decision.CapPeriod.EVENT, 9));
    }
}
