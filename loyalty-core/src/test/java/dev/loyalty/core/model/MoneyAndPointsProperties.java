package dev.loyalty.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.loyalty.core.PointsOverflowException;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class MoneyAndPointsProperties {

    private static final Gen<Long> EDGY_LONGS = Generate.oneOf(longs().all(), Generate.longRange(Long.MAX_VALUE - 100, Long.MAX_VALUE),
            Generate.longRange(Long.MIN_VALUE, Long.MIN_VALUE + 100), longs().between(-1_000, 1_000));

    @Test
    void shouldBeEqualWhenAmountsDifferInTrailingZeros() {
        qt().withFixedSeed(1L).withExamples(500)
                .forAll(longs().between(-10_000_000, 10_000_000), integers().between(0, 6), integers().between(0, 6))
                .checkAssert((unscaled, scale, extraZeros) -> {
                    BigDecimal amount = BigDecimal.valueOf(unscaled, scale);
                    BigDecimal padded = amount.setScale(scale + extraZeros);
                    assertThat(Money.of(padded, "GBP")).isEqualTo(Money.of(amount, "GBP"));
                    assertThat(Money.of(amount, "GBP").amount().compareTo(amount)).isZero();
                    assertThat(Money.of(amount, "GBP").amount().scale()).isGreaterThanOrEqualTo(2);
                });
    }

    @Test
    void shouldGetOriginalBackWhenAddingThenSubtracting() {
        qt().withFixedSeed(2L).withExamples(500)
                .forAll(longs().between(-1_000_000_000, 1_000_000_000), longs().between(-1_000_000_000, 1_000_000_000), integers().between(0, 4))
                .checkAssert((a, b, scale) -> {
                    Money x = Money.of(BigDecimal.valueOf(a, scale), "EUR");
                    Money y = Money.of(BigDecimal.valueOf(b, 2), "EUR");
                    assertThat(x.plus(y).minus(y)).isEqualTo(x);
                    assertThat(x.plus(y)).isEqualTo(y.plus(x));
                });
    }

    @Test
    void shouldBeExactOrThrowWhenPointsAreAddedOrSubtracted() {
        qt().withFixedSeed(3L).withExamples(1_000).forAll(EDGY_LONGS, EDGY_LONGS).checkAssert((a, b) -> {
            BigInteger sum = BigInteger.valueOf(a).add(BigInteger.valueOf(b));
            BigInteger difference = BigInteger.valueOf(a).subtract(BigInteger.valueOf(b));
            if (sum.bitLength() < 64) {
                assertThat(Points.of(a).plus(Points.of(b)).value()).isEqualTo(sum.longValueExact());
            } else {
                assertThatThrownBy(() -> Points.of(a).plus(Points.of(b))).isInstanceOf(PointsOverflowException.class);
            }
            if (difference.bitLength() < 64) {
                assertThat(Points.of(a).minus(Points.of(b)).value()).isEqualTo(difference.longValueExact());
            } else {
                assertThatThrownBy(() -> Points.of(a).minus(Points.of(b))).isInstanceOf(PointsOverflowException.class);
            }
        });
    }
}
