package dev.loyalty.core.testing;

import static dev.loyalty.core.testing.Fixtures.MONDAY;
import static dev.loyalty.core.testing.Fixtures.enrolment;
import static dev.loyalty.core.testing.Fixtures.eventId;
import static dev.loyalty.core.testing.Fixtures.member;
import static dev.loyalty.core.testing.Fixtures.purchase;
import static dev.loyalty.core.testing.Fixtures.sumOfEntries;
import static dev.loyalty.core.testing.Fixtures.sumOfRemaining;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.core.EventConflictException;
import dev.loyalty.core.ExpiryPolicy;
import dev.loyalty.core.Explanation;
import dev.loyalty.core.InvalidInputException;
import dev.loyalty.core.LoyaltyEngine;
import dev.loyalty.core.EventResult;
import dev.loyalty.core.Outcome;
import dev.loyalty.core.ProgramSettings;
import dev.loyalty.core.RuleEvaluationException;
import dev.loyalty.core.Statement;
import dev.loyalty.core.UnknownMemberException;
import dev.loyalty.core.event.Enrolment;
import dev.loyalty.core.event.LoyaltyEvent;
import dev.loyalty.core.event.ProfileChange;
import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.event.Redemption;
import dev.loyalty.core.event.Return;
import dev.loyalty.core.model.EntryType;
import dev.loyalty.core.model.Hold;
import dev.loyalty.core.model.HoldStatus;
import dev.loyalty.core.model.LotReturn;
import dev.loyalty.core.model.Offer;
import dev.loyalty.core.model.OfferKind;
import dev.loyalty.core.model.OfferStatus;
import dev.loyalty.core.model.OfferTrigger;
import dev.loyalty.core.spi.MemberView;
import dev.loyalty.core.spi.TierUpdate;
import dev.loyalty.core.tier.TierChange;
import dev.loyalty.core.tier.TierState;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.LedgerEntry;
import dev.loyalty.core.model.Lot;
import dev.loyalty.core.model.Member;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.MemberStatus;
import dev.loyalty.core.model.Points;
import dev.loyalty.core.spi.LoyaltyStore;
import dev.loyalty.core.spi.MemberChanges;
import dev.loyalty.core.spi.MemberSnapshot;
import dev.loyalty.core.spi.StoredEvent;
import dev.loyalty.core.spi.SweepCheckpoint;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link LoyaltyStore} must show, exercised mostly through
 * {@link LoyaltyEngine}: enrolment, purchases, balances equal to the sum of ledger entries and
 * of lot remainders, idempotent replays, conflicts and failures that leave the store unchanged,
 * event ids unique across members, members streamed in id order and concurrent events for hot
 * members applied exactly once.
 *
 * <p>A store's test extends this class and implements {@link #newStore()}:
 * <pre>{@code
 * class JdbcStoreTest extends LoyaltyStoreContract {
 *     protected LoyaltyStore newStore() { return new JdbcStore(freshDataSource()); }
 * }
 * }</pre>
 * Each call to {@link #newStore()} must return an empty store independent of the others.
 */
public abstract class LoyaltyStoreContract {

    /** Worker threads used by the concurrency tests; at least 8. */
    protected static final int THREADS = 8;

    private LoyaltyStore store;
    private LoyaltyEngine engine;

    /** Creates the contract test; subclasses implement {@link #newStore()}. */
    protected LoyaltyStoreContract() {
    }

    /**
     * Returns a new, empty store, independent of every store returned before.
     *
     * @return the store under test
     */
    protected abstract LoyaltyStore newStore();

    /** Creates the store and an engine with {@link JavaRules#simplePack()} over it. */
    @BeforeEach
    void createStoreAndEngine() {
        store = newStore();
        engine = Fixtures.engine(store);
    }

    /**
     * How many enrolments {@link #shouldShowAnEventsChangesOnceItsIdCanBeFound} races with a reader; a store whose
     * races are cheap (the in-memory one) runs more.
     *
     * @return the rounds
     */
    protected int visibilityRounds() {
        return 50;
    }

    @Test
    void shouldShowAnEventsChangesOnceItsIdCanBeFound() throws Exception {
        // the in-memory store recorded the id before writing the member: a reader that found the enrolment could still be
        // told the member is unknown. The gap is short, so a round catches it only now and then (about one run in two
        // before the fix with 2,000 rounds in memory); no round may catch it
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < visibilityRounds(); round++) {
                String id = "v-" + round;
                Future<Outcome> written = threads.submit(() -> engine.process(enrolment(id, MONDAY)));
                Future<Boolean> seen = threads.submit(() -> {
                    while (store.findEvent(eventId("enrol-" + id)).isEmpty()) {
                        if (written.isDone()) {
                            break;
                        }
                        Thread.onSpinWait();
                    }
                    return store.findMember(member(id)).isPresent();
                });
                written.get(10, TimeUnit.SECONDS);
                assertThat(seen.get(10, TimeUnit.SECONDS)).as("member %s once its enrolment can be found", id).isTrue();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void shouldKeepEveryMemberFieldWhenEnrolled() {
        Enrolment enrolment = enrolment("m-1", MONDAY).withBirthday(LocalDate.of(1992, 2, 29))
                .withZone(ZoneId.of("Europe/London")).withTier("silver").withChannel("web");

        engine.process(enrolment);

        assertThat(store.findMember(member("m-1"))).contains(new Member(member("m-1"), MONDAY, "silver", MemberStatus.ACTIVE,
                LocalDate.of(1992, 2, 29), ZoneId.of("Europe/London")));
    }

    @Test
    void shouldVisitAMemberRangeInTheOrderOfMemberIdsWhateverTheirCharacters() {
        // upper and lower case, digits, Latin-1, a private-use character and a fullwidth letter near the top of the plane
        List<String> ids = List.of("B", "a", "9", "\u00E9", "\uE000", "\uFF21", "z~");
        for (String id : ids) {
            engine.process(enrolment(id, MONDAY));
        }
        List<String> sorted = ids.stream().map(Fixtures::member).sorted().map(MemberId::value).toList();

        List<String> all = new ArrayList<>();
        store.forEachMember(null, null, m -> all.add(m.id().value()));
        List<String> middle = new ArrayList<>();
        store.forEachMember(member("a"), member("\uFF21"), m -> middle.add(m.id().value()));

        assertThat(all).isEqualTo(sorted);
        assertThat(middle).isEqualTo(sorted.subList(sorted.indexOf("a"), sorted.indexOf("\uFF21")));
    }

    @Test
    void shouldWriteOneEntryAndOneLotWhenEnrolmentEarnsWelcomePoints() {
        engine.process(enrolment("m-1", MONDAY));

        assertThat(store.balance(member("m-1"))).isEqualTo(Points.of(JavaRules.WELCOME_POINTS));
        assertThat(store.ledger(member("m-1"))).containsExactly(new LedgerEntry(member("m-1"), 1, eventId("enrol-m-1"), EntryType.EARN,
                Points.of(JavaRules.WELCOME_POINTS), "enrol-m-1", JavaRules.WELCOME, "welcome to the programme",
                JavaRules.SIMPLE_PACK_VERSION, MONDAY, Fixtures.NOW));
        assertThat(store.lots(member("m-1"))).containsExactly(Lot.earned(eventId("enrol-m-1"), member("m-1"), MONDAY, null, null,
                JavaRules.WELCOME_POINTS, null));
    }

    @Test
    void shouldCreditPurchasePointsWhenMemberBuys() {
        engine.process(enrolment("m-1", MONDAY));

        Outcome outcome = engine.process(purchase("p-1", "m-1", MONDAY.plusSeconds(60), "12.50", "7.50"));

        assertThat(outcome.points()).isEqualTo(Points.of(20));
        assertThat(outcome.balance()).isEqualTo(Points.of(120));
        assertThat(store.balance(member("m-1"))).isEqualTo(Points.of(120));
        assertThat(store.ledger(member("m-1"))).extracting(LedgerEntry::eventId, LedgerEntry::points)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(eventId("enrol-m-1"), Points.of(100)),
                        org.assertj.core.groups.Tuple.tuple(eventId("p-1"), Points.of(20)));
        assertThat(store.lots(member("m-1"))).extracting(Lot::id, Lot::remaining).containsExactly(
                org.assertj.core.groups.Tuple.tuple("enrol-m-1", 100L), org.assertj.core.groups.Tuple.tuple("p-1", 20L));
    }

    @Test
    void shouldKeepBalanceEqualToSumOfEntriesAndOfLotsWhenManyEventsAreApplied() {
        engine.process(enrolment("m-1", MONDAY));
        for (int i = 0; i < 20; i++) {
            engine.process(purchase("p-" + i, "m-1", MONDAY.plus(Duration.ofHours(i)), (i + 1) + ".99"));
        }

        long balance = store.balance(member("m-1")).value();
        assertThat(balance).isPositive();
        assertThat(sumOfEntries(store.ledger(member("m-1")))).isEqualTo(balance);
        assertThat(sumOfRemaining(store.lots(member("m-1")))).isEqualTo(balance);
        assertThat(engine.balance(member("m-1")).value()).isEqualTo(balance);
    }

    @Test
    void shouldNumberEntriesConsecutivelyFromOneWhenLedgerGrows() {
        engine.process(enrolment("m-1", MONDAY));
        engine.process(enrolment("m-2", MONDAY));
        for (int i = 0; i < 5; i++) {
            engine.process(purchase("p-" + i, "m-1", MONDAY.plusSeconds(i + 1), "10"));
        }

        assertThat(store.ledger(member("m-1"))).extracting(LedgerEntry::sequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(store.ledger(member("m-2"))).extracting(LedgerEntry::sequence).containsExactly(1L);
    }

    @Test
    void shouldReturnEqualOutcomeAndWriteNothingWhenEventIsReplayed() {
        engine.process(enrolment("m-1", MONDAY));
        Purchase purchase = purchase("p-1", "m-1", MONDAY.plusSeconds(60), "30");
        Outcome first = engine.process(purchase);
        Object before = snapshot(store, "m-1");

        Outcome again = engine.process(purchase);

        assertThat(again).isEqualTo(first);
        assertThat(snapshot(store, "m-1")).isEqualTo(before);
    }

    @Test
    void shouldKeepOutcomeAndFingerprintWhenEventIsRecorded() {
        engine.process(enrolment("m-1", MONDAY));
        Outcome outcome = engine.process(purchase("p-1", "m-1", MONDAY.plusSeconds(60), "30"));

        Optional<StoredEvent> stored = store.findEvent(eventId("p-1"));

        assertThat(stored).isPresent();
        assertThat(stored.get().eventId()).isEqualTo(eventId("p-1"));
        assertThat(stored.get().memberId()).isEqualTo(member("m-1"));
        assertThat(stored.get().fingerprint()).matches("[0-9a-f]{64}");
        assertThat(stored.get().outcome()).isEqualTo(outcome);
    }

    @Test
    void shouldLeaveStateUnchangedWhenEventIdIsReusedWithAnotherPayload() {
        engine.process(enrolment("m-1", MONDAY));
        engine.process(purchase("p-1", "m-1", MONDAY.plusSeconds(60), "30"));
        Object before = snapshot(store, "m-1");
        StoredEvent recorded = store.findEvent(eventId("p-1")).orElseThrow();

        assertThatThrownBy(() -> engine.process(purchase("p-1", "m-1", MONDAY.plusSeconds(60), "31")))
                .isInstanceOf(EventConflictException.class)
                .hasMessageContaining("p-1");

        assertThat(snapshot(store, "m-1")).isEqualTo(before);
        assertThat(store.findEvent(eventId("p-1"))).contains(recorded);
    }

    @Test
    void shouldStoreNothingWhenMemberIsUnknown() {
        assertThatThrownBy(() -> engine.process(purchase("p-1", "ghost", MONDAY, "30")))
                .isInstanceOf(UnknownMemberException.class)
                .hasMessageContaining("ghost");

        assertThat(store.findMember(member("ghost"))).isEmpty();
        assertThat(store.findEvent(eventId("p-1"))).isEmpty();
        assertThat(store.ledger(member("ghost"))).isEmpty();
        assertThat(store.lots(member("ghost"))).isEmpty();
        assertThat(store.balance(member("ghost"))).isEqualTo(Points.ZERO);
        assertThat(allMembers(store)).isEmpty();
    }

    @Test
    void shouldAcceptEventIdWhenItFirstFailedForAnUnknownMember() {
        Purchase purchase = purchase("p-1", "m-1", MONDAY.plusSeconds(60), "30");
        assertThatThrownBy(() -> engine.process(purchase)).isInstanceOf(UnknownMemberException.class);
        engine.process(enrolment("m-1", MONDAY));

        Outcome outcome = engine.process(purchase);

        assertThat(outcome.points()).isEqualTo(Points.of(30));
        assertThat(store.balance(member("m-1"))).isEqualTo(Points.of(130));
    }

    @Test
    void shouldRefuseSecondMemberWhenEventIdWasUsedByAnother() {
        engine.process(enrolment("m-1", MONDAY));
        engine.process(enrolment("m-2", MONDAY));
        engine.process(purchase("p-1", "m-1", MONDAY.plusSeconds(60), "30"));
        Object before = snapshot(store, "m-1", "m-2");

        assertThatThrownBy(() -> engine.process(purchase("p-1", "m-2", MONDAY.plusSeconds(60), "30")))
                .isInstanceOf(EventConflictException.class)
                .hasMessageContaining("p-1");

        assertThat(snapshot(store, "m-1", "m-2")).isEqualTo(before);
        assertThat(store.findEvent(eventId("p-1")).orElseThrow().memberId()).isEqualTo(member("m-1"));
    }

    @Test
    void shouldStreamEveryMemberInIdOrderWhenForEachMember() {
        List<String> ids = List.of("m-10", "m-02", "a", "Z", "m-1", "zz", "A-1", "m-2");
        for (String id : ids) {
            engine.process(enrolment(id, MONDAY));
        }

        List<MemberId> expected = ids.stream().map(MemberId::of).sorted().toList();
        assertThat(allMembers(store)).extracting(Member::id).containsExactlyElementsOf(expected);
    }

    @Test
    void shouldRefuseEnrolmentAndStoreNothingWhenMemberIdHasAnUnpairedSurrogate() {
        // PostgreSQL cannot keep a lone surrogate: its driver sends '?' instead, so "m-\uD800" and "m-\uDBFF" became one member "m-?"
        assertThatThrownBy(() -> engine.process(Enrolment.of(eventId("enrol-1"), member("m-\uD800"), MONDAY))).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("memberId has an unpaired surrogate \\uD800 at index 2");

        assertThat(allMembers(store)).isEmpty();
    }

    @Test
    void shouldRefuseAnEventAndStoreNothingWhenItsRuleSetVersionIsNoTextAStoreCanKeep() {
        // the databases keep a version of at most 128 characters (VARCHAR(128)), without NUL (PostgreSQL) and as valid UTF-8
        engine.process(enrolment("m-1", MONDAY));
        Object before = snapshot(store, "m-1");
        List<Map.Entry<String, String>> refusals = List.of(
                Map.entry("v".repeat(129), "is 129 characters long; at most 128 are allowed"),
                Map.entry("v1\u0000", "must not hold a NUL character (at index 2)"),
                Map.entry("v1\uD800", "has an unpaired surrogate \\uD800 at index 2"));

        for (Map.Entry<String, String> refusal : refusals) {
            LoyaltyEngine versioned = Fixtures.engine(store, JavaRules.of(refusal.getKey()));
            assertThatThrownBy(() -> versioned.process(purchase("p-1", "m-1", MONDAY.plusSeconds(60), "30")))
                    .isInstanceOf(RuleEvaluationException.class)
                    .hasMessageContaining("rule-set version")
                    .hasMessageContaining(refusal.getValue());
            assertThatThrownBy(() -> versioned.process(enrolment("m-2", MONDAY)))
                    .isInstanceOf(RuleEvaluationException.class)
                    .hasMessageContaining(refusal.getValue());
        }

        assertThat(snapshot(store, "m-1")).isEqualTo(before);
        assertThat(store.findEvent(eventId("p-1"))).isEmpty();
        assertThat(store.findMember(member("m-2"))).isEmpty();
        LoyaltyEngine longest = Fixtures.engine(store, JavaRules.of("v".repeat(128)));
        assertThat(longest.process(purchase("p-1", "m-1", MONDAY.plusSeconds(60), "30")).ruleSetVersion()).isEqualTo("v".repeat(128));
    }

    @Test
    void shouldFindNoCheckpointOfferOrBudgetWhenLookingUpAKeyNoStoreCanHold() {
        // PostgreSQL refused a NUL in the query (a StoreException), and its driver sends a lone surrogate as '?', which
        // found the checkpoint "sweep?"; the in-memory store found nothing
        SweepCheckpoint checkpoint = new SweepCheckpoint("sweep?", MONDAY, null, 0, false);
        store.saveSweepCheckpoint(checkpoint);

        for (String suffix : List.of("\u0000", "\uD800", "\uDC00")) {
            assertThat(store.findSweepCheckpoint("sweep" + suffix)).as("checkpoint with %s", suffix).isEmpty();
            assertThat(store.findOffer("OFFER" + suffix)).as("offer with %s", suffix).isEmpty();
            assertThat(store.campaignBudget("SPRING" + suffix)).as("budget with %s", suffix).isEmpty();
        }
        assertThat(store.findSweepCheckpoint("sweep?")).contains(checkpoint);
    }

    @Test
    void shouldRefuseANullIdWithAnInvalidInputExceptionOnEveryRead() {
        engine.process(enrolment("m-1", MONDAY));
        Object before = snapshot(store, "m-1");
        Map<String, Runnable> reads = new TreeMap<>();
        reads.put("findEvent", () -> store.findEvent(null));
        reads.put("findMember", () -> store.findMember(null));
        reads.put("balance", () -> store.balance(null));
        reads.put("ledger", () -> store.ledger(null));
        reads.put("lots", () -> store.lots(null));
        reads.put("holds", () -> store.holds(null));
        reads.put("account", () -> store.account(null));
        reads.put("tierHistory", () -> store.tierHistory(null));
        reads.put("offers", () -> store.offers(null));
        reads.put("offerBook", () -> store.offerBook(null));
        reads.put("segment", () -> store.segment(null));

        for (Map.Entry<String, Runnable> read : reads.entrySet()) {
            assertThatThrownBy(read.getValue()::run).as(read.getKey()).isInstanceOf(InvalidInputException.class).hasMessageContaining("must not be null");
        }
        assertThat(snapshot(store, "m-1")).isEqualTo(before);
    }

    @Test
    void shouldRefuseACheckpointAtAnInstantNoStoreKeepsAndKeepTheSavedOne() {
        // the JDBC store failed with a raw DateTimeException (Instant.MAX has no OffsetDateTime) or, on PostgreSQL, a
        // StoreException (timestamp out of range); the in-memory store kept it
        SweepCheckpoint saved = new SweepCheckpoint("sweep", MONDAY, null, 0, false);
        store.saveSweepCheckpoint(saved);

        for (Instant asOf : List.of(Instant.MAX, Instant.MIN, Instant.parse("+300000-01-01T00:00:00Z"), Instant.parse("1899-12-31T23:59:59Z"))) {
            assertThatThrownBy(() -> store.saveSweepCheckpoint(new SweepCheckpoint("sweep", asOf, member("m-1"), 1, true)))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageStartingWith("sweep.asOf " + asOf + " is outside the accepted range");
        }

        assertThat(store.findSweepCheckpoint("sweep")).contains(saved);
    }

    @Test
    void shouldKeepChangedProfileWhenProfileChanges() {
        engine.process(enrolment("m-1", MONDAY));

        engine.process(new ProfileChange(eventId("pc-1"), member("m-1"), MONDAY.plusSeconds(60), LocalDate.of(1980, 12, 31),
                ZoneId.of("Asia/Tokyo"), MemberStatus.SUSPENDED));

        Member changed = store.findMember(member("m-1")).orElseThrow();
        assertThat(changed.status()).isEqualTo(MemberStatus.SUSPENDED);
        assertThat(changed.zone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
        assertThat(changed.birthday()).isEqualTo(LocalDate.of(1980, 12, 31));
        assertThat(store.ledger(member("m-1"))).hasSize(1);
    }

    @Test
    void shouldReturnZeroAndEmptyListsWhenMemberIsUnknown() {
        assertThat(store.balance(member("nobody"))).isEqualTo(Points.ZERO);
        assertThat(store.ledger(member("nobody"))).isEmpty();
        assertThat(store.lots(member("nobody"))).isEmpty();
        assertThat(store.findMember(member("nobody"))).isEmpty();
        assertThat(store.findEvent(eventId("nothing"))).isEmpty();
    }

    @Test
    void shouldLeaveStoreUnchangedWhenWorkThrows() {
        engine.process(enrolment("m-1", MONDAY));
        Object before = snapshot(store, "m-1");
        RuntimeException abort = new IllegalStateException("abort");

        assertThatThrownBy(() -> store.apply(member("m-1"), view -> {
            throw abort;
        })).isSameAs(abort);
        assertThatThrownBy(() -> store.apply(member("new"), view -> {
            throw abort;
        })).isSameAs(abort);

        assertThat(snapshot(store, "m-1")).isEqualTo(before);
        assertThat(store.findMember(member("new"))).isEmpty();
        assertThat(allMembers(store)).extracting(Member::id).containsExactly(member("m-1"));
    }

    @Test
    void shouldRefuseAWorkThatReturnsNoChanges() {
        engine.process(enrolment("m-1", MONDAY));
        Object before = snapshot(store, "m-1");

        assertThatThrownBy(() -> store.apply(member("m-1"), view -> null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the work for member m-1 returned no changes");
        assertThat(snapshot(store, "m-1")).isEqualTo(before);
    }

    @Test
    void shouldRefuseChangesThatDoNotContinueTheLedger() {
        engine.process(enrolment("m-1", MONDAY));
        Object before = snapshot(store, "m-1");

        assertThatThrownBy(() -> store.apply(member("m-1"),
                view -> Fixtures.earning(view.member().orElseThrow(), eventId("gap"), view.lastSequence() + 2, 10)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("event gap of member m-1 writes entry 3 where the ledger continues at 2");
        assertNothingWritten("gap", before, "m-1");
    }

    @Test
    void shouldRefuseChangesWhoseOutcomeListsOtherEntries() {
        engine.process(enrolment("m-1", MONDAY));
        Object before = snapshot(store, "m-1");

        assertThatThrownBy(() -> store.apply(member("m-1"), view -> {
            MemberChanges changes = earningOf(view, "odd");
            Outcome outcome = changes.event().outcome();
            Outcome without = new Outcome(outcome.eventId(), outcome.memberId(), outcome.eventKind(), outcome.points(), outcome.balance(),
                    List.of(), outcome.explanation(), outcome.ruleSetVersion());
            return new MemberChanges(null, new StoredEvent(eventId("odd"), member("m-1"), "0".repeat(64), without), changes.entries(),
                    changes.lots());
        })).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("event odd of member m-1: the outcome must list exactly the ledger entries the event writes");
        assertNothingWritten("odd", before, "m-1");
    }

    @Test
    void shouldRefuseAnEventOfAnotherMember() {
        engine.process(enrolment("m-1", MONDAY));
        engine.process(enrolment("m-2", MONDAY));
        Object before = snapshot(store, "m-1", "m-2");

        assertThatThrownBy(() -> store.apply(member("m-2"),
                view -> Fixtures.earning(store.findMember(member("m-1")).orElseThrow(), eventId("x"), view.lastSequence() + 1, 5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("event x of member m-2 names member m-1");
        assertNothingWritten("x", before, "m-1", "m-2");
    }

    @Test
    void shouldRefuseAnEventWithoutAFingerprint() {
        assertRefusedSpoiled((view, own, other) -> new MemberChanges(null,
                new StoredEvent(own.event().eventId(), own.event().memberId(), null, own.event().outcome()), own.entries(), own.lots()),
                other -> " has no fingerprint");
    }

    @Test
    void shouldRefuseChangesThatCarryAnotherMember() {
        assertRefusedSpoiled((view, own, other) -> new MemberChanges(other, own.event(), own.entries(), own.lots()),
                other -> " changes member " + other);
    }

    @Test
    void shouldRefuseChangesForAMemberWhoIsNotEnrolledWhenTheyEnrolNoOne() {
        Member ghost = new Member(member("ghost"), MONDAY, "member", MemberStatus.ACTIVE, null, null);
        Object before = snapshot(store, "ghost");

        assertThatThrownBy(() -> store.apply(ghost.id(), view -> Fixtures.earning(ghost, eventId("haunt"), 1, 5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("event haunt of member ghost: the member is not enrolled and the changes enrol no one");
        assertNothingWritten("haunt", before, "ghost");
    }

    @Test
    void shouldRefuseChangesThatWriteAnEntryOfAnotherMember() {
        assertRefusedSpoiled((view, own, other) -> new MemberChanges(null, own.event(),
                        Fixtures.earning(other, eventId("e-x"), view.lastSequence() + 1, 5).entries(), own.lots()),
                other -> " writes an entry for member m-2");
    }

    @Test
    void shouldRefuseChangesThatWriteALotOfAnotherMember() {
        Lot foreign = Lot.earned(eventId("e-x"), member("m-2"), MONDAY, null, null, 5, null);

        assertRefusedSpoiled((view, own, other) -> new MemberChanges(null, own.event(), own.entries(), List.of(foreign)),
                other -> " writes lot e-x of member m-2");
    }

    @Test
    void shouldRefuseChangesThatRecordAReturnOfAnotherMember() {
        engine.process(enrolment("m-1", MONDAY));
        engine.process(enrolment("m-2", MONDAY));
        engine.process(purchase("p-2", "m-2", MONDAY.plusSeconds(60), "30"));
        Object before = snapshot(store, "m-1", "m-2");

        assertThatThrownBy(() -> store.apply(member("m-1"), view -> Fixtures.returning(view, eventId("ret-x"),
                new LotReturn(member("m-2"), "p-2", eventId("ret-x"), MONDAY.plusSeconds(120), new BigDecimal("10")), null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("event ret-x of member m-1 writes a return of member m-2");
        assertNothingWritten("ret-x", before, "m-1", "m-2");
    }

    @Test
    void shouldRefuseChangesThatRecordAReturnOfALotTheyDoNotWrite() {
        engine.process(enrolment("m-1", MONDAY));
        Object before = snapshot(store, "m-1");

        assertThatThrownBy(() -> store.apply(member("m-1"), view -> Fixtures.returning(view, eventId("ret-x"),
                new LotReturn(member("m-1"), "no-such-lot", eventId("ret-x"), MONDAY.plusSeconds(120), new BigDecimal("10")), null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("event ret-x of member m-1 writes a return of lot no-such-lot but not the lot, whose returned amount it changes");
        assertNothingWritten("ret-x", before, "m-1");
    }

    @Test
    void shouldRefuseChangesThatWriteAHoldOfAnotherMember() {
        Hold foreign = new Hold("h-x", member("m-2"), 5, "reward", MONDAY, MONDAY.plusSeconds(3_600), HoldStatus.ACTIVE);

        assertRefusedSpoiled((view, own, other) -> new MemberChanges(null, own.event(), own.entries(), own.lots(), List.of(foreign), null),
                other -> " writes hold h-x of member m-2");
        assertThat(store.holds(member("m-1"))).isEmpty();
        assertThat(store.holds(member("m-2"))).isEmpty();
    }

    @Test
    void shouldRefuseChangesThatWriteATierChangeOfAnotherMember() {
        LocalDate day = LocalDate.of(2026, 3, 2);
        TierChange foreign = new TierChange(member("m-2"), 1, TierChange.Kind.PROMOTION, "member", "gold", day, MONDAY, eventId("e-x"), "test");
        TierUpdate tiers = new TierUpdate(new TierState("gold", day.plusYears(1), null, null, null, null, 1), List.of(), List.of(foreign));

        assertRefusedSpoiled((view, own, other) -> new MemberChanges(null, own.event(), own.entries(), own.lots(), List.of(), null, tiers,
                List.of(), null), other -> " writes a tier change of member m-2");
        assertThat(store.tierHistory(member("m-1"))).isEmpty();
        assertThat(store.tierHistory(member("m-2"))).isEmpty();
    }

    @Test
    void shouldRefuseChangesThatWriteAnOfferOfAnotherMember() {
        Offer foreign = new Offer("O-X", member("m-2"), "O-X", OfferKind.DISCOUNT, BigDecimal.TEN, null, OfferTrigger.BIRTHDAY, "birthday:2026",
                "test", "test", MONDAY, MONDAY.plusSeconds(86_400), OfferStatus.ISSUED, null, null, null);

        assertRefusedSpoiled((view, own, other) -> new MemberChanges(null, own.event(), own.entries(), own.lots(), List.of(), null, null,
                List.of(foreign), null), other -> " writes offer O-X of member m-2");
        assertThat(store.findOffer("O-X")).isEmpty();
        assertThat(store.offers(member("m-1"))).isEmpty();
        assertThat(store.offers(member("m-2"))).isEmpty();
    }

    @Test
    void shouldReturnEarlierEventAndApplyNothingWhenEventIdIsAlreadyRecorded() {
        engine.process(enrolment("m-1", MONDAY));
        engine.process(enrolment("m-2", MONDAY));
        StoredEvent earlier = store.findEvent(eventId("enrol-m-1")).orElseThrow();
        Object before = snapshot(store, "m-1", "m-2");

        StoredEvent returned = store.apply(member("m-2"), view -> Fixtures.earning(view.member().orElseThrow(), eventId("enrol-m-1"),
                view.lastSequence() + 1, 999));

        assertThat(returned).isEqualTo(earlier);
        assertThat(snapshot(store, "m-1", "m-2")).isEqualTo(before);
    }

    @Test
    void shouldShowMemberStateToWorkWhenApplying() {
        engine.process(enrolment("m-1", MONDAY));
        Instant day = Instant.parse("2026-03-03T00:00:00Z");
        engine.process(purchase("p-start", "m-1", day, "10"));
        engine.process(purchase("p-mid", "m-1", day.plus(Duration.ofHours(12)), "20"));
        engine.process(purchase("p-next", "m-1", day.plus(Duration.ofDays(1)), "40"));
        AtomicReference<List<Object>> seen = new AtomicReference<>();
        RuntimeException abort = new IllegalStateException("only looking");

        assertThatThrownBy(() -> store.apply(member("m-1"), view -> {
            seen.set(List.of(view.member().orElseThrow().id(), view.balance(), view.lastSequence(),
                    view.lots().stream().map(Lot::id).toList(),
                    view.pointsEarnedBetween(day, day.plus(Duration.ofDays(1))),
                    view.pointsEarnedBetween(day.plusNanos(1), day.plus(Duration.ofDays(1)).plusNanos(1)),
                    view.pointsEarnedBetween(MONDAY, MONDAY.plusNanos(1))));
            throw abort;
        })).isSameAs(abort);

        assertThat(seen.get()).containsExactly(member("m-1"), Points.of(170), 4L, List.of("enrol-m-1", "p-start", "p-mid", "p-next"),
                30L, 60L, 100L);
    }

    @Test
    void shouldLoseAndDuplicateNothingWhenHotMembersGetConcurrentEvents() throws Exception {
        List<String> hot = List.of("hot-0", "hot-1", "hot-2", "hot-3");
        List<LoyaltyEvent> events = new ArrayList<>();
        for (String id : hot) {
            events.add(enrolment(id, MONDAY));
        }
        List<LoyaltyEvent> purchases = new ArrayList<>();
        for (int i = 0; i < 240; i++) {
            String owner = hot.get(i % hot.size());
            purchases.add(purchase("p-" + i, owner, MONDAY.plus(Duration.ofMinutes(i + 1)), (i % 17 + 1) + "." + (i % 100)));
        }
        events.addAll(purchases);
        JavaRules rules = JavaRules.simplePack(Long.MAX_VALUE);
        LoyaltyEngine concurrent = Fixtures.engine(store, rules);
        hot.forEach(id -> concurrent.process(enrolment(id, MONDAY)));
        List<LoyaltyEvent> submissions = new ArrayList<>(purchases);
        submissions.addAll(purchases);
        Collections.shuffle(submissions, new Random(42));

        List<Object> results = runConcurrently(submissions.stream().<Supplier<Object>>map(e -> () -> concurrent.process(e)).toList());

        LoyaltyStore reference = newStore();
        LoyaltyEngine sequential = Fixtures.engine(reference, rules);
        Map<EventId, Outcome> expected = new TreeMap<>(java.util.Comparator.comparing(EventId::value));
        for (LoyaltyEvent event : events) {
            expected.put(event.eventId(), sequential.process(event));
        }
        Map<EventId, Set<Object>> answers = new TreeMap<>(java.util.Comparator.comparing(EventId::value));
        for (int i = 0; i < submissions.size(); i++) {
            assertThat(results.get(i)).as("result of %s", submissions.get(i).eventId()).isInstanceOf(Outcome.class);
            answers.computeIfAbsent(submissions.get(i).eventId(), id -> new HashSet<>()).add(results.get(i));
        }
        for (LoyaltyEvent purchase : purchases) {
            assertThat(answers.get(purchase.eventId())).as("distinct answers for %s", purchase.eventId()).hasSize(1);
            Outcome answer = (Outcome) answers.get(purchase.eventId()).iterator().next();
            assertThat(answer.points()).isEqualTo(expected.get(purchase.eventId()).points());
        }
        for (String id : hot) {
            MemberId m = member(id);
            assertThat(store.balance(m)).as("balance of %s", id).isEqualTo(reference.balance(m));
            assertThat(sumOfEntries(store.ledger(m))).isEqualTo(store.balance(m).value());
            assertThat(sumOfRemaining(store.lots(m))).isEqualTo(store.balance(m).value());
            assertThat(store.ledger(m)).extracting(LedgerEntry::sequence)
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, store.ledger(m).size()).mapToObj(n -> (long) n).toList());
            assertThat(entriesByEvent(store.ledger(m))).isEqualTo(entriesByEvent(reference.ledger(m)));
            assertThat(new HashSet<>(store.lots(m))).isEqualTo(new HashSet<>(reference.lots(m)));
        }
    }

    @Test
    void shouldReturnOneOutcomeWhenTheSameEnrolmentArrivesConcurrently() throws Exception {
        for (int round = 0; round < 20; round++) {
            Enrolment enrolment = enrolment("dup-" + round, MONDAY);
            List<Supplier<Object>> tasks = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                tasks.add(() -> engine.process(enrolment));
            }

            List<Object> results = runConcurrently(tasks);

            assertThat(results).as("round %d", round).allSatisfy(r -> assertThat(r).isInstanceOf(Outcome.class));
            assertThat(new HashSet<>(results)).as("round %d", round).hasSize(1);
            assertThat(store.ledger(enrolment.memberId())).hasSize(1);
            assertThat(store.balance(enrolment.memberId())).isEqualTo(Points.of(JavaRules.WELCOME_POINTS));
        }
    }

    @Test
    void shouldTellExactlyOneCallItRecordedAPurchaseAndTheOthersTheyReplayedItWhenItArrivesConcurrently() throws Exception {
        engine.process(enrolment("racer", MONDAY));
        for (int round = 0; round < 20; round++) {
            Purchase purchase = purchase("race-" + round, "racer", MONDAY.plusSeconds(60 + round), "3.00");
            List<Supplier<Object>> tasks = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                tasks.add(() -> engine.processAll(List.of(purchase)).get(0));
            }

            List<Object> results = runConcurrently(tasks);

            assertThat(results).as("round %d", round).allSatisfy(r -> assertThat(((EventResult) r).succeeded()).isTrue());
            assertThat(results.stream().filter(r -> !((EventResult) r).replayed())).as("round %d: calls that recorded it", round).hasSize(1);
            assertThat(results.stream().map(r -> ((EventResult) r).outcome()).distinct()).as("round %d", round).hasSize(1);
        }
    }

    @Test
    void shouldAcceptExactlyOneMemberWhenTwoMembersRaceForOneEventId() throws Exception {
        for (int round = 0; round < 20; round++) {
            String a = "a-" + round;
            String b = "b-" + round;
            engine.process(enrolment(a, MONDAY));
            engine.process(enrolment(b, MONDAY));
            Purchase forA = purchase("race-" + round, a, MONDAY.plusSeconds(60), "10");
            Purchase forB = purchase("race-" + round, b, MONDAY.plusSeconds(60), "20");
            List<Supplier<Object>> tasks = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                Purchase p = t % 2 == 0 ? forA : forB;
                tasks.add(() -> engine.process(p));
            }

            List<Object> results = runConcurrently(tasks);

            MemberId winner = store.findEvent(eventId("race-" + round)).orElseThrow().memberId();
            MemberId loser = winner.equals(member(a)) ? member(b) : member(a);
            for (int t = 0; t < THREADS; t++) {
                MemberId submitter = t % 2 == 0 ? member(a) : member(b);
                if (submitter.equals(winner)) {
                    assertThat(results.get(t)).isInstanceOf(Outcome.class);
                } else {
                    assertThat(results.get(t)).isInstanceOf(EventConflictException.class);
                }
            }
            assertThat(store.ledger(winner)).hasSize(2);
            assertThat(store.ledger(loser)).hasSize(1);
            assertThat(store.balance(loser)).isEqualTo(Points.of(JavaRules.WELCOME_POINTS));
        }
    }

    @Test
    void shouldAnswerTheRecordedRedemptionToAllItsSendersAndAConflictToTheOthersWhenTwoRedemptionsShareAnEventId() throws Exception {
        for (int round = 0; round < 20; round++) {
            String m = "m-" + round;
            engine.process(enrolment(m, MONDAY));
            EventId id = eventId("spend-" + round);
            // either fits the welcome points alone, not both: the later one is refused for want of points, then answered by the id
            List<Redemption> payloads = List.of(new Redemption(id, member(m), MONDAY.plusSeconds(60), "VOUCHER-A", 60, null),
                    new Redemption(id, member(m), MONDAY.plusSeconds(60), "VOUCHER-B", 60, null));
            List<Supplier<Object>> tasks = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                Redemption redemption = payloads.get(t % 2);
                tasks.add(() -> engine.process(redemption));
            }

            List<Object> results = runConcurrently(tasks);

            StoredEvent recorded = store.findEvent(id).orElseThrow();
            int winner = results.get(0).equals(recorded.outcome()) ? 0 : 1;
            for (int t = 0; t < THREADS; t++) {
                if (t % 2 == winner) {
                    assertThat(results.get(t)).as("round %d, thread %d", round, t).isEqualTo(recorded.outcome());
                } else {
                    assertThat(results.get(t)).as("round %d, thread %d", round, t).isInstanceOf(EventConflictException.class);
                }
            }
            assertThat(store.ledger(member(m))).as("round %d", round).extracting(LedgerEntry::eventId).containsExactly(eventId("enrol-" + m), id);
            assertThat(store.balance(member(m))).as("round %d", round).isEqualTo(Points.of(JavaRules.WELCOME_POINTS - 60));
            assertThat(sumOfRemaining(store.lots(member(m)))).isEqualTo(store.balance(member(m)).value());
        }
    }

    @Test
    void shouldShowTheLinesLotsAndSummaryOfOneMomentWhenPurchasesLandWhileAStatementIsRead() {
        engine.process(enrolment("m-1", MONDAY));
        List<Outcome> landed = new ArrayList<>();
        Runnable purchaseLands = () -> landed.add(engine.process(purchase("p-" + landed.size(), "m-1", MONDAY.plusSeconds(60 + landed.size()), "3")));
        // another writer's purchase lands just before and just after the statement reads the ledger
        LoyaltyStore racing = (LoyaltyStore) Proxy.newProxyInstance(LoyaltyStore.class.getClassLoader(), new Class<?>[] {LoyaltyStore.class},
                (proxy, method, args) -> {
                    boolean ledger = method.getName().equals("ledger");
                    if (ledger) {
                        purchaseLands.run();
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    } finally {
                        if (ledger) {
                            purchaseLands.run();
                        }
                    }
                });

        Statement statement = Fixtures.engine(racing).statement(member("m-1"));

        assertThat(landed).hasSize(2);
        long lastRunningBalance = statement.lines().get(statement.lines().size() - 1).runningBalance();
        assertThat(sumOfRemaining(statement.lots())).isEqualTo(lastRunningBalance);
        assertThat(statement.summary().balance()).isEqualTo(Points.of(lastRunningBalance));
        assertThat(statement.lots()).extracting(Lot::id).containsExactlyElementsOf(
                statement.lines().stream().map(line -> line.entry().lotId()).toList());
    }

    @Test
    void shouldReplaceLotInPlaceWhenChangesCarryAnExistingLotId() {
        engine.process(enrolment("m-1", MONDAY));
        engine.process(purchase("p-1", "m-1", MONDAY.plusSeconds(60), "30"));

        StoredEvent spent = store.apply(member("m-1"), view -> debit(view, eventId("spend-1"), 120));

        assertThat(spent.outcome().points()).isEqualTo(Points.of(-120));
        assertThat(store.lots(member("m-1"))).extracting(Lot::id, Lot::points, Lot::remaining).containsExactly(
                org.assertj.core.groups.Tuple.tuple("enrol-m-1", 100L, 0L), org.assertj.core.groups.Tuple.tuple("p-1", 30L, 10L));
        assertThat(store.balance(member("m-1"))).isEqualTo(Points.of(10));
        assertThat(sumOfEntries(store.ledger(member("m-1")))).isEqualTo(10);
        assertThat(store.ledger(member("m-1"))).extracting(LedgerEntry::lotId).containsExactly("enrol-m-1", "p-1", "enrol-m-1", "p-1");
        assertThat(store.findEvent(eventId("spend-1"))).contains(spent);
    }

    @Test
    void shouldNeverOverspendWhenConcurrentWorkSpendsFromOneMember() throws Exception {
        engine.process(enrolment("m-1", MONDAY));
        for (int i = 1; i <= 9; i++) {
            engine.process(purchase("p-" + i, "m-1", MONDAY.plus(Duration.ofHours(i)), "100"));
        }
        assertThat(store.balance(member("m-1"))).isEqualTo(Points.of(1_000));
        List<Supplier<Object>> spends = new ArrayList<>();
        for (int i = 0; i < 320; i++) {
            EventId id = eventId("spend-" + i);
            spends.add(() -> store.apply(member("m-1"), view -> debit(view, id, 10)));
        }

        List<Object> results = runConcurrently(spends);

        assertThat(results).allSatisfy(r -> assertThat(r).isInstanceOfAny(StoredEvent.class, InsufficientPoints.class));
        assertThat(results).filteredOn(StoredEvent.class::isInstance).hasSize(100);
        assertThat(store.balance(member("m-1"))).isEqualTo(Points.ZERO);
        assertThat(sumOfEntries(store.ledger(member("m-1")))).isZero();
        assertThat(store.lots(member("m-1"))).extracting(Lot::remaining).containsOnly(0L);
        assertThat(store.ledger(member("m-1"))).extracting(LedgerEntry::sequence)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, store.ledger(member("m-1")).size()).mapToObj(n -> (long) n).toList());
    }

    @Test
    void shouldKeepEveryValueExactlyWhenUnusualValuesAreRecorded() {
        Instant enrolled = Instant.parse("1969-12-31T23:59:59.999999999Z");
        Instant occurred = Instant.parse("2026-03-02T10:00:00.123456789Z");
        Instant recorded = Instant.parse("2026-03-02T10:00:00.000000001Z");
        Instant expires = Instant.parse("2027-03-02T10:00:00.999999999Z");
        Member member = new Member(member("m-ü ✓ \uFFFD"), enrolled, "gold", MemberStatus.ACTIVE, LocalDate.of(1992, 2, 29), ZoneId.of("America/Argentina/ComodRivadavia"));
        EventId id = eventId("évènement/1 \"quoted\" 'single'");
        String longReason = "r".repeat(10_000);
        LedgerEntry entry = new LedgerEntry(member.id(), 1, id, EntryType.EARN, Points.of(Long.MAX_VALUE - 1), "lot ü", "RULE; DROP TABLE x; --",
                longReason, "v 🎁", occurred, recorded);
        Lot lot = new Lot("lot ü", member.id(), id, occurred, occurred.plusNanos(1), expires, Long.MAX_VALUE - 1, Long.MAX_VALUE - 1,
                new BigDecimal("12.50"), new BigDecimal("0.125"), 3, 7);
        Explanation explanation = new Explanation("", List.of(new Explanation.Step("A", "", 0, ""),
                new Explanation.Step("B \n", "b\nc", Long.MIN_VALUE, "détail"), new Explanation.Step("C", "c", -5, "x")));
        Outcome outcome = new Outcome(id, member.id(), "enrolment", Points.of(Long.MAX_VALUE - 1), Points.of(Long.MAX_VALUE - 1),
                List.of(entry), explanation, "v 🎁");
        StoredEvent event = new StoredEvent(id, member.id(), "f".repeat(64), outcome);

        store.apply(member.id(), view -> new MemberChanges(member, event, List.of(entry), List.of(lot)));

        assertThat(store.findEvent(id)).contains(event);
        assertThat(store.findMember(member.id())).contains(member);
        assertThat(store.ledger(member.id())).containsExactly(entry);
        assertThat(store.lots(member.id())).containsExactly(lot);
        assertThat(store.balance(member.id())).isEqualTo(Points.of(Long.MAX_VALUE - 1));
    }

    @Test
    void shouldSumEarnedPointsToTheNanosecondWhenEntriesAreCloseTogether() {
        engine.process(enrolment("m-1", MONDAY));
        Instant t = Instant.parse("2026-03-03T00:00:00Z");
        List<Instant> times = List.of(t.minusNanos(1), t, t.plusNanos(1), t.plusNanos(999), t.plusNanos(1_000), t.plusNanos(1_001));
        store.apply(member("m-1"), view -> {
            List<LedgerEntry> entries = new ArrayList<>();
            for (int i = 0; i < times.size(); i++) {
                entries.add(new LedgerEntry(member("m-1"), view.lastSequence() + 1 + i, eventId("close"), EntryType.EARN, Points.of(1L << i),
                        "close", "TEST", "close together", "test", times.get(i), Fixtures.NOW));
            }
            long total = (1L << times.size()) - 1;
            Outcome outcome = new Outcome(eventId("close"), member("m-1"), "purchase", Points.of(total), view.balance().plus(Points.of(total)),
                    entries, new Explanation("close", List.of()), "test");
            Lot lot = new Lot("close", member("m-1"), eventId("close"), t, null, null, total, total, null, null, 0, 0);
            return new MemberChanges(null, new StoredEvent(eventId("close"), member("m-1"), "0".repeat(64), outcome), entries, List.of(lot));
        });
        AtomicReference<List<Long>> seen = new AtomicReference<>();

        assertThatThrownBy(() -> store.apply(member("m-1"), view -> {
            seen.set(List.of(view.pointsEarnedBetween(t, t.plusNanos(1_000)),
                    view.pointsEarnedBetween(t.plusNanos(1), t.plusNanos(1_001)),
                    view.pointsEarnedBetween(t.minusNanos(1), t),
                    view.pointsEarnedBetween(t.plusNanos(999), t.plusNanos(1_002)),
                    view.pointsEarnedBetween(t, t)));
            throw new IllegalStateException("only looking");
        })).hasMessage("only looking");

        assertThat(seen.get()).containsExactly(2L + 4 + 8, 4L + 8 + 16, 1L, 8L + 16 + 32, 0L);
    }

    /** Thrown by {@link #debit} when the member has too few points; nothing is stored. */
    static final class InsufficientPoints extends RuntimeException {
        InsufficientPoints(String message) {
            super(message);
        }
    }

    /**
     * Spends points from the member's oldest lots, one negative entry per lot touched. The SPI
     * has no debit entry type yet, so the entries are typed {@link EntryType#EARN} with negative
     * points; what is tested is that the store applies a read-modify-write of lots atomically.
     */
    @Test
    void shouldKeepTierStateQualifyingDaysAndHistoryAcrossTransactions() {
        engine.process(enrolment("m-1", MONDAY));
        MemberId id = member("m-1");
        LocalDate day = LocalDate.of(2026, 3, 2);
        dev.loyalty.core.tier.TierState state = new dev.loyalty.core.tier.TierState("gold", LocalDate.of(2027, 1, 1),
                LocalDate.of(2027, 3, 31), "silver", "diamond", LocalDate.of(2026, 6, 1), 2);
        List<dev.loyalty.core.tier.TierChange> history = List.of(
                new dev.loyalty.core.tier.TierChange(id, 1, dev.loyalty.core.tier.TierChange.Kind.PROMOTION, "member", "gold", day,
                        MONDAY.plusNanos(7), eventId("p-1"), "spend of 1000.00 reached gold"),
                new dev.loyalty.core.tier.TierChange(id, 2, dev.loyalty.core.tier.TierChange.Kind.OVERRIDE, "gold", "diamond", day,
                        MONDAY.plusSeconds(1), null, "r".repeat(3_000)));
        List<dev.loyalty.core.spi.TierUpdate.QualifyingDay> days = List.of(
                new dev.loyalty.core.spi.TierUpdate.QualifyingDay(day, new dev.loyalty.core.tier.Qualifying(new BigDecimal("1000.00"), 1000, 1)),
                new dev.loyalty.core.spi.TierUpdate.QualifyingDay(day, new dev.loyalty.core.tier.Qualifying(new BigDecimal("-0.01"), -1, 0)),
                new dev.loyalty.core.spi.TierUpdate.QualifyingDay(day.plusDays(1),
                        new dev.loyalty.core.tier.Qualifying(new BigDecimal("5.5"), 5, 1)));

        store.apply(id, view -> new MemberChanges(null, null, List.of(), List.of(), List.of(), null,
                new dev.loyalty.core.spi.TierUpdate(state, days, history), List.of(), null));

        assertThat(store.tierHistory(id)).isEqualTo(history);
        store.apply(id, view -> {
            assertThat(view.tierState()).isEqualTo(state);
            dev.loyalty.core.tier.Qualifying both = view.qualifying(day, day.plusDays(1));
            assertThat(both.spend()).isEqualByComparingTo("1005.49");
            assertThat(both.points()).isEqualTo(1004);
            assertThat(both.purchases()).isEqualTo(2);
            assertThat(view.qualifying(day.plusDays(1), day.plusDays(400)).spend()).isEqualByComparingTo("5.5");
            assertThat(view.qualifying(day.minusDays(10), day.minusDays(1))).isEqualTo(dev.loyalty.core.tier.Qualifying.ZERO);
            assertThat(view.qualifying(day.plusDays(1), day)).isEqualTo(dev.loyalty.core.tier.Qualifying.ZERO);
            return new MemberChanges(null, null, List.of(), List.of());
        });
    }

    @Test
    void shouldFindWhatTheSingleLookUpFindsWhenLookingUpManyEventsAtOnce() {
        engine.process(enrolment("m-1", MONDAY));
        engine.process(enrolment("m-2", MONDAY));
        Purchase replayed = purchase("p-1", "m-1", MONDAY.plusSeconds(60), "12.50", "7.50");
        engine.process(replayed);
        engine.process(replayed);
        engine.process(purchase("p-2", "m-2", MONDAY.plusSeconds(60), "30"));
        engine.process(new Redemption(eventId("r-1"), member("m-1"), MONDAY.plusSeconds(120), "voucher", 110, null));
        engine.process(new ProfileChange(eventId("pc-1"), member("m-2"), MONDAY.plusSeconds(120), LocalDate.of(1980, 1, 1), null, null));
        List<EventId> recorded = Stream.of("enrol-m-1", "p-1", "r-1", "enrol-m-2", "p-2", "pc-1").map(Fixtures::eventId).toList();
        // more ids than a database store binds to one query, recorded ones among the first and the last of them, one id twice
        List<EventId> asked = new ArrayList<>(recorded.subList(0, 3));
        IntStream.range(0, 1_300).forEach(i -> asked.add(eventId("missing-" + i)));
        asked.addAll(recorded.subList(3, 6));
        asked.add(eventId("p-1"));
        Map<EventId, StoredEvent> expected = new HashMap<>();
        recorded.forEach(id -> expected.put(id, store.findEvent(id).orElseThrow()));

        Map<EventId, StoredEvent> found = store.findEvents(asked);

        assertThat(found).isEqualTo(expected);
        assertThat(found.get(eventId("p-1")).outcome().explanation().steps()).isNotEmpty();
        assertThat(found.get(eventId("r-1")).outcome().entries()).isNotEmpty();
        assertThat(store.findEvents(List.of(eventId("missing-1")))).isEmpty();
        assertThat(store.findEvents(List.of())).isEmpty();
    }

    @Test
    void shouldReadWhatTheSingleLookUpsReadWhenReadingManyMembersAtOnce() {
        engine.process(enrolment("m-1", MONDAY).withTier("silver").withZone(ZoneId.of("Europe/London")));
        engine.process(enrolment("m-2", MONDAY));
        engine.process(purchase("p-1", "m-1", MONDAY.plusSeconds(60), "30"));
        // more ids than a database store binds to one query, members among the first and the last of them, one id twice
        List<MemberId> asked = new ArrayList<>(List.of(member("m-1")));
        IntStream.range(0, 1_200).forEach(i -> asked.add(member("ghost-" + i)));
        asked.add(member("m-2"));
        asked.add(member("m-1"));
        Map<MemberId, MemberSnapshot> expected = new HashMap<>();
        for (MemberId id : asked) {
            expected.put(id, new MemberSnapshot(id, store.findMember(id).orElse(null), store.balance(id), store.segment(id).orElse(null)));
        }

        Map<MemberId, MemberSnapshot> withSegments = store.memberSnapshots(asked, true);
        Map<MemberId, MemberSnapshot> without = store.memberSnapshots(asked, false);

        assertThat(withSegments).isEqualTo(expected).isEqualTo(without);
        assertThat(withSegments.get(member("m-1")).balance()).isEqualTo(Points.of(130));
        assertThat(withSegments.get(member("m-1")).memberIfEnrolled()).isEqualTo(store.findMember(member("m-1"))).isPresent();
        assertThat(withSegments.get(member("ghost-0"))).isEqualTo(MemberSnapshot.notEnrolled(member("ghost-0")));
        assertThat(store.memberSnapshots(List.of(), true)).isEmpty();
    }

    @Test
    void shouldRefuseANullIdWhenLookingUpManyAtOnce() {
        assertThatThrownBy(() -> store.findEvents(Arrays.asList(eventId("p-1"), null))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("eventIds");
        assertThatThrownBy(() -> store.memberSnapshots(null, false)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("memberIds");
    }

    @Test
    void shouldAnswerAnEmptyTierHistoryForAnUnknownMember() {
        assertThat(store.tierHistory(member("nobody"))).isEmpty();
    }

    @Test
    void shouldKeepEventsAtTheEdgesOfTheAcceptedInstantsAndAmountsExactlyAndReplayThem() {
        // the last instant an event may have, in a zone where its date is in the year 10000: the lot expires in it; the
        // largest purchase amount, and a return of the smallest; then the first instant, in a zone where it is 1899
        Instant last = Instant.parse("9999-12-31T23:59:59.999999999Z");
        String largest = "999999999999999999.999999999999";
        LoyaltyEngine late = edgeEngine(last, largest);
        Enrolment lateEnrolment = Enrolment.of(eventId("enrol-late"), member("late"), last).withZone(ZoneOffset.ofHours(14))
                .withBirthday(LocalDate.of(2000, 2, 29));
        Purchase latePurchase = Purchase.builder(eventId("p-late"), member("late"), last).line("SKU-1", "general", 1, Fixtures.gbp(largest))
                .build();
        Return lateReturn = new Return(eventId("r-late"), member("late"), last, eventId("p-late"), Fixtures.gbp("0.000000000001"));
        Instant first = Instant.parse("1900-01-01T00:00:00.000000001Z");
        LoyaltyEngine early = edgeEngine(first, largest);
        Enrolment earlyEnrolment = Enrolment.of(eventId("enrol-early"), member("early"), first).withZone(ZoneId.of("UTC-12:00"))
                .withBirthday(LocalDate.of(1900, 1, 1));
        Purchase earlyPurchase = purchase("p-early", "early", first, "0.000000000001");

        List<Outcome> outcomes = List.of(late.process(lateEnrolment), late.process(latePurchase), late.process(lateReturn),
                early.process(earlyEnrolment), early.process(earlyPurchase));

        assertThat(List.of(late.process(lateEnrolment), late.process(latePurchase), late.process(lateReturn),
                early.process(earlyEnrolment), early.process(earlyPurchase))).isEqualTo(outcomes);
        for (Outcome outcome : outcomes) {
            assertThat(store.findEvent(outcome.eventId())).map(StoredEvent::outcome).contains(outcome);
        }
        assertThat(store.findEvents(outcomes.stream().map(Outcome::eventId).toList()).values()).extracting(StoredEvent::outcome)
                .containsExactlyInAnyOrderElementsOf(outcomes);
        assertThat(store.findMember(member("late"))).contains(new Member(member("late"), last, "member", MemberStatus.ACTIVE,
                LocalDate.of(2000, 2, 29), ZoneOffset.ofHours(14)));
        assertThat(store.findMember(member("early"))).contains(new Member(member("early"), first, "member", MemberStatus.ACTIVE,
                LocalDate.of(1900, 1, 1), ZoneId.of("UTC-12:00")));
        Lot lot = store.lots(member("late")).stream().filter(l -> l.id().equals("p-late")).findFirst().orElseThrow();
        assertThat(lot.earnedAt()).isEqualTo(last);
        assertThat(lot.expiresAt()).isEqualTo(Instant.parse("+10000-12-31T23:59:59.999999999Z"));
        assertThat(lot.sourceAmount()).isEqualTo(new BigDecimal(largest));
        assertThat(lot.returnedAmount()).isEqualTo(new BigDecimal("0.000000000001"));
        Lot small = store.lots(member("early")).stream().filter(l -> l.id().equals("p-early")).findFirst().orElseThrow();
        assertThat(small.earnedAt()).isEqualTo(first);
        assertThat(small.expiresAt()).isEqualTo(Instant.parse("1901-01-01T00:00:00.000000001Z"));
        assertThat(small.sourceAmount()).isEqualTo(new BigDecimal("0.000000000001"));
        assertThat(store.ledger(member("late"))).extracting(LedgerEntry::occurredAt).containsOnly(last);
        assertThat(store.ledger(member("early"))).extracting(LedgerEntry::occurredAt).containsOnly(first);
    }

    @Test
    void shouldKeepEventIdsOf128CharactersBeyondTheBasicPlaneAndWithQuotesBracesAndCommasAndFindThemInBatches() {
        // 128 UTF-16 units, the limit every store counts (a database column holding 128 characters keeps the 124 code
        // points), and an id holding what an array literal quotes or escapes, looked up with others in one query
        String longest = "\u00E9".repeat(120) + "\uD83C\uDF81".repeat(4);
        String quoted = "p \"q\" \\ {a,b} NULL '\uD83C\uDF81'";
        assertThat(longest).hasSize(128);
        assertThatThrownBy(() -> eventId(longest + "x")).isInstanceOf(InvalidInputException.class).hasMessageContaining("129 characters");
        engine.process(enrolment("m-1", MONDAY));
        Purchase one = purchase(longest, "m-1", MONDAY.plusSeconds(60), "12.50");
        Purchase two = purchase(quoted, "m-1", MONDAY.plusSeconds(120), "7.50");
        Outcome firstOne = engine.process(one);
        Outcome firstTwo = engine.process(two);

        assertThat(engine.process(one)).isEqualTo(firstOne);
        assertThat(engine.process(two)).isEqualTo(firstTwo);
        Map<EventId, StoredEvent> found = store.findEvents(List.of(eventId("NULL"), eventId(longest), eventId(quoted), eventId("p")));
        assertThat(found).containsOnlyKeys(eventId(longest), eventId(quoted));
        assertThat(found.get(eventId(longest)).outcome()).isEqualTo(firstOne);
        assertThat(found.get(eventId(quoted)).outcome()).isEqualTo(firstTwo);
        assertThat(store.ledger(member("m-1"))).extracting(LedgerEntry::eventId)
                .containsExactly(eventId("enrol-m-1"), eventId(longest), eventId(quoted));
        assertThat(store.lots(member("m-1"))).extracting(Lot::id).containsExactly("enrol-m-1", longest, quoted);
    }

    @Test
    void shouldKeepEveryKindOfZoneAsGivenWhenEnrolledAndChanged() {
        // offsets (one with seconds), offsets after a prefix, fixed and historical regions: each read back as the same ZoneId
        List<ZoneId> zones = List.of(ZoneOffset.of("+05:30"), ZoneOffset.of("-09:30:15"), ZoneOffset.UTC, ZoneId.of("UTC+05:30"),
                ZoneId.of("GMT-03:00"), ZoneId.of("UT"), ZoneId.of("Etc/GMT+12"), ZoneId.of("Asia/Kolkata"), ZoneId.of("Pacific/Kiritimati"));
        for (int i = 0; i < zones.size(); i++) {
            engine.process(enrolment("z-" + i, MONDAY).withZone(zones.get(i)));
            assertThat(store.findMember(member("z-" + i))).map(Member::zone).as("member z-%d enrolled", i).contains(zones.get(i));
        }
        for (int i = 0; i < zones.size(); i++) {
            engine.process(new ProfileChange(eventId("pc-z-" + i), member("z-" + (zones.size() - 1 - i)), MONDAY.plusSeconds(60), null,
                    zones.get(i), null));
        }

        for (int i = 0; i < zones.size(); i++) {
            ZoneId expected = zones.get(zones.size() - 1 - i);
            assertThat(store.findMember(member("z-" + i))).map(Member::zone).as("member z-%d", i).contains(expected);
            assertThat(store.memberSnapshots(List.of(member("z-" + i)), false).get(member("z-" + i)).memberIfEnrolled())
                    .map(Member::zone).contains(expected);
        }
    }

    private LoyaltyEngine edgeEngine(Instant at, String maxAmount) {
        ProgramSettings program = ProgramSettings.builder().currency(Fixtures.CURRENCY).expiry(ExpiryPolicy.rollingMonths(12))
                .maxPurchaseAmount(new BigDecimal(maxAmount)).build();
        return LoyaltyEngine.builder().program(program).clock(Clock.fixed(at, ZoneOffset.UTC)).store(store).ruleEngine(JavaRules.simplePack())
                .build();
    }

    private static MemberChanges debit(dev.loyalty.core.spi.MemberView view, EventId eventId, long points) {
        Member member = view.member().orElseThrow();
        if (view.balance().value() < points) {
            throw new InsufficientPoints("member " + member.id() + " has " + view.balance() + " points, " + points + " wanted");
        }
        List<LedgerEntry> entries = new ArrayList<>();
        List<Lot> lots = new ArrayList<>();
        long left = points;
        long sequence = view.lastSequence();
        for (Lot lot : view.lots()) {
            if (left == 0) {
                break;
            }
            long take = Math.min(left, lot.remaining());
            if (take == 0) {
                continue;
            }
            left -= take;
            lots.add(lot.withRemaining(lot.remaining() - take));
            entries.add(new LedgerEntry(member.id(), ++sequence, eventId, EntryType.REDEEM, Points.of(-take), lot.id(), "TEST-SPEND",
                    "spent", "test", MONDAY, Fixtures.NOW));
        }
        Outcome outcome = new Outcome(eventId, member.id(), "redemption", Points.of(-points), view.balance().minus(Points.of(points)),
                entries, new Explanation("spend " + points, List.of()), "test");
        return new MemberChanges(null, new StoredEvent(eventId, member.id(), "0".repeat(64), outcome), entries, lots);
    }

    /**
     * Runs the tasks on {@link #THREADS} threads that start together, and returns each task's
     * result or the exception it threw, in task order.
     *
     * @param tasks the tasks
     * @return the results, one per task
     * @throws Exception when a worker cannot be run or does not end within a minute (a hang guard, not a timing)
     */
    protected static List<Object> runConcurrently(List<Supplier<Object>> tasks) throws Exception {
        return Fixtures.runConcurrently(tasks, THREADS, Duration.ofMinutes(1));
    }

    private static Map<EventId, List<Object>> entriesByEvent(List<LedgerEntry> entries) {
        Map<EventId, List<Object>> byEvent = new TreeMap<>(java.util.Comparator.comparing(EventId::value));
        for (LedgerEntry e : entries) {
            byEvent.computeIfAbsent(e.eventId(), id -> new ArrayList<>())
                    .add(List.of(e.type(), e.points(), e.lotId(), e.rule(), e.reason(), e.ruleSetVersion(), e.occurredAt(), e.recordedAt()));
        }
        return byEvent;
    }

    private static List<Member> allMembers(LoyaltyStore store) {
        List<Member> members = new ArrayList<>();
        store.forEachMember(members::add);
        return members;
    }

    /** Spoils a member's own changes, given the member's view and another enrolled member. */
    private interface Spoiler {
        MemberChanges spoil(MemberView view, MemberChanges own, Member other);
    }

    /**
     * Enrols m-1 and m-2, applies to m-1 its own earning event {@code e-x} as the spoiler changes it, and asserts the
     * refusal, its message ({@code event e-x of member m-1} and the problem, which may name m-2's member record) and
     * that nothing was written for either member.
     */
    private void assertRefusedSpoiled(Spoiler spoiler, Function<Member, String> problem) {
        engine.process(enrolment("m-1", MONDAY));
        engine.process(enrolment("m-2", MONDAY));
        Object before = snapshot(store, "m-1", "m-2");
        Member other = store.findMember(member("m-2")).orElseThrow();

        assertThatThrownBy(() -> store.apply(member("m-1"), view -> spoiler.spoil(view, earningOf(view, "e-x"), other)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("event e-x of member m-1" + problem.apply(other));
        assertNothingWritten("e-x", before, "m-1", "m-2");
    }

    /** {@link Fixtures#earning} of 5 points for the view's member, continuing its ledger. */
    private static MemberChanges earningOf(MemberView view, String eventId) {
        return Fixtures.earning(view.member().orElseThrow(), eventId(eventId), view.lastSequence() + 1, 5);
    }

    /** Asserts that a refused event left no trace: not recorded, and the members' state as before. */
    private void assertNothingWritten(String eventId, Object before, String... memberIds) {
        assertThat(store.findEvent(eventId(eventId))).isEmpty();
        assertThat(snapshot(store, memberIds)).isEqualTo(before);
    }

    private static Object snapshot(LoyaltyStore store, String... memberIds) {
        List<Object> state = new ArrayList<>();
        for (String id : memberIds) {
            MemberId m = member(id);
            state.add(List.of(store.findMember(m), store.balance(m), store.ledger(m), store.lots(m), store.returns(m)));
        }
        state.add(allMembers(store));
        return state;
    }
}
