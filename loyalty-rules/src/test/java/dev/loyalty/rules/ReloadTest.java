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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replacing the active campaign set while events are processed. */
class ReloadTest {

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
        int reloads = 20;
        // five minutes apart from 5 March: at most 288 a day (no daily cap binds) and none after the clock (1 June)
        int maxPerThread = 24_000;
        try (DroolsRuleEngine rules = rules(1).build(); LoyaltyEngine engine = Shop.engine(rules)) {
            String one = rules.version();
            String two;
            try (DroolsRuleEngine probe = rules(2).build()) {
                two = probe.version();
            }
            Map<String, Long> pointsPerPound = Map.of(one, 1L, two, 2L);
            List<MemberId> members = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                members.add(enrol(engine, "member"));
            }
            ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
            AtomicBoolean reloaded = new AtomicBoolean();
            CountDownLatch running = new CountDownLatch(threads);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<Integer>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                MemberId member = members.get(t);
                futures.add(pool.submit(() -> {
                    int i = 0;
                    // keep processing until every reload is done, so the reloads happen under load
                    while (i < maxPerThread && (i == 0 || !reloaded.get())) {
                        outcomes.add(engine.process(purchase(member, london("2025-03-05T00:00").plusSeconds(300L * i))
                                .line("A", "home", 1, gbp("7.00")).build()));
                        i++;
                        if (i == 1) {
                            running.countDown();
                        }
                    }
                    return i;
                }));
            }
            running.await(1, TimeUnit.MINUTES);
            for (int r = 0; r < reloads; r++) {
                rules.reload(rules(r % 2 == 0 ? 2 : 1));
            }
            reloaded.set(true);
            int submitted = 0;
            for (Future<Integer> future : futures) {
                submitted += future.get(1, TimeUnit.MINUTES);
            }
            pool.shutdown();

            assertThat(submitted).as("the workers never ran out of events before the reloads ended").isLessThan(threads * maxPerThread);
            assertThat(outcomes).hasSize(submitted);
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
        int reloads = 10;
        int batchSize = 8;
        // five minutes apart per member from 5 March, as above; a batch alternates its thread's two members
        int maxBatchesPerThread = 2_000;
        try (DroolsRuleEngine rules = rules(1).build(); LoyaltyEngine engine = Shop.engine(rules)) {
            String one = rules.version();
            String two;
            try (DroolsRuleEngine probe = rules(2).build()) {
                two = probe.version();
            }
            assertThat(rules.evaluatesInOnePass()).isTrue();
            Map<String, Long> pointsPerPound = Map.of(one, 1L, two, 2L);
            List<MemberId> members = new ArrayList<>();
            for (int m = 0; m < 2 * threads; m++) {
                members.add(enrol(engine, "member"));
            }
            ConcurrentLinkedQueue<EventResult> results = new ConcurrentLinkedQueue<>();
            AtomicBoolean reloaded = new AtomicBoolean();
            CountDownLatch running = new CountDownLatch(threads);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<Integer>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                List<MemberId> own = members.subList(2 * t, 2 * t + 2);
                futures.add(pool.submit(() -> {
                    int batches = 0;
                    int purchases = 0;
                    // keep sending batches until every reload is done, so the reloads happen under load
                    while (batches < maxBatchesPerThread && (batches == 0 || !reloaded.get())) {
                        List<Purchase> batch = new ArrayList<>();
                        for (int i = 0; i < batchSize; i++, purchases++) {
                            batch.add(purchase(own.get(i % 2), london("2025-03-05T00:00").plusSeconds(300L * (purchases / 2)))
                                    .line("A", "home", 1, gbp("7.00")).build());
                        }
                        results.addAll(engine.processAll(batch));
                        batches++;
                        if (batches == 1) {
                            running.countDown();
                        }
                    }
                    return batches;
                }));
            }
            running.await(1, TimeUnit.MINUTES);
            for (int r = 0; r < reloads; r++) {
                rules.reload(rules(r % 2 == 0 ? 2 : 1));
            }
            reloaded.set(true);
            int batches = 0;
            for (Future<Integer> future : futures) {
                batches += future.get(1, TimeUnit.MINUTES);
            }
            pool.shutdown();

            assertThat(batches).as("the workers never ran out of events before the reloads ended").isLessThan(threads * maxBatchesPerThread);
            assertThat(results).hasSize(batches * batchSize).allSatisfy(result -> assertThat(result.succeeded()).as("%s", result.error()).isTrue());
            List<Outcome> outcomes = results.stream().map(EventResult::outcome).toList();
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
    }
}
