package dev.loyalty.core;

import static dev.loyalty.core.testing.Fixtures.MONDAY;
import static dev.loyalty.core.testing.Fixtures.clock;
import static dev.loyalty.core.testing.Fixtures.enrolment;
import static dev.loyalty.core.testing.Fixtures.eventId;
import static dev.loyalty.core.testing.Fixtures.member;
import static dev.loyalty.core.testing.Fixtures.program;
import static dev.loyalty.core.testing.Fixtures.purchase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.core.event.LoyaltyEvent;
import dev.loyalty.core.event.ProfileChange;
import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.event.Redemption;
import dev.loyalty.core.model.LedgerEntry;
import dev.loyalty.core.model.Member;
import dev.loyalty.core.model.Money;
import dev.loyalty.core.spi.LoyaltyStore;
import dev.loyalty.core.spi.MemberWork;
import dev.loyalty.core.spi.Evaluation;
import dev.loyalty.core.spi.RuleContext;
import dev.loyalty.core.spi.RuleEngine;
import dev.loyalty.core.store.InMemoryStore;
import dev.loyalty.core.testing.BatchDifferential;
import dev.loyalty.core.testing.JavaRules;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** {@link LoyaltyEngine#processAll(List)}: the same results as one by one, with rules evaluated together. */
class LoyaltyEngineBatchTest {

    /**
     * A rule engine that counts how it is asked, over the simple pack; it says whether its rules
     * read the balance as told (the simple pack does not read it).
     */
    private static final class CountingRules implements RuleEngine {
        final RuleEngine delegate;
        final List<Integer> batchSizes = new ArrayList<>();
        int single;
        Runnable beforeBatch = () -> { };
        boolean readsBalance = true;

        CountingRules(RuleEngine delegate) {
            this.delegate = delegate;
        }

        static CountingRules balanceBlind(RuleEngine delegate) {
            CountingRules rules = new CountingRules(delegate);
            rules.readsBalance = false;
            return rules;
        }

        @Override
        public boolean usesBalance() {
            return readsBalance;
        }

        private Evaluation marked(Evaluation evaluation) {
            return new Evaluation(evaluation.ruleSetVersion(), evaluation.decisions(), evaluation.limits(), readsBalance);
        }

        @Override
        public String version() {
            return delegate.version();
        }

        @Override
        public Evaluation evaluate(RuleContext context) {
            single++;
            return marked(delegate.evaluate(context));
        }

        @Override
        public List<Evaluation> evaluateAll(List<RuleContext> contexts) {
            batchSizes.add(contexts.size());
            beforeBatch.run();
            List<Evaluation> result = new ArrayList<>();
            for (RuleContext context : contexts) {
                result.add(marked(delegate.evaluate(context)));
            }
            return result;
        }
    }

    /**
     * A store over an in-memory one that counts the engine's calls of each of its methods and,
     * when told, refuses the bulk reads as a database that lost its connection would.
     */
    private static final class WatchedStore implements InvocationHandler {
        final InMemoryStore delegate = new InMemoryStore();
        final Map<String, Integer> calls = new ConcurrentHashMap<>();
        boolean refuseBulkReads;

        static LoyaltyStore refusingBulkReads() {
            WatchedStore watched = new WatchedStore();
            watched.refuseBulkReads = true;
            return watched.proxy();
        }

        LoyaltyStore proxy() {
            return (LoyaltyStore) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {LoyaltyStore.class}, this);
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            calls.merge(method.getName(), 1, Integer::sum);
            if (refuseBulkReads && (method.getName().equals("findEvents") || method.getName().equals("memberSnapshots"))) {
                throw new StoreException("could not " + method.getName() + ": connection lost", "08006", true, null);
            }
            try {
                return method.invoke(delegate, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }

    private static LoyaltyEngine engine(RuleEngine rules) {
        return engine(rules, new InMemoryStore());
    }

    private static LoyaltyEngine engine(RuleEngine rules, LoyaltyStore store) {
        return LoyaltyEngine.builder().program(program()).clock(clock()).store(store).ruleEngine(rules).build();
    }

    /** Enrolments, purchases over a few days (daily caps bind), redemptions, replays, conflicts, unknown members and bad input. */
    private static List<LoyaltyEvent> randomEvents(long seed) {
        Random random = new Random(seed);
        List<LoyaltyEvent> events = new ArrayList<>();
        for (int n = 0; n < 300; n++) {
            String who = "m" + random.nextInt(8);
            Instant at = MONDAY.plus(Duration.ofHours(random.nextInt(72)));
            int kind = random.nextInt(20);
            if (kind < 2) {
                events.add(random.nextBoolean() ? enrolment(who, MONDAY.minusSeconds(60)).withTier("gold") : enrolment(who, MONDAY.minusSeconds(60)));
            } else if (kind < 4 && !events.isEmpty()) {
                events.add(events.get(random.nextInt(events.size())));
            } else if (kind < 5 && !events.isEmpty() && events.get(random.nextInt(events.size())) instanceof Purchase earlier) {
                events.add(purchase(earlier.eventId().value(), "m" + random.nextInt(8), at, "1.00"));
            } else if (kind < 7) {
                events.add(new Redemption(eventId("r" + n), member(who), at, "voucher", 1 + random.nextInt(400), null));
            } else if (kind < 8) {
                events.add(random.nextBoolean() ? purchase("p" + n, "ghost", at, "5.00")
                        : Purchase.builder(eventId("p" + n), member(who), at).line("SKU", "general", 1, Money.of("5", "EUR")).build());
            } else if (kind < 9) {
                events.add(null);
            } else {
                events.add(purchase("p" + n, who, at, random.nextInt(500) + ".25", random.nextInt(90) + ".10"));
            }
        }
        return events;
    }

    /** Processes twenty random mixes in a batch on rules made by {@code batchedRules} and one by one on the simple pack. */
    private static void assertBatchesGiveTheResultsOfOneByOne(Supplier<RuleEngine> batchedRules) {
        assertBatchesGiveTheResultsOfOneByOne(batchedRules, InMemoryStore::new);
    }

    /** Processes twenty random mixes in a batch on rules and stores made by the suppliers and one by one on the simple pack. */
    private static void assertBatchesGiveTheResultsOfOneByOne(Supplier<RuleEngine> batchedRules, Supplier<LoyaltyStore> batchedStores) {
        for (long seed = 1; seed <= 20; seed++) {
            List<LoyaltyEvent> events = randomEvents(seed);
            LoyaltyEngine batched = engine(batchedRules.get(), batchedStores.get());
            LoyaltyEngine sequential = engine(JavaRules.simplePack());

            List<EventResult> results = batched.processAll(events);

            BatchDifferential.assertSameResults(results, BatchDifferential.oneByOne(sequential, events));
            for (int m = 0; m < 8; m++) {
                if (sequential.member(member("m" + m)).isPresent()) {
                    assertThat(batched.ledger(member("m" + m))).as("seed %d ledger of m%d", seed, m).isEqualTo(sequential.ledger(member("m" + m)));
                }
            }
        }
    }

    /** Enrols five members and returns two purchases for each, in member order. */
    private static List<LoyaltyEvent> twoPurchasesOfFiveMembers(LoyaltyEngine engine) {
        List<LoyaltyEvent> enrolments = new ArrayList<>();
        List<LoyaltyEvent> purchases = new ArrayList<>();
        for (int m = 0; m < 5; m++) {
            enrolments.add(enrolment("m" + m, MONDAY));
            purchases.add(purchase("a" + m, "m" + m, MONDAY.plusSeconds(60), "10"));
            purchases.add(purchase("b" + m, "m" + m, MONDAY.plusSeconds(120), "20"));
        }
        engine.processAll(enrolments);
        return purchases;
    }

    @Test
    void shouldGiveTheResultsOfProcessingOneByOneWhenABatchMixesMembersFailuresAndReplays() {
        assertBatchesGiveTheResultsOfOneByOne(JavaRules::simplePack);
    }

    @Test
    void shouldGiveTheResultsOfProcessingOneByOneWhenRulesBlindToTheBalanceEvaluateAMembersEventsTogether() {
        assertBatchesGiveTheResultsOfOneByOne(() -> CountingRules.balanceBlind(JavaRules.simplePack()));
    }

    @Test
    void shouldGiveTheResultsOfProcessingOneByOneWhenTheStoreRefusesTheBulkReads() {
        assertBatchesGiveTheResultsOfOneByOne(() -> CountingRules.balanceBlind(JavaRules.simplePack()), WatchedStore::refusingBulkReads);
    }

    @Test
    void shouldReadTheRecordedEventsAndTheMembersOfABatchWithOneCallOfTheStoreEach() {
        WatchedStore store = new WatchedStore();
        LoyaltyEngine engine = engine(CountingRules.balanceBlind(JavaRules.simplePack()), store.proxy());
        List<LoyaltyEvent> purchases = twoPurchasesOfFiveMembers(engine);
        store.calls.clear();

        List<EventResult> results = engine.processAll(purchases);

        assertThat(results).allMatch(EventResult::succeeded);
        // the ten purchases go to the store in one run
        assertThat(store.calls).containsOnly(Map.entry("findEvents", 1), Map.entry("memberSnapshots", 1), Map.entry("applyAll", 1));
    }

    @Test
    void shouldEvaluateEventsOfDifferentMembersTogetherWhenTheyAreIndependent() {
        CountingRules rules = new CountingRules(JavaRules.simplePack());
        LoyaltyEngine engine = engine(rules);
        List<LoyaltyEvent> purchases = twoPurchasesOfFiveMembers(engine);
        rules.batchSizes.clear();

        List<EventResult> results = engine.processAll(purchases);

        assertThat(results).allMatch(EventResult::succeeded);
        assertThat(rules.batchSizes).containsExactly(5, 5);
        assertThat(rules.single).isZero();
    }

    @Test
    void shouldEvaluateAgainWhenTheMemberChangedAfterTheRulesWereAsked() {
        CountingRules rules = new CountingRules(JavaRules.simplePack());
        LoyaltyEngine engine = engine(rules);
        engine.process(enrolment("m1", MONDAY));
        engine.process(enrolment("m2", MONDAY));
        AtomicReference<Runnable> meddle = new AtomicReference<>(() -> engine.process(purchase("elsewhere", "m1", MONDAY.plusSeconds(10), "300")));
        rules.beforeBatch = () -> meddle.getAndSet(() -> { }).run();
        LoyaltyEngine reference = engine(JavaRules.simplePack());
        reference.process(enrolment("m1", MONDAY));
        reference.process(enrolment("m2", MONDAY));
        reference.process(purchase("elsewhere", "m1", MONDAY.plusSeconds(10), "300"));
        rules.single = 0;

        List<EventResult> results = engine.processAll(List.of(purchase("p1", "m1", MONDAY.plusSeconds(20), "900"),
                purchase("p2", "m2", MONDAY.plusSeconds(20), "900")));

        // one evaluation for the meddling purchase, one for p1 again; p2 keeps its early evaluation
        assertThat(rules.single).isEqualTo(2);
        assertThat(results.get(0).outcomeOrThrow()).isEqualTo(reference.process(purchase("p1", "m1", MONDAY.plusSeconds(20), "900")));
        assertThat(results.get(0).outcomeOrThrow().balance().value()).isEqualTo(100 + 300 + 600); // the daily cap of 1000 counts the welcome bonus of the same day
    }

    @Test
    void shouldRefuseOnlyTheEventWhoseRulesFailWhenTheBatchEvaluationFails() {
        JavaRules pack = JavaRules.simplePack();
        RuleEngine fragile = new RuleEngine() {
            @Override
            public String version() {
                return pack.version();
            }

            @Override
            public Evaluation evaluate(RuleContext context) {
                if (context.event().eventId().value().equals("bad")) {
                    throw new IllegalStateException("rule blew up");
                }
                return pack.evaluate(context);
            }
        };
        LoyaltyEngine engine = engine(fragile);
        engine.processAll(List.of(enrolment("m1", MONDAY), enrolment("m2", MONDAY), enrolment("m3", MONDAY)));

        List<EventResult> results = engine.processAll(List.of(purchase("good-1", "m1", MONDAY.plusSeconds(5), "10"),
                purchase("bad", "m2", MONDAY.plusSeconds(5), "10"), purchase("good-3", "m3", MONDAY.plusSeconds(5), "10")));

        assertThat(results).extracting(EventResult::succeeded).containsExactly(true, false, true);
        assertThat(results.get(1).error()).isInstanceOf(RuleEvaluationException.class).hasMessageContaining("bad");
        assertThat(engine.ledger(member("m2"))).hasSize(1);
    }

    @Test
    void shouldThrowAStoreBugThatIsNoStoreExceptionAndKeepTheEventsAppliedBeforeIt() {
        // the README: any other error than a StoreException (a bug in a store, say) is thrown, and the events before it stay applied
        IllegalStateException bug = new IllegalStateException("a bug in the store");
        InMemoryStore delegate = new InMemoryStore();
        AtomicReference<String> victim = new AtomicReference<>();
        LoyaltyStore buggy = (LoyaltyStore) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {LoyaltyStore.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("applyAll") && victim.get() != null) {
                        List<MemberWork> works = new ArrayList<>();
                        for (Object element : (List<?>) args[0]) {
                            MemberWork work = (MemberWork) element;
                            works.add(!work.memberId().equals(member(victim.get())) ? work : new MemberWork(work.memberId(), view -> {
                                throw bug;
                            }, work.followUp()));
                        }
                        args = new Object[] {works};
                    }
                    try {
                        return method.invoke(delegate, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        LoyaltyEngine engine = engine(JavaRules.simplePack(), buggy);
        engine.processAll(List.of(enrolment("m1", MONDAY), enrolment("m2", MONDAY), enrolment("m3", MONDAY)));
        victim.set("m2");

        assertThatThrownBy(() -> engine.processAll(List.of(purchase("p1", "m1", MONDAY.plusSeconds(5), "10"),
                purchase("p2", "m2", MONDAY.plusSeconds(5), "10"), purchase("p3", "m3", MONDAY.plusSeconds(5), "10")))).isSameAs(bug);

        assertThat(delegate.findEvent(eventId("p1"))).isPresent();
        assertThat(engine.balance(member("m1")).value()).isEqualTo(JavaRules.WELCOME_POINTS + 10);
        assertThat(delegate.findEvent(eventId("p2"))).isEmpty();
        assertThat(engine.ledger(member("m2"))).hasSize(1);
    }

    @Test
    void shouldAnswerReplayedWithTheOriginalOutcomeWhenAnEarlierCallRecordedTheId() {
        LoyaltyEngine engine = engine(JavaRules.simplePack());
        engine.process(enrolment("m1", MONDAY));
        EventResult first = engine.processAll(List.of(purchase("p1", "m1", MONDAY.plusSeconds(5), "10"))).get(0);
        int entries = engine.ledger(member("m1")).size();

        EventResult again = engine.processAll(List.of(purchase("p1", "m1", MONDAY.plusSeconds(5), "10.0"))).get(0);

        assertThat(first.replayed()).isFalse();
        assertThat(again.replayed()).isTrue();
        assertThat(again.error()).isNull();
        assertThat(again.outcome()).isEqualTo(first.outcome());
        assertThat(engine.ledger(member("m1"))).hasSize(entries);
    }

    @Test
    void shouldReturnAConflictAndStoreNothingWhenABatchReusesARecordedIdWithAnotherPayload() {
        LoyaltyEngine engine = engine(JavaRules.simplePack());
        engine.process(enrolment("m1", MONDAY));
        engine.process(purchase("p1", "m1", MONDAY.plusSeconds(5), "10"));
        List<LedgerEntry> ledger = engine.ledger(member("m1"));

        List<EventResult> results = engine.processAll(List.of(purchase("p1", "m1", MONDAY.plusSeconds(5), "11"),
                purchase("p2", "m1", MONDAY.plusSeconds(6), "10")));

        assertThat(results.get(0).error()).isInstanceOfSatisfying(EventConflictException.class,
                e -> assertThat(e.eventId()).isEqualTo(eventId("p1"))).hasMessageContaining("p1");
        assertThat(results.get(1).succeeded()).isTrue();
        assertThat(engine.ledger(member("m1"))).startsWith(ledger.toArray(LedgerEntry[]::new))
                .hasSize(ledger.size() + 1);
    }

    @Test
    void shouldReturnAnInvalidInputResultWhenAnElementIsNull() {
        LoyaltyEngine engine = engine(JavaRules.simplePack());

        List<EventResult> results = engine.processAll(Arrays.asList(enrolment("m1", MONDAY), null));

        assertThat(results.get(0).succeeded()).isTrue();
        assertThat(results.get(1).event()).isNull();
        assertThat(results.get(1).error()).isInstanceOf(InvalidInputException.class).hasMessageContaining("events[1]");
    }

    @Test
    void shouldApplyAMembersEventsInOrderWhenTheyShareABatch() {
        LoyaltyEngine engine = engine(JavaRules.simplePack());

        List<EventResult> results = engine.processAll(List.of(enrolment("m1", MONDAY), purchase("p1", "m1", MONDAY.plusSeconds(1), "10"),
                new Redemption(eventId("r1"), member("m1"), MONDAY.plusSeconds(2), "voucher", 110, null)));

        assertThat(results).allMatch(EventResult::succeeded);
        assertThat(results.get(2).outcomeOrThrow().balance().value()).isZero();
        assertThat(engine.member(member("m1"))).map(Member::tierCode).isPresent();
    }

    @Test
    void shouldEvaluateSeveralEventsOfAMemberInOneCallWhenTheRulesCannotReadTheBalance() {
        CountingRules rules = CountingRules.balanceBlind(JavaRules.simplePack());
        LoyaltyEngine engine = engine(rules);
        List<LoyaltyEvent> purchases = twoPurchasesOfFiveMembers(engine);
        rules.batchSizes.clear();

        List<EventResult> results = engine.processAll(purchases);

        assertThat(results).allMatch(EventResult::succeeded);
        assertThat(rules.batchSizes).containsExactly(10);
        assertThat(rules.single).isZero();
        assertThat(results.get(9).outcomeOrThrow().balance().value()).isEqualTo(100 + 10 + 20);
    }

    @Test
    void shouldKeepTheEarlyEvaluationWhenOnlyTheBalanceMovedAndTheRulesCannotReadIt() {
        CountingRules rules = CountingRules.balanceBlind(JavaRules.simplePack());
        LoyaltyEngine engine = engine(rules);
        engine.process(enrolment("m1", MONDAY));
        AtomicReference<Runnable> meddle = new AtomicReference<>(() -> engine.process(purchase("elsewhere", "m1", MONDAY.plusSeconds(10), "300")));
        rules.beforeBatch = () -> meddle.getAndSet(() -> { }).run();
        LoyaltyEngine reference = engine(JavaRules.simplePack());
        reference.process(enrolment("m1", MONDAY));
        reference.process(purchase("elsewhere", "m1", MONDAY.plusSeconds(10), "300"));
        rules.single = 0;

        List<EventResult> results = engine.processAll(List.of(purchase("p1", "m1", MONDAY.plusSeconds(20), "900")));

        // only the meddling purchase is evaluated on its own: p1's rules could not see the balance it moved
        assertThat(rules.single).isEqualTo(1);
        assertThat(results.get(0).outcomeOrThrow()).isEqualTo(reference.process(purchase("p1", "m1", MONDAY.plusSeconds(20), "900")));
    }

    @Test
    void shouldEvaluateAgainWhenAnEarlierEventOfTheBatchChangedTheMember() {
        CountingRules rules = CountingRules.balanceBlind(JavaRules.simplePack());
        LoyaltyEngine engine = engine(rules);
        engine.process(enrolment("m1", MONDAY));
        rules.single = 0;
        rules.batchSizes.clear();

        List<EventResult> results = engine.processAll(List.of(
                new ProfileChange(eventId("birthday"), member("m1"), MONDAY.plusSeconds(5), LocalDate.of(1990, 5, 17), null, null),
                purchase("p1", "m1", MONDAY.plusSeconds(20), "10")));

        assertThat(results).allMatch(EventResult::succeeded);
        assertThat(rules.batchSizes).containsExactly(2);
        // the purchase's early context holds the member without the birthday: it is evaluated again under the lock
        assertThat(rules.single).isEqualTo(1);
    }

    @Test
    void shouldStoreTheFirstOfTwoEventsWithOneIdBeforeLookingUpTheSecond() {
        CountingRules rules = CountingRules.balanceBlind(JavaRules.simplePack());
        LoyaltyEngine engine = engine(rules);
        engine.process(enrolment("m1", MONDAY));
        rules.batchSizes.clear();
        Purchase twice = purchase("p1", "m1", MONDAY.plusSeconds(20), "10");

        List<EventResult> results = engine.processAll(List.of(twice, twice));

        assertThat(rules.batchSizes).containsExactly(1);
        assertThat(results.get(1).outcomeOrThrow()).isEqualTo(results.get(0).outcomeOrThrow());
        assertThat(engine.ledger(member("m1"))).hasSize(2);
    }
}
