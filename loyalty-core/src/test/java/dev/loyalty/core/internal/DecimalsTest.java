package dev.loyalty.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Edges of Decimals.plain that its property (DecimalsProperties) does not generate. */
class DecimalsTest {

    @Test
    void shouldWriteAllDigitsWhenTheScaleIsNegative() {
        // 1E+3, as new BigDecimal("1E3") or stripTrailingZeros() of 1000 gives it, has scale -3
        assertThat(Decimals.plain(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(Decimals.plain(new BigDecimal("-25E+2"))).isEqualTo("-2500");
    }

    @Test
    void shouldWriteNoPointWhenTheScaleIsZero() {
        assertThat(Decimals.plain(BigDecimal.valueOf(12))).isEqualTo("12");
        assertThat(Decimals.plain(BigDecimal.valueOf(-7))).isEqualTo("-7");
        assertThat(Decimals.plain(BigDecimal.ZERO)).isEqualTo("0");
    }
}
