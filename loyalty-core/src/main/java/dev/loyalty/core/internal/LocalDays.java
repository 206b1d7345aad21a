package dev.loyalty.core.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
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

    /** Per zone, the last offset looked up and the span of instants it holds for. */
    private static final ConcurrentHashMap<ZoneId, OffsetSpan> SPANS = new ConcurrentHashMap<>();

    /** An offset valid from {@code from} (inclusive) to {@code to} (exclusive), in epoch seconds. */
    private record OffsetSpan(long from, long to, int offsetSeconds) {
    }

    /**
     * Returns {@code LocalDate.ofInstant(instant, zone)}, skipping the zone rules' lookup when the
     * instant falls in the same span between offset transitions as the last one of the zone.
     */
    static LocalDate dateOf(Instant instant, ZoneId zone) {
        long seconds = instant.getEpochSecond();
        OffsetSpan span = SPANS.get(zone);
        if (span == null || seconds < span.from || seconds >= span.to) {
            span = spanAt(instant, zone);
            SPANS.put(zone, span);
        }
        return LocalDate.ofEpochDay(Math.floorDiv(seconds + span.offsetSeconds, 86_400L));
    }

    private static OffsetSpan spanAt(Instant instant, ZoneId zone) {
        ZoneRules rules = zone.getRules();
        int offset = rules.getOffset(instant).getTotalSeconds();
        if (rules.isFixedOffset()) {
            return new OffsetSpan(Long.MIN_VALUE, Long.MAX_VALUE, offset);
        }
        ZoneOffsetTransition previous = rules.previousTransition(instant.plusSeconds(1)); // at or before the instant
        ZoneOffsetTransition next = rules.nextTransition(instant);
        long from = previous == null ? Long.MIN_VALUE : previous.getInstant().getEpochSecond();
        long to = next == null ? Long.MAX_VALUE : next.getInstant().getEpochSecond();
        return new OffsetSpan(from, to, offset);
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
