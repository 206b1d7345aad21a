package dev.loyalty.core.store;

import static dev.loyalty.core.testing.Fixtures.MONDAY;
import static dev.loyalty.core.testing.Fixtures.enrolment;
import static dev.loyalty.core.testing.Fixtures.member;
import static dev.loyalty.core.testing.Fixtures.purchase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.loyalty.core.LoyaltyEngine;
import dev.loyalty.core.Outcome;
import dev.loyalty.core.StoreException;
import dev.loyalty.core.event.LoyaltyEvent;
import dev.loyalty.core.internal.EventProcessor;
import dev.loyalty.core.internal.Fingerprints;
import dev.loyalty.core.model.Member;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.spi.LoyaltyStore;
import dev.loyalty.core.testing.Fixtures;
import dev.loyalty.core.testing.JavaRules;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Faults at every JDBC step of processing one event through the engine on a {@link JdbcStore}:
 * the n-th statement or commit fails, for n = 1, 2, ... until processing needs fewer steps. Each
 * time, the store must be left exactly as before (or, for a transient fault, the event applied
 * once after a retry), and processing the event again must apply it exactly once, with the
 * outcome an in-memory store gives for the same history. Enrolments (which insert the member)
 * and purchases (which update it) take different steps, so both are run.
 *
 * <p>A database's test extends this class and implements {@link #newDataSource()}.
 */
abstract class JdbcStoreFaultContract {

    /** The steps that write; every one of them must have been faulted for each kind of event. */
    private static final List<String> WRITES = List.of("INSERT loyalty_event", "INSERT loyalty_explanation_step (batch)",
            "INSERT loyalty_entry (batch)", "INSERT loyalty_lot", "COMMIT");

    /** The fault injector around the database under test. */
    protected FaultInjectingDataSource faults;
    private LoyaltyEngine reference;
    private final List<MemberId> members = new ArrayList<>();

    /**
     * Returns a new, empty database with the loyalty schema.
     *
     * @return its data source
     */
    protected abstract DataSource newDataSource();

    @BeforeEach
    void createDatabase() {
        faults = new FaultInjectingDataSource(newDataSource());
        reference = Fixtures.engine(new InMemoryStore());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"enrolment", "purchase"})
    void shouldLeaveNothingBehindAndApplyOnceLaterWhenAnyStepFailsPermanently(String kind) {
        JdbcStore store = JdbcStore.builder(faults).maxRetries(3).build();
        LoyaltyEngine engine = Fixtures.engine(store);
        IntFunction<LoyaltyEvent> events = events(kind, engine);
        Set<String> faulted = new LinkedHashSet<>();

        for (int n = 1; ; n++) {
            LoyaltyEvent event = events.apply(n);
            Object before = snapshot(store);
            faults.failAt(n, FaultInjectingDataSource.fail("XX000"));
            Throwable thrown = catchThrowable(() -> engine.process(event));
            faults.disarm();
            if (faults.fired().isEmpty()) {
                assertThat(thrown).isNull();
                reference.process(event);
                break;
            }
            String step = faults.fired().get(0);
            faulted.add(step);

            assertThat(thrown).as("failure at step %d, %s", n, step).isInstanceOf(StoreException.class).hasMessageContaining("XX000");
            assertThat(((StoreException) thrown).sqlState()).isEqualTo("XX000");
            assertThat(((StoreException) thrown).retryable()).isFalse();
            if (n == 1) {
                assertThat(thrown).hasMessageContaining(event.eventId().value());
            } else {
                assertThat(thrown).hasMessageContaining("member " + event.memberId());
            }
            assertThat(snapshot(store)).as("store after a failure at step %d, %s", n, step).isEqualTo(before);
            assertThat(store.findEvent(event.eventId())).isEmpty();

            Outcome outcome = engine.process(event);

            assertThat(outcome).isEqualTo(reference.process(event));
            assertThat(engine.process(event)).isEqualTo(outcome);
        }
        assertThat(faulted).containsAll(WRITES).contains(kind.equals("enrolment") ? "INSERT loyalty_member" : "UPDATE loyalty_member");
        assertSameStateAsReference(store);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"enrolment", "purchase"})
    void shouldRetryAndApplyOnceWhenAnyStepFailsTransiently(String kind) {
        JdbcStore store = JdbcStore.builder(faults).maxRetries(3).build();
        LoyaltyEngine engine = Fixtures.engine(store);
        IntFunction<LoyaltyEvent> events = events(kind, engine);
        Set<String> faulted = new LinkedHashSet<>();

        for (int n = 1; ; n++) {
            LoyaltyEvent event = events.apply(n);
            faults.failAt(n, FaultInjectingDataSource.fail(n % 2 == 0 ? "40001" : "40P01"));

            Outcome outcome = engine.process(event);

            faults.disarm();
            assertThat(outcome).as("outcome after a transient failure at step %d", n).isEqualTo(reference.process(event));
            if (faults.fired().isEmpty()) {
                break;
            }
            faulted.add(faults.fired().get(0));
        }
        assertThat(faulted).containsAll(WRITES);
        assertSameStateAsReference(store);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"enrolment", "purchase"})
    void shouldApplyOnceWhenTheConnectionIsLostAfterTheCommitWasMade(String kind) {
        JdbcStore store = JdbcStore.builder(faults).maxRetries(3).build();
        LoyaltyEngine engine = Fixtures.engine(store);
        LoyaltyEvent event = events(kind, engine).apply(1);
        faults.failWhere("COMMIT"::equals, FaultInjectingDataSource.failAfter("08006"), true);

        Outcome outcome = engine.process(event);

        assertThat(faults.fired()).containsExactly("COMMIT");
        assertThat(outcome).isEqualTo(reference.process(event));
        assertSameStateAsReference(store);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"enrolment", "purchase"})
    void shouldThrowRetryableAndReplayNextTimeWhenTheCommitWasMadeButNotAcknowledgedAndRetriesAreOff(String kind) {
        JdbcStore store = JdbcStore.builder(faults).maxRetries(0).build();
        LoyaltyEngine engine = Fixtures.engine(store);
        LoyaltyEvent event = events(kind, engine).apply(1);
        EventProcessor processor = new EventProcessor(Fixtures.program(), JavaRules.simplePack(), Fixtures.clock());
        faults.failWhere("COMMIT"::equals, FaultInjectingDataSource.failAfter("08006"), true);

        Throwable thrown = catchThrowable(() -> store.apply(event.memberId(),
                view -> processor.process(view, event, Fingerprints.of(event))));

        assertThat(thrown).isInstanceOf(StoreException.class).hasMessageContaining("08006")
                .hasMessageContaining("event " + event.eventId() + " of member " + event.memberId());
        assertThat(((StoreException) thrown).retryable()).isTrue();
        assertThat(engine.process(event)).isEqualTo(reference.process(event));
        assertSameStateAsReference(store);
    }

    /**
     * Runs a fault at every step of processing one event: the fault must be absorbed by the
     * store's retries, the event applied once. Used by database-specific faults such as a
     * killed server session.
     *
     * @param kind {@code enrolment} or {@code purchase}
     * @param fault the fault
     */
    protected void assertEveryStepSurvives(String kind, FaultInjectingDataSource.Fault fault) {
        JdbcStore store = JdbcStore.builder(faults).maxRetries(3).build();
        LoyaltyEngine engine = Fixtures.engine(store);
        IntFunction<LoyaltyEvent> events = events(kind, engine);
        Set<String> faulted = new LinkedHashSet<>();
        for (int n = 1; ; n++) {
            LoyaltyEvent event = events.apply(n);
            faults.failAt(n, fault);

            Outcome outcome = engine.process(event);

            faults.disarm();
            assertThat(outcome).as("outcome after a fault at step %d", n).isEqualTo(reference.process(event));
            if (faults.fired().isEmpty()) {
                break;
            }
            faulted.add(faults.fired().get(0));
        }
        assertThat(faulted).containsAll(WRITES);
        assertSameStateAsReference(store);
    }

    /** Returns the n-th event of a kind; for purchases, enrols their member first (on both engines). */
    private IntFunction<LoyaltyEvent> events(String kind, LoyaltyEngine engine) {
        if (kind.equals("enrolment")) {
            return n -> {
                members.add(member("m-" + n));
                return enrolment("m-" + n, MONDAY);
            };
        }
        members.add(member("m-1"));
        engine.process(enrolment("m-1", MONDAY));
        reference.process(enrolment("m-1", MONDAY));
        return n -> purchase("p-" + n, "m-1", MONDAY.plus(Duration.ofMinutes(n)), n + ".50", "2");
    }

    private Object snapshot(LoyaltyStore store) {
        List<Object> state = new ArrayList<>();
        for (MemberId m : members) {
            state.add(List.of(store.findMember(m), store.balance(m), store.ledger(m), store.lots(m), store.returns(m)));
        }
        List<Member> all = new ArrayList<>();
        store.forEachMember(all::add);
        state.add(all);
        return state;
    }

    private void assertSameStateAsReference(JdbcStore store) {
        for (MemberId m : new LinkedHashSet<>(members)) {
            assertThat(store.findMember(m)).as("member %s", m).isEqualTo(reference.member(m));
            if (reference.member(m).isPresent()) {
                assertThat(store.ledger(m)).as("ledger of %s", m).isEqualTo(reference.ledger(m));
                assertThat(store.lots(m)).as("lots of %s", m).isEqualTo(reference.lots(m));
                assertThat(store.balance(m)).as("balance of %s", m).isEqualTo(reference.balance(m));
            }
        }
    }
}
