package dev.loyalty.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.core.CurrencyMismatchException;
import dev.loyalty.core.InvalidInputException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void shouldBeEqualWhenAmountsDifferOnlyInTrailingZeros() {
        assertThat(Money.of("1.5", "GBP")).isEqualTo(Money.of("1.50", "GBP")).isEqualTo(Money.of("1.500", "GBP"));
        assertThat(Money.of("1.5", "GBP").hashCode()).isEqualTo(Money.of("1.500", "GBP").hashCode());
    }

    @Test
    void shouldPrintMinorUnitsWhenAmountHasFewerDigits() {
        assertThat(Money.of("1.5", "GBP")).hasToString("1.50 GBP");
        assertThat(Money.of("100", "GBP").amount()).isEqualTo(new BigDecimal("100.00"));
        assertThat(Money.of("1E+2", "GBP").amount()).isEqualTo(new BigDecimal("100.00"));
        assertThat(Money.of("0.000", "GBP").amount()).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void shouldUseNoDecimalsWhenCurrencyHasNoMinorUnits() {
        assertThat(Money.of("100.0", "JPY").amount()).isEqualTo(new BigDecimal("100"));
        assertThat(Money.of("1.500", "KWD").amount()).isEqualTo(new BigDecimal("1.500"));
    }

    @Test
    void shouldKeepSubCentDigitsWhenAmountIsFinerThanMinorUnits() {
        Money price = Money.of("0.1250", "GBP");

        assertThat(price.amount()).isEqualTo(new BigDecimal("0.125"));
        assertThat(price).isNotEqualTo(Money.of("0.13", "GBP")).isNotEqualTo(Money.of("0.12", "GBP"));
        assertThat(price.times(8)).isEqualTo(Money.of("1", "GBP"));
    }

    @Test
    void shouldAddAndSubtractExactlyWhenCurrenciesMatch() {
        Money a = Money.of("0.1", "GBP");
        Money b = Money.of("0.2", "GBP");

        assertThat(a.plus(b)).isEqualTo(Money.of("0.3", "GBP"));
        assertThat(a.minus(b)).isEqualTo(Money.of("-0.10", "GBP"));
        assertThat(Money.of("0.005", "GBP").plus(Money.of("0.005", "GBP"))).isEqualTo(Money.of("0.01", "GBP"));
    }

    @Test
    void shouldThrowCurrencyMismatchWhenAddingOtherCurrency() {
        assertThatThrownBy(() -> Money.of("1", "GBP").plus(Money.of("1", "EUR")))
                .isInstanceOf(CurrencyMismatchException.class)
                .hasMessageContaining("EUR").hasMessageContaining("GBP");
    }

    @Test
    void shouldThrowCurrencyMismatchWhenSubtractingOtherCurrency() {
        assertThatThrownBy(() -> Money.of("1", "GBP").minus(Money.of("1", "USD")))
                .isInstanceOf(CurrencyMismatchException.class)
                .hasMessageContaining("USD");
    }

    @Test
    void shouldThrowCurrencyMismatchWhenComparingOtherCurrency() {
        assertThatThrownBy(() -> Money.of("1", "GBP").compareTo(Money.of("1", "EUR")))
                .isInstanceOf(CurrencyMismatchException.class);
    }

    @Test
    void shouldCompareByValueWhenScalesDiffer() {
        assertThat(Money.of("2", "GBP").compareTo(Money.of("10.00", "GBP"))).isNegative();
        assertThat(Money.of("1.50", "GBP").compareTo(Money.of("1.5", "GBP"))).isZero();
    }

    @Test
    void shouldNameCurrencyWhenCodeIsUnknown() {
        assertThatThrownBy(() -> Money.of("1", "XYZ"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'XYZ'")
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("currency");
    }

    @Test
    void shouldRejectCurrencyWhenCodeIsNull() {
        assertThatThrownBy(() -> Money.currency(null)).isInstanceOf(InvalidInputException.class).hasMessageContaining("currency");
    }

    @Test
    void shouldNameAmountWhenItIsNotANumber() {
        assertThatThrownBy(() -> Money.of("12,50", "GBP"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("money.amount").hasMessageContaining("'12,50'");
    }

    @Test
    void shouldRejectNullAmountOrCurrencyWhenConstructed() {
        assertThatThrownBy(() -> new Money(null, Currency.getInstance("GBP"))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("money.amount");
        assertThatThrownBy(() -> new Money(BigDecimal.ONE, null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("money.currency");
        assertThatThrownBy(() -> Money.of((String) null, "GBP")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void shouldRoundWithTheGivenModeWhenRounded() {
        Money price = Money.of("2.345", "GBP");

        assertThat(price.rounded(RoundingMode.HALF_UP)).isEqualTo(Money.of("2.35", "GBP"));
        assertThat(price.rounded(RoundingMode.HALF_EVEN)).isEqualTo(Money.of("2.34", "GBP"));
        assertThat(price.rounded(RoundingMode.DOWN)).isEqualTo(Money.of("2.34", "GBP"));
        assertThat(Money.of("-2.345", "GBP").rounded(RoundingMode.FLOOR)).isEqualTo(Money.of("-2.35", "GBP"));
    }

    @Test
    void shouldThrowWhenRoundingIsUnnecessaryButDigitsWouldBeLost() {
        assertThatThrownBy(() -> Money.of("2.345", "GBP").rounded(RoundingMode.UNNECESSARY)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void shouldMultiplyExactlyWhenTimesQuantity() {
        assertThat(Money.of("4.50", "GBP").times(3)).isEqualTo(Money.of("13.5", "GBP"));
        assertThat(Money.of("4.50", "GBP").times(0)).isEqualTo(Money.zero(Currency.getInstance("GBP")));
    }

    @Test
    void shouldRejectAnAmountWithAHugeExponentWithoutExpandingIt() {
        assertThatThrownBy(() -> Money.of("1E+10000000", "GBP"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("digits before the decimal point");
        assertThatThrownBy(() -> Money.of("1E+999999999", "GBP")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void shouldRejectAnAmountFinerThanTwelveDecimalPlaces() {
        assertThatThrownBy(() -> Money.of("0.0000000000001", "GBP"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("decimal places");
        assertThatThrownBy(() -> Money.of("1E-999999999", "GBP")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void shouldAcceptEighteenIntegerDigitsAndTrailingZerosPastTwelvePlaces() {
        assertThat(Money.of("999999999999999999.50", "GBP").amount()).isEqualByComparingTo("999999999999999999.5");
        assertThat(Money.of("1.50000000000000000000", "GBP")).isEqualTo(Money.of("1.5", "GBP"));
    }
}
