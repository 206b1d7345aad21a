package dev.loyalty.core.internal;

import java.math.BigDecimal;

/**
 * Fast text for the small decimals of the hot path (prices, amounts, rates): the same text as
 * {@link BigDecimal#toPlainString()}, without its intermediate strings and buffer shifts. Not
 * public API.
 */
public final class Decimals {

    /** Values with at most this many digits and this scale take the fast path; others fall back. */
    private static final int FAST_DIGITS = 18;

    /** What {@link #unscaled} answers for a decimal with no such {@code long} form. */
    public static final long NO_FIT = Long.MIN_VALUE;

    private Decimals() {
    }

    /**
     * Returns the unscaled value of a decimal of scale 0 to 18 with at most 18 digits, so that
     * exact arithmetic on it in {@code long} can be tried first.
     *
     * @param value the decimal
     * @return its unscaled value, or {@link #NO_FIT}
     */
    public static long unscaled(BigDecimal value) {
        int scale = value.scale();
        // at most 18 digits is an unscaled value strictly between -10^18 and 10^18; comparing with those bounds at the
        // value's own scale costs less than precision(), which counts the digits of every new decimal
        if (scale < 0 || scale > FAST_DIGITS || value.compareTo(FAST_LIMITS[scale]) >= 0 || value.compareTo(FAST_LIMITS_NEGATED[scale]) <= 0) {
            return NO_FIT;
        }
        return scale == 0 ? value.longValue() : value.movePointRight(scale).longValue();
    }

    /** At each scale from 0 to {@value #FAST_DIGITS}, the decimal whose unscaled value is 10^18, and its negation. */
    private static final BigDecimal[] FAST_LIMITS = new BigDecimal[FAST_DIGITS + 1];
    private static final BigDecimal[] FAST_LIMITS_NEGATED = new BigDecimal[FAST_DIGITS + 1];

    static {
        for (int scale = 0; scale <= FAST_DIGITS; scale++) {
            FAST_LIMITS[scale] = BigDecimal.valueOf(1_000_000_000_000_000_000L, scale);
            FAST_LIMITS_NEGATED[scale] = FAST_LIMITS[scale].negate();
        }
    }

    /**
     * Returns a money amount in its normal form, the one {@code Money} keeps: without trailing
     * zeros beyond the currency's minor units, and with at least those. So a sum read back from a
     * database column of a wider scale ({@code 12.50000000}) and the same sum kept in memory
     * ({@code 12.50}, or {@code 12.500} after a price of three decimals) are the same value.
     *
     * @param value the amount
     * @param minorUnits the currency's minor units, such as 2
     * @return the amount in normal form
     */
    public static BigDecimal normal(BigDecimal value, int minorUnits) {
        int units = Math.max(0, minorUnits);
        if (value.scale() == units) {
            return value;
        }
        BigDecimal stripped = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        return stripped.scale() >= units ? stripped : stripped.setScale(units);
    }

    /**
     * Returns {@code value.toPlainString()}.
     *
     * @param value the decimal
     * @return the plain text, such as {@code 12.50}
     */
    public static String plain(BigDecimal value) {
        int scale = value.scale();
        if (scale < 0 || scale > FAST_DIGITS || value.precision() > FAST_DIGITS) {
            return value.toPlainString();
        }
        long unscaled = value.unscaledValue().longValue();
        char[] digits = new char[20];
        int at = digits.length;
        long rest = Math.abs(unscaled);
        do {
            digits[--at] = (char) ('0' + rest % 10);
            rest /= 10;
        } while (rest != 0);
        int count = digits.length - at;
        int integerDigits = Math.max(1, count - scale);
        char[] text = new char[(unscaled < 0 ? 1 : 0) + integerDigits + (scale > 0 ? 1 + scale : 0)];
        int out = 0;
        if (unscaled < 0) {
            text[out++] = '-';
        }
        // leading zeros when there are fewer digits than the scale needs, as in 0.05
        for (int i = count; i < integerDigits + scale; i++) {
            text[out++] = '0';
            if (out == (unscaled < 0 ? 1 : 0) + integerDigits && scale > 0) {
                text[out++] = '.';
            }
        }
        for (int i = at; i < digits.length; i++) {
            text[out++] = digits[i];
            if (out == (unscaled < 0 ? 1 : 0) + integerDigits && scale > 0) {
                text[out++] = '.';
            }
        }
        return new String(text);
    }
}
