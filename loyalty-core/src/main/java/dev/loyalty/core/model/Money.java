package dev.loyalty.core.model;

import dev.loyalty.core.CurrencyMismatchException;
import dev.loyalty.core.InvalidInputException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * An exact amount of money in one currency.
 *
 * <p>The scale is normalised: trailing zeros are dropped down to the currency's minor units,
 * so {@code 1.5 GBP}, {@code 1.50 GBP} and {@code 1.500 GBP} are equal and print as
 * {@code 1.50 GBP}; finer amounts such as unit prices of {@code 0.125} keep their digits.
 * Arithmetic is exact; rounding happens only in {@link #rounded(RoundingMode)}, with the mode
 * named by the caller. Combining two currencies throws {@link CurrencyMismatchException}.
 * Amounts are bounded so that absurd input fails fast instead of stalling the engine: at most
 * {@value #MAX_INTEGER_DIGITS} digits before the decimal point and {@value #MAX_FRACTION_DIGITS}
 * after it (trailing zeros aside).
 *
 * @param amount the exact amount, normalised as above
 * @param currency the ISO 4217 currency
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    /** The most digits an amount may have before the decimal point. */
    public static final int MAX_INTEGER_DIGITS = 18;

    /** The most significant digits an amount may have after the decimal point. */
    public static final int MAX_FRACTION_DIGITS = 12;

    /**
     * Checks the components and normalises the scale.
     *
     * @param amount the exact amount, normalised as above
     * @param currency the ISO 4217 currency
     */
    public Money {
        if (amount == null) {
            throw new InvalidInputException("money.amount", "must not be null");
        }
        if (currency == null) {
            throw new InvalidInputException("money.currency", "must not be null");
        }
        amount = normalise(amount, currency);
    }

    /**
     * Returns an amount parsed from decimal text, such as {@code Money.of("12.50", "GBP")}.
     *
     * @param amount the amount as plain decimal text
     * @param currencyCode the ISO 4217 code
     * @return the money
     * @throws InvalidInputException when the amount is not a number or the currency is unknown
     */
    public static Money of(String amount, String currencyCode) {
        if (amount == null) {
            throw new InvalidInputException("money.amount", "must not be null");
        }
        try {
            return new Money(new BigDecimal(amount.strip()), currency(currencyCode));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("money.amount", "'" + amount + "' is not a decimal number");
        }
    }

    /**
     * Returns an amount in the currency with the given code.
     *
     * @param amount the exact amount
     * @param currencyCode the ISO 4217 code
     * @return the money
     */
    public static Money of(BigDecimal amount, String currencyCode) {
        return new Money(amount, currency(currencyCode));
    }

    /**
     * Returns zero in the given currency.
     *
     * @param currency the currency
     * @return zero
     */
    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /**
     * Looks up an ISO 4217 currency.
     *
     * @param code the three-letter code
     * @return the currency
     * @throws InvalidInputException when the code is null or unknown
     */
    public static Currency currency(String code) {
        if (code == null) {
            throw new InvalidInputException("currency", "must not be null");
        }
        try {
            return Currency.getInstance(code.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("currency", "'" + code + "' is not an ISO 4217 currency code");
        }
    }

    /**
     * Returns the exact sum.
     *
     * @param other an amount in the same currency
     * @return this plus other
     */
    public Money plus(Money other) {
        return new Money(amount.add(same(other).amount), currency);
    }

    /**
     * Returns the exact difference.
     *
     * @param other an amount in the same currency
     * @return this minus other
     */
    public Money minus(Money other) {
        return new Money(amount.subtract(same(other).amount), currency);
    }

    /**
     * Returns the exact product with a whole number, such as a quantity.
     *
     * @param factor the factor
     * @return this times factor
     */
    public Money times(long factor) {
        return new Money(amount.multiply(BigDecimal.valueOf(factor)), currency);
    }

    /**
     * Returns the amount rounded to the currency's minor units with the given mode.
     *
     * @param mode how to round, for example {@link RoundingMode#HALF_EVEN}
     * @return the rounded amount
     */
    public Money rounded(RoundingMode mode) {
        return new Money(amount.setScale(Math.max(0, currency.getDefaultFractionDigits()), mode), currency);
    }

    /**
     * Returns the sign of the amount.
     *
     * @return -1, 0 or 1
     */
    public int signum() {
        return amount.signum();
    }

    /**
     * Compares amounts of the same currency.
     *
     * @param other an amount in the same currency
     * @return the comparison of the amounts
     */
    @Override
    public int compareTo(Money other) {
        return amount.compareTo(same(other).amount);
    }

    /** Returns the amount and currency code, such as {@code 12.50 GBP}. */
    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }

    private Money same(Money other) {
        if (other == null) {
            throw new InvalidInputException("money", "must not be null");
        }
        if (!currency.equals(other.currency)) {
            throw new CurrencyMismatchException("money", currency, other.currency);
        }
        return other;
    }

    private static BigDecimal normalise(BigDecimal amount, Currency currency) {
        int minorUnits = Math.max(0, currency.getDefaultFractionDigits());
        // checked on precision and scale before any rescaling, which could cost time in the number of digits
        long integerDigits = (long) amount.precision() - amount.scale();
        if (amount.signum() != 0 && integerDigits > MAX_INTEGER_DIGITS) {
            throw new InvalidInputException("money.amount", "has " + integerDigits + " digits before the decimal point; at most "
                    + MAX_INTEGER_DIGITS + " are accepted");
        }
        if (amount.signum() != 0 && amount.scale() > MAX_FRACTION_DIGITS && amount.scale() - amount.precision() > MAX_FRACTION_DIGITS) {
            throw new InvalidInputException("money.amount", "is smaller than the " + MAX_FRACTION_DIGITS + " decimal places accepted");
        }
        if (amount.scale() == minorUnits) {
            // already in normal form: stripping trailing zeros and padding back to the minor units gives it again
            return amount;
        }
        BigDecimal stripped = amount.signum() == 0 ? BigDecimal.ZERO : amount.stripTrailingZeros();
        if (stripped.scale() > MAX_FRACTION_DIGITS) {
            throw new InvalidInputException("money.amount", amount.toPlainString() + " has more than " + MAX_FRACTION_DIGITS
                    + " decimal places");
        }
        return stripped.scale() < minorUnits ? stripped.setScale(minorUnits) : stripped;
    }
}
