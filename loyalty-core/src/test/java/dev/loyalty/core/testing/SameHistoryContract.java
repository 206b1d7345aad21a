package dev.loyalty.core.testing;

import static dev.loyalty.core.testing.EngineAnswers.answer;
import static dev.loyalty.core.testing.EngineAnswers.describe;
import static dev.loyalty.core.testing.EngineAnswers.results;
import static dev.loyalty.core.testing.EngineAnswers.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.loyalty.core.EventResult;
import dev.loyalty.core.LoyaltyEngine;
import dev.loyalty.core.ProgramSettings;
import dev.loyalty.core.SweepReport;
import dev.loyalty.core.SweepRequest;
import dev.loyalty.core.event.Enrolment;
import dev.loyalty.core.insight.Insights;
import dev.loyalty.core.insight.KpiSettings;
import dev.loyalty.core.insight.RfmSettings;
import dev.loyalty.core.event.HoldCapture;
import dev.loyalty.core.event.HoldVoid;
import dev.loyalty.core.event.LoyaltyEvent;
import dev.loyalty.core.event.OfferRedemption;
import dev.loyalty.core.event.PointsHold;
import dev.loyalty.core.event.ProfileChange;
import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.event.Redemption;
import dev.loyalty.core.event.Return;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.MemberStatus;
import dev.loyalty.core.model.Money;
import dev.loyalty.core.model.Offer;
import dev.loyalty.core.ClawbackPolicy;
import dev.loyalty.core.ExpiryPolicy;
import dev.loyalty.core.spi.LoyaltyStore;
import dev.loyalty.core.spi.RuleEngine;
import dev.loyalty.core.store.InMemoryStore;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The same random history on two engines, one over an {@link InMemoryStore} (the reference) and
 * one over the store under test, must give the same answers: every outcome (points, balance,
 * entries, explanation text), every refusal (exception type and message), every sweep report and
 * batch result, and at the end the same members, balances, ledgers, lots, return histories, holds, tiers, tier
 * histories, offers, referrals, points summaries, statements and campaign budget. The histories
 * mix enrolments (with birthdays, zones, referral codes and shared identity fingerprints),
 * purchases of several lines, linked and unlinked returns, redemptions, holds captured, voided and
 * lapsing, profile changes, offer redemptions, replays, conflicting ids, events of unknown
 * members, batches through {@code processAll}, sweeps (on the tested store whole, in two
 * partitions or checkpointed), tier overrides, referral settlement, and RFM segments scored and
 * stored (a rule reads them) with the KPIs compared, under a program with a return window, expiry,
 * a daily cap, a campaign budget, a tier ladder, a segment campaign and the birthday and win-back
 * offers; they start on days spread over three years, members live in four zones, so year ends, a
 * leap day and DST changes fall inside some, and one event in five arrives late, dated up to a
 * week back. A second test hands the tested engine the events in batches through
 * {@code processAll} while the reference takes them one by one; a third writes several members at
 * once, each on a thread of its own, with rules and events that never write to another member than
 * the event's.
 *
 * <p>A store's test extends this class and implements {@link #newStore()}, which is called once
 * per history.
 */
public abstract class SameHistoryContract {

    /** Histories start on a day within three years after this one (the first step picks it). */
    private static final Instant EARLIEST_START = Instant.parse("2026-01-12T10:00:00Z");
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("Europe/London"), ZoneId.of("America/New_York"),
            ZoneId.of("Pacific/Kiritimati"), ZoneId.of("UTC"));
    private static final List<String> CATEGORIES = List.of("home", "garden", "service", "gifts");
    private static final int MEMBERS = 4;
    private static final int KINDS = 23;
    private static final List<String> FINGERPRINTS = List.of("card:1", "card:2", "phone:3");

    /**
     * Returns a new, empty store of the kind under test.
     *
     * @return the store
     */
    protected abstract LoyaltyStore newStore();

    /**
     * Returns how many histories each test runs; 40 by default, as many as a database store runs
     * in a few seconds. A store that runs them faster should run more: rare mixes, such as a
     * promotion inside a batch followed by another purchase of the same member, need hundreds.
     *
     * @return the number of histories
     */
    protected int histories() {
        return 40;
    }

    /**
     * Returns the rules both engines run; by default plain-Java ones ({@link LadderedRules}: the
     * simple pack with offers, a campaign budget, referral rewards, a spend ladder and a segment
     * campaign). A rule engine's own test may pass its rules here, with the in-memory store, to
     * check its batches.
     *
     * @return the rules, shared by the two engines of a history
     */
    protected RuleEngine rules() {
        return new LadderedRules(true);
    }

    /**
     * Returns the rules of the concurrent test, whose members are written at once: rules that never
     * write to a member other than the event's; by default {@link LadderedRules} without the campaign
     * budget all members draw on.
     *
     * @return the rules, shared by the two engines of a history
     */
    protected RuleEngine concurrentRules() {
        return new LadderedRules(false);
    }

    /** Called after each history, to close what {@link #newStore()} opened for it; nothing by default. */
    protected void historyDone() {
    }

    /** One step of a history; the numbers are turned into an event, a batch, a sweep or a clock move by {@link History#step}. */
    record Op(int kind, int a, int b) {
    }

    private static Gen<List<Op>> opLists() {
        // the kind through a multiplier: QuickTheories favours a range's bounds, which would make most steps enrolments
        Gen<Op> op = integers().between(0, 9_999).map(n -> n * 7_919 % KINDS).zip(integers().between(0, 100_000), integers().between(0, 1_000), Op::new);
        return lists().of(op).ofSizeBetween(5, 45);
    }

    private static ProgramSettings program() {
        return ProgramSettings.builder().currency(Fixtures.CURRENCY).zone("Europe/London").returnWindowDays(14)
                .expiry(ExpiryPolicy.rollingMonths(3)).clawback(ClawbackPolicy.DEBT).build();
    }

    /** Two engines in step: same clock, same rules, same events. */
    private final class History {
        final TestClock clock;
        final LoyaltyEngine reference;
        final LoyaltyEngine tested;
        final LoyaltyStore referenceStore = new InMemoryStore();
        final LoyaltyStore testedStore = newStore();
        final List<LoyaltyEvent> accepted = new ArrayList<>();
        final List<PointsHold> holds = new ArrayList<>();
        final StringBuilder trace = new StringBuilder();
        /** How the tested engine takes the events; the reference always takes them one by one. */
        final Mode mode;
        final List<LoyaltyEvent> pending = new ArrayList<>();
        /** The concurrent mode's writers, one per member; made on first use. */
        ExecutorService writers;
        int next;

        History(Mode mode, Instant start) {
            this.mode = mode;
            this.clock = new TestClock(start);
            RuleEngine rules = mode == Mode.CONCURRENT ? concurrentRules() : rules();
            reference = LoyaltyEngine.builder().program(program()).clock(clock).store(referenceStore).ruleEngine(rules).build();
            tested = LoyaltyEngine.builder().program(program()).clock(clock).store(testedStore).ruleEngine(rules).build();
            // two members a year in, with birthdays coming up, so that sweeps issue offers to redeem; the others enrol as it happens
            for (int n = 0; n < 2; n++) {
                LocalDate birthday = LocalDate.ofInstant(start, ZoneId.of("UTC")).plusDays(10 + 15 * n).withYear(1985 + n);
                process(Enrolment.of(id(), member(n), start.minus(Duration.ofDays(400))).withBirthday(birthday).withZone(ZONES.get(n))
                        .withIdentity(Set.of(FINGERPRINTS.get(n))));
                flush();
                reference.assignReferralCode(member(n), "CODE-" + member(n));
                tested.assignReferralCode(member(n), "CODE-" + member(n));
            }
        }

        MemberId member(int n) {
            return MemberId.of("m-" + n % MEMBERS);
        }

        EventId id() {
            return EventId.of("e-" + next++);
        }

        void step(Op op) {
            boolean event = op.kind() < 15 || op.kind() == 18 || op.kind() == 19;
            if (!event || pending.size() >= 1 + op.b() % 6) {
                flush();
            }
            if (pending.isEmpty()) {
                // a batch's events share the instant they were handed over at
                clock.advance(Duration.ofMinutes(7));
            }
            switch (op.kind()) {
                case 15 -> {
                    clock.advance(Duration.ofDays(op.a() % 40).plusHours(op.b() % 24));
                    trace.append("clock ").append(clock.instant()).append('\n');
                }
                case 16 -> {
                    // the tested engine sweeps whole, in two partitions split at a member id as parallel sweepers would,
                    // or saving a checkpoint after every member
                    MemberId split = op.b() % 3 == 1 ? member(op.a()) : null;
                    String checkpoint = op.b() % 3 == 2 ? "sweep-" + next++ : null;
                    trace.append("sweep at ").append(clock.instant()).append(split == null ? "" : " split at " + split)
                            .append(checkpoint == null ? "" : " checkpointed").append('\n');
                    agree("sweep", () -> reference.sweep().toString(), () -> split != null ? partitioned(split)
                            : checkpoint != null ? tested.sweep(SweepRequest.builder().asOf(clock.instant()).checkpoint(checkpoint)
                                    .checkpointEvery(1).build()).toString()
                            : tested.sweep().toString());
                }
                case 17 -> {
                    List<LoyaltyEvent> batch = new ArrayList<>();
                    for (int i = 0; i <= op.b() % 4; i++) {
                        batch.add(event(new Op(op.a() % 10, op.a() / 10 + i * 7_919, op.b() + i)));
                    }
                    trace.append("batch ").append(batch).append('\n');
                    List<EventResult> expected = reference.processAll(batch);
                    String actual = answer(() -> results(tested.processAll(batch)));
                    assertThat(actual).as("batch\n%s", trace).isEqualTo(results(expected));
                    expected.stream().filter(EventResult::succeeded).map(EventResult::event).forEach(accepted::add);
                }
                case 20 -> {
                    MemberId member = member(op.a());
                    LocalDate until = LocalDate.ofInstant(clock.instant(), ZoneId.of("UTC")).plusDays(2 + op.b() % 60);
                    String tier = List.of("silver", "gold", "diamond").get(op.b() % 3);
                    trace.append("override ").append(member).append(' ').append(tier).append(" until ").append(until).append('\n');
                    agree("override", () -> reference.overrideTier(member, tier, until, "status match").toString(),
                            () -> tested.overrideTier(member, tier, until, "status match").toString());
                }
                case 21 -> {
                    trace.append("settle referrals at ").append(clock.instant()).append('\n');
                    reference.settleReferrals(clock.instant());
                    tested.settleReferrals(clock.instant());
                }
                case 22 -> {
                    // the insights: segments scored and stored (which the segment campaign then reads), and the KPIs of the last 90 days
                    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/London"));
                    trace.append("segments and KPIs on ").append(today).append('\n');
                    agree("segments", () -> Insights.of(referenceStore, program()).segmentAndStore(RfmSettings.builder(today).build()),
                            () -> Insights.of(testedStore, program()).segmentAndStore(RfmSettings.builder(today).build()));
                    KpiSettings kpis = KpiSettings.builder(today.minusDays(90), today.plusDays(1)).build();
                    agree("KPIs", () -> Insights.of(referenceStore, program()).kpis(kpis), () -> Insights.of(testedStore, program()).kpis(kpis));
                }
                case 18 -> {
                    // an earlier event again: a replay answers the first outcome
                    if (!accepted.isEmpty()) {
                        process(accepted.get(op.a() % accepted.size()));
                    }
                }
                case 19 -> {
                    // an earlier id with another payload: a conflict
                    if (!accepted.isEmpty()) {
                        LoyaltyEvent earlier = accepted.get(op.a() % accepted.size());
                        process(Purchase.builder(earlier.eventId(), earlier.memberId(), clock.instant())
                                .line("CONFLICT", "home", 1, Money.of("1.00", Fixtures.CURRENCY)).build());
                    }
                }
                default -> process(event(op));
            }
        }

        LoyaltyEvent event(Op op) {
            MemberId member = member(op.a());
            // one event in five arrives late, dated up to about a week back, as a till that was offline uploads it
            Instant now = op.b() % 5 == 4 ? clock.instant().minus(Duration.ofMinutes(op.a() % 10_000)) : clock.instant();
            return switch (op.kind()) {
                case 0 -> {
                    Enrolment enrolment = Enrolment.of(id(), member, now).withBirthday(birthdaySoon(op)).withZone(ZONES.get(op.b() % ZONES.size()));
                    if (mode == Mode.CONCURRENT) {
                        // no referral, whose reward would write to another member while that member's writer runs
                        yield enrolment;
                    }
                    enrolment = enrolment.withIdentity(Set.of(FINGERPRINTS.get(op.a() % FINGERPRINTS.size())));
                    // a referral code of one of the first two members, an unknown one, or none
                    yield switch (op.b() % 4) {
                        case 0, 1 -> enrolment.withReferralCode("CODE-" + member(op.b() % 4));
                        case 2 -> enrolment.withReferralCode("CODE-NONE");
                        default -> enrolment;
                    };
                }
                case 1, 2, 3 -> purchase(member, op, now);
                case 4 -> new Return(id(), member, now, null, money(op.b() % 5_000 + 1));
                case 5 -> {
                    List<EventId> purchases = accepted.stream().filter(e -> e instanceof Purchase && e.memberId().equals(member))
                            .map(LoyaltyEvent::eventId).toList();
                    yield purchases.isEmpty() ? purchase(member, op, now)
                            : new Return(id(), member, now, purchases.get(op.b() % purchases.size()), money(op.b() * 3 % 9_000 + 1));
                }
                case 6 -> new Redemption(id(), member, now, "REWARD", 1 + op.b() % 400, null);
                case 7 -> {
                    PointsHold hold = new PointsHold(id(), member, now, "HOLD", 1 + op.b() % 300, now.plus(Duration.ofHours(1 + op.a() % 72)));
                    holds.add(hold);
                    yield hold;
                }
                case 8, 9 -> {
                    List<EventId> own = holds.stream().filter(h -> h.memberId().equals(member)).map(PointsHold::eventId).toList();
                    EventId hold = own.isEmpty() ? EventId.of("no-such-hold") : own.get(op.b() % own.size());
                    yield op.kind() == 8 ? new HoldCapture(id(), member, now, hold) : new HoldVoid(id(), member, now, hold);
                }
                case 10 -> new ProfileChange(id(), member, now, op.b() % 3 == 0 ? LocalDate.of(1990, 1 + op.a() % 12, 1 + op.b() % 28) : null,
                        op.b() % 3 == 1 ? ZONES.get(op.a() % ZONES.size()) : null, op.b() % 3 == 2 ? status(op) : null);
                case 11 -> offerRedemption(member, op, now);
                case 12 -> purchase(MemberId.of("unknown-" + op.b() % 3), op, now);
                default -> purchase(member, op, now);
            };
        }

        /** Mostly back to active, now and then suspended, rarely closed for good. */
        MemberStatus status(Op op) {
            int pick = op.a() % 7;
            return pick < 4 ? MemberStatus.ACTIVE : pick < 6 ? MemberStatus.SUSPENDED : MemberStatus.CLOSED;
        }

        /** A birthday within the next weeks, so that sweeps issue birthday offers to redeem; a leap day now and then. */
        LocalDate birthdaySoon(Op op) {
            if (op.b() % 17 == 0) {
                return LocalDate.of(1984, 2, 29);
            }
            LocalDate soon = LocalDate.ofInstant(clock.instant(), ZoneId.of("UTC")).plusDays(op.a() % 21);
            return soon.withYear(1970 + op.b() % 30);
        }

        LoyaltyEvent offerRedemption(MemberId member, Op op, Instant now) {
            List<Offer> offers = reference.member(member).isPresent() ? reference.offers(member) : List.of();
            String code = offers.isEmpty() ? "NO-SUCH-OFFER" : offers.get(op.b() % offers.size()).code();
            return new OfferRedemption(id(), member, now, code);
        }

        Purchase purchase(MemberId member, Op op, Instant now) {
            Purchase.Builder purchase = Purchase.builder(id(), member, now);
            for (int line = 0; line <= op.b() % 3; line++) {
                purchase.line("SKU-" + (op.a() + line) % 50, CATEGORIES.get((op.a() + line) % CATEGORIES.size()), 1 + (op.b() + line) % 4,
                        money((op.a() / 7 + line * 131) % 20_000 + 1));
            }
            return purchase.build();
        }

        Money money(int pence) {
            return Money.of(BigDecimal.valueOf(pence, 2), Fixtures.CURRENCY);
        }

        void process(LoyaltyEvent event) {
            if (mode != Mode.ONE_BY_ONE) {
                trace.append("pending ").append(event).append('\n');
                pending.add(event);
                return;
            }
            trace.append(event).append('\n');
            String answer = agree(event.eventId().value(), () -> describe(reference.process(event)), () -> describe(tested.process(event)));
            if (!answer.startsWith("refused")) {
                accepted.add(event);
            }
        }

        /** Sweeps the tested engine in the two partitions either side of a member id and adds up their reports. */
        String partitioned(MemberId split) {
            Instant asOf = clock.instant();
            SweepReport below = tested.sweep(SweepRequest.builder().asOf(asOf).range(null, split).build());
            SweepReport above = tested.sweep(SweepRequest.builder().asOf(asOf).range(split, null).build());
            return new SweepReport(below.members() + above.members(), below.changedMembers() + above.changedMembers(),
                    below.released() + above.released(), below.expiredPoints() + above.expiredPoints(),
                    below.lapsedHolds() + above.lapsedHolds(), below.offersIssued() + above.offersIssued(),
                    below.offersExpired() + above.offersExpired(), below.tierChanges() + above.tierChanges()).toString();
        }

        /** Hands the pending events to the tested engine in one batch and to the reference one by one, and compares each answer. */
        void flush() {
            if (pending.isEmpty()) {
                return;
            }
            List<LoyaltyEvent> batch = List.copyOf(pending);
            pending.clear();
            trace.append("flush of ").append(batch.size()).append('\n');
            List<String> expected = new ArrayList<>();
            for (LoyaltyEvent event : batch) {
                String answer = answer(() -> describe(reference.process(event)));
                expected.add(answer);
                if (!answer.startsWith("refused")) {
                    accepted.add(event);
                }
            }
            List<String> actual = mode == Mode.CONCURRENT ? concurrently(batch)
                    : tested.processAll(batch).stream().map(EngineAnswers::describe).toList();
            assertThat(actual).as("batch\n%s", trace).isEqualTo(expected);
        }

        /** Processes each member's events on a thread of its own, in their order, all members at once; answers in the batch's order. */
        List<String> concurrently(List<LoyaltyEvent> batch) {
            Map<MemberId, List<Integer>> byMember = new LinkedHashMap<>();
            for (int i = 0; i < batch.size(); i++) {
                byMember.computeIfAbsent(batch.get(i).memberId(), member -> new ArrayList<>()).add(i);
            }
            if (writers == null) {
                writers = Executors.newFixedThreadPool(MEMBERS + 3);
            }
            String[] answers = new String[batch.size()];
            List<Future<?>> runs = new ArrayList<>();
            for (List<Integer> indexes : byMember.values()) {
                runs.add(writers.submit(() -> indexes.forEach(i -> answers[i] = answer(() -> describe(tested.process(batch.get(i)))))));
            }
            for (Future<?> run : runs) {
                try {
                    run.get(1, TimeUnit.MINUTES);
                } catch (InterruptedException | ExecutionException | TimeoutException e) {
                    throw new AssertionError("a writer failed\n" + trace, e);
                }
            }
            return List.of(answers);
        }

        /** Runs the same call on both engines and checks that they answer alike; returns the answer. */
        String agree(String what, Supplier<?> onReference, Supplier<?> onTested) {
            String expected = answer(onReference);
            String actual = answer(onTested);
            assertThat(actual).as("%s\n%s", what, trace).isEqualTo(expected);
            return expected;
        }

        void checkFinalState() {
            flush();
            for (int n = 0; n < MEMBERS; n++) {
                MemberId member = member(n);
                assertThat(state(tested, member)).as("state of %s\n%s", member, trace).isEqualTo(state(reference, member));
                assertThat(testedStore.returns(member)).as("returns of %s\n%s", member, trace).isEqualTo(referenceStore.returns(member));
            }
        }
    }

    /** How the tested engine takes a history's events. */
    enum Mode {
        /** One by one, as the reference does. */
        ONE_BY_ONE,
        /** In batches through {@code processAll}. */
        BATCHED,
        /** In groups, each member's events on a thread of its own, all members at once, with rules and events that never
         * write to a member other than the event's (no referrals, no campaign budget). */
        CONCURRENT
    }

    private void run(List<Op> ops, Mode mode) {
        History history = new History(mode, EARLIEST_START.plus(Duration.ofDays(ops.get(0).a() % 1_100)));
        try {
            for (Op op : ops) {
                history.step(op);
            }
            history.checkFinalState();
        } finally {
            if (history.writers != null) {
                history.writers.shutdownNow();
            }
            historyDone();
        }
    }

    @Test
    void shouldAnswerAsTheInMemoryStoreDoesWhenAnyHistoryRuns() {
        qt().withFixedSeed(20261122L).withExamples(histories()).forAll(opLists()).checkAssert(ops -> run(ops, Mode.ONE_BY_ONE));
    }

    @Test
    void shouldAnswerInBatchesAsTheInMemoryStoreDoesOneByOneWhenAnyHistoryRuns() {
        qt().withFixedSeed(20261123L).withExamples(histories()).forAll(opLists()).checkAssert(ops -> run(ops, Mode.BATCHED));
    }

    @Test
    void shouldAnswerWithMembersWrittenConcurrentlyAsTheInMemoryStoreDoesOneByOneWhenAnyHistoryRuns() {
        qt().withFixedSeed(20261124L).withExamples(histories()).forAll(opLists()).checkAssert(ops -> run(ops, Mode.CONCURRENT));
    }
}
