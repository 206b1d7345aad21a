package dev.loyalty.core.testing;

import static dev.loyalty.core.testing.Fixtures.MONDAY;
import static dev.loyalty.core.testing.Fixtures.enrolment;
import static dev.loyalty.core.testing.Fixtures.member;
import static dev.loyalty.core.testing.Fixtures.purchase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.core.InvalidInputException;
import dev.loyalty.core.LoyaltyEngine;
import dev.loyalty.core.UnknownMemberException;
import dev.loyalty.core.insight.Insights;
import dev.loyalty.core.event.Enrolment;
import dev.loyalty.core.event.ProfileChange;
import dev.loyalty.core.event.Return;
import dev.loyalty.core.insight.KpiSettings;
import dev.loyalty.core.insight.MemberRfm;
import dev.loyalty.core.insight.ProgramKpis;
import dev.loyalty.core.insight.RfmSettings;
import dev.loyalty.core.insight.RfmThresholds;
import dev.loyalty.core.insight.Segment;
import dev.loyalty.core.model.Member;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.MemberSegment;
import dev.loyalty.core.model.MemberStatus;
import dev.loyalty.core.spi.Evaluation;
import dev.loyalty.core.spi.LoyaltyStore;
import dev.loyalty.core.spi.MemberChanges;
import dev.loyalty.core.spi.MemberSnapshot;
import dev.loyalty.core.spi.RuleContext;
import dev.loyalty.core.spi.RuleEngine;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The member segments every {@link LoyaltyStore} keeps: saved all or nothing, replaced by a new
 * run, read back by id and inside a member's transaction, where the event path hands them to
 * the rules; and the analytics, which read members, lots and ledgers, give the same results on
 * every store. A store's test extends this class and implements {@link #newStore()}, which must
 * return an empty store independent of the others.
 */
public abstract class SegmentStoreContract {

    private static final LocalDate RUN_DAY = LocalDate.of(2026, 3, 31);

    private LoyaltyStore store;

    /** Creates the contract test; subclasses implement {@link #newStore()}. */
    protected SegmentStoreContract() {
    }

    /**
     * Returns a new, empty store, independent of every store returned before.
     *
     * @return the store under test
     */
    protected abstract LoyaltyStore newStore();

    /** Creates the store. */
    @BeforeEach
    void createStore() {
        store = newStore();
    }

    @Test
    void shouldReadBackTheSegmentWhenSaved() {
        enrol("m-1");
        MemberSegment segment = new MemberSegment(member("m-1"), "vip", 5, 4, 3, RUN_DAY);

        store.saveSegments(List.of(segment));

        assertThat(store.segment(member("m-1"))).contains(segment);
    }

    @Test
    void shouldReturnNoSegmentWhenMemberWasNeverScored() {
        enrol("m-1");

        assertThat(store.segment(member("m-1"))).isEmpty();
        assertThat(store.segment(member("nobody"))).isEmpty();
    }

    @Test
    void shouldReadTheStoredSegmentsWithTheMembersOnlyWhenAskedFor() {
        enrol("m-1");
        enrol("m-2");
        MemberSegment segment = new MemberSegment(member("m-1"), "vip", 5, 4, 3, RUN_DAY);
        store.saveSegments(List.of(segment));
        List<MemberId> asked = List.of(member("m-1"), member("m-2"), member("ghost"));

        Map<MemberId, MemberSnapshot> with = store.memberSnapshots(asked, true);
        Map<MemberId, MemberSnapshot> without = store.memberSnapshots(asked, false);

        assertThat(Optional.ofNullable(with.get(member("m-1")).segment())).isEqualTo(store.segment(member("m-1"))).contains(segment);
        assertThat(with.get(member("m-2")).segment()).isNull();
        assertThat(with.get(member("ghost"))).isEqualTo(MemberSnapshot.notEnrolled(member("ghost")));
        assertThat(without.get(member("m-1"))).isEqualTo(new MemberSnapshot(member("m-1"), store.findMember(member("m-1")).orElseThrow(),
                store.balance(member("m-1")), null));
        assertThat(without.keySet()).containsExactlyInAnyOrderElementsOf(asked);
    }

    @Test
    void shouldReplaceTheEarlierSegmentWhenARunSavesAgain() {
        enrol("m-1");
        store.saveSegments(List.of(new MemberSegment(member("m-1"), "vip", 5, 5, 5, RUN_DAY)));
        MemberSegment later = new MemberSegment(member("m-1"), "at_risk", 1, 4, 4, RUN_DAY.plusDays(30));

        store.saveSegments(List.of(later));

        assertThat(store.segment(member("m-1"))).contains(later);
    }

    @Test
    void shouldSaveNothingWhenAMemberOfTheBatchIsNotEnrolled() {
        enrol("m-1");
        List<MemberSegment> batch = List.of(new MemberSegment(member("m-1"), "vip", 5, 5, 5, RUN_DAY),
                new MemberSegment(member("ghost"), "ordinary", 3, 3, 3, RUN_DAY));

        assertThatThrownBy(() -> store.saveSegments(batch)).isInstanceOf(UnknownMemberException.class).hasMessageContaining("ghost");
        assertThat(store.segment(member("m-1"))).isEmpty();
        assertThat(store.segment(member("ghost"))).isEmpty();
    }

    @Test
    void shouldRefuseASegmentScoredOnADateNoStoreKeepsAndKeepTheStoredOne() {
        // PostgreSQL keeps no date before 4714 BC nor after 5874897 AD (its driver sends LocalDate.MAX and MIN as
        // infinity), H2 keeps them all, the in-memory store kept any
        enrol("m-1");
        MemberSegment stored = new MemberSegment(member("m-1"), "vip", 5, 5, 5, RUN_DAY);
        store.saveSegments(List.of(stored));

        for (LocalDate scoredOn : List.of(LocalDate.of(6_000_000, 1, 1), LocalDate.of(-5_000, 1, 1), LocalDate.MAX, LocalDate.MIN,
                LocalDate.of(1899, 12, 31), LocalDate.of(10_000, 1, 1))) {
            assertThatThrownBy(() -> store.saveSegments(List.of(new MemberSegment(member("m-1"), "ordinary", 1, 1, 1, scoredOn))))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageStartingWith("segment.scoredOn " + scoredOn + " is outside the accepted range, 1900-01-01 to 9999-12-31");
            assertThatThrownBy(() -> Insights.of(store, Fixtures.program()).segmentAndStore(RfmSettings.builder(scoredOn).build()))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageStartingWith("rfm.asOf " + scoredOn + " is outside the accepted range, 1900-01-01 to 9999-12-31");
        }

        assertThat(store.segment(member("m-1"))).contains(stored);
        LocalDate last = LocalDate.of(9999, 12, 31);
        MemberSegment latest = new MemberSegment(member("m-1"), "ordinary", 1, 1, 1, last);
        store.saveSegments(List.of(latest));
        assertThat(store.segment(member("m-1"))).contains(latest);
    }

    @Test
    void shouldSaveEveryMemberWhenABatchIsLargerThanTheStoresOwnBatches() {
        List<MemberSegment> segments = new ArrayList<>();
        for (int i = 0; i < 1_234; i++) {
            String id = String.format("m-%05d", i);
            enrol(id);
            segments.add(new MemberSegment(member(id), i % 2 == 0 ? "potential" : "ordinary", i % 6, 1 + i % 5, 1 + i % 3, RUN_DAY));
        }

        store.saveSegments(segments);

        assertThat(IntStream.of(0, 499, 500, 1_233).mapToObj(i -> store.segment(segments.get(i).memberId())))
                .containsExactly(Optional.of(segments.get(0)), Optional.of(segments.get(499)), Optional.of(segments.get(500)),
                        Optional.of(segments.get(1_233)));
    }

    @Test
    void shouldShowTheSegmentToWorkWhenApplying() {
        enrol("m-1");
        MemberSegment segment = new MemberSegment(member("m-1"), "potential", 4, 2, 2, RUN_DAY);
        store.saveSegments(List.of(segment));
        List<Optional<MemberSegment>> seen = new ArrayList<>();

        store.apply(member("m-1"), view -> {
            seen.add(view.segment());
            return new MemberChanges(null, null, List.of(), List.of());
        });

        assertThat(seen).containsExactly(Optional.of(segment));
    }

    @Test
    void shouldHandTheStoredSegmentToTheRulesWhenAScoredMemberBuys() {
        List<RuleContext> contexts = new CopyOnWriteArrayList<>();
        LoyaltyEngine engine = Fixtures.engine(store, recording(contexts));
        engine.process(enrolment("m-1", MONDAY));
        MemberSegment segment = new MemberSegment(member("m-1"), "potential", 4, 2, 2, RUN_DAY);
        store.saveSegments(List.of(segment));

        engine.process(purchase("p-1", "m-1", MONDAY.plus(Duration.ofDays(1)), "10"));
        engine.processAll(List.of(purchase("p-2", "m-1", MONDAY.plus(Duration.ofDays(2)), "10")));

        assertThat(contexts).extracting(RuleContext::segment).containsExactly(null, segment, segment);
    }

    @Test
    void shouldStoreEveryMembersSegmentWhenASegmentationRunStores() {
        LoyaltyEngine engine = Fixtures.engine(store);
        engine.process(enrolment("buyer", MONDAY));
        engine.process(enrolment("sleeper", MONDAY));
        engine.process(purchase("p-1", "buyer", MONDAY.plus(Duration.ofDays(1)), "10"));

        RfmThresholds thresholds = new RfmThresholds(List.of(7, 14, 30, 60), List.of(2L, 3L, 4L, 5L),
                List.of(new BigDecimal("20"), new BigDecimal("50"), new BigDecimal("100"), new BigDecimal("200")));

        Insights.of(store, Fixtures.program()).segmentAndStore(RfmSettings.builder(LocalDate.of(2026, 3, 10)).thresholds(thresholds).build());

        assertThat(store.segment(member("buyer"))).contains(new MemberSegment(member("buyer"), Segment.POTENTIAL.code(), 5, 1, 1,
                LocalDate.of(2026, 3, 10)));
        assertThat(store.segment(member("sleeper"))).contains(new MemberSegment(member("sleeper"), "dormant", 0, 0, 0,
                LocalDate.of(2026, 3, 10)));
    }

    @Test
    void shouldNotTakeAReturnMadeAfterTheRunsDateOffTheSpendScoredAsOfIt() {
        LoyaltyEngine engine = memberWhoBoughtOneHundred();
        // 00:30 on 11 March in the program's zone (UTC): the day after the run's date
        engine.process(returnOfP1("r-1", "2026-03-11T00:30:00Z", "40"));

        assertThat(monetaryAsOf(LocalDate.of(2026, 3, 10))).isEqualByComparingTo("100");
    }

    @Test
    void shouldTakeAReturnMadeOnTheRunsDateOffTheSpendScoredAsOfIt() {
        LoyaltyEngine engine = memberWhoBoughtOneHundred();
        engine.process(returnOfP1("r-1", "2026-03-10T23:30:00Z", "40"));

        assertThat(monetaryAsOf(LocalDate.of(2026, 3, 10))).isEqualByComparingTo("60");
    }

    @Test
    void shouldDateAReturnInTheMembersZoneWhenScoringAsOfADate() {
        LoyaltyEngine engine = Fixtures.engine(store);
        engine.process(new Enrolment(Fixtures.eventId("enrol-m-1"), member("m-1"), MONDAY, null, ZoneId.of("America/New_York"), null, null));
        engine.process(purchase("p-1", "m-1", MONDAY.plus(Duration.ofDays(1)), "100"));
        // 11 March in UTC, the program's zone, but 22:00 on 10 March in New York, the member's
        engine.process(returnOfP1("r-1", "2026-03-11T03:00:00Z", "40"));

        assertThat(monetaryAsOf(LocalDate.of(2026, 3, 10))).isEqualByComparingTo("60");
    }

    @Test
    void shouldDateAReturnInTheZoneTheMemberMovedToAfterItLikeThePurchasesWhenScoringAsOfADate() {
        LoyaltyEngine engine = memberWhoBoughtOneHundred();
        // 11 March in UTC, the zone the member had when returning, but 22:00 on 10 March in New York, where the member moves next
        engine.process(returnOfP1("r-1", "2026-03-11T03:00:00Z", "40"));
        engine.process(new ProfileChange(Fixtures.eventId("move-1"), member("m-1"), Instant.parse("2026-03-11T04:00:00Z"), null,
                ZoneId.of("America/New_York"), null));

        assertThat(monetaryAsOf(LocalDate.of(2026, 3, 10))).isEqualByComparingTo("60");
    }

    @Test
    void shouldTakeOnlyTheReturnsMadeByTheRunsDateOffTheSpendScoredAsOfIt() {
        LoyaltyEngine engine = memberWhoBoughtOneHundred();
        engine.process(returnOfP1("r-1", "2026-03-05T12:00:00Z", "10"));
        engine.process(returnOfP1("r-2", "2026-03-12T12:00:00Z", "30"));

        assertThat(List.of(monetaryAsOf(LocalDate.of(2026, 3, 4)), monetaryAsOf(LocalDate.of(2026, 3, 10)), monetaryAsOf(LocalDate.of(2026, 3, 12))))
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("100"), new BigDecimal("90"), new BigDecimal("60"));
    }

    @Test
    void shouldComputeKpisFromWhatTheStoreHolds() {
        LoyaltyEngine engine = Fixtures.engine(store);
        engine.process(enrolment("m-1", MONDAY));
        engine.process(purchase("p-1", "m-1", MONDAY.plus(Duration.ofDays(1)), "10", "5"));   // a Tuesday: 15 points
        engine.process(enrolment("m-2", MONDAY.plus(Duration.ofDays(2))));

        ProgramKpis kpis = Insights.of(store, Fixtures.program()).kpis(KpiSettings.builder(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1))
                .build());

        assertThat(List.of(kpis.members(), kpis.newMembers(), kpis.activeMembers())).containsExactly(2L, 2L, 1L);
        assertThat(kpis.pointsIssued()).isEqualTo(JavaRules.WELCOME_POINTS * 2 + 15);
        assertThat(kpis.liabilityPoints()).isEqualTo(store.balance(member("m-1")).value() + store.balance(member("m-2")).value())
                .isEqualTo(JavaRules.WELCOME_POINTS * 2 + 15);
    }

    /** An engine on the store whose member m-1 enrolled on Monday and bought p-1 for 100 the day after. */
    private LoyaltyEngine memberWhoBoughtOneHundred() {
        LoyaltyEngine engine = Fixtures.engine(store);
        engine.process(enrolment("m-1", MONDAY));
        engine.process(purchase("p-1", "m-1", MONDAY.plus(Duration.ofDays(1)), "100"));
        return engine;
    }

    /** Member m-1's return of an amount of purchase p-1 at an instant. */
    private static Return returnOfP1(String id, String at, String amount) {
        return new Return(Fixtures.eventId(id), member("m-1"), Instant.parse(at), Fixtures.eventId("p-1"), Fixtures.gbp(amount));
    }

    /** The monetary value of member m-1 scored as of a date, with fixed thresholds. */
    private BigDecimal monetaryAsOf(LocalDate asOf) {
        RfmThresholds thresholds = new RfmThresholds(List.of(7, 14, 30, 60), List.of(2L, 3L, 4L, 5L),
                List.of(new BigDecimal("20"), new BigDecimal("50"), new BigDecimal("100"), new BigDecimal("200")));
        List<MemberRfm> results = new ArrayList<>();
        Insights.of(store, Fixtures.program()).segment(RfmSettings.builder(asOf).thresholds(thresholds).build(), results::add);
        return results.stream().filter(rfm -> rfm.memberId().equals(member("m-1"))).findFirst().orElseThrow().monetary();
    }

    private void enrol(String id) {
        MemberId memberId = member(id);
        Member member = new Member(memberId, MONDAY, "member", MemberStatus.ACTIVE, null, null);
        store.apply(memberId, view -> new MemberChanges(member, null, List.of(), List.of()));
    }

    /** Rules that propose nothing and record every context they see. */
    private static RuleEngine recording(List<RuleContext> contexts) {
        return new RuleEngine() {
            @Override
            public String version() {
                return "recording";
            }

            @Override
            public Evaluation evaluate(RuleContext context) {
                contexts.add(context);
                return new Evaluation("recording", List.of());
            }
        };
    }
}
