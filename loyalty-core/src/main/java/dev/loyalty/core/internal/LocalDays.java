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

    private LocalDays() {
    }

    /** Instants from here ({@code 1900-01-01T00:00:00Z}) ... */
    private static final long TABLE_FROM = LocalDate.of(1900, 1, 1).toEpochDay() * 86_400L;
    /** ... to here ({@code 2200-01-01T00:00:00Z}, exclusive) find their offset in a zone's table; others ask the zone rules. */
    private static final long TABLE_TO = LocalDate.of(2200, 1, 1).toEpochDay() * 86_400L;

    /** What is kept per zone. */
    private static final ConcurrentHashMap<ZoneId, Zone> ZONES = new ConcurrentHashMap<>();

    /**
     * The zone asked for last, checked before the map: a program usually has one zone, or a few, and
     * even a map lookup was a measurable share of an event's work.
     */
    private static volatile Zone last;

    /**
     * What is kept of a zone: its offsets from 1900 to 2200, and the starts of the days asked for.
     */
    private record Zone(ZoneId id, Offsets offsets, ConcurrentHashMap<LocalDate, Instant> starts) {

        static Zone of(ZoneId id) {
            return new Zone(id, Offsets.of(id), new ConcurrentHashMap<>());
        }
    }

    private static Zone zone(ZoneId id) {
        Zone zone = last;
        if (zone == null || !zone.id().equals(id)) {
            zone = ZONES.get(id);
            if (zone == null) {
                zone = ZONES.computeIfAbsent(id, Zone::of);
            }
            last = zone;
        }
        return zone;
    }

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
        Offsets table = zone(zone).offsets();
        return date(Math.floorDiv(seconds + table.at(seconds), 86_400L));
    }

    /** Dates made so far, by epoch day modulo the length: an event asks for the same few days several times over. */
    private static final Day[] DATES = new Day[4_096];

    /** A date and its epoch day, published whole (final fields) when another thread reads the slot. */
    private record Day(long epochDay, LocalDate date) {
    }

    /** Returns {@code LocalDate.ofEpochDay(epochDay)}, the same object as last time when the slot still holds it. */
    private static LocalDate date(long epochDay) {
        int slot = (int) (epochDay & (DATES.length - 1));
        Day day = DATES[slot];
        if (day == null || day.epochDay() != epochDay) {
            day = new Day(epochDay, LocalDate.ofEpochDay(epochDay));
            DATES[slot] = day;
        }
        return day.date();
    }

    /** Returns {@code date.atStartOfDay(zone).toInstant()}. */
    static Instant startOf(LocalDate date, ZoneId zone) {
        ConcurrentHashMap<LocalDate, Instant> days = zone(zone).starts();
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
