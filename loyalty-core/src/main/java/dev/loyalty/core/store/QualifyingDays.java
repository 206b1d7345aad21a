package dev.loyalty.core.store;

import dev.loyalty.core.model.Points;
import dev.loyalty.core.tier.Qualifying;
import java.time.LocalDate;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A member's qualifying totals by local day, with the sum of the last range asked kept up to
 * date, so that a rolling window moved forward by a day or two costs the days that enter and
 * leave it rather than a sum over every day in it. Thread-safe.
 */
final class QualifyingDays {

    private final NavigableMap<LocalDate, Qualifying> days = new TreeMap<>();
    private LocalDate cachedFrom;
    private LocalDate cachedTo;
    private Qualifying cachedSum;

    /** Adds an amount (negative for a return) to a day's totals. */
    synchronized void add(LocalDate day, Qualifying amount) {
        days.merge(day, amount, Qualifying::plus);
        if (cachedFrom != null && !day.isBefore(cachedFrom) && !day.isAfter(cachedTo)) {
            cachedSum = cachedSum.plus(amount);
        }
    }

    /** Returns the totals of the days in a range, both ends included; zero when the range is empty. */
    synchronized Qualifying sum(LocalDate fromInclusive, LocalDate toInclusive) {
        if (toInclusive.isBefore(fromInclusive)) {
            return Qualifying.ZERO;
        }
        Qualifying sum;
        if (cachedFrom != null && !fromInclusive.isBefore(cachedFrom) && !fromInclusive.isAfter(cachedTo.plusDays(1))
                && !toInclusive.isBefore(cachedTo)) {
            // the window slid forward: take off the days that left it, add those that entered it
            sum = cachedSum;
            for (Qualifying left : days.subMap(cachedFrom, true, fromInclusive, false).values()) {
                sum = minus(sum, left);
            }
            for (Qualifying entered : days.subMap(cachedTo, false, toInclusive, true).values()) {
                sum = sum.plus(entered);
            }
        } else {
            sum = Qualifying.ZERO;
            for (Qualifying day : days.subMap(fromInclusive, true, toInclusive, true).values()) {
                sum = sum.plus(day);
            }
        }
        cachedFrom = fromInclusive;
        cachedTo = toInclusive;
        cachedSum = sum;
        return sum;
    }

    private static Qualifying minus(Qualifying sum, Qualifying day) {
        return new Qualifying(sum.spend().subtract(day.spend()), Points.add(sum.points(), Math.negateExact(day.points())),
                Points.add(sum.purchases(), Math.negateExact(day.purchases())));
    }
}
