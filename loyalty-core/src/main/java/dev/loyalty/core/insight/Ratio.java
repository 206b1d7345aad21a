package dev.loyalty.core.insight;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A rate kept as its numerator and denominator, so a report can show what it was computed from.
 *
 * @param numerator the count or points on top
 * @param denominator the count or points below; zero leaves the rate undefined
 */
public record Ratio(long numerator, long denominator) {

    /**
     * Tells whether the rate has a value: whether the denominator is not zero.
     *
     * @return true when defined
     */
    public boolean isDefined() {
        return denominator != 0;
    }

    /**
     * Returns the rate as a percentage with two decimals, rounded half-even.
     *
     * @return the percentage, or null when the denominator is zero
     */
    public BigDecimal percent() {
        if (denominator == 0) {
            return null;
        }
        return BigDecimal.valueOf(numerator).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(denominator), 2, RoundingMode.HALF_EVEN);
    }

    /**
     * Returns the percentage as text, such as {@code 41.67%}, or {@code n/a} when undefined.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return denominator == 0 ? "n/a" : percent().toPlainString() + "%";
    }
}
