package dev.loyalty.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.core.EventResult;
import dev.loyalty.core.InsufficientPointsException;
import dev.loyalty.core.ExpiryPolicy;
import dev.loyalty.core.LoyaltyEngine;
import dev.loyalty.core.Outcome;
import dev.loyalty.core.ProgramSettings;
import dev.loyalty.core.event.Enrolment;
import dev.loyalty.core.event.PointsHold;
import dev.loyalty.core.event.LoyaltyEvent;
import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.event.Redemption;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.Hold;
import dev.loyalty.core.model.Lot;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.Money;
import dev.loyalty.core.spi.Evaluation;
import dev.loyalty.core.spi.MemberChanges;
import dev.loyalty.core.spi.MemberView;
import dev.loyalty.core.spi.ReadAhead;
import dev.loyalty.core.spi.RuleContext;
import dev.loyalty.core.spi.RuleEngine;
import dev.loyalty.core.testing.JavaRules;
import dev.loyalty.core.testing.TierRules;
import dev.loyalty.core.tier.Qualifying;
import dev.loyalty.core.tier.QualifyingWindow;
import dev.loyalty.core.tier.TierPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The statements {@link JdbcStore} runs for one event through the engine, counted by a wrapper
 * around the data source: a purchase locks the member, reads everything else it needs in one
 * query and writes each table once; a batch through {@code processAll} reads its recorded events
 * and its members' state in one query each before the first event is applied. A change that adds
 * a round trip fails here. The view's
 * answers from that one query are checked against separate queries.
 *
 * <p>A database's test extends this class and implements {@link #newDataSource()}.
 */
abstract class JdbcStatementsPerEventContract {

    private static final MemberId MEMBER = MemberId.of("m-1");
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant ENROLLED = NOW.minus(Duration.ofDays(300));
    private static final TierPolicy LADDER = TierRules.ladder(QualifyingWindow.ROLLING_12_MONTHS).build();

    private FaultInjectingDataSource statements;
    private JdbcStore store;
    private LoyaltyEngine engine;
    private int events;

    /**
     * Returns a new, empty database with the loyalty schema.
     *
     * @return its data source
     */
    protected abstract DataSource newDataSource();

    /**
     * Tells whether the store gathers the rows of a run's events in JDBC batches on this database
     * (on PostgreSQL, whose lot upsert allows it) rather than writing each event's at once.
     *
     * @return true when it gathers them
     */
    protected abstract boolean gathersWrites();

    /**
     * Tells whether the store runs a bulk read of {@code processAll} after setting custom plans
     * for its own transaction (on PostgreSQL, whose cached plans would otherwise outlive a new
     * table's growth); the setting shows as a {@code SET} before the read's queries.
     *
     * @return true when it does
     */
    protected abstract boolean plansBulkReads();

    private List<String> bulkRead(String... queries) {
        return FaultInjectingDataSource.bulkRead(plansBulkReads(), queries);
    }

    private void start(boolean rulesMatchSegments, ProgramSettings program) {
        statements = new FaultInjectingDataSource(newDataSource());
        store = JdbcStore.builder(statements).build();
        engine = LoyaltyEngine.builder().program(program).clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .ruleEngine(new TieredPack(rulesMatchSegments)).store(store).build();
    }

    private void start(boolean rulesMatchSegments) {
        start(rulesMatchSegments, ProgramSettings.builder().currency("GBP").zone("Europe/London").build());
    }

    private void enrol() {
        engine.process(Enrolment.of(EventId.of("enrol"), MEMBER, ENROLLED));
    }

    private void buy(Instant at, String amount) {
        engine.process(Purchase.builder(EventId.of("p-" + ++events), MEMBER, at).line("SKU", "gifts", 1, Money.of(amount, "GBP")).build());
    }

    private List<String> statementsOf(Runnable work) {
        statements.record();
        work.run();
        return statements.steps();
    }

    @Test
    void shouldRunTenStatementsWhenAnEnrolledMemberPurchasesWithTiersAndADailyCap() {
        start(false);
        enrol();
        buy(ENROLLED.plus(Duration.ofDays(1)), "12.50");

        List<String> run = statementsOf(() -> buy(ENROLLED.plus(Duration.ofDays(2)), "20.00"));

        assertThat(run).containsExactly("SELECT loyalty_event", "SELECT loyalty_member FOR UPDATE", "SELECT loyalty_member",
                "INSERT loyalty_event", "INSERT loyalty_explanation_step (batch)", "INSERT loyalty_entry (batch)", "INSERT loyalty_lot",
                "INSERT loyalty_tier_qualifying (batch)", "UPDATE loyalty_member", "COMMIT");
    }

    @Test
    void shouldReadTheSegmentInTheSameQueryWhenTheRulesCanMatchSegments() {
        start(true);
        enrol();

        List<String> run = statementsOf(() -> buy(ENROLLED.plus(Duration.ofDays(2)), "20.00"));

        assertThat(run).hasSize(10).doesNotContain("SELECT loyalty_member_segment");
    }

    @Test
    void shouldUpdateTheTierStateWhenAPurchasePromotesTheMember() {
        start(false);
        enrol();

        List<String> run = statementsOf(() -> buy(ENROLLED.plus(Duration.ofDays(2)), "600.00"));

        assertThat(run).contains("UPDATE loyalty_tier_state");
        assertThat(engine.member(MEMBER).orElseThrow().tierCode()).isEqualTo("silver");
    }

    @Test
    void shouldInsertTheTierStateWithoutTryingAnUpdateWhenAMemberEnrols() {
        start(false);

        List<String> run = statementsOf(this::enrol);

        assertThat(run).containsExactly("SELECT loyalty_event", "SELECT loyalty_member FOR UPDATE", "INSERT loyalty_member",
                "INSERT loyalty_event", "INSERT loyalty_explanation_step (batch)", "INSERT loyalty_entry (batch)", "INSERT loyalty_lot",
                "INSERT loyalty_tier_state", "INSERT loyalty_tier_change (batch)", "COMMIT");
    }

    /** Enrols five members and returns twenty purchases, four of each, a day apart, the members taking turns. */
    private List<Purchase> twentyPurchasesOfFiveMembers() {
        for (int m = 0; m < 5; m++) {
            engine.process(Enrolment.of(EventId.of("enrol-b-" + m), MemberId.of("b-" + m), ENROLLED));
        }
        List<Purchase> purchases = new ArrayList<>();
        for (int n = 0; n < 20; n++) {
            purchases.add(Purchase.builder(EventId.of("bp-" + n), MemberId.of("b-" + n % 5), ENROLLED.plus(Duration.ofDays(1 + n / 5)))
                    .line("SKU", "gifts", 1, Money.of("20.00", "GBP")).build());
        }
        return purchases;
    }

    private List<Outcome> processAll(List<Purchase> purchases) {
        return engine.processAll(purchases).stream().map(EventResult::outcomeOrThrow).toList();
    }

    @Test
    void shouldReadABatchsEventsAndMembersInOneQueryEachAndCommitOnceWhenTwentyPurchasesAreProcessedTogether() {
        start(false);
        List<Purchase> purchases = twentyPurchasesOfFiveMembers();

        List<String> run = statementsOf(() -> assertThat(processAll(purchases)).hasSize(20));

        // the bulk reads, then the five members locked in one query
        List<String> reads = new ArrayList<>(bulkRead("SELECT loyalty_event"));
        reads.addAll(bulkRead("SELECT loyalty_member"));
        assertThat(run.subList(0, reads.size())).containsExactlyElementsOf(reads);
        List<String> locked = run.subList(reads.size(), run.size());
        assertThat(locked.get(0)).isEqualTo("SELECT loyalty_member FOR UPDATE");
        if (gathersWrites()) {
            // the five members take turns: a round of five purchases reads each member, then sends each table's rows in one batch
            List<String> turns = new ArrayList<>();
            for (int m = 0; m < 5; m++) {
                turns.addAll(List.of("SELECT loyalty_member FOR UPDATE", "SELECT loyalty_member"));
            }
            assertThat(locked.subList(1, 11)).containsExactlyElementsOf(turns);
            assertThat(locked.subList(11, 17)).containsExactly("INSERT loyalty_event (batch)", "INSERT loyalty_explanation_step (batch)",
                    "INSERT loyalty_entry (batch)", "INSERT loyalty_lot (batch)", "INSERT loyalty_tier_qualifying (batch)",
                    "UPDATE loyalty_member (batch)");
            assertThat(locked).hasSize(1 + 4 * (5 * 2 + 6) + 1);
        } else {
            // eight statements a purchase
            assertThat(locked.subList(1, 9)).containsExactly("SELECT loyalty_member FOR UPDATE", "SELECT loyalty_member", "INSERT loyalty_event",
                    "INSERT loyalty_explanation_step (batch)", "INSERT loyalty_entry (batch)", "INSERT loyalty_lot",
                    "INSERT loyalty_tier_qualifying (batch)", "UPDATE loyalty_member");
            assertThat(locked).hasSize(1 + 20 * 8 + 1);
        }
        assertThat(run).endsWith("COMMIT").containsOnlyOnce("COMMIT");
    }

    @Test
    void shouldCommitARunOnceWhenAnEventInItIsRefused() {
        start(false);
        List<LoyaltyEvent> events = new ArrayList<>(twentyPurchasesOfFiveMembers());
        // b-2 has not earned a million points: refused in its work, under the lock, writing nothing
        events.add(10, new Redemption(EventId.of("too-much"), MemberId.of("b-2"), ENROLLED.plus(Duration.ofDays(3)), "GIFT", 1_000_000, null));

        List<EventResult> results = new ArrayList<>();
        List<String> run = statementsOf(() -> results.addAll(engine.processAll(events)));

        assertThat(results.get(10).error()).isInstanceOf(InsufficientPointsException.class);
        assertThat(results).filteredOn(EventResult::succeeded).hasSize(20);
        // after the commit, the refused event's id is looked up, in case another writer recorded it meanwhile
        assertThat(run).containsOnlyOnce("COMMIT").endsWith("COMMIT", "SELECT loyalty_event");
    }

    @Test
    void shouldReadTheSegmentsWithTheMembersWhenTheRulesOfABatchCanMatchSegments() {
        start(true);
        List<Purchase> purchases = twentyPurchasesOfFiveMembers();

        List<String> run = statementsOf(() -> assertThat(processAll(purchases)).hasSize(20));

        List<String> reads = new ArrayList<>(bulkRead("SELECT loyalty_event"));
        reads.addAll(bulkRead("SELECT loyalty_member"));
        assertThat(run.subList(0, reads.size())).containsExactlyElementsOf(reads);
        assertThat(run.subList(reads.size(), run.size())).hasSize(gathersWrites() ? 1 + 4 * (5 * 2 + 6) + 1 : 1 + 20 * 8 + 1)
                .doesNotContain("SELECT loyalty_member_segment");
    }

    @Test
    void shouldAnswerAReplayedBatchFromThreeQueriesWhenTwentyPurchasesAreProcessedAgain() {
        start(false);
        List<Purchase> purchases = twentyPurchasesOfFiveMembers();
        List<Outcome> first = processAll(purchases);
        List<List<Outcome>> again = new ArrayList<>();

        List<String> run = statementsOf(() -> again.add(processAll(purchases)));

        assertThat(run).containsExactlyElementsOf(bulkRead("SELECT loyalty_event", "SELECT loyalty_explanation_step", "SELECT loyalty_entry"));
        assertThat(again.get(0)).isEqualTo(first);
    }

    @Test
    void shouldAnswerRangesOtherThanTheOnesReadAheadFromTheDatabase() {
        start(false);
        enrol();
        buy(ENROLLED.plus(Duration.ofDays(1)), "12.50");
        buy(ENROLLED.plus(Duration.ofDays(3)), "40.00");
        LocalDate first = LocalDate.ofInstant(ENROLLED, ZoneOffset.UTC);
        Instant day = ENROLLED.plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.DAYS);

        List<Object> told = read(view -> {
            view.readAhead(() -> new ReadAhead(first, first.plusDays(1), day, day.plus(Duration.ofDays(1)), false));
            return answers(view, first, day);
        });
        List<Object> untold = read(view -> answers(view, first, day));

        assertThat(told).isEqualTo(untold);
        assertThat(((Qualifying) told.get(0)).purchases()).isEqualTo(1);
        assertThat(((Qualifying) told.get(1)).purchases()).isEqualTo(2);
        assertThat(told.subList(2, 4)).containsExactly(40L, 0L);
    }

    /** The qualifying totals of the range read ahead, then of a longer one; the points earned on the day read ahead, then the day before. */
    private static List<Object> answers(MemberView view, LocalDate first, Instant day) {
        List<Object> answers = new ArrayList<>();
        answers.add(view.qualifying(first, first.plusDays(1)));
        answers.add(view.qualifying(first, first.plusDays(3)));
        answers.add(view.pointsEarnedBetween(day, day.plus(Duration.ofDays(1))));
        answers.add(view.pointsEarnedBetween(day.minus(Duration.ofDays(1)), day));
        return answers;
    }

    @Test
    void shouldGiveTheEarliestDueInstantOfLotsAndHoldsToTheNanosecond() {
        start(false, ProgramSettings.builder().currency("GBP").returnWindowDays(14).expiry(ExpiryPolicy.rollingMonths(12)).build());
        engine.process(Enrolment.of(EventId.of("enrol"), MEMBER, NOW.minus(Duration.ofDays(30))));
        Instant twoDaysAgo = NOW.minus(Duration.ofDays(2));
        buy(twoDaysAgo.plusNanos(999), "10.00");
        buy(twoDaysAgo.plusNanos(1), "10.00");
        engine.process(new PointsHold(EventId.of("hold"), MEMBER, NOW, "reward", 50, NOW.plus(Duration.ofDays(20)).plusNanos(5)));

        List<Object> read = read(view -> {
            Instant scanned = Stream.concat(view.lots().stream().map(Lot::dueAt), view.holds().stream().map(Hold::dueAt))
                    .filter(Objects::nonNull).min(Instant::compareTo).orElseThrow();
            return List.of(view.nextDueAt(), scanned);
        });

        assertThat(read.get(0)).isEqualTo(twoDaysAgo.plus(Duration.ofDays(14)).plusNanos(1)).isEqualTo(read.get(1));
    }

    /** Runs a read-only piece of work on the member's locked view. */
    private List<Object> read(Function<MemberView, List<Object>> work) {
        List<List<Object>> result = new ArrayList<>();
        store.apply(MEMBER, view -> {
            result.add(work.apply(view));
            return new MemberChanges(null, null, List.of(), List.of());
        });
        return result.get(0);
    }

    /** The simple pack (with its daily cap) and the test ladder, blind to balances like the default pack. */
    private static final class TieredPack implements RuleEngine {

        private final JavaRules pack = JavaRules.simplePack();
        private final boolean segments;

        TieredPack(boolean segments) {
            this.segments = segments;
        }

        @Override
        public String version() {
            return pack.version();
        }

        @Override
        public Evaluation evaluate(RuleContext context) {
            return pack.evaluate(context);
        }

        @Override
        public Optional<TierPolicy> tierPolicy() {
            return Optional.of(LADDER);
        }

        @Override
        public boolean usesSegments() {
            return segments;
        }

        @Override
        public boolean usesBalance() {
            return false;
        }
    }
}
