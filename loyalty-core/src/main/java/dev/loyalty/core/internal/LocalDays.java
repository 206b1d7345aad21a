package dev.loyalty.core.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Local dates of instants and the instants at which local days start, without a time-zone rules
 * lookup per call: every event asks for its local date, daily caps ask for the same few day
 * starts over and over, and a rules lookup costs more than the rest of either. Not public API.
 */
final class LocalDays {

    /** Days kept per zone before the cache starts again; far more than the days events usually fall on. */
    private static final int MAX_DAYS = 4_096;

    private static final ConcurrentHashMap<ZoneId, ConcurrentHashMap<LocalDate, Instant>> STARTS = new ConcurrentHashMap<>();

    private LocalDays() {
    }

    /** Instants from here ({@code 1900-01-01T00:00:00Z}) ... */
    private static final long TABLE_FROM = LocalDate.of(1900, 1, 1).toEpochDay() * 86_400L;
    /** ... to here ({@code 2200-01-01T00:00:00Z}, exclusive) find their offset in a zone's table; others ask the zone rules. */
    private static final long TABLE_TO = LocalDate.of(2200, 1, 1).toEpochDay() * 86_400L;

    /** Per zone, every offset it has from 1900 to 2200 and when each starts. */
    private static final ConcurrentHashMap<ZoneId, Offsets> OFFSETS = new ConcurrentHashMap<>();

    /**
     * A zone's offsets in epoch seconds: {@code offsets[i]} holds from {@code starts[i]} until the
     * next start. A few hundred entries for a zone with daylight saving time, one for a fixed offset.
     */
    private record Offsets(long[] starts, int[] offsets) {

        static Offsets of(ZoneId zone) {
            ZoneRules rules = zone.getRules();
            Instant from = Instant.ofEpochSecond(TABLE_FROM);
            List<Long> starts = new ArrayList<>();
            List<Integer> offsets = new ArrayList<>();
            starts.add(TABLE_FROM);
            offsets.add(rules.getOffset(from).getTotalSeconds());
            for (ZoneOffsetTransition next = rules.nextTransition(from); next != null && next.toEpochSecond() < TABLE_TO;
                 next = rules.nextTransition(next.getInstant())) {
                starts.add(next.toEpochSecond());
                offsets.add(next.getOffsetAfter().getTotalSeconds());
            }
            return new Offsets(starts.stream().mapToLong(Long::longValue).toArray(), offsets.stream().mapToInt(Integer::intValue).toArray());
        }

        int at(long seconds) {
            int low = 0;
            int high = starts.length - 1;
            while (low < high) {
                int mid = (low + high + 1) >>> 1;
                if (starts[mid] <= seconds) {
                    low = mid;
                } else {
                    high = mid - 1;
                }
            }
            return offsets[low];
        }
    }

    /**
     * Returns {@code LocalDate.ofInstant(instant, zone)}, from a table of the zone's offsets built
     * once (a binary search over a few hundred entries, no allocation), for instants from 1900 to 2200.
     */
    static LocalDate dateOf(Instant instant, ZoneId zone) {
        long seconds = instant.getEpochSecond();
        if (seconds < TABLE_FROM || seconds >= TABLE_TO) {
            return LocalDate.ofInstant(instant, zone);
        }
        Offsets table = OFFSETS.get(zone);
        if (table == null) {
            table = OFFSETS.computeIfAbsent(zone, Offsets::of);
        }
        return LocalDate.ofEpochDay(Math.floorDiv(seconds + table.at(seconds), 86_400L));
    }

    /** Returns {@code date.atStartOfDay(zone).toInstant()}. */
    static Instant startOf(LocalDate date, ZoneId zone) {
        ConcurrentHashMap<LocalDate, Instant> days = STARTS.computeIfAbsent(zone, z -> new ConcurrentHashMap<>());
        Instant start = days.get(date);
        if (start == null) {
            if (days.size() >= MAX_DAYS) {
                days.clear();
            }
            start = date.atStartOfDay(zone).toInstant();
            days.put(date, start);
        }
        return start;
    }
}
