package dev.loyalty.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.core.RuleEvaluationException;
import dev.loyalty.core.spi.Decision;
import java.math.BigDecimal;
import java.math.BigInteger;
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
        assertThat(factor(Long.MAX_VALUE)).isEqualTo(new BigDecimal(Long.MAX_VALUE));
        assertThat(factor(new BigInteger("123456789012345678901234567890"))).isEqualTo(new BigDecimal("123456789012345678901234567890"));
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
}
