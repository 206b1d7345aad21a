package dev.loyalty.core.model;

import dev.loyalty.core.PointsOverflowException;

/**
 * A whole number of loyalty points. Arithmetic is exact: a result outside the range of
 * {@code long} throws {@link PointsOverflowException}, it never wraps.
 *
 * @param value the number of points; negative for debits
 */
public record Points(long value) implements Comparable<Points> {

    /** No points. */
    public static final Points ZERO = new Points(0);

    /**
     * Returns the given number of points.
     *
     * @param value the number of points
     * @return the points
     */
    public static Points of(long value) {
        return value >= CACHED_LOW && value < CACHED_HIGH ? Cached.POINTS[(int) (value - CACHED_LOW)] : new Points(value);
    }

    /** Points from here ... */
    private static final long CACHED_LOW = -1_024;
    /** ... to here (exclusive) are made once: most entries and awards are small, and a ledger keeps millions of them. */
    private static final long CACHED_HIGH = 4_096;

    /** The shared small values, made on first use. */
    private static final class Cached {
        static final Points[] POINTS = new Points[(int) (CACHED_HIGH - CACHED_LOW)];

        static {
            for (int i = 0; i < POINTS.length; i++) {
                POINTS[i] = i + CACHED_LOW == 0 ? ZERO : new Points(i + CACHED_LOW);
            }
        }
    }

    /**
     * Returns the exact sum.
     *
     * @param other the points to add
     * @return this plus other
     * @throws PointsOverflowException when the sum leaves the range of long
     */
    public Points plus(Points other) {
        return of(add(value, other.value));
    }

    /**
     * Returns the exact difference.
     *
     * @param other the points to subtract
     * @return this minus other
     * @throws PointsOverflowException when the difference leaves the range of long
     */
    public Points minus(Points other) {
        try {
            return of(Math.subtractExact(value, other.value));
        } catch (ArithmeticException e) {
            throw new PointsOverflowException("points overflow: " + value + " - " + other.value + " leaves the range of long");
        }
    }

    /**
     * Returns the negated amount.
     *
     * @return minus this
     * @throws PointsOverflowException for {@code Long.MIN_VALUE}
     */
    public Points negate() {
        try {
            return of(Math.negateExact(value));
        } catch (ArithmeticException e) {
            throw new PointsOverflowException("points overflow: -(" + value + ") leaves the range of long");
        }
    }

    /**
     * Adds two point counts exactly.
     *
     * @param a the first count
     * @param b the second count
     * @return a + b
     * @throws PointsOverflowException when the sum leaves the range of long
     */
    public static long add(long a, long b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            throw new PointsOverflowException("points overflow: " + a + " + " + b + " leaves the range of long");
        }
    }

    /**
     * Tells whether this is below zero.
     *
     * @return true for a negative amount
     */
    public boolean isNegative() {
        return value < 0;
    }

    /**
     * Compares the numbers of points, a debit below a credit.
     *
     * @param other the points to compare with; not null
     * @return negative, zero or positive as this is fewer, as many or more points than {@code other}
     */
    @Override
    public int compareTo(Points other) {
        return Long.compare(value, other.value);
    }

    /** Returns the number as plain digits. */
    @Override
    public String toString() {
        return Long.toString(value);
    }
}
