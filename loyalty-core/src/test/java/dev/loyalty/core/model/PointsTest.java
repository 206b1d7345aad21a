package dev.loyalty.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.core.PointsOverflowException;
import org.junit.jupiter.api.Test;

class PointsTest {

    @Test
    void shouldAddExactlyWhenSumFits() {
        assertThat(Points.of(Long.MAX_VALUE - 1).plus(Points.of(1))).isEqualTo(Points.of(Long.MAX_VALUE));
        assertThat(Points.of(5).plus(Points.of(-7))).isEqualTo(Points.of(-2));
    }

    @Test
    void shouldThrowWhenPlusOverflows() {
        assertThatThrownBy(() -> Points.of(Long.MAX_VALUE).plus(Points.of(1)))
                .isInstanceOf(PointsOverflowException.class)
                .hasMessageContaining(Long.toString(Long.MAX_VALUE));
    }

    @Test
    void shouldThrowWhenPlusUnderflows() {
        assertThatThrownBy(() -> Points.of(Long.MIN_VALUE).plus(Points.of(-1))).isInstanceOf(PointsOverflowException.class);
    }

    @Test
    void shouldThrowWhenMinusOverflows() {
        assertThatThrownBy(() -> Points.of(Long.MIN_VALUE).minus(Points.of(1))).isInstanceOf(PointsOverflowException.class);
        assertThatThrownBy(() -> Points.of(0).minus(Points.of(Long.MIN_VALUE))).isInstanceOf(PointsOverflowException.class);
    }

    @Test
    void shouldSubtractExactlyWhenDifferenceFits() {
        assertThat(Points.of(Long.MIN_VALUE + 1).minus(Points.of(1))).isEqualTo(Points.of(Long.MIN_VALUE));
    }

    @Test
    void shouldThrowWhenNegatingMinValue() {
        assertThatThrownBy(() -> Points.of(Long.MIN_VALUE).negate()).isInstanceOf(PointsOverflowException.class);
    }

    @Test
    void shouldNegateWhenValueIsInRange() {
        assertThat(Points.of(Long.MAX_VALUE).negate()).isEqualTo(Points.of(-Long.MAX_VALUE));
        assertThat(Points.of(0).negate()).isEqualTo(Points.ZERO);
    }

    @Test
    void shouldThrowWhenStaticAddOverflows() {
        assertThatThrownBy(() -> Points.add(Long.MAX_VALUE, Long.MAX_VALUE)).isInstanceOf(PointsOverflowException.class);
    }

    @Test
    void shouldOrderAndTellNegativeWhenCompared() {
        assertThat(Points.of(-1).isNegative()).isTrue();
        assertThat(Points.ZERO.isNegative()).isFalse();
        assertThat(Points.of(Long.MIN_VALUE).compareTo(Points.of(Long.MAX_VALUE))).isNegative();
        assertThat(Points.of(42)).hasToString("42");
    }

    @Test
    void shouldMakePointsJustPastEitherEndOfTheCache() {
        // Points.of shares instances for -1024 to 4095; the values on both sides of each end must still come out right
        assertThat(Points.of(4_095).value()).isEqualTo(4_095);
        assertThat(Points.of(4_096).value()).isEqualTo(4_096);
        assertThat(Points.of(-1_024).value()).isEqualTo(-1_024);
        assertThat(Points.of(-1_025).value()).isEqualTo(-1_025);
    }
}
