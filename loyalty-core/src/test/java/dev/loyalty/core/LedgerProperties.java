package dev.loyalty.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.loyalty.core.event.Enrolment;
import dev.loyalty.core.event.LoyaltyEvent;
import dev.loyalty.core.event.ProfileChange;
import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.LedgerEntry;
import dev.loyalty.core.model.Lot;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.MemberStatus;
import dev.loyalty.core.model.Money;
import dev.loyalty.core.spi.StoredEvent;
import dev.loyalty.core.store.InMemoryStore;
import dev.loyalty.core.testing.Fixtures;
import dev.loyalty.core.testing.JavaRules;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Ledger invariants over random sequences of enrolments, purchases, profile changes, replays of
 * earlier event ids, conflicting reuses of them and invalid events.
 */
class LedgerProperties {

    private static final long SEED = 20260302L;
    private static final int EXAMPLES = 200;
    private static final Instant START = Instant.parse("2026-03-02T00:00:00Z");
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("UTC"), ZoneId.of("Pacific/Kiritimati"), ZoneId.of("Pacific/Honolulu"),
            ZoneId.of("Europe/London"));
    private static final int MEMBERS = ZONES.size();

    /** One step of a scenario; the numbers are turned into an event by {@link #events(List)}. */
    record Op(int kind, int member, int cents, int minutes, int ref) {
    }

    private static Gen<List<Op>> scenarios() {
        Gen<Op> op = integers().between(0, 12).zip(integers().between(0, MEMBERS - 1), integers().between(0, 40_000),
                integers().between(0, 60 * 24 * 10), integers().between(0, 1_000), Op::new);
        return lists().of(op).ofSizeBetween(1, 40);
    }

    /** Turns the steps into events; replays and conflicts refer to earlier events of the same scenario. */
    static List<LoyaltyEvent> events(List<Op> ops) {
        List<LoyaltyEvent> events = new ArrayList<>();
        for (int i = 0; i < ops.size(); i++) {
            Op op = ops.get(i);
            MemberId member = MemberId.of("m-" + op.member());
            Instant at = START.plus(Duration.ofMinutes(op.minutes()));
            Money price = Money.of(java.math.BigDecimal.valueOf(op.cents(), 2), "GBP");
            LoyaltyEvent event = switch (op.kind()) {
                case 0, 1, 2 -> {
                    // enrolments fall in the first day, so that most later purchases follow them
                    Instant enrolledAt = START.plus(Duration.ofMinutes(op.minutes() % (60 * 24)));
                    Enrolment enrolment = Enrolment.of(EventId.of("enrol-" + op.member() + "-" + i), member, enrolledAt)
                            .withZone(ZONES.get(op.member()));
                    yield op.member() == MEMBERS - 1 ? enrolment.withTier("gold") : enrolment;
                }
                case 3, 4, 5, 6 -> {
                    Purchase.Builder builder = Purchase.builder(EventId.of("p-" + i), member, at).line("SKU-A", "general", 1 + op.ref() % 3, price);
                    if (op.ref() % 2 == 0) {
                        builder.line("SKU-B", "garden", 1, Money.of("0.35", "GBP"));
                    }
                    yield builder.build();
                }
                case 7, 8 -> events.isEmpty() ? null : events.get(op.ref() % events.size());
                case 9 -> events.isEmpty() ? null : conflicting(events.get(op.ref() % events.size()));
                case 10 -> op.ref() % 2 == 0
                        ? Fixtures.purchase("future-" + i, member.value(), Fixtures.NOW.plus(Duration.ofDays(1)), "1")
                        : Purchase.builder(EventId.of("eur-" + i), member, at).line("SKU-E", "general", 1, Money.of("5", "EUR")).build();
                default -> new ProfileChange(EventId.of("pc-" + i), member, at, null, null,
                        op.ref() % 3 == 0 ? MemberStatus.SUSPENDED : MemberStatus.ACTIVE);
            };
            if (event != null) {
                events.add(event);
            }
        }
        return events;
    }

    private static LoyaltyEvent conflicting(LoyaltyEvent earlier) {
        if (earlier instanceof Purchase p) {
            return new Purchase(p.eventId(), p.memberId(), p.occurredAt().plusSeconds(1), p.lines(), p.channel(), p.store());
        }
        if (earlier instanceof Enrolment e) {
            return e.withChannel("other");
        }
        ProfileChange c = (ProfileChange) earlier;
        return new ProfileChange(c.eventId(), c.memberId(), c.occurredAt().plusSeconds(1), c.birthday(), c.zone(), c.status());
    }

    /** Processes the events in order; returns each outcome or the {@link LoyaltyException} it threw. */
    private static List<Object> run(LoyaltyEngine engine, List<LoyaltyEvent> events) {
        List<Object> results = new ArrayList<>();
        for (LoyaltyEvent event : events) {
            results.add(process(engine, event));
        }
        return results;
    }

    private static Object process(LoyaltyEngine engine, LoyaltyEvent event) {
        try {
            return engine.process(event);
        } catch (LoyaltyException e) {
            return e.getClass();
        }
    }

    private static LoyaltyEngine newEngine(InMemoryStore store, JavaRules rules) {
        return Fixtures.engine(store, rules);
    }

    private static List<Object> state(InMemoryStore store) {
        List<Object> state = new ArrayList<>();
        for (int m = 0; m < MEMBERS; m++) {
            MemberId id = MemberId.of("m-" + m);
            state.add(List.of(store.findMember(id), store.balance(id), store.ledger(id), store.lots(id)));
        }
        return state;
    }

    @Test
    void shouldKeepBalanceEqualToEntriesAndLotsWhenAnySequenceIsProcessed() {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(scenarios()).checkAssert(ops -> {
            InMemoryStore store = new InMemoryStore();
            run(newEngine(store, JavaRules.simplePack(300)), events(ops));

            for (int m = 0; m < MEMBERS; m++) {
                MemberId id = MemberId.of("m-" + m);
                List<LedgerEntry> ledger = store.ledger(id);
                long balance = store.balance(id).value();
                assertThat(balance).as("balance of %s", id).isNotNegative();
                assertThat(Fixtures.sumOfEntries(ledger)).as("sum of entries of %s", id).isEqualTo(balance);
                assertThat(Fixtures.sumOfRemaining(store.lots(id))).as("sum of lots of %s", id).isEqualTo(balance);
                for (int k = 0; k < ledger.size(); k++) {
                    assertThat(ledger.get(k).sequence()).as("sequence of entry %d of %s", k, id).isEqualTo(k + 1L);
                    assertThat(ledger.get(k).points().value()).as("points of entry %d of %s", k, id).isPositive();
                    assertThat(ledger.get(k).memberId()).isEqualTo(id);
                }
                for (Lot lot : store.lots(id)) {
                    long named = ledger.stream().filter(e -> e.lotId().equals(lot.id())).mapToLong(e -> e.points().value()).sum();
                    // earning only: nothing spent yet; a purchase that earned nothing still has a (zero) lot for returns to find
                    assertThat(lot.remaining()).as("lot %s", lot.id()).isEqualTo(named).isEqualTo(lot.points()).isNotNegative();
                }
                if (store.findMember(id).isEmpty()) {
                    assertThat(ledger).isEmpty();
                }
            }
        });
    }

    @Test
    void shouldRecordBalancesTheLedgerRecomputesWhenAnySequenceIsProcessed() {
        qt().withFixedSeed(SEED + 1).withExamples(EXAMPLES).forAll(scenarios()).checkAssert(ops -> {
            InMemoryStore store = new InMemoryStore();
            LoyaltyEngine engine = newEngine(store, JavaRules.simplePack(300));
            List<LoyaltyEvent> events = events(ops);
            run(engine, events);

            for (int m = 0; m < MEMBERS; m++) {
                MemberId id = MemberId.of("m-" + m);
                long running = 0;
                Map<EventId, Long> balanceAfter = new HashMap<>();
                Map<EventId, Long> pointsOf = new HashMap<>();
                for (LedgerEntry entry : store.ledger(id)) {
                    running = Math.addExact(running, entry.points().value());
                    balanceAfter.put(entry.eventId(), running);
                    pointsOf.merge(entry.eventId(), entry.points().value(), Long::sum);
                }
                assertThat(running).isEqualTo(store.balance(id).value());
                for (Map.Entry<EventId, Long> recorded : balanceAfter.entrySet()) {
                    Outcome outcome = store.findEvent(recorded.getKey()).map(StoredEvent::outcome).orElseThrow();
                    assertThat(outcome.balance().value()).as("balance after %s", recorded.getKey()).isEqualTo(recorded.getValue());
                    assertThat(outcome.points().value()).as("points of %s", recorded.getKey()).isEqualTo(pointsOf.get(recorded.getKey()));
                }
            }
        });
    }

    @Test
    void shouldEndInTheSameStateWhenEveryEventIsProcessedTwice() {
        qt().withFixedSeed(SEED + 2).withExamples(EXAMPLES).forAll(scenarios()).checkAssert(ops -> {
            List<LoyaltyEvent> events = events(ops);
            InMemoryStore once = new InMemoryStore();
            List<Object> onceResults = run(newEngine(once, JavaRules.simplePack(300)), events);
            InMemoryStore twice = new InMemoryStore();
            LoyaltyEngine twiceEngine = newEngine(twice, JavaRules.simplePack(300));

            for (int i = 0; i < events.size(); i++) {
                Object first = process(twiceEngine, events.get(i));
                Object second = process(twiceEngine, events.get(i));
                assertThat(first).as("first processing of %s", events.get(i).eventId()).isEqualTo(onceResults.get(i));
                assertThat(second).as("second processing of %s", events.get(i).eventId()).isEqualTo(first);
            }
            assertThat(state(twice)).isEqualTo(state(once));
        });
    }

    @Test
    void shouldReturnOutcomeAndWriteNothingWhenAcceptedEventsAreReplayed() {
        qt().withFixedSeed(SEED + 3).withExamples(EXAMPLES).forAll(scenarios()).checkAssert(ops -> {
            List<LoyaltyEvent> events = events(ops);
            InMemoryStore store = new InMemoryStore();
            JavaRules rules = JavaRules.simplePack(300);
            LoyaltyEngine engine = newEngine(store, rules);
            List<Object> results = run(engine, events);
            List<Object> before = state(store);
            long evaluations = rules.evaluations();

            for (int i = events.size() - 1; i >= 0; i--) {
                if (results.get(i) instanceof Outcome outcome) {
                    assertThat(engine.process(events.get(i))).isEqualTo(outcome);
                }
            }

            assertThat(state(store)).isEqualTo(before);
            assertThat(rules.evaluations()).isEqualTo(evaluations);
        });
    }
}
