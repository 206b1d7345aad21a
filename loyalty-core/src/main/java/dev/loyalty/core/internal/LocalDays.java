package dev.loyalty.core.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The instants at which local days start, cached: daily caps ask for the same few days over and
 * over, and a time-zone rules lookup costs more than the rest of the cap. Not public API.
 */
final class LocalDays {

    /** Days kept per zone before the cache starts again; far more than the days events usually fall on. */
    private static final int MAX_DAYS = 4_096;

    private static final ConcurrentHashMap<ZoneId, ConcurrentHashMap<LocalDate, Instant>> STARTS = new ConcurrentHashMap<>();

    private LocalDays() {
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
