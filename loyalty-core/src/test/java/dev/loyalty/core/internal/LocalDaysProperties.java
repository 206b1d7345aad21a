package dev.loyalty.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalDaysProperties {

    private static final List<ZoneId> ZONES = List.of(ZoneId.of("Europe/London"), ZoneId.of("America/New_York"), ZoneId.of("Australia/Lord_Howe"),
            ZoneId.of("Asia/Kolkata"), ZoneId.of("UTC"), ZoneId.of("Pacific/Apia"));

    @Test
    void shouldGiveTheZonesLocalDateWhenInstantsJumpAroundTransitions() {
        // instants from 1990 to 2040, often within a few hours of each other so cached spans get reused and crossed
        qt().forAll(longs().between(631_152_000L, 2_208_988_800L), integers().between(0, ZONES.size() - 1), integers().between(-7_200, 7_200))
                .checkAssert((seconds, zone, step) -> {
                    Instant first = Instant.ofEpochSecond(seconds);
                    Instant second = first.plusSeconds(step * 30L);
                    ZoneId id = ZONES.get(zone);

                    assertThat(LocalDays.dateOf(first, id)).isEqualTo(LocalDate.ofInstant(first, id));
                    assertThat(LocalDays.dateOf(second, id)).isEqualTo(LocalDate.ofInstant(second, id));
                });
    }

    @Test
    void shouldGiveTheZonesLocalDateFrom1800To2300() {
        // across the table's ends (1900 and 2200) too, where the zone rules answer instead
        qt().forAll(longs().between(-5_364_662_400L, 10_413_792_000L), integers().between(0, ZONES.size() - 1))
                .checkAssert((seconds, zone) -> {
                    Instant instant = Instant.ofEpochSecond(seconds);
                    assertThat(LocalDays.dateOf(instant, ZONES.get(zone))).isEqualTo(LocalDate.ofInstant(instant, ZONES.get(zone)));
                });
    }

    @Test
    void shouldGiveTheLocalDateOnEitherSideOfADaylightSavingChange() {
        ZoneId newYork = ZoneId.of("America/New_York");
        Instant clocksGoBack = Instant.parse("2026-11-01T06:00:00Z"); // 01:00 EST, just after 01:59:59 EDT

        assertThat(LocalDays.dateOf(clocksGoBack.minusSeconds(1), newYork)).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(LocalDays.dateOf(Instant.parse("2026-11-01T04:59:59Z"), newYork)).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(LocalDays.dateOf(Instant.parse("2026-11-01T03:59:59Z"), newYork)).isEqualTo(LocalDate.of(2026, 10, 31));
        assertThat(LocalDays.dateOf(Instant.parse("2026-11-02T04:59:59Z"), newYork)).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(LocalDays.dateOf(Instant.parse("2026-11-02T05:00:00Z"), newYork)).isEqualTo(LocalDate.of(2026, 11, 2));
    }

    @Test
    void shouldGiveTheStartOfTheLocalDayWhenDaysAreCached() {
        ZoneId london = ZoneId.of("Europe/London");
        LocalDate clocksGoForward = LocalDate.of(2026, 3, 29);

        assertThat(LocalDays.startOf(clocksGoForward, london)).isEqualTo(clocksGoForward.atStartOfDay(london).toInstant());
        assertThat(LocalDays.startOf(clocksGoForward, london)).isEqualTo(Instant.parse("2026-03-29T00:00:00Z"));
    }
}
