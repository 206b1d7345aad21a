package dev.loyalty.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.core.ClawbackPolicy;
import dev.loyalty.core.ExpiryPolicy;
import dev.loyalty.core.LoyaltyEngine;
import dev.loyalty.core.Outcome;
import dev.loyalty.core.PointsSummary;
import dev.loyalty.core.ProgramSettings;
import dev.loyalty.core.event.Enrolment;
import dev.loyalty.core.event.HoldCapture;
import dev.loyalty.core.event.HoldVoid;
import dev.loyalty.core.event.PointsHold;
import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.event.Redemption;
import dev.loyalty.core.event.Return;
import dev.loyalty.core.model.EntryType;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.LedgerEntry;
import dev.loyalty.core.model.Lot;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.Money;
import dev.loyalty.core.spi.Decision;
import dev.loyalty.core.store.InMemoryStore;
import dev.loyalty.core.testing.Fixtures;
import dev.loyalty.core.testing.JavaRules;
import dev.loyalty.core.testing.TestClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One member's points life in a test: an engine over an in-memory store, a {@link TestClock}
 * that events are dated by, and short helpers for the lifecycle events. Purchases earn exactly
 * 1 point per whole currency unit ({@link #BASE_ONLY}); nothing else earns, unless a test
 * passes its own rules.
 */
final class Life {

    /** 1 point per currency unit of a purchase, rounded down; no welcome bonus, no multipliers, no cap. */
    static final JavaRules BASE_ONLY = JavaRules.of("base-only",
            ctx -> ctx.event() instanceof Purchase
                    ? List.of(new Decision.BaseRate("BASE", "1 point per pound", Decision.WHOLE_EVENT, BigDecimal.ONE))
                    : List.of());

    /** A Monday in winter, away from month ends and DST changes. */
    static final Instant START = Instant.parse("2026-01-12T10:00:00Z");

    final TestClock clock;
    final InMemoryStore store = new InMemoryStore();
    final LoyaltyEngine engine;
    final MemberId member = MemberId.of("m-1");

    private Life(ProgramSettings program, JavaRules rules, Instant start) {
        this.clock = new TestClock(start);
        this.engine = LoyaltyEngine.builder().program(program).clock(clock).store(store).ruleEngine(rules).build();
    }

    /** Starts the program settings every lifecycle test builds on: GBP, UTC. */
    static ProgramSettings.Builder program() {
        return ProgramSettings.builder().currency(Fixtures.CURRENCY);
    }

    /** A member enrolled at {@link #START} under the default points policy. */
    static Life enrolled() {
        return enrolled(program());
    }

    static Life enrolled(ProgramSettings.Builder program) {
        return enrolled(program.build(), null, START);
    }

    static Life enrolled(ProgramSettings.Builder program, ZoneId memberZone, Instant start) {
        return enrolled(program.build(), memberZone, start);
    }

    static Life enrolled(ProgramSettings program, ZoneId memberZone, Instant start) {
        return enrolled(program, BASE_ONLY, memberZone, start);
    }

    static Life enrolled(ProgramSettings program, JavaRules rules, ZoneId memberZone, Instant start) {
        Life life = new Life(program, rules, start);
        Enrolment enrolment = Enrolment.of(EventId.of("enrol-m-1"), life.member, start);
        life.engine.process(memberZone == null ? enrolment : enrolment.withZone(memberZone));
        return life;
    }

    static ProgramSettings.Builder debt() {
        return program().clawback(ClawbackPolicy.DEBT);
    }

    static ProgramSettings.Builder negativeBalance() {
        return program().clawback(ClawbackPolicy.NEGATIVE_BALANCE);
    }

    static ProgramSettings.Builder expiring(ExpiryPolicy policy) {
        return program().expiry(policy);
    }

    // ---- time

    Instant now() {
        return clock.instant();
    }

    Life advance(Duration by) {
        clock.advance(by);
        return this;
    }

    Life advanceDays(long days) {
        return advance(Duration.ofDays(days));
    }

    Life at(Instant instant) {
        clock.set(instant);
        return this;
    }

    // ---- events, dated by the clock

    Purchase purchaseEvent(String id, String amount) {
        return purchaseEvent(id, amount, now());
    }

    Purchase purchaseEvent(String id, String amount, Instant occurredAt) {
        return Purchase.builder(EventId.of(id), member, occurredAt).line("SKU-1", "general", 1, Money.of(amount, Fixtures.CURRENCY)).build();
    }

    Outcome purchase(String id, String amount) {
        return engine.process(purchaseEvent(id, amount));
    }

    Redemption redemption(String id, long points) {
        return new Redemption(EventId.of(id), member, now(), "VOUCHER", points, null);
    }

    Outcome redeem(String id, long points) {
        return engine.process(redemption(id, points));
    }

    PointsHold holdEvent(String id, long points, Duration lifetime) {
        return new PointsHold(EventId.of(id), member, now(), "CHECKOUT", points, now().plus(lifetime));
    }

    Outcome hold(String id, long points) {
        return engine.process(holdEvent(id, points, Duration.ofMinutes(30)));
    }

    Outcome hold(String id, long points, Duration lifetime) {
        return engine.process(holdEvent(id, points, lifetime));
    }

    Outcome capture(String id, String holdId) {
        return engine.process(new HoldCapture(EventId.of(id), member, now(), EventId.of(holdId)));
    }

    Outcome voidHold(String id, String holdId) {
        return engine.process(new HoldVoid(EventId.of(id), member, now(), EventId.of(holdId)));
    }

    Return returnEvent(String id, String purchaseId, String amount) {
        return new Return(EventId.of(id), member, now(), purchaseId == null ? null : EventId.of(purchaseId), Money.of(amount, Fixtures.CURRENCY));
    }

    Outcome giveBack(String id, String purchaseId, String amount) {
        return engine.process(returnEvent(id, purchaseId, amount));
    }

    // ---- reading

    long balance() {
        return engine.balance(member).value();
    }

    PointsSummary summary() {
        return engine.summary(member);
    }

    long spendable() {
        return summary().spendable().value();
    }

    List<LedgerEntry> ledger() {
        return engine.ledger(member);
    }

    List<LedgerEntry> entries(EntryType type) {
        return ledger().stream().filter(e -> e.type() == type).toList();
    }

    List<LedgerEntry> entriesOf(String eventId) {
        return ledger().stream().filter(e -> e.eventId().value().equals(eventId)).toList();
    }

    Lot lot(String id) {
        return engine.lots(member).stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError("no lot " + id));
    }

    /** Points taken from each lot by the entries of one event, by lot id. */
    Map<String, Long> takenBy(String eventId) {
        return entriesOf(eventId).stream().collect(Collectors.groupingBy(LedgerEntry::lotId, Collectors.summingLong(e -> -e.points().value())));
    }

    /** Everything stored about the member, for "nothing changed" checks. */
    Object state() {
        return List.of(store.balance(member), store.ledger(member), store.lots(member), store.holds(member), store.account(member));
    }

    /**
     * Checks the ledger's own invariants: balance = sum of entries = sum of lot remainders;
     * each lot's remainder = the sum of the entries naming it; a positive lot keeps 0 &lt;= remaining &lt;= points.
     */
    Life assertConsistent() {
        List<LedgerEntry> ledger = store.ledger(member);
        List<Lot> lots = store.lots(member);
        long balance = store.balance(member).value();
        assertThat(Fixtures.sumOfEntries(ledger)).as("sum of entries").isEqualTo(balance);
        assertThat(Fixtures.sumOfRemaining(lots)).as("sum of lot remainders").isEqualTo(balance);
        for (Lot lot : lots) {
            long named = ledger.stream().filter(e -> e.lotId().equals(lot.id())).mapToLong(e -> e.points().value()).sum();
            assertThat(lot.remaining()).as("remainder of lot %s vs its entries", lot.id()).isEqualTo(named);
            if (!lot.id().equals(Lot.DEBT_LOT)) {
                assertThat(lot.remaining()).as("remainder of lot %s", lot.id()).isBetween(0L, lot.points());
                assertThat(lot.clawedBack()).as("clawed back for lot %s", lot.id()).isBetween(0L, lot.points());
            }
        }
        for (int i = 0; i < ledger.size(); i++) {
            assertThat(ledger.get(i).sequence()).as("sequence of entry %d", i).isEqualTo(i + 1L);
        }
        return this;
    }
}
