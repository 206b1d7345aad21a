package dev.loyalty.core.store;

import dev.loyalty.core.internal.Saturating;
import java.time.Instant;
import java.util.Arrays;

/**
 * One member's earned points by the instant their event happened, for daily caps without a
 * ledger scan: parallel arrays sorted by instant, one slot per instant. Events mostly come in
 * time order, so adding is usually an append; a range sum is two binary searches and a loop.
 * Not thread-safe: guarded by the member's lock.
 */
final class EarnedPoints {

    private long[] seconds = new long[4];
    private int[] nanos = new int[4];
    private long[] points = new long[4];
    private int size;

    /**
     * Adds points earned at an instant.
     *
     * @param at when the event happened
     * @param earned the points
     */
    void add(Instant at, long earned) {
        int index = firstAtOrAfter(at);
        if (index < size && seconds[index] == at.getEpochSecond() && nanos[index] == at.getNano()) {
            points[index] = plus(points[index], earned);
            return;
        }
        if (size == seconds.length) {
            int capacity = size * 2;
            seconds = Arrays.copyOf(seconds, capacity);
            nanos = Arrays.copyOf(nanos, capacity);
            points = Arrays.copyOf(points, capacity);
        }
        int after = size - index;
        System.arraycopy(seconds, index, seconds, index + 1, after);
        System.arraycopy(nanos, index, nanos, index + 1, after);
        System.arraycopy(points, index, points, index + 1, after);
        seconds[index] = at.getEpochSecond();
        nanos[index] = at.getNano();
        points[index] = earned;
        size++;
    }

    /**
     * Returns the points earned from {@code fromInclusive} to {@code toExclusive}.
     *
     * @param fromInclusive the start
     * @param toExclusive the end
     * @return the sum
     */
    long between(Instant fromInclusive, Instant toExclusive) {
        long sum = 0;
        for (int i = firstAtOrAfter(fromInclusive), end = firstAtOrAfter(toExclusive); i < end; i++) {
            sum = plus(sum, points[i]);
        }
        return sum;
    }

    /**
     * Adds earned points (never negative) to a sum of them, at most {@link Long#MAX_VALUE}: a day's
     * earnings may pass what a long holds (points earned, spent and earned again), and a daily cap,
     * the only reader, leaves nothing to earn beyond {@code Long.MAX_VALUE} as beyond the true sum.
     * Throwing instead would leave a member's state half applied when the store adds the entries
     * of an event already recorded.
     *
     * @param sum a sum of earned points
     * @param earned the points to add
     * @return the sum, or {@link Long#MAX_VALUE} when it is more (and {@link Long#MIN_VALUE} when less, which earned
     *         points never are)
     */
    static long plus(long sum, long earned) {
        return Saturating.add(sum, earned);
    }

    /**
     * The index of the first instant at or after {@code at}, or {@code size}. Searched from the end
     * in growing steps first: the instants asked (the start of an event's day) are usually among
     * the last few, and a search that stays near the end of the arrays stays in the CPU's cache.
     */
    private int firstAtOrAfter(Instant at) {
        long s = at.getEpochSecond();
        int n = at.getNano();
        // most events come after all earlier ones
        if (size == 0 || compare(size - 1, s, n) < 0) {
            return size;
        }
        // the answer lies in (low, high]: compare(high) >= 0, and compare(low) < 0 unless low is -1
        int high = size - 1;
        int low = high - 1;
        for (int step = 1; low >= 0 && compare(low, s, n) >= 0; step <<= 1) {
            high = low;
            low = Math.max(-1, low - step);
        }
        low++;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (compare(mid, s, n) < 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private int compare(int index, long s, int n) {
        int bySeconds = Long.compare(seconds[index], s);
        return bySeconds != 0 ? bySeconds : Integer.compare(nanos[index], n);
    }
}
