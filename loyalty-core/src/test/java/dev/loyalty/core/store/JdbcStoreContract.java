package dev.loyalty.core.store;

import static dev.loyalty.core.testing.Fixtures.MONDAY;
import static dev.loyalty.core.testing.Fixtures.enrolment;
import static dev.loyalty.core.testing.Fixtures.eventId;
import static dev.loyalty.core.testing.Fixtures.member;
import static dev.loyalty.core.testing.Fixtures.purchase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.loyalty.core.EventResult;
import dev.loyalty.core.Explanation;
import dev.loyalty.core.InvalidInputException;
import dev.loyalty.core.LoyaltyEngine;
import dev.loyalty.core.LoyaltyException;
import dev.loyalty.core.Outcome;
import dev.loyalty.core.StoreException;
import dev.loyalty.core.event.LoyaltyEvent;
import dev.loyalty.core.event.PointsHold;
import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.event.Redemption;
import dev.loyalty.core.model.EntryType;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.LedgerEntry;
import dev.loyalty.core.model.Lot;
import dev.loyalty.core.model.Member;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.Money;
import dev.loyalty.core.model.Points;
import dev.loyalty.core.spi.MemberChanges;
import dev.loyalty.core.spi.MemberView;
import dev.loyalty.core.spi.StoredEvent;
import dev.loyalty.core.testing.Fixtures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What {@link JdbcStore} does beyond the store contract: constraints the database enforces,
 * SQL states in typed exceptions, bounded retries, paging, and the engine's batches over the
 * store's bulk look-ups, whole and failing. Its refusal of inconsistent changes is every store's,
 * tested by {@link dev.loyalty.core.testing.LoyaltyStoreContract}.
 * A database's test extends this class and implements the two data source factories.
 */
abstract class JdbcStoreContract {

    private FaultInjectingDataSource faults;
    private JdbcStore store;
    private LoyaltyEngine engine;

    /**
     * Returns a new, empty database with the loyalty schema.
     *
     * @return its data source
     */
    protected abstract DataSource newDataSource();

    /**
     * Returns a new, empty database without any table.
     *
     * @return its data source
     */
    protected abstract DataSource newEmptyDataSource();

    /**
     * Tells whether the store runs a bulk read of {@code processAll} after setting custom plans
     * for its own transaction, which shows as a {@code SET} step before the read's queries.
     *
     * @return true on PostgreSQL
     */
    protected abstract boolean plansBulkReads();

    private List<String> bulkRead(String... queries) {
        return FaultInjectingDataSource.bulkRead(plansBulkReads(), queries);
    }

    @BeforeEach
    void createStore() {
        faults = new FaultInjectingDataSource(newDataSource());
        store = JdbcStore.builder(faults).maxRetries(2).build();
        engine = Fixtures.engine(store);
        engine.process(enrolment("m-1", MONDAY));
    }

    @Test
    void shouldNameMemberEventConstraintAndStateWhenTheDatabaseRefusesALot() {
        Object before = snapshot();

        StoreException thrown = catchThrowableOfType(StoreException.class,
                () -> store.apply(member("m-1"), view -> earn(view, eventId("bad-lot"), 20, 10)));

        assertThat(thrown).hasMessageContaining("event bad-lot of member m-1").hasMessageContaining("loyalty_lot_remaining_ck");
        assertThat(thrown.sqlState()).matches("2351[34]");
        assertThat(thrown.retryable()).isFalse();
        assertThat(snapshot()).isEqualTo(before);
        assertThat(store.findEvent(eventId("bad-lot"))).isEmpty();
    }

    @Test
    void shouldRefuseANegativeRemainderInTheDatabaseWhenAnOrdinaryLotIsOverdrawn() {
        Object before = snapshot();

        // only the debt lot may go below zero (negative-balance claw-back policy); any other lot may not
        StoreException thrown = catchThrowableOfType(StoreException.class,
                () -> store.apply(member("m-1"), view -> earn(view, eventId("overdraw"), -101, 1)));

        assertThat(thrown).hasMessageContaining("event overdraw of member m-1").hasMessageContaining("loyalty_lot_remaining_ck");
        assertThat(thrown.sqlState()).matches("2351[34]");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void shouldSayHowToApplyTheSchemaWhenTablesAreMissing() {
        JdbcStore empty = JdbcStore.builder(newEmptyDataSource()).build();

        StoreException thrown = catchThrowableOfType(StoreException.class, () -> empty.findMember(member("m-1")));

        assertThat(thrown).hasMessageContaining("member m-1").hasMessageContaining("JdbcSchema.apply(dataSource)");
        assertThat(thrown.sqlState()).isIn("42P01", "42S02", "42S04");
    }

    @Test
    void shouldGiveUpAfterMaxRetriesWhenEveryAttemptFailsTransiently() {
        faults.failWhere("SELECT loyalty_member FOR UPDATE"::equals, FaultInjectingDataSource.fail("40001"), false);

        StoreException thrown = catchThrowableOfType(StoreException.class,
                () -> store.apply(member("m-1"), view -> earn(view, eventId("e-1"), 10, 10)));

        assertThat(faults.fired()).hasSize(3);
        assertThat(thrown).hasMessageContaining("member m-1").hasMessageContaining("after 3 attempts").hasMessageContaining("40001");
        assertThat(thrown.retryable()).isTrue();
        assertThat(thrown.sqlState()).isEqualTo("40001");
    }

    @Test
    void shouldNotCommitWhenTheWorkSwallowsAFailedQuery() {
        Object before = snapshot();
        faults.failWhere("SELECT loyalty_lot"::equals, FaultInjectingDataSource.fail("XX000"), false);

        StoreException thrown = catchThrowableOfType(StoreException.class, () -> store.apply(member("m-1"), view -> {
            try {
                view.lots();
            } catch (RuntimeException ignored) {
                // a careless work function
            }
            return earn(view, eventId("e-1"), 10, 10);
        }));

        faults.disarm();
        assertThat(thrown.sqlState()).isEqualTo("XX000");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void shouldStreamMembersAcrossPagesWhenThereAreMoreThanOnePage() {
        for (int i = 0; i < 1_100; i++) {
            MemberId id = MemberId.of(String.format("p-%04d", i));
            store.apply(id, view -> {
                Member member = new Member(id, MONDAY, "member", dev.loyalty.core.model.MemberStatus.ACTIVE, null, null);
                Outcome outcome = new Outcome(EventId.of("enrol-" + id), id, "enrolment", Points.ZERO, Points.ZERO, List.of(),
                        new Explanation("enrol", List.of()), "test");
                return new MemberChanges(member, new StoredEvent(EventId.of("enrol-" + id), id, "0".repeat(64), outcome), List.of(), List.of());
            });
        }
        List<MemberId> seen = new ArrayList<>();

        store.forEachMember(m -> seen.add(m.id()));

        assertThat(seen).hasSize(1_101).isSorted().doesNotHaveDuplicates().contains(member("m-1"), MemberId.of("p-1099"));
    }

    @Test
    void shouldGiveTheResultsOfProcessingOneByOneWhenABatchMixesReplaysConflictsAndRefusals() {
        LoyaltyEngine reference = Fixtures.engine(new InMemoryStore());
        reference.process(enrolment("m-1", MONDAY));
        List<LoyaltyEvent> history = List.of(enrolment("m-2", MONDAY), purchase("p-1", "m-1", MONDAY.plusSeconds(60), "12.50", "7.50"),
                purchase("p-2", "m-2", MONDAY.plusSeconds(60), "30"),
                new Redemption(eventId("r-1"), member("m-1"), MONDAY.plusSeconds(120), "voucher", 50, null));
        history.forEach(engine::process);
        history.forEach(reference::process);
        List<LoyaltyEvent> batch = Arrays.asList(purchase("p-1", "m-1", MONDAY.plusSeconds(60), "12.50", "7.50"),
                purchase("p-2", "m-2", MONDAY.plusSeconds(60), "31"), purchase("p-3", "m-1", MONDAY.plusSeconds(180), "10"),
                purchase("p-4", "ghost", MONDAY.plusSeconds(180), "10"), null, history.get(3), enrolment("m-3", MONDAY),
                purchase("p-5", "m-3", MONDAY.plusSeconds(240), "15"),
                Purchase.builder(eventId("p-6"), member("m-2"), MONDAY.plusSeconds(240)).line("SKU", "general", 1, Money.of("5", "EUR")).build(),
                new Redemption(eventId("r-2"), member("m-2"), MONDAY.plusSeconds(300), "voucher", 10_000, null));

        List<EventResult> results = engine.processAll(batch);

        assertThat(results).hasSameSizeAs(batch);
        for (int i = 0; i < batch.size(); i++) {
            EventResult got = results.get(i);
            if (batch.get(i) == null) {
                assertThat(got.error()).as("event %d", i).isInstanceOf(InvalidInputException.class);
                continue;
            }
            Outcome expected = null;
            LoyaltyException refused = null;
            try {
                expected = reference.process(batch.get(i));
            } catch (LoyaltyException e) {
                refused = e;
            }
            if (refused == null) {
                assertThat(got.outcome()).as("event %d", i).isEqualTo(expected);
            } else {
                assertThat(got.error()).as("event %d", i).isNotNull().hasSameClassAs(refused).hasMessage(refused.getMessage());
            }
        }
        assertThat(results).extracting(EventResult::succeeded).containsExactly(true, false, true, false, false, true, true, true, false, false);
    }

    @Test
    void shouldRefuseOnlyTheEventWhoseWriteTheDatabaseRefusesAndApplyTheRestOfTheBatch() {
        engine.process(enrolment("m-2", MONDAY));
        Points before = store.balance(member("m-1"));
        // every hold is refused: the other events of the batch write none
        faults.failWhere(step -> step.startsWith("INSERT loyalty_hold"), FaultInjectingDataSource.fail("XX000"), false);

        List<EventResult> results = engine.processAll(List.of(
                new Redemption(eventId("r-1"), member("m-1"), MONDAY.plusSeconds(60), "voucher", 10, null),
                new PointsHold(eventId("h-1"), member("m-2"), MONDAY.plusSeconds(60), "voucher", 10, Instant.parse("2030-01-02T00:00:00Z")),
                new Redemption(eventId("r-2"), member("m-1"), MONDAY.plusSeconds(120), "voucher", 10, null)));

        faults.disarm();
        assertThat(results.get(0).succeeded()).isTrue();
        assertThat(results.get(1).error()).isInstanceOf(StoreException.class).hasMessageContaining("h-1").hasMessageContaining("XX000");
        assertThat(results.get(2).succeeded()).isTrue();
        assertThat(store.findEvent(eventId("h-1"))).isEmpty();
        assertThat(store.holds(member("m-2"))).isEmpty();
        assertThat(store.balance(member("m-1"))).isEqualTo(Points.of(before.value() - 20));
        assertThat(results.get(2).outcomeOrThrow().balance()).isEqualTo(store.balance(member("m-1")));
    }

    @Test
    void shouldLookEachEventUpOnItsOwnWhenTheBatchsLookUpFails() {
        engine.process(enrolment("m-2", MONDAY));
        Purchase recorded = purchase("p-1", "m-1", MONDAY.plusSeconds(60), "30");
        Outcome first = engine.process(recorded);
        faults.failWhere("SELECT loyalty_event"::equals, FaultInjectingDataSource.fail("XX000"), true);

        List<EventResult> results = engine.processAll(List.of(recorded, purchase("p-2", "m-2", MONDAY.plusSeconds(60), "20"),
                purchase("p-3", "m-1", MONDAY.plusSeconds(120), "10")));

        assertThat(faults.fired()).containsExactly("SELECT loyalty_event");
        // the batch's look-up fails, then the replayed purchase is looked up on its own
        List<String> expected = bulkRead("SELECT loyalty_event");
        expected.addAll(List.of("SELECT loyalty_event", "SELECT loyalty_explanation_step", "SELECT loyalty_entry"));
        assertThat(faults.steps().subList(0, expected.size())).containsExactlyElementsOf(expected);
        assertThat(results).allMatch(EventResult::succeeded);
        assertThat(results.get(0).outcomeOrThrow()).isEqualTo(first);
        assertThat(store.balance(member("m-1"))).isEqualTo(Points.of(100 + 30 + 10));
    }

    @Test
    void shouldReadEachMemberOnItsOwnWhenTheBatchsReadOfTheMembersFails() {
        engine.process(enrolment("m-2", MONDAY));
        faults.failWhere("SELECT loyalty_member"::equals, FaultInjectingDataSource.fail("XX000"), true);

        List<EventResult> results = engine.processAll(List.of(purchase("p-1", "m-1", MONDAY.plusSeconds(60), "30"),
                purchase("p-2", "m-2", MONDAY.plusSeconds(60), "20")));

        assertThat(faults.fired()).containsExactly("SELECT loyalty_member");
        // the batch's read fails, then the first purchase reads its member and balance on its own
        List<String> expected = bulkRead("SELECT loyalty_event");
        expected.addAll(bulkRead("SELECT loyalty_member"));
        expected.addAll(List.of("SELECT loyalty_member", "SELECT loyalty_member"));
        assertThat(faults.steps().subList(0, expected.size())).containsExactlyElementsOf(expected);
        assertThat(results).allMatch(EventResult::succeeded);
        assertThat(results).extracting(result -> result.outcomeOrThrow().balance()).containsExactly(Points.of(130), Points.of(120));
    }

    @Test
    void shouldRefuseMaxRetriesOutOfRange() {
        assertThatThrownBy(() -> JdbcStore.builder(faults).maxRetries(-1)).isInstanceOf(InvalidInputException.class)
                .hasMessage("jdbcStore.maxRetries must be between 0 and 1000, was -1");
        assertThatThrownBy(() -> JdbcStore.builder(faults).maxRetries(1_001)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("was 1001");
        assertThatThrownBy(() -> JdbcStore.builder(null)).isInstanceOf(InvalidInputException.class)
                .hasMessage("jdbcStore.dataSource must not be null");
    }

    private Object snapshot() {
        List<Object> state = new ArrayList<>();
        for (MemberId m : List.of(member("m-1"))) {
            state.add(List.of(store.findMember(m), store.balance(m), store.ledger(m), store.lots(m), store.returns(m)));
        }
        return state;
    }

    private static MemberChanges earn(MemberView view, EventId id, long points, long lotPoints) {
        return earn(view, id, points, lotPoints, view.lastSequence() + 1);
    }

    /** One entry of {@code points} and a lot of {@code lotPoints} points with {@code points} remaining. */
    private static MemberChanges earn(MemberView view, EventId id, long points, long lotPoints, long sequence) {
        Function<MemberView, MemberId> memberId = v -> v.member().orElseThrow().id();
        MemberId m = memberId.apply(view);
        LedgerEntry entry = new LedgerEntry(m, sequence, id, EntryType.EARN, Points.of(points), id.value(), "TEST", "test", "test", MONDAY,
                Fixtures.NOW);
        Outcome outcome = new Outcome(id, m, "purchase", Points.of(points), view.balance().plus(Points.of(points)), List.of(entry),
                new Explanation("test", List.of(new Explanation.Step("TEST", "test", points, ""))), "test");
        List<Lot> lots = lotPoints == 0 ? List.of() : List.of(new Lot(id.value(), m, id, MONDAY, null, null, lotPoints, points, null, null, 0, 0));
        return new MemberChanges(null, new StoredEvent(id, m, "0".repeat(64), outcome), List.of(entry), lots);
    }
}
