package dev.loyalty.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.loyalty.core.model.Money;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;

class DecimalsProperties {

    @Test
    void shouldGiveTheSameTextAsToPlainStringWhenDecimalsAreSmall() {
        qt().forAll(longs().all(), integers().between(-3, 20))
                .checkAssert((unscaled, scale) -> {
                    BigDecimal value = BigDecimal.valueOf(unscaled, scale);
                    assertThat(Decimals.plain(value)).isEqualTo(value.toPlainString());
                });
    }

    @Test
    void shouldGiveTheSameTextAsToPlainStringWhenDecimalsHaveFewDigits() {
        qt().forAll(longs().between(-100_000, 100_000), integers().between(0, 8))
                .checkAssert((unscaled, scale) -> {
                    BigDecimal value = BigDecimal.valueOf(unscaled, scale);
                    assertThat(Decimals.plain(value)).isEqualTo(value.toPlainString());
                });
    }

    @Test
    void shouldGiveTheSameTextAsToPlainStringWhenDecimalsAreHuge() {
        BigDecimal huge = new BigDecimal(BigInteger.TEN.pow(40).add(BigInteger.valueOf(7)), 5);

        assertThat(Decimals.plain(huge)).isEqualTo(huge.toPlainString());
        assertThat(Decimals.plain(huge.negate())).isEqualTo(huge.negate().toPlainString());
        assertThat(Decimals.plain(new BigDecimal("0.00"))).isEqualTo("0.00");
    }

    @Test
    void shouldGiveTheUnscaledValueExactlyWhenItHasAtMostEighteenDigitsAndScale() {
        long limit = 1_000_000_000_000_000_000L;
        qt().forAll(Generate.oneOf(longs().all(), longs().between(-limit - 2, -limit + 2), longs().between(limit - 2, limit + 2),
                        longs().between(-1_000, 1_000)), integers().between(-3, 21))
                .checkAssert((unscaled, scale) -> {
                    BigDecimal value = BigDecimal.valueOf(unscaled, scale);
                    boolean fits = scale >= 0 && scale <= 18 && value.precision() <= 18;

                    assertThat(Decimals.unscaled(value)).isEqualTo(fits ? unscaled : Decimals.NO_FIT);
                });
    }

    @Test
    void shouldFindNoUnscaledLongForADecimalBeyondTheLongRange() {
        BigDecimal huge = new BigDecimal(BigInteger.TEN.pow(30).add(BigInteger.valueOf(7)), 5);

        assertThat(Decimals.unscaled(huge)).isEqualTo(Decimals.NO_FIT);
        assertThat(Decimals.unscaled(huge.negate())).isEqualTo(Decimals.NO_FIT);
        assertThat(Decimals.unscaled(new BigDecimal("-12.50"))).isEqualTo(-1250L);
    }

    @Test
    void shouldGiveMoneysNormalFormWhateverTheScaleTheAmountCameWith() {
        qt().forAll(longs().between(0, 999_999_999_999L), integers().between(0, 8), integers().between(0, 6))
                .checkAssert((unscaled, scale, widening) -> {
                    BigDecimal amount = BigDecimal.valueOf(unscaled, scale);
                    // as a database column of a wider scale gives it back
                    BigDecimal widened = amount.setScale(scale + widening);
                    BigDecimal normal = Money.of(amount, "GBP").amount();

                    assertThat(Decimals.normal(widened, 2)).isEqualTo(normal);
                    assertThat(Decimals.normal(amount, 2)).isEqualTo(normal);
                });
    }
}
