package dev.loyalty.core.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.loyalty.core.ExpiryPolicy;
import dev.loyalty.core.LoyaltyEngine;
import dev.loyalty.core.LoyaltyException;
import dev.loyalty.core.ProgramSettings;
import dev.loyalty.core.SweepRequest;
import dev.loyalty.core.event.Enrolment;
import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.event.Redemption;
import dev.loyalty.core.event.Return;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.LedgerEntry;
import dev.loyalty.core.model.Member;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.Money;
import dev.loyalty.core.store.InMemoryStore;
import dev.loyalty.core.testing.JavaRules;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * KPIs of random engine histories against the README's formulas, computed here from the events
 * processed and the engine's ledgers: periods and events on month ends, year ends, DST changes and
 * leap days, members in zones other than the program's.
 */
class KpisProperties {

    private static final long SEED = 20261123L;
    private static final ZoneId PROGRAM_ZONE = ZoneId.of("Europe/London");
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("UTC"), ZoneId.of("Pacific/Kiritimati"), ZoneId.of("Pacific/Honolulu"),
            ZoneId.of("America/New_York"));
    private static final List<LocalDate> DAYS = List.of(LocalDate.parse("2025-12-31"), LocalDate.parse("2026-01-01"),
            LocalDate.parse("2026-01-31"), LocalDate.parse("2026-02-28"), LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-29"),
            LocalDate.parse("2026-03-31"), LocalDate.parse("2026-04-30"), LocalDate.parse("2026-10-25"), LocalDate.parse("2026-12-31"),
            LocalDate.parse("2027-01-01"), LocalDate.parse("2027-02-28"), LocalDate.parse("2028-02-29"), LocalDate.parse("2028-03-01"));
    private static final Instant NOW = Instant.parse("2028-06-01T00:00:00Z");

    /** One step: kind, member, day index, minutes off that day's start in the program's zone, amount and reference. */
    record Op(int kind, int member, int day, int minutes, int ref) {
    }

    private static Gen<List<Op>> histories() {
        Gen<Op> op = integers().between(0, 9).zip(integers().between(0, ZONES.size() - 1), integers().between(0, DAYS.size() - 1),
                integers().between(-1_500, 1_500), integers().between(0, 9_999), Op::new);
        return lists().of(op).ofSizeBetween(1, 30);
    }

    private static Gen<int[]> periods() {
        return integers().between(0, DAYS.size() - 1).zip(integers().between(0, DAYS.size() - 1), (a, b) -> new int[] {a, b});
    }

    private static Instant at(Op op) {
        Instant start = DAYS.get(op.day()).atStartOfDay(PROGRAM_ZONE).toInstant();
        // a third of the events fall exactly on a day's start in the program's zone
        return op.ref() % 3 == 0 ? start : start.plus(Duration.ofMinutes(op.minutes()));
    }

    @Test
    void shouldMatchTheReadmeFormulasOverRandomEngineHistories() {
        qt().withFixedSeed(SEED).withExamples(150).forAll(histories(), periods()).checkAssert((ops, days) -> {
            LocalDate from = DAYS.get(Math.min(days[0], days[1]));
            LocalDate to = days[0] == days[1] ? from.plusDays(1) : DAYS.get(Math.max(days[0], days[1]));
            ProgramSettings program = ProgramSettings.builder().currency("GBP").zone(PROGRAM_ZONE.getId()).returnWindowDays(14)
                    .expiry(ExpiryPolicy.endOfMonthAfter(1)).build();
            InMemoryStore store = new InMemoryStore();
            LoyaltyEngine engine = LoyaltyEngine.builder().program(program).clock(Clock.fixed(NOW, ZoneOffset.UTC)).store(store)
                    .ruleEngine(JavaRules.simplePack(300)).build();
            List<Op> sorted = new ArrayList<>(ops);
            sorted.sort(Comparator.comparing(KpisProperties::at));
            Map<MemberId, List<Instant>> purchases = new HashMap<>();
            List<EventId> purchaseIds = new ArrayList<>();
            for (int i = 0; i < sorted.size(); i++) {
                Op op = sorted.get(i);
                MemberId member = MemberId.of("m-" + op.member());
                Instant at = at(op);
                try {
                    switch (op.kind()) {
                        case 0, 1 -> engine.process(Enrolment.of(EventId.of("e-" + i), member, at).withZone(ZONES.get(op.member())));
                        case 2, 3, 4, 5 -> {
                            EventId id = EventId.of("p-" + i);
                            engine.process(Purchase.builder(id, member, at).line("SKU", "general", 1,
                                    Money.of(java.math.BigDecimal.valueOf(100 + op.ref(), 2), "GBP")).build());
                            purchases.computeIfAbsent(member, m -> new ArrayList<>()).add(at);
                            purchaseIds.add(id);
                        }
                        case 6 -> {
                            if (!purchaseIds.isEmpty()) {
                                engine.process(new Return(EventId.of("r-" + i), member, at, purchaseIds.get(op.ref() % purchaseIds.size()),
                                        Money.of("1.00", "GBP")));
                            }
                        }
                        case 7 -> engine.process(new Redemption(EventId.of("d-" + i), member, at, "R", 1 + op.ref() % 20, null));
                        default -> engine.sweep(SweepRequest.builder().asOf(at).build());
                    }
                } catch (LoyaltyException expected) {
                    // events before an enrolment, returns of others' purchases, redemptions beyond the balance
                }
            }
            KpiSettings settings = KpiSettings.builder(from, to).build();
            ProgramKpis kpis = Insights.of(store, program).kpis(settings);

            Instant f = from.atStartOfDay(PROGRAM_ZONE).toInstant();
            Instant t = to.atStartOfDay(PROGRAM_ZONE).toInstant();
            Instant p = from.minusDays(to.toEpochDay() - from.toEpochDay()).atStartOfDay(PROGRAM_ZONE).toInstant();
            long members = 0;
            long newMembers = 0;
            long active = 0;
            long previous = 0;
            long retained = 0;
            long repurchasers = 0;
            long issued = 0;
            long redeemed = 0;
            long expired = 0;
            long clawed = 0;
            long liability = 0;
            for (int m = 0; m < ZONES.size(); m++) {
                MemberId id = MemberId.of("m-" + m);
                Member member = engine.member(id).orElse(null);
                if (member == null || !member.enrolledAt().isBefore(t)) {
                    continue;
                }
                members++;
                if (!member.enrolledAt().isBefore(f)) {
                    newMembers++;
                }
                List<Instant> bought = purchases.getOrDefault(id, List.of());
                long inPeriod = bought.stream().filter(x -> !x.isBefore(f) && x.isBefore(t)).count();
                long inPrevious = bought.stream().filter(x -> !x.isBefore(p) && x.isBefore(f)).count();
                active += inPeriod > 0 ? 1 : 0;
                repurchasers += inPeriod > 1 ? 1 : 0;
                previous += inPrevious > 0 ? 1 : 0;
                retained += inPrevious > 0 && inPeriod > 0 ? 1 : 0;
                for (LedgerEntry entry : engine.ledger(id)) {
                    Instant x = entry.occurredAt();
                    long points = entry.points().value();
                    if (x.isBefore(t)) {
                        liability += points;
                    }
                    if (x.isBefore(f) || !x.isBefore(t)) {
                        continue;
                    }
                    switch (entry.type()) {
                        case EARN, PENDING -> issued += points;
                        case REDEEM -> redeemed -= points;
                        case EXPIRE -> expired -= points;
                        case REVERSE, REPAY -> clawed -= points;
                        default -> { }
                    }
                }
            }
            assertThat(kpis.members()).as("members").isEqualTo(members);
            assertThat(kpis.newMembers()).as("new members").isEqualTo(newMembers);
            assertThat(kpis.activeMembers()).as("active members").isEqualTo(active);
            assertThat(kpis.previousActiveMembers()).as("previous active").isEqualTo(previous);
            assertThat(kpis.retention()).as("retention").isEqualTo(new Ratio(retained, previous));
            assertThat(kpis.churn()).as("churn").isEqualTo(new Ratio(previous - retained, previous));
            assertThat(kpis.repurchase()).as("repurchase").isEqualTo(new Ratio(repurchasers, active));
            assertThat(List.of(kpis.pointsIssued(), kpis.pointsRedeemed(), kpis.pointsExpired(), kpis.pointsClawedBack(), kpis.liabilityPoints()))
                    .as("issued, redeemed, expired, clawed back, liability").containsExactly(issued, redeemed, expired, clawed, liability);
            assertThat(kpis.liability().get(0).points() + issued - redeemed - expired - clawed)
                    .as("opening liability + issued - redeemed - expired - clawed back").isEqualTo(liability);
            assertThat(kpis.breakage()).isEqualTo(new Ratio(expired, issued));
            assertThat(kpis.redemption()).isEqualTo(new Ratio(redeemed, issued));
            for (ProgramKpis.LiabilityPoint point : kpis.liability()) {
                Instant end = point.date().atStartOfDay(PROGRAM_ZONE).toInstant();
                long sum = 0;
                for (int m = 0; m < ZONES.size(); m++) {
                    MemberId id = MemberId.of("m-" + m);
                    if (engine.member(id).isPresent() && engine.member(id).get().enrolledAt().isBefore(t)) {
                        sum += engine.ledger(id).stream().filter(e -> e.occurredAt().isBefore(end)).mapToLong(e -> e.points().value()).sum();
                    }
                }
                assertThat(point.points()).as("liability at %s", point.date()).isEqualTo(sum);
            }
        });
    }
}
