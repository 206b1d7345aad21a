package dev.loyalty.core.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.core.InvalidInputException;
import dev.loyalty.core.LoyaltyEngine;
import dev.loyalty.core.spi.StoredEvent;
import dev.loyalty.core.spi.MemberChanges;
import dev.loyalty.core.model.Points;
import dev.loyalty.core.model.Member;
import dev.loyalty.core.model.EntryType;
import dev.loyalty.core.Outcome;
import dev.loyalty.core.Explanation;
import dev.loyalty.core.ProgramSettings;
import dev.loyalty.core.event.Enrolment;
import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.LedgerEntry;
import dev.loyalty.core.model.Lot;
import dev.loyalty.core.model.LotReturn;
import dev.loyalty.core.spi.MemberView;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.Money;
import dev.loyalty.core.spi.LoyaltyStore;
import dev.loyalty.core.spi.RuleEngine;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * Small builders for members, events and engines shared by the test suites. Everything is in
 * {@value #CURRENCY}, the program zone is UTC and the engine's clock is fixed at {@link #NOW},
 * well after every event time used in tests, so no event is "in the future".
 */
public final class Fixtures {

    /**
     * Asserts that a call is refused with an {@link InvalidInputException} for a field, its message starting with the field's name.
     *
     * @param call the call
     * @param field the field the refusal must name
     * @return the assertion on the exception, for more checks of its message
     */
    public static AbstractThrowableAssert<?, ? extends Throwable> assertInvalid(ThrowingCallable call, String field) {
        AbstractThrowableAssert<?, ? extends Throwable> refused = assertThatThrownBy(call).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(field + " ");
        refused.extracting(e -> ((InvalidInputException) e).field()).isEqualTo(field);
        return refused;
    }

    /** The program currency. */
    public static final String CURRENCY = "GBP";
    /** The instant the fixed test clock reads. */
    public static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    /** A Monday morning, 2026-03-02T10:00Z, the usual enrolment time. */
    public static final Instant MONDAY = Instant.parse("2026-03-02T10:00:00Z");
    /** A Saturday, 2026-03-07T10:00Z. */
    public static final Instant SATURDAY = Instant.parse("2026-03-07T10:00:00Z");

    private Fixtures() {
    }

    /**
     * Returns a clock fixed at {@link #NOW}, in UTC.
     *
     * @return the clock
     */
    public static Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    /**
     * Returns program settings in {@value #CURRENCY}, zone UTC, the default tiers and limits.
     *
     * @return the settings
     */
    public static ProgramSettings program() {
        return ProgramSettings.builder().currency(CURRENCY).build();
    }

    /**
     * Returns an engine over the store with {@link JavaRules#simplePack()}, {@link #program()} and {@link #clock()}.
     *
     * @param store the store
     * @return the engine
     */
    public static LoyaltyEngine engine(LoyaltyStore store) {
        return engine(store, JavaRules.simplePack());
    }

    /**
     * Returns an engine over the store with the given rules, {@link #program()} and {@link #clock()}.
     *
     * @param store the store
     * @param rules the rule engine
     * @return the engine
     */
    public static LoyaltyEngine engine(LoyaltyStore store, RuleEngine rules) {
        return LoyaltyEngine.builder().program(program()).clock(clock()).store(store).ruleEngine(rules).build();
    }

    /**
     * Returns a member id.
     *
     * @param id the raw id
     * @return the member id
     */
    public static MemberId member(String id) {
        return MemberId.of(id);
    }

    /**
     * Returns an event id.
     *
     * @param id the raw id
     * @return the event id
     */
    public static EventId eventId(String id) {
        return EventId.of(id);
    }

    /**
     * Returns an amount in {@value #CURRENCY}.
     *
     * @param amount the amount as decimal text
     * @return the money
     */
    public static Money gbp(String amount) {
        return Money.of(amount, CURRENCY);
    }

    /**
     * Returns the enrolment of a member, with event id {@code enrol-<memberId>}.
     *
     * @param memberId the raw member id
     * @param at when the member enrols
     * @return the enrolment
     */
    public static Enrolment enrolment(String memberId, Instant at) {
        return Enrolment.of(eventId("enrol-" + memberId), member(memberId), at);
    }

    /**
     * Returns a purchase with one line of quantity 1 per unit price, sku {@code SKU-<n>}, category {@code general}.
     *
     * @param eventId the raw event id
     * @param memberId the raw member id
     * @param at when the purchase was made
     * @param unitPrices the unit prices in {@value #CURRENCY}, as decimal text; at least one
     * @return the purchase
     */
    public static Purchase purchase(String eventId, String memberId, Instant at, String... unitPrices) {
        Purchase.Builder builder = Purchase.builder(eventId(eventId), member(memberId), at);
        for (int i = 0; i < unitPrices.length; i++) {
            builder.line("SKU-" + (i + 1), "general", 1, gbp(unitPrices[i]));
        }
        return builder.build();
    }

    /**
     * Returns hand-made changes that record an event earning points for a member: one EARN entry
     * with the given sequence number and one lot, for tests of a store's own contract.
     *
     * @param member the member
     * @param eventId the event id
     * @param sequence the entry's sequence number
     * @param points the points earned
     * @return the changes
     */
    public static MemberChanges earning(Member member, EventId eventId, long sequence, long points) {
        LedgerEntry entry = new LedgerEntry(member.id(), sequence, eventId, EntryType.EARN, Points.of(points), eventId.value(),
                "TEST", "test entry", "test", MONDAY, NOW);
        Outcome outcome = new Outcome(eventId, member.id(), "purchase", Points.of(points), Points.of(points), List.of(entry),
                new Explanation("test", List.of()), "test");
        Lot lot = Lot.earned(eventId, member.id(), MONDAY, null, null, points, null);
        return new MemberChanges(null, new StoredEvent(eventId, member.id(), "0".repeat(64), outcome), List.of(entry), List.of(lot));
    }

    /**
     * Returns hand-made changes that record a return event of the view's member: no entry, no points, the given lot (when
     * not null) and the given return of a purchase, for tests of a store's own contract.
     *
     * @param view the member's view
     * @param eventId the event id
     * @param value the return to record
     * @param lot the lot to write with it, or null for none
     * @return the changes
     */
    public static MemberChanges returning(MemberView view, EventId eventId, LotReturn value, Lot lot) {
        MemberId m = view.member().orElseThrow().id();
        Outcome outcome = new Outcome(eventId, m, "return", Points.ZERO, view.balance(), List.of(), new Explanation("test", List.of()), "test");
        return new MemberChanges(null, new StoredEvent(eventId, m, "0".repeat(64), outcome), List.of(), lot == null ? List.of() : List.of(lot),
                List.of(), null, null, List.of(), null, List.of(), null, List.of(value));
    }

    /**
     * Returns the sum of the points of the entries.
     *
     * @param entries ledger entries
     * @return the sum, exact
     */
    public static long sumOfEntries(List<LedgerEntry> entries) {
        return entries.stream().mapToLong(e -> e.points().value()).reduce(0, Math::addExact);
    }

    /**
     * Returns the sum of the remaining points of the lots.
     *
     * @param lots lots
     * @return the sum, exact
     */
    public static long sumOfRemaining(List<Lot> lots) {
        return lots.stream().mapToLong(Lot::remaining).reduce(0, Math::addExact);
    }

    /**
     * Runs the tasks on the given number of threads that start together, and returns each task's
     * result or the exception it threw, in task order.
     *
     * @param tasks the tasks
     * @param threads how many threads share them
     * @param hangGuard how long a worker may take before the run fails (a guard against hangs, not a timing)
     * @return the results, one per task
     * @throws Exception when a worker cannot be run or does not end within the guard
     */
    public static List<Object> runConcurrently(List<Supplier<Object>> tasks, int threads, Duration hangGuard) throws Exception {
        Object[] results = new Object[tasks.size()];
        ConcurrentLinkedQueue<Integer> queue = IntStream.range(0, tasks.size()).boxed()
                .collect(Collectors.toCollection(ConcurrentLinkedQueue::new));
        CountDownLatch gate = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < threads; w++) {
                workers.add(pool.submit(() -> {
                    gate.await();
                    for (Integer i = queue.poll(); i != null; i = queue.poll()) {
                        try {
                            results[i] = tasks.get(i).get();
                        } catch (RuntimeException e) {
                            results[i] = e;
                        }
                    }
                    return null;
                }));
            }
            gate.countDown();
            for (Future<?> worker : workers) {
                worker.get(hangGuard.toMillis(), TimeUnit.MILLISECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        return Arrays.asList(results);
    }
}
