package dev.loyalty.core.store;

import dev.loyalty.core.model.Points;
import dev.loyalty.core.tier.Qualifying;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * A member's qualifying totals by local day, in parallel arrays sorted by day (days mostly come in
 * order, so adding is usually an append), with the sum of the last range asked and the positions
 * of its ends kept, so that a rolling window moved forward by a day or two costs the days that
 * enter and leave it: no search, no walk through a tree of years of days. Thread-safe.
 */
final class QualifyingDays {

    /** Shared by the members without qualifying days yet: most of them, right after enrolling. */
    private static final long[] NO_DAYS = new long[0];
    private static final Qualifying[] NO_TOTALS = new Qualifying[0];

    private long[] days = NO_DAYS;
    private Qualifying[] totals = NO_TOTALS;
    private int size;

    /** Whether a range was summed since; the fields below describe it. */
    private boolean cached;
    private long cachedFrom;
    private long cachedTo;
    /** The index of the first day on or after {@code cachedFrom}. */
    private int cachedStart;
    /** The index of the first day after {@code cachedTo}. */
    private int cachedEnd;
    private Qualifying cachedSum;

    /** Adds an amount (negative for a return) to a day's totals. */
    synchronized void add(LocalDate day, Qualifying amount) {
        long d = day.toEpochDay();
        int index = firstOnOrAfter(d);
        if (index < size && days[index] == d) {
            totals[index] = totals[index].plus(amount);
        } else {
            insert(index, d, amount);
            if (cached && d < cachedFrom) {
                cachedStart++;
                cachedEnd++;
            } else if (cached && d <= cachedTo) {
                cachedEnd++;
            }
        }
        if (cached && d >= cachedFrom && d <= cachedTo) {
            cachedSum = cachedSum.plus(amount);
        }
    }

    /** Returns the totals of the days in a range, both ends included; zero when the range is empty. */
    synchronized Qualifying sum(LocalDate fromInclusive, LocalDate toInclusive) {
        if (toInclusive.isBefore(fromInclusive)) {
            return Qualifying.ZERO;
        }
        long from = fromInclusive.toEpochDay();
        long to = toInclusive.toEpochDay();
        Qualifying sum;
        int start;
        int end;
        if (cached && from >= cachedFrom && from <= cachedTo + 1 && to >= cachedTo) {
            // the window slid forward: take off the days that left it, add those that entered it
            sum = cachedSum;
            start = cachedStart;
            while (start < cachedEnd && days[start] < from) {
                sum = minus(sum, totals[start++]);
            }
            end = cachedEnd;
            while (end < size && days[end] <= to) {
                sum = sum.plus(totals[end++]);
            }
        } else {
            sum = Qualifying.ZERO;
            start = firstOnOrAfter(from);
            end = start;
            while (end < size && days[end] <= to) {
                sum = sum.plus(totals[end++]);
            }
        }
        cached = true;
        cachedFrom = from;
        cachedTo = to;
        cachedStart = start;
        cachedEnd = end;
        cachedSum = sum;
        return sum;
    }

    private void insert(int index, long day, Qualifying amount) {
        if (size == days.length) {
            int capacity = Math.max(4, size * 2);
            days = Arrays.copyOf(days, capacity);
            totals = Arrays.copyOf(totals, capacity);
        }
        System.arraycopy(days, index, days, index + 1, size - index);
        System.arraycopy(totals, index, totals, index + 1, size - index);
        days[index] = day;
        totals[index] = amount;
        size++;
    }

    /** The index of the first day on or after {@code day}, or {@code size}. */
    private int firstOnOrAfter(long day) {
        if (size == 0 || days[size - 1] < day) {
            return size;
        }
        int low = 0;
        int high = size;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (days[mid] < day) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private static Qualifying minus(Qualifying sum, Qualifying day) {
        return new Qualifying(sum.spend().subtract(day.spend()), Points.add(sum.points(), Math.negateExact(day.points())),
                Points.add(sum.purchases(), Math.negateExact(day.purchases())));
    }
}
