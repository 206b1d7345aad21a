package dev.loyalty.rules;

import static dev.loyalty.rules.Shop.enrol;
import static dev.loyalty.rules.Shop.gbp;
import static dev.loyalty.rules.Shop.london;
import static dev.loyalty.rules.Shop.purchase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.loyalty.core.EventResult;
import dev.loyalty.core.LoyaltyEngine;
import dev.loyalty.core.Outcome;
import dev.loyalty.core.RuleDefinitionException;
import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.model.LedgerEntry;
import dev.loyalty.core.model.MemberId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replacing the active campaign set while events are processed. */
class ReloadTest {

    /** Steps a thread takes at full speed after a swap before it slows down to wait for the next (see {@link #whileReloading}). */
    private static final int STEPS_PER_SWAP = 500;
    /** The pause after each step of a thread that is {@value #STEPS_PER_SWAP} steps past the last swap. */
    private static final long PACED_STEP_MILLIS = 5;

    static String base(int points) {
        return MalformedDrlTest.HEADER + """
                rule "BASE-%1$d %1$d points per pound"
                when
                    $p : Purchase( )
                then
                    earn.base($p, %1$d, "%1$d points per pound");
                end
                """.formatted(points);
    }

    private static DroolsRuleEngine.Builder rules(int points) {
        return DroolsRuleEngine.builder().drl("base.drl", base(points));
    }

    @Test
    void shouldApplyTheNewRulesAndVersionAfterAReload() {
        try (DroolsRuleEngine rules = rules(1).build(); LoyaltyEngine engine = Shop.engine(rules)) {
            MemberId member = enrol(engine, "member");
            String before = rules.version();

            CampaignSet reloaded = rules.reload(rules(2).id("second"));

            assertThat(reloaded.version()).isNotEqualTo(before).isEqualTo(rules.version());
            assertThat(reloaded.id()).isEqualTo("second");
            Outcome outcome = engine.process(purchase(member, london("2025-03-05T12:00")).line("A", "home", 1, gbp("10.00")).build());
            assertThat(outcome.points().value()).isEqualTo(20);
            assertThat(outcome.ruleSetVersion()).isEqualTo(reloaded.version());
        }
    }

    @Test
    void shouldKeepTheOldRulesAndSayWhyWhenTheNewOnesDoNotBuild() {
        try (DroolsRuleEngine rules = rules(1).build(); LoyaltyEngine engine = Shop.engine(rules)) {
            MemberId member = enrol(engine, "member");
            String before = rules.version();

            RuleDefinitionException e = catchThrowableOfType(RuleDefinitionException.class,
                    () -> rules.reload(DroolsRuleEngine.builder().drl("broken.drl", base(2).replace("Purchase( )", "Purchse( )"))));

            assertThat(e.problems()).anySatisfy(p -> {
                assertThat(p.resource()).isEqualTo("broken.drl");
                assertThat(p.message()).contains("Purchse");
            });
            assertThat(rules.version()).isEqualTo(before);
            Outcome outcome = engine.process(purchase(member, london("2025-03-05T12:00")).line("A", "home", 1, gbp("10.00")).build());
            assertThat(outcome.points().value()).isEqualTo(10);
            assertThat(outcome.ruleSetVersion()).isEqualTo(before);
        }
    }

    @Test
    void shouldKeepTheOldRulesAndSayWhereWhenADeclaredTypeOfTheNewOnesCannotBeLoaded() {
        try (DroolsRuleEngine rules = rules(1).build(); LoyaltyEngine engine = Shop.engine(rules)) {
            MemberId member = enrol(engine, "member");
            String before = rules.version();
            String broken = base(2).replace("rule ", MalformedDrlTest.FAILING_DEFAULT + "rule ").replace("$p : Purchase( )",
                    "Thing( x > 0 )\n    $p : Purchase( )");

            RuleDefinitionException e = catchThrowableOfType(RuleDefinitionException.class,
                    () -> rules.reload(DroolsRuleEngine.builder().drl("broken.drl", broken)));

            assertThat(e.problems()).singleElement().satisfies(p -> {
                assertThat(p.resource()).isEqualTo("broken.drl");
                assertThat(p.line()).as("the line of the field whose default fails").isEqualTo(5);
                assertThat(p.message()).isEqualTo(MalformedDrlTest.FAILING_DEFAULT_PROBLEM);
            });
            assertThat(rules.version()).isEqualTo(before);
            Outcome outcome = engine.process(purchase(member, london("2025-03-05T12:00")).line("A", "home", 1, gbp("10.00")).build());
            assertThat(outcome.points().value()).isEqualTo(10);
            assertThat(outcome.ruleSetVersion()).isEqualTo(before);
        }
    }

    @Test
    void shouldReadTheDirectoryAgainWhenReloaded(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("base.drl"), base(1));
        try (DroolsRuleEngine rules = DroolsRuleEngine.builder().directory(dir).build()) {
            String before = rules.version();
            Files.writeString(dir.resolve("base.drl"), base(3));

            CampaignSet reloaded = rules.reload();

            assertThat(reloaded.version()).isNotEqualTo(before);
            assertThat(reloaded.campaigns()).extracting(Campaign::id).containsExactly("BASE-3");
        }
    }

    @Test
    void shouldRecordOnEachLedgerEntryTheVersionThatProducedIt() {
        try (DroolsRuleEngine rules = rules(1).build(); LoyaltyEngine engine = Shop.engine(rules)) {
            MemberId member = enrol(engine, "member");
            String first = rules.version();
            engine.process(purchase(member, london("2025-03-05T12:00")).line("A", "home", 1, gbp("10.00")).build());
            String second = rules.reload(rules(2)).version();
            engine.process(purchase(member, london("2025-03-06T12:00")).line("A", "home", 1, gbp("10.00")).build());

            assertThat(engine.ledger(member)).filteredOn(e -> e.points().value() > 0 && e.rule().startsWith("BASE"))
                    .extracting(LedgerEntry::rule, LedgerEntry::ruleSetVersion)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("BASE-1 1 points per pound", first),
                            org.assertj.core.groups.Tuple.tuple("BASE-2 2 points per pound", second));
        }
    }

    @Test
    void shouldRefuseToReloadWhenClosed() {
        DroolsRuleEngine rules = rules(1).build();
        rules.close();

        assertThatThrownBy(() -> rules.reload(rules(2))).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    /**
     * Four threads process purchases while the rules are swapped between "1 point per pound" and
     * "2 points per pound" twenty times: every event is processed once, by one whole set, and
     * its points and entries agree with the version it records.
     */
    @Test
    void shouldProcessEveryEventWithOneWholeSetWhileReloading() throws Exception {
        int threads = 4;
        // a minute apart from 5 March: the pacing of whileReloading keeps them well before the clock (1 June), 126,000 minutes on
        try (DroolsRuleEngine rules = rules(1).build(); LoyaltyEngine engine = Shop.engine(rules)) {
            List<MemberId> members = enrolled(engine, threads);
            ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();

            int submitted = whileReloading(rules, threads, 20, t -> {
                int[] i = {0};
                return () -> outcomes.add(engine.process(purchase(members.get(t), london("2025-03-05T00:00").plusSeconds(60L * i[0]++))
                        .line("A", "home", 1, gbp("7.00")).build()));
            });

            assertThat(outcomes).hasSize(submitted);
            assertEachEarnedByTheSetItRecords(engine, members, List.copyOf(outcomes));
        }
    }

    /**
     * Three threads hand batches of purchases of two members each to {@code processAll} (rules
     * evaluated together in one firing, ahead of the members' locks) while the rules are swapped
     * ten times: every event is processed once, by one whole set, and its points and entries agree
     * with the version it records.
     */
    @Test
    void shouldProcessEveryBatchedEventWithOneWholeSetWhileReloading() throws Exception {
        int threads = 3;
        int batchSize = 8;
        try (DroolsRuleEngine rules = rules(1).build(); LoyaltyEngine engine = Shop.engine(rules)) {
            assertThat(rules.evaluatesInOnePass()).isTrue();
            List<MemberId> members = enrolled(engine, 2 * threads);
            ConcurrentLinkedQueue<EventResult> results = new ConcurrentLinkedQueue<>();

            // a minute apart per member from 5 March, as above; a batch alternates its thread's two members
            int batches = whileReloading(rules, threads, 10, t -> {
                List<MemberId> own = members.subList(2 * t, 2 * t + 2);
                int[] purchases = {0};
                return () -> {
                    List<Purchase> batch = new ArrayList<>();
                    for (int i = 0; i < batchSize; i++, purchases[0]++) {
                        batch.add(purchase(own.get(i % 2), london("2025-03-05T00:00").plusSeconds(60L * (purchases[0] / 2)))
                                .line("A", "home", 1, gbp("7.00")).build());
                    }
                    results.addAll(engine.processAll(batch));
                };
            });

            assertThat(results).hasSize(batches * batchSize).allSatisfy(result -> assertThat(result.succeeded()).as("%s", result.error()).isTrue());
            assertEachEarnedByTheSetItRecords(engine, members, results.stream().map(EventResult::outcome).toList());
        }
    }

    private static List<MemberId> enrolled(LoyaltyEngine engine, int count) {
        List<MemberId> members = new ArrayList<>();
        for (int m = 0; m < count; m++) {
            members.add(enrol(engine, "member"));
        }
        return members;
    }

    /**
     * Runs a step over and over on each of the threads while the rules are swapped between
     * {@code rules(2)} and {@code rules(1)} the given number of times, once every thread has
     * taken a step, and until the swaps are done; returns how many steps were taken in all.
     *
     * <p>The threads never stop before the last swap, however slowly the swaps compile on a loaded
     * machine: a thread more than {@value #STEPS_PER_SWAP} steps past the last swap goes on at a
     * slower pace ({@value #PACED_STEP_MILLIS} ms a step), so that every swap still lands among
     * running steps while the events made stay bounded (and dated before the clock).
     */
    private static int whileReloading(DroolsRuleEngine rules, int threads, int reloads, IntFunction<Runnable> stepOfThread)
            throws Exception {
        AtomicBoolean reloaded = new AtomicBoolean();
        AtomicInteger swaps = new AtomicInteger();
        CountDownLatch running = new CountDownLatch(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Integer>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Runnable step = stepOfThread.apply(t);
            futures.add(pool.submit(() -> {
                int steps = 0;
                int swapsSeen = 0;
                int sinceSwap = 0;
                // keep going until every reload is done, so the reloads happen under load
                while (steps == 0 || !reloaded.get()) {
                    step.run();
                    steps++;
                    if (steps == 1) {
                        running.countDown();
                    }
                    int done = swaps.get();
                    if (done != swapsSeen) {
                        swapsSeen = done;
                        sinceSwap = 0;
                    } else if (++sinceSwap > STEPS_PER_SWAP) {
                        Thread.sleep(PACED_STEP_MILLIS);
                    }
                }
                return steps;
            }));
        }
        running.await(1, TimeUnit.MINUTES);
        int swappedWhileAllRan = 0;
        try {
            for (int r = 0; r < reloads; r++) {
                rules.reload(rules(r % 2 == 0 ? 2 : 1));
                swaps.incrementAndGet();
                swappedWhileAllRan += futures.stream().noneMatch(Future::isDone) ? 1 : 0;
            }
        } finally {
            // the workers stop on a failed reload too: nothing else would stop them
            reloaded.set(true);
        }
        int steps = 0;
        for (Future<Integer> future : futures) {
            steps += future.get(1, TimeUnit.MINUTES);
        }
        pool.shutdown();
        assertThat(swappedWhileAllRan).as("swaps made while every worker was still running").isEqualTo(reloads);
        return steps;
    }

    /** Checks that both sets processed events, that each event's points and entries are those of the version it records, and the balances. */
    private static void assertEachEarnedByTheSetItRecords(LoyaltyEngine engine, List<MemberId> members, List<Outcome> outcomes) {
        String two;
        try (DroolsRuleEngine probe = rules(2).build()) {
            two = probe.version();
        }
        String one;
        try (DroolsRuleEngine probe = rules(1).build()) {
            one = probe.version();
        }
        Map<String, Long> pointsPerPound = Map.of(one, 1L, two, 2L);
        assertThat(outcomes).extracting(Outcome::ruleSetVersion).contains(one, two);
        for (Outcome outcome : outcomes) {
            assertThat(outcome.points().value()).as("points of %s", outcome.eventId()).isEqualTo(7 * pointsPerPound.get(outcome.ruleSetVersion()));
            assertThat(outcome.entries()).allSatisfy(e -> assertThat(e.ruleSetVersion()).isEqualTo(outcome.ruleSetVersion()));
        }
        for (MemberId member : members) {
            long fromOutcomes = outcomes.stream().filter(o -> o.memberId().equals(member)).mapToLong(o -> o.points().value()).sum();
            assertThat(engine.balance(member).value()).isEqualTo(fromOutcomes);
        }
    }

    /**
     * While one thread reloads a new configuration (held inside the reload, reading its sources),
     * another calls {@code reload()} to read the active set's sources again: once both are done, the
     * new configuration is the active one, read again, not the one it replaced.
     */
    @Test
    void shouldNotUndoAConcurrentReloadWhenReadingTheSourcesAgain() throws Exception {
        try (DroolsRuleEngine rules = rules(1).id("first").build()) {
            Thread[] rereading = new Thread[1];
            CountDownLatch inside = new CountDownLatch(1);
            AtomicBoolean paused = new AtomicBoolean();
            ClassLoader pausing = new ClassLoader(ReloadTest.class.getClassLoader()) {
                @Override
                public java.io.InputStream getResourceAsStream(String name) {
                    if (!name.equals("paused/base.drl")) {
                        return super.getResourceAsStream(name);
                    }
                    if (paused.compareAndSet(false, true)) {
                        inside.countDown();
                        // hold this reload until the other one waits for it
                        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                        while ((rereading[0] == null || rereading[0].getState() != Thread.State.BLOCKED) && System.nanoTime() < deadline) {
                            Thread.onSpinWait();
                        }
                    }
                    return new java.io.ByteArrayInputStream(base(2).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
            };
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                Future<CampaignSet> second = pool.submit(() -> rules.reload(DroolsRuleEngine.builder().id("second").classLoader(pausing)
                        .classpath("paused/base.drl")));
                assertThat(inside.await(1, TimeUnit.MINUTES)).isTrue();
                Thread again = new Thread(rules::reload);
                rereading[0] = again;
                again.start();
                second.get(1, TimeUnit.MINUTES);
                again.join(TimeUnit.MINUTES.toMillis(1));
            } finally {
                pool.shutdown();
            }

            assertThat(rules.campaignSet().id()).isEqualTo("second");
            assertThat(rules.campaignSet().campaigns()).extracting(Campaign::id).containsExactly("BASE-2");
        }
    }

    /** A class loader that serves one DRL text as the class-path resource {@code served/base.drl}. */
    private static ClassLoader serving(String drl) {
        return new ClassLoader(ReloadTest.class.getClassLoader()) {
            @Override
            public java.io.InputStream getResourceAsStream(String name) {
                return name.equals("served/base.drl") ? new java.io.ByteArrayInputStream(drl.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        : super.getResourceAsStream(name);
            }
        };
    }

    @Test
    void shouldReadTheSourcesAgainAsTheyWereConfiguredWhenBuiltNotAsTheBuilderWasChangedSince() {
        DroolsRuleEngine.Builder builder = DroolsRuleEngine.builder().classLoader(serving(base(1))).classpath("served/base.drl");
        try (DroolsRuleEngine rules = builder.build()) {
            String built = rules.version();
            // the builder is reused for another engine, with another class loader
            builder.classLoader(serving(base(5)));

            CampaignSet reloaded = rules.reload();

            assertThat(reloaded.campaigns()).extracting(Campaign::id).containsExactly("BASE-1");
            assertThat(reloaded.version()).isEqualTo(built);
        }
    }
}
