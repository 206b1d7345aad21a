package dev.loyalty.core.internal;

/**
 * Sums of points reported rather than stored (totals of a sweep, points reserved or earned in a
 * window), which stop at the ends of {@code long} instead of wrapping. Not public API.
 */
public final class Saturating {

    private Saturating() {
    }

    /**
     * Adds two longs, stopping at the ends of {@code long}.
     *
     * @param a one addend
     * @param b the other
     * @return the sum; {@link Long#MAX_VALUE} when it is more, {@link Long#MIN_VALUE} when less
     */
    public static long add(long a, long b) {
        long total = a + b;
        // an overflow, as Math.addExact finds it: both operands' signs differ from the result's
        return ((a ^ total) & (b ^ total)) < 0 ? (b > 0 ? Long.MAX_VALUE : Long.MIN_VALUE) : total;
    }
}
