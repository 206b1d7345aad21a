package dev.loyalty.core.testing;

import static dev.loyalty.core.testing.Fixtures.MONDAY;
import static dev.loyalty.core.testing.Fixtures.enrolment;
import static dev.loyalty.core.testing.Fixtures.eventId;
import static dev.loyalty.core.testing.Fixtures.member;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.core.EventResult;
import dev.loyalty.core.InsufficientPointsException;
import dev.loyalty.core.InvalidInputException;
import dev.loyalty.core.LoyaltyEngine;
import dev.loyalty.core.event.LoyaltyEvent;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.Points;
import dev.loyalty.core.spi.AppliedWork;
import dev.loyalty.core.spi.LoyaltyStore;
import dev.loyalty.core.spi.MemberChanges;
import dev.loyalty.core.spi.MemberView;
import dev.loyalty.core.spi.MemberWork;
import dev.loyalty.core.spi.StoredEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link LoyaltyStore} must do with {@link LoyaltyStore#applyAll}: answer each work as
 * {@link LoyaltyStore#apply} would, in order, with later works seeing earlier ones' changes; leave
 * a refused work's member unchanged and go on; stop after the first work that asks for a
 * follow-up; throw any other failure with the works before it applied. A store that applies a
 * run in one transaction must answer so too when the run fails as a whole and it falls back, and
 * lose and duplicate nothing when the engine's batches of the same members race.
 *
 * <p>A store's test extends this class and implements {@link #newStore()}, an empty store each call.
 */
public abstract class ApplyAllContract {

    private LoyaltyStore store;

    /** Creates the contract test; subclasses implement {@link #newStore()}. */
    protected ApplyAllContract() {
    }

    /**
     * Returns a new, empty store, independent of every store returned before.
     *
     * @return the store under test
     */
    protected abstract LoyaltyStore newStore();

    /** Creates the store and enrols two members through an engine over it. */
    @BeforeEach
    void enrolTwoMembers() {
        store = newStore();
        LoyaltyEngine engine = Fixtures.engine(store);
        engine.process(enrolment("m-1", MONDAY));
        engine.process(enrolment("m-2", MONDAY));
    }

    @Test
    void shouldApplyEveryWorkInOrderWithLaterWorksSeeingEarlierOnesWhenNoneAsksForAFollowUp() {
        List<AppliedWork> results = store.applyAll(List.of(earn("m-1", "e-1", 10), earn("m-2", "e-2", 20), earn("m-1", "e-3", 30)));

        assertThat(results).extracting(AppliedWork::refusal).containsOnlyNulls();
        assertThat(results).extracting(result -> result.event().eventId()).containsExactly(eventId("e-1"), eventId("e-2"), eventId("e-3"));
        assertThat(ledgerEvents("m-1")).containsExactly(eventId("enrol-m-1"), eventId("e-1"), eventId("e-3"));
        assertThat(store.balance(member("m-1"))).isEqualTo(welcomePlus(40));
        assertThat(store.balance(member("m-2"))).isEqualTo(welcomePlus(20));
    }

    @Test
    void shouldLeaveARefusedWorksMemberUnchangedAndApplyTheWorksAfterIt() {
        InsufficientPointsException refusal = new InsufficientPointsException(member("m-2"), 500, 100);
        MemberWork refused = new MemberWork(member("m-2"), view -> {
            throw refusal;
        }, () -> false);

        List<AppliedWork> results = store.applyAll(List.of(earn("m-1", "e-1", 10), refused, earn("m-1", "e-3", 30)));

        assertThat(results).hasSize(3);
        assertThat(results.get(1)).isEqualTo(AppliedWork.refused(refusal));
        assertThat(results.get(2).event().eventId()).isEqualTo(eventId("e-3"));
        assertThat(ledgerEvents("m-2")).containsExactly(eventId("enrol-m-2"));
        assertThat(store.balance(member("m-1"))).isEqualTo(welcomePlus(40));
    }

    @Test
    void shouldStopAfterTheFirstWorkThatAsksForAFollowUp() {
        MemberWork followedUp = new MemberWork(member("m-2"), earning(eventId("e-2"), 20), () -> true);

        List<AppliedWork> results = store.applyAll(List.of(earn("m-1", "e-1", 10), followedUp, earn("m-1", "e-3", 30)));

        assertThat(results).extracting(result -> result.event().eventId()).containsExactly(eventId("e-1"), eventId("e-2"));
        assertThat(store.findEvent(eventId("e-3"))).isEmpty();
        assertThat(store.balance(member("m-1"))).isEqualTo(welcomePlus(10));
    }

    @Test
    void shouldAnswerWithTheEarlierEventAndApplyTheOthersWhenAWorkReusesARecordedEventId() {
        StoredEvent earlier = store.findEvent(eventId("enrol-m-1")).orElseThrow();

        List<AppliedWork> results = store.applyAll(List.of(earn("m-1", "e-1", 10), earn("m-2", "enrol-m-1", 999), earn("m-2", "e-3", 30)));

        assertThat(results.get(1)).isEqualTo(AppliedWork.applied(earlier));
        assertThat(results.get(2).event().eventId()).isEqualTo(eventId("e-3"));
        assertThat(ledgerEvents("m-2")).containsExactly(eventId("enrol-m-2"), eventId("e-3"));
        assertThat(store.balance(member("m-1"))).isEqualTo(welcomePlus(10));
    }

    @Test
    void shouldThrowAndKeepTheWorksBeforeWhenAWorkFailsWithoutARefusal() {
        IllegalStateException bug = new IllegalStateException("a bug in the work");
        MemberWork failing = new MemberWork(member("m-2"), view -> {
            throw bug;
        }, () -> false);

        assertThatThrownBy(() -> store.applyAll(List.of(earn("m-1", "e-1", 10), failing, earn("m-1", "e-3", 30)))).isSameAs(bug);

        assertThat(ledgerEvents("m-1")).containsExactly(eventId("enrol-m-1"), eventId("e-1"));
        assertThat(ledgerEvents("m-2")).containsExactly(eventId("enrol-m-2"));
    }

    @Test
    void shouldRefuseANullWorkAndApplyNothing() {
        List<MemberWork> works = new ArrayList<>(List.of(earn("m-1", "e-1", 10)));
        works.add(null);

        assertThatThrownBy(() -> store.applyAll(works)).isInstanceOf(InvalidInputException.class).hasMessageContaining("works[]");

        assertThat(store.findEvent(eventId("e-1"))).isEmpty();
        assertThat(store.balance(member("m-1"))).isEqualTo(welcomePlus(0));
    }

    @Test
    void shouldLoseAndDuplicateNothingWhenBatchesOfSharedMembersRace() throws Exception {
        List<String> hot = List.of("m-1", "m-2", "hot-3", "hot-4");
        JavaRules rules = JavaRules.simplePack(Long.MAX_VALUE);
        LoyaltyEngine engine = Fixtures.engine(store, rules);
        hot.subList(2, 4).forEach(id -> engine.process(enrolment(id, MONDAY)));
        List<LoyaltyEvent> purchases = new ArrayList<>();
        for (int i = 0; i < 160; i++) {
            purchases.add(Fixtures.purchase("p-" + i, hot.get(i % hot.size()), MONDAY.plus(Duration.ofMinutes(i + 1)), (i % 13 + 1) + ".25"));
        }
        // every purchase goes in two of eight batches, each batch in its own order: runs of the same members race
        List<Supplier<Object>> batches = new ArrayList<>();
        for (int b = 0; b < 8; b++) {
            List<LoyaltyEvent> batch = new ArrayList<>();
            for (int i = 0; i < purchases.size(); i++) {
                if (i % 4 == b % 4) {
                    batch.add(purchases.get(i));
                }
            }
            Collections.shuffle(batch, new Random(b));
            batches.add(() -> engine.processAll(batch));
        }

        List<Object> results = Fixtures.runConcurrently(batches, 8, Duration.ofMinutes(2));

        LoyaltyStore reference = new dev.loyalty.core.store.InMemoryStore();
        LoyaltyEngine sequential = Fixtures.engine(reference, rules);
        hot.forEach(id -> sequential.process(enrolment(id, MONDAY)));
        purchases.forEach(sequential::process);
        for (Object result : results) {
            assertThat(result).isInstanceOf(List.class);
            for (Object answer : (List<?>) result) {
                EventResult eventResult = (EventResult) answer;
                assertThat(eventResult.succeeded()).as("%s", eventResult.error()).isTrue();
                assertThat(eventResult.outcomeOrThrow()).isEqualTo(store.findEvent(eventResult.event().eventId()).orElseThrow().outcome());
            }
        }
        for (String id : hot) {
            assertThat(store.balance(member(id))).as("balance of %s", id).isEqualTo(reference.balance(member(id)));
            assertThat(store.ledger(member(id))).hasSameSizeAs(reference.ledger(member(id)));
            assertThat(Fixtures.sumOfRemaining(store.lots(member(id)))).isEqualTo(store.balance(member(id)).value());
        }
    }

    /** A work that earns points for a member under a new event id, numbered after the member's last entry as the member stands. */
    private static MemberWork earn(String memberId, String eventId, long points) {
        return new MemberWork(member(memberId), earning(eventId(eventId), points), () -> false);
    }

    private static Function<MemberView, MemberChanges> earning(EventId eventId, long points) {
        return view -> Fixtures.earning(view.member().orElseThrow(), eventId, view.lastSequence() + 1, points);
    }

    private List<EventId> ledgerEvents(String memberId) {
        List<EventId> events = new ArrayList<>();
        store.ledger(member(memberId)).forEach(entry -> events.add(entry.eventId()));
        return events;
    }

    private Points welcomePlus(long points) {
        return Points.of(JavaRules.WELCOME_POINTS + points);
    }
}
