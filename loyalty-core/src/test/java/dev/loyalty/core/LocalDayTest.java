package dev.loyalty.core;

import static dev.loyalty.core.testing.Fixtures.enrolment;
import static dev.loyalty.core.testing.Fixtures.purchase;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.model.Points;
import dev.loyalty.core.spi.Decision;
import dev.loyalty.core.store.InMemoryStore;
import dev.loyalty.core.testing.Fixtures;
import dev.loyalty.core.testing.JavaRules;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Dates are computed in the member's zone, else the program's, with the engine's fixed clock:
 * the daily cap covers the member's local calendar day, whatever its length.
 */
class LocalDayTest {

    private static final Instant LONG_AGO = Instant.parse("2026-01-01T00:00:00Z");
    private static final String TEN = "10.00";

    /** 1 point per pound, at most {@code cap} a local day; no weekend or tier rules. */
    private static JavaRules capped(long cap) {
        return JavaRules.of("capped",
                ctx -> ctx.event() instanceof Purchase
                        ? List.of(new Decision.BaseRate("BASE", "1 point per pound", Decision.WHOLE_EVENT, BigDecimal.ONE),
                                new Decision.Cap("DAY", "daily cap", Decision.CapPeriod.DAY, cap))
                        : List.of());
    }

    private static LoyaltyEngine engine(JavaRules rules) {
        return Fixtures.engine(new InMemoryStore(), rules);
    }

    private static long earn(LoyaltyEngine engine, String id, String member, String instant) {
        return engine.process(purchase(id, member, Instant.parse(instant), TEN)).points().value();
    }

    @Test
    void shouldGiveEachMemberTheirOwnDateWhenKiritimatiAndHonoluluBuyAtTheSameInstant() {
        LoyaltyEngine engine = engine(JavaRules.simplePack());
        engine.process(enrolment("kiri", LONG_AGO).withZone(ZoneId.of("Pacific/Kiritimati")));
        engine.process(enrolment("hono", LONG_AGO).withZone(ZoneId.of("Pacific/Honolulu")));
        Instant fridayNoonUtc = Instant.parse("2026-03-13T12:00:00Z");

        Outcome kiri = engine.process(purchase("p-kiri", "kiri", fridayNoonUtc, TEN));
        Outcome hono = engine.process(purchase("p-hono", "hono", fridayNoonUtc, TEN));

        assertThat(kiri.explanation().summary()).contains("on 2026-03-14 (SATURDAY)");
        assertThat(hono.explanation().summary()).contains("on 2026-03-13 (FRIDAY)");
        assertThat(kiri.points()).isEqualTo(Points.of(20));
        assertThat(hono.points()).isEqualTo(Points.of(10));
    }

    @Test
    void shouldCapEachMemberByTheirLocalDayWhenPurchasesStraddleTheirMidnight() {
        LoyaltyEngine engine = engine(capped(15));
        engine.process(enrolment("kiri", LONG_AGO).withZone(ZoneId.of("Pacific/Kiritimati")));
        engine.process(enrolment("hono", LONG_AGO).withZone(ZoneId.of("Pacific/Honolulu")));
        engine.process(enrolment("utc", LONG_AGO));

        // 09:30Z and 10:30Z are either side of midnight in Kiritimati (+14) and Honolulu (-10), the same day in UTC
        assertThat(List.of(earn(engine, "k1", "kiri", "2026-03-10T09:30:00Z"), earn(engine, "k2", "kiri", "2026-03-10T10:30:00Z")))
                .containsExactly(10L, 10L);
        assertThat(List.of(earn(engine, "h1", "hono", "2026-03-10T09:30:00Z"), earn(engine, "h2", "hono", "2026-03-10T10:30:00Z")))
                .containsExactly(10L, 10L);
        assertThat(List.of(earn(engine, "u1", "utc", "2026-03-10T09:30:00Z"), earn(engine, "u2", "utc", "2026-03-10T10:30:00Z")))
                .containsExactly(10L, 5L);
    }

    @Test
    void shouldUseProgramZoneWhenMemberHasNone() {
        ProgramSettings program = ProgramSettings.builder().currency("GBP").zone("Pacific/Kiritimati").build();
        LoyaltyEngine engine = LoyaltyEngine.builder().program(program).clock(Fixtures.clock()).ruleEngine(capped(15)).build();
        engine.process(enrolment("m", LONG_AGO));

        assertThat(List.of(earn(engine, "p1", "m", "2026-03-10T09:30:00Z"), earn(engine, "p2", "m", "2026-03-10T10:30:00Z")))
                .containsExactly(10L, 10L);
    }

    @Test
    void shouldCountTheWholeShortDayWhenLondonSpringsForward() {
        LoyaltyEngine engine = engine(capped(10));
        engine.process(enrolment("ldn", LONG_AGO).withZone(ZoneId.of("Europe/London")));

        // 2026-03-29 lasts 23 hours in London: 00:00Z (00:00 GMT) to 23:00Z (00:00 BST on the 30th)
        long lastSecondOf28th = earn(engine, "s1", "ldn", "2026-03-28T23:59:59Z");
        long firstSecondOf29th = earn(engine, "s2", "ldn", "2026-03-29T00:00:00Z");
        long lastSecondOf29th = earn(engine, "s3", "ldn", "2026-03-29T22:59:59Z");
        Outcome firstOf30th = engine.process(purchase("s4", "ldn", Instant.parse("2026-03-29T23:00:00Z"), TEN));

        assertThat(List.of(lastSecondOf28th, firstSecondOf29th, lastSecondOf29th, firstOf30th.points().value()))
                .containsExactly(10L, 10L, 0L, 10L);
        assertThat(firstOf30th.explanation().summary()).contains("on 2026-03-30");
    }

    @Test
    void shouldLeaveNextDayOutOfShortDayWhenItsPurchaseArrivesFirst() {
        LoyaltyEngine engine = engine(capped(10));
        engine.process(enrolment("ldn", LONG_AGO).withZone(ZoneId.of("Europe/London")));

        // 23:30Z on the 29th is 00:30 BST on the 30th: a 24-hour window from 00:00Z would wrongly count it on the 29th
        long earlyOn30th = earn(engine, "late-1", "ldn", "2026-03-29T23:30:00Z");
        long noonOn29th = earn(engine, "late-2", "ldn", "2026-03-29T12:00:00Z");

        assertThat(List.of(earlyOn30th, noonOn29th)).containsExactly(10L, 10L);
    }

    @Test
    void shouldCountTheWholeLongDayWhenLondonFallsBack() {
        LoyaltyEngine engine = engine(capped(20));
        engine.process(enrolment("ldn", LONG_AGO).withZone(ZoneId.of("Europe/London")));

        // 2026-10-25 lasts 25 hours in London: 2026-10-24T23:00Z (00:00 BST) to 2026-10-26T00:00Z (00:00 GMT)
        long lastSecondOf24th = earn(engine, "f1", "ldn", "2026-10-24T22:59:59Z");
        long firstSecondOf25th = earn(engine, "f2", "ldn", "2026-10-24T23:00:00Z");
        long inThe25thHour = earn(engine, "f3", "ldn", "2026-10-25T23:30:00Z");
        Outcome lastSecondOf25th = engine.process(purchase("f4", "ldn", Instant.parse("2026-10-25T23:59:59Z"), TEN));
        long firstSecondOf26th = earn(engine, "f5", "ldn", "2026-10-26T00:00:00Z");

        assertThat(List.of(lastSecondOf24th, firstSecondOf25th, inThe25thHour, lastSecondOf25th.points().value(), firstSecondOf26th))
                .containsExactly(10L, 10L, 10L, 0L, 10L);
        assertThat(lastSecondOf25th.explanation().summary()).contains("on 2026-10-25");
    }

    @Test
    void shouldDateBothOneThirtiesOnTheSameDayWhenLondonRepeatsAnHour() {
        LoyaltyEngine engine = engine(capped(15));
        engine.process(enrolment("ldn", LONG_AGO).withZone(ZoneId.of("Europe/London")));

        Outcome bst = engine.process(purchase("bst", "ldn", Instant.parse("2026-10-25T00:30:00Z"), TEN));
        Outcome gmt = engine.process(purchase("gmt", "ldn", Instant.parse("2026-10-25T01:30:00Z"), TEN));

        assertThat(bst.explanation().summary()).contains("on 2026-10-25");
        assertThat(gmt.explanation().summary()).contains("on 2026-10-25");
        assertThat(List.of(bst.points().value(), gmt.points().value())).containsExactly(10L, 5L);
    }

    @Test
    void shouldTreatLeapDayAsItsOwnDayWhenPurchasesSurroundIt() {
        LoyaltyEngine engine = engine(capped(10));
        engine.process(enrolment("leap", LONG_AGO));

        long feb28 = earn(engine, "l1", "leap", "2028-02-28T23:30:00Z");
        Outcome feb29 = engine.process(purchase("l2", "leap", Instant.parse("2028-02-29T00:30:00Z"), TEN));
        long lateFeb29 = earn(engine, "l3", "leap", "2028-02-29T23:30:00Z");
        long mar1 = earn(engine, "l4", "leap", "2028-03-01T00:30:00Z");

        assertThat(List.of(feb28, feb29.points().value(), lateFeb29, mar1)).containsExactly(10L, 10L, 0L, 10L);
        assertThat(feb29.explanation().summary()).contains("on 2028-02-29 (TUESDAY)");
    }

    @Test
    void shouldStartNewLocalDayWhenYearEndsInMemberZoneBeforeUtc() {
        LoyaltyEngine engine = engine(capped(10));
        engine.process(enrolment("berlin", LONG_AGO).withZone(ZoneId.of("Europe/Berlin")));

        // 23:30 and 00:30 in Berlin (UTC+1) are both on 2026-12-31 in UTC
        Outcome newYearsEve = engine.process(purchase("y1", "berlin", Instant.parse("2026-12-31T22:30:00Z"), TEN));
        Outcome newYearsDay = engine.process(purchase("y2", "berlin", Instant.parse("2026-12-31T23:30:00Z"), TEN));
        long laterOnNewYearsDay = earn(engine, "y3", "berlin", "2027-01-01T12:00:00Z");

        assertThat(newYearsEve.explanation().summary()).contains("on 2026-12-31 (THURSDAY)");
        assertThat(newYearsDay.explanation().summary()).contains("on 2027-01-01 (FRIDAY)");
        assertThat(List.of(newYearsEve.points().value(), newYearsDay.points().value(), laterOnNewYearsDay)).containsExactly(10L, 10L, 0L);
    }

    @Test
    void shouldUseNewZoneWhenMemberMovesBeforeTheNextPurchase() {
        LoyaltyEngine engine = engine(capped(15));
        engine.process(enrolment("mover", LONG_AGO));
        long first = earn(engine, "m1", "mover", "2026-03-10T09:30:00Z");
        engine.process(new dev.loyalty.core.event.ProfileChange(Fixtures.eventId("move"), Fixtures.member("mover"),
                Instant.parse("2026-03-10T10:00:00Z"), null, ZoneId.of("Pacific/Kiritimati"), null));

        long second = earn(engine, "m2", "mover", "2026-03-10T10:30:00Z");

        assertThat(List.of(first, second)).containsExactly(10L, 10L);
    }
}
