package dev.loyalty.core.store;

import dev.loyalty.core.PointsOverflowException;
import dev.loyalty.core.tier.Qualifying;
import java.math.BigDecimal;
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

    /**
     * Adds an amount (negative for a return) to a day's totals. Never throws: a day whose points or
     * purchases would pass what a long holds gets a second entry (a window may still sum to a long,
     * as returns on other days take off), and a kept sum that would pass it is forgotten. The
     * store adds after it has recorded the event, so a throw here would leave the event half applied.
     */
    synchronized void add(LocalDate day, Qualifying amount) {
        long d = day.toEpochDay();
        int index = firstOnOrAfter(d);
        Qualifying merged = index < size && days[index] == d ? plusOrNull(totals[index], amount) : null;
        if (merged != null) {
            totals[index] = merged;
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
            Qualifying sum = plusOrNull(cachedSum, amount);
            cached = sum != null;
            cachedSum = sum;
        }
    }

    /**
     * Returns the totals of the days in a range, both ends included; zero when the range is empty.
     * Points and purchases are summed exactly: a day may pass what a long holds on the way.
     *
     * @throws PointsOverflowException when the range's points or purchases do not fit a long
     */
    synchronized Qualifying sum(LocalDate fromInclusive, LocalDate toInclusive) {
        if (toInclusive.isBefore(fromInclusive)) {
            return Qualifying.ZERO;
        }
        long from = fromInclusive.toEpochDay();
        long to = toInclusive.toEpochDay();
        Sum sum;
        int start;
        int end;
        if (cached && from >= cachedFrom && from <= cachedTo + 1 && to >= cachedTo) {
            // the window slid forward: take off the days that left it, add those that entered it
            sum = new Sum(cachedSum);
            start = cachedStart;
            while (start < cachedEnd && days[start] < from) {
                sum.minus(totals[start++]);
            }
            end = cachedEnd;
            while (end < size && days[end] <= to) {
                sum.plus(totals[end++]);
            }
        } else {
            sum = new Sum(Qualifying.ZERO);
            start = firstOnOrAfter(from);
            end = start;
            while (end < size && days[end] <= to) {
                sum.plus(totals[end++]);
            }
        }
        if (!sum.fits()) {
            cached = false;
            throw new PointsOverflowException("qualifying totals from " + fromInclusive + " to " + toInclusive + " leave the range of long");
        }
        cached = true;
        cachedFrom = from;
        cachedTo = to;
        cachedStart = start;
        cachedEnd = end;
        cachedSum = sum.value();
        return cachedSum;
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

    /** The sum of two totals, or null when its points or purchases pass what a long holds. */
    private static Qualifying plusOrNull(Qualifying a, Qualifying b) {
        long points = a.points() + b.points();
        long purchases = a.purchases() + b.purchases();
        if (overflowed(a.points(), b.points(), points) || overflowed(a.purchases(), b.purchases(), purchases)) {
            return null;
        }
        return new Qualifying(a.spend().add(b.spend()), points, purchases);
    }

    /** Tells whether {@code sum = a + b} wrapped around, as {@link Math#addExact} finds it: both operands' signs differ from the sum's. */
    private static boolean overflowed(long a, long b, long sum) {
        return ((a ^ sum) & (b ^ sum)) < 0;
    }

    /**
     * A running sum of totals whose points and purchases wrap around, with a count of the times
     * they did: long addition is exact modulo 2^64, so the sum is exact when the counts end at zero
     * and passes what a long holds otherwise, whatever the order of the days.
     */
    private static final class Sum {
        private BigDecimal spend;
        private long points;
        private long purchases;
        private int pointsWraps;
        private int purchasesWraps;

        Sum(Qualifying start) {
            spend = start.spend();
            points = start.points();
            purchases = start.purchases();
        }

        void plus(Qualifying day) {
            spend = spend.add(day.spend());
            long p = points + day.points();
            pointsWraps += overflowed(points, day.points(), p) ? Long.signum(day.points()) : 0;
            points = p;
            long q = purchases + day.purchases();
            purchasesWraps += overflowed(purchases, day.purchases(), q) ? Long.signum(day.purchases()) : 0;
            purchases = q;
        }

        void minus(Qualifying day) {
            spend = spend.subtract(day.spend());
            long p = points - day.points();
            // a - b wrapped when a and b differ in sign and the result's sign differs from a's
            pointsWraps -= ((points ^ day.points()) & (points ^ p)) < 0 ? Long.signum(day.points()) : 0;
            points = p;
            long q = purchases - day.purchases();
            purchasesWraps -= ((purchases ^ day.purchases()) & (purchases ^ q)) < 0 ? Long.signum(day.purchases()) : 0;
            purchases = q;
        }

        boolean fits() {
            return pointsWraps == 0 && purchasesWraps == 0;
        }

        Qualifying value() {
            return new Qualifying(spend, points, purchases);
        }
    }
}
