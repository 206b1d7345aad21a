package dev.loyalty.core;

import static dev.loyalty.core.testing.Fixtures.MONDAY;
import static dev.loyalty.core.testing.Fixtures.NOW;
import static dev.loyalty.core.testing.Fixtures.SATURDAY;
import static dev.loyalty.core.testing.Fixtures.enrolment;
import static dev.loyalty.core.testing.Fixtures.eventId;
import static dev.loyalty.core.testing.Fixtures.member;
import static dev.loyalty.core.testing.Fixtures.purchase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.core.event.Enrolment;
import dev.loyalty.core.event.ProfileChange;
import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.event.Return;
import dev.loyalty.core.model.LedgerEntry;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.MemberStatus;
import dev.loyalty.core.model.Money;
import dev.loyalty.core.model.Points;
import dev.loyalty.core.spi.Decision;
import dev.loyalty.core.spi.Evaluation;
import dev.loyalty.core.spi.RuleContext;
import dev.loyalty.core.spi.RuleEngine;
import dev.loyalty.core.store.InMemoryStore;
import dev.loyalty.core.testing.Fixtures;
import dev.loyalty.core.testing.JavaRules;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LoyaltyEngineTest {

    private final InMemoryStore store = new InMemoryStore();
    private final JavaRules rules = JavaRules.simplePack();
    private final LoyaltyEngine engine = Fixtures.engine(store, rules);

    private Object state(String... memberIds) {
        List<Object> state = new ArrayList<>();
        for (String id : memberIds) {
            state.add(List.of(store.findMember(member(id)), store.balance(member(id)), store.ledger(member(id)), store.lots(member(id))));
        }
        return state;
    }

    private static LoyaltyEngine engineWith(RuleEngine ruleEngine, InMemoryStore store) {
        return Fixtures.engine(store, ruleEngine);
    }

    @Test
    void shouldReturnEqualOutcomeWithoutEvaluatingOrWritingWhenEventIsReplayed() {
        engine.process(enrolment("m-1", MONDAY));
        Purchase purchase = purchase("p-1", "m-1", MONDAY.plusSeconds(60), "42.10");
        Outcome first = engine.process(purchase);
        Object before = state("m-1");
        long evaluations = rules.evaluations();

        Outcome again = engine.process(purchase("p-1", "m-1", MONDAY.plusSeconds(60), "42.1"));

        assertThat(again).isEqualTo(first);
        assertThat(state("m-1")).isEqualTo(before);
        assertThat(rules.evaluations()).isEqualTo(evaluations);
    }

    @Test
    void shouldKeepTheStoredMembersIdRatherThanTheOneThePurchaseBroughtWhenRecordingIt() {
        engine.process(enrolment("m-1", MONDAY));
        MemberId stored = store.findMember(member("m-1")).orElseThrow().id();
        Purchase purchase = purchase("p-1", "m-1", MONDAY.plusSeconds(60), "42.10");

        Outcome outcome = engine.process(purchase);

        assertThat(purchase.memberId()).isEqualTo(stored).isNotSameAs(stored);
        assertThat(outcome.memberId()).isSameAs(stored);
        assertThat(outcome.entries()).isNotEmpty().allSatisfy(entry -> assertThat(entry.memberId()).isSameAs(stored));
        assertThat(store.lots(member("m-1"))).hasSize(2).allSatisfy(lot -> assertThat(lot.memberId()).isSameAs(stored));
    }

    @Test
    void shouldReturnOriginalOutcomeWhenReplayedAfterMemberWasSuspended() {
        engine.process(enrolment("m-1", MONDAY));
        Purchase purchase = purchase("p-1", "m-1", MONDAY.plusSeconds(60), "10");
        Outcome first = engine.process(purchase);
        engine.process(new ProfileChange(eventId("pc-1"), member("m-1"), MONDAY.plusSeconds(120), null, null, MemberStatus.SUSPENDED));

        assertThat(engine.process(purchase)).isEqualTo(first);
    }

    @Test
    void shouldThrowConflictNamingEventAndLeaveStateWhenIdIsReusedWithAnotherPayload() {
        engine.process(enrolment("m-1", MONDAY));
        engine.process(purchase("p-1", "m-1", MONDAY.plusSeconds(60), "10"));
        Object before = state("m-1");

        assertThatThrownBy(() -> engine.process(purchase("p-1", "m-1", MONDAY.plusSeconds(61), "10")))
                .isInstanceOfSatisfying(EventConflictException.class, e -> assertThat(e.eventId()).isEqualTo(eventId("p-1")))
                .hasMessageContaining("p-1").hasMessageContaining("purchase");

        assertThat(state("m-1")).isEqualTo(before);
    }

    @Test
    void shouldThrowConflictWhenEnrolmentIdIsReusedAsAPurchase() {
        engine.process(enrolment("m-1", MONDAY));

        assertThatThrownBy(() -> engine.process(purchase("enrol-m-1", "m-1", MONDAY.plusSeconds(60), "10")))
                .isInstanceOf(EventConflictException.class).hasMessageContaining("enrolment").hasMessageContaining("purchase");
        assertThat(store.ledger(member("m-1"))).hasSize(1);
    }

    @Test
    void shouldThrowUnknownMemberAndStoreNothingWhenMemberIsNotEnrolled() {
        assertThatThrownBy(() -> engine.process(purchase("p-1", "ghost", MONDAY, "10")))
                .isInstanceOfSatisfying(UnknownMemberException.class, e -> assertThat(e.memberId()).isEqualTo(member("ghost")))
                .hasMessageContaining("ghost");

        assertThat(engine.member(member("ghost"))).isEmpty();
        assertThat(store.findEvent(eventId("p-1"))).isEmpty();
        assertThatThrownBy(() -> engine.balance(member("ghost"))).isInstanceOf(UnknownMemberException.class);
        assertThatThrownBy(() -> engine.ledger(member("ghost"))).isInstanceOf(UnknownMemberException.class);
        assertThatThrownBy(() -> engine.lots(member("ghost"))).isInstanceOf(UnknownMemberException.class);
    }

    @Test
    void shouldThrowAlreadyEnrolledAndKeepStateWhenMemberEnrolsTwice() {
        engine.process(enrolment("m-1", MONDAY));
        Object before = state("m-1");

        assertThatThrownBy(() -> engine.process(Enrolment.of(eventId("enrol-again"), member("m-1"), MONDAY.plusSeconds(5))))
                .isInstanceOf(MemberAlreadyEnrolledException.class).hasMessageContaining("m-1");

        assertThat(state("m-1")).isEqualTo(before);
        assertThat(store.findEvent(eventId("enrol-again"))).isEmpty();
    }

    @Test
    void shouldRefusePurchaseWhenMemberIsSuspended() {
        engine.process(enrolment("m-1", MONDAY));
        engine.process(new ProfileChange(eventId("pc-1"), member("m-1"), MONDAY.plusSeconds(60), null, null, MemberStatus.SUSPENDED));
        Object before = state("m-1");

        assertThatThrownBy(() -> engine.process(purchase("p-1", "m-1", MONDAY.plusSeconds(120), "10")))
                .isInstanceOf(MemberNotActiveException.class).hasMessageContaining("m-1").hasMessageContaining("SUSPENDED");

        assertThat(state("m-1")).isEqualTo(before);
        assertThat(store.findEvent(eventId("p-1"))).isEmpty();
    }

    @Test
    void shouldAcceptPurchaseAgainWhenSuspendedMemberIsReactivated() {
        engine.process(enrolment("m-1", MONDAY));
        engine.process(new ProfileChange(eventId("pc-1"), member("m-1"), MONDAY.plusSeconds(60), null, null, MemberStatus.SUSPENDED));
        engine.process(new ProfileChange(eventId("pc-2"), member("m-1"), MONDAY.plusSeconds(90), null, null, MemberStatus.ACTIVE));

        assertThat(engine.process(purchase("p-1", "m-1", MONDAY.plusSeconds(120), "10")).points()).isEqualTo(Points.of(10));
    }

    @Test
    void shouldRefusePurchaseWhenMemberIsClosed() {
        engine.process(enrolment("m-1", MONDAY));
        engine.process(new ProfileChange(eventId("pc-1"), member("m-1"), MONDAY.plusSeconds(60), null, null, MemberStatus.CLOSED));

        assertThatThrownBy(() -> engine.process(purchase("p-1", "m-1", MONDAY.plusSeconds(120), "10")))
                .isInstanceOf(MemberNotActiveException.class).hasMessageContaining("CLOSED");
    }

    @Test
    void shouldRejectEventWhenItIsDatedBeyondTheClockSkew() {
        engine.process(enrolment("m-1", MONDAY));
        Duration skew = Fixtures.program().maxClockSkew();

        assertThatThrownBy(() -> engine.process(purchase("p-late", "m-1", NOW.plus(skew).plusMillis(1), "10")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("purchase.occurredAt"))
                .hasMessageContaining("future").hasMessageContaining(NOW.toString());
        assertThat(store.findEvent(eventId("p-late"))).isEmpty();
        assertThat(engine.process(purchase("p-edge", "m-1", NOW.plus(skew), "10")).points()).isEqualTo(Points.of(10));
    }

    @Test
    void shouldAcceptAFutureEventAsFarAheadAsTheLargestClockSkew() {
        ProgramSettings program = ProgramSettings.builder().currency(Fixtures.CURRENCY).maxClockSkew(Duration.ofDays(1)).build();
        LoyaltyEngine lenient = LoyaltyEngine.builder().program(program).clock(Fixtures.clock()).store(store).ruleEngine(rules).build();

        Outcome outcome = lenient.process(enrolment("m-1", NOW.plus(Duration.ofDays(1))));

        assertThat(outcome.eventId()).isEqualTo(eventId("enrol-m-1"));
        assertThat(store.findMember(member("m-1"))).isPresent();
    }

    @Test
    void shouldRejectEnrolmentWhenItIsInTheFuture() {
        assertThatThrownBy(() -> engine.process(enrolment("m-1", NOW.plus(Duration.ofDays(1)))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("enrolment.occurredAt");
        assertThat(engine.member(member("m-1"))).isEmpty();
    }

    @Test
    void shouldRejectEnrolmentWithATypedErrorWhenItIsDatedAtTheEarliestInstant() {
        assertThatThrownBy(() -> engine.process(Enrolment.of(eventId("enrol-m-1"), member("m-1"), Instant.MIN)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("enrolment.occurredAt"))
                .hasMessageContaining("1900-01-01T00:00:00Z");
        assertThat(engine.member(member("m-1"))).isEmpty();
        assertThat(store.findEvent(eventId("enrol-m-1"))).isEmpty();
    }

    @Test
    void shouldRejectEnrolmentDatedBeforeTheYear1900() {
        Instant before1900 = Instant.parse("1899-12-31T23:59:59.999999999Z");

        assertThatThrownBy(() -> engine.process(Enrolment.of(eventId("enrol-m-1"), member("m-1"), before1900)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("enrolment.occurredAt"))
                .hasMessageContaining(before1900.toString()).hasMessageContaining("outside the accepted range");
        assertThat(engine.member(member("m-1"))).isEmpty();
        assertThat(engine.process(Enrolment.of(eventId("enrol-m-2"), member("m-2"), Instant.parse("1900-01-01T00:00:00Z"))).eventId())
                .isEqualTo(eventId("enrol-m-2"));
    }

    @Test
    void shouldRefuseASweepAtTheLastInstantWithoutSavingItsCheckpoint() {
        engine.process(enrolment("m-1", MONDAY));

        assertThatThrownBy(() -> engine.sweep(SweepRequest.builder().asOf(Instant.MAX).checkpoint("sweep-1").build()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("sweep.asOf"))
                .hasMessageContaining("9999-12-31T23:59:59.999999999Z");

        assertThat(store.findSweepCheckpoint("sweep-1")).isEmpty();
    }

    @Test
    void shouldThrowCurrencyMismatchWhenPurchaseIsInAnotherCurrency() {
        engine.process(enrolment("m-1", MONDAY));
        Purchase inEuro = Purchase.builder(eventId("p-1"), member("m-1"), MONDAY.plusSeconds(60)).line("SKU", "g", 1, Money.of("10", "EUR")).build();

        assertThatThrownBy(() -> engine.process(inEuro))
                .isInstanceOf(CurrencyMismatchException.class).hasMessageContaining("EUR").hasMessageContaining("GBP").hasMessageContaining("p-1");
        assertThat(store.ledger(member("m-1"))).hasSize(1);
    }

    @Test
    void shouldRejectPurchaseWhenTotalExceedsTheProgramLimit() {
        ProgramSettings program = ProgramSettings.builder().currency("GBP").maxPurchaseAmount(new BigDecimal("100")).build();
        LoyaltyEngine limited = LoyaltyEngine.builder().program(program).clock(Fixtures.clock()).store(store).ruleEngine(rules).build();
        limited.process(enrolment("m-1", MONDAY));

        assertThatThrownBy(() -> limited.process(purchase("p-big", "m-1", MONDAY.plusSeconds(60), "60", "40.01")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("100.01").hasMessageContaining("100.00")
                .hasMessageContaining("p-big").extracting(e -> ((InvalidInputException) e).field()).isEqualTo("purchase.total");
        assertThat(store.findEvent(eventId("p-big"))).isEmpty();
        assertThat(limited.process(purchase("p-max", "m-1", MONDAY.plusSeconds(60), "60", "40")).points()).isEqualTo(Points.of(100));
    }

    @Test
    void shouldRejectReturnWhenItsAmountExceedsTheProgramLimit() {
        ProgramSettings program = ProgramSettings.builder().currency("GBP").maxPurchaseAmount(new BigDecimal("100")).build();
        LoyaltyEngine limited = LoyaltyEngine.builder().program(program).clock(Fixtures.clock()).store(store).ruleEngine(rules).build();
        limited.process(enrolment("m-1", MONDAY));
        limited.process(purchase("p-1", "m-1", MONDAY.plusSeconds(60), "60"));
        int entries = store.ledger(member("m-1")).size();

        assertThatThrownBy(() -> limited.process(new Return(eventId("r-big"), member("m-1"), MONDAY.plusSeconds(120), eventId("p-1"),
                Money.of("100.01", "GBP"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("return.amount").hasMessageContaining("100.01")
                .hasMessageContaining("100.00");
        assertThat(store.findEvent(eventId("r-big"))).isEmpty();
        assertThat(store.ledger(member("m-1"))).hasSize(entries);
    }

    @Test
    void shouldReplayARecordedEventWhenTheProgramLimitWasLoweredSince() {
        engine.process(enrolment("m-1", MONDAY));
        Outcome first = engine.process(purchase("p-1", "m-1", MONDAY.plusSeconds(60), "60", "40"));
        ProgramSettings lower = ProgramSettings.builder().currency("GBP").maxPurchaseAmount(new BigDecimal("10")).build();
        LoyaltyEngine limited = LoyaltyEngine.builder().program(lower).clock(Fixtures.clock()).store(store).ruleEngine(rules).build();

        assertThat(limited.process(purchase("p-1", "m-1", MONDAY.plusSeconds(60), "60", "40"))).isEqualTo(first);
    }

    @Test
    void shouldRejectPurchaseWhenItPrecedesEnrolment() {
        engine.process(enrolment("m-1", MONDAY));

        assertThatThrownBy(() -> engine.process(purchase("p-early", "m-1", MONDAY.minusSeconds(1), "10")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("precedes").hasMessageContaining("m-1");
        assertThat(store.ledger(member("m-1"))).hasSize(1);
    }

    @Test
    void shouldRejectEnrolmentWhenTierIsNotOnTheLadder() {
        assertThatThrownBy(() -> engine.process(enrolment("m-1", MONDAY).withTier("platinum")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("enrolment.tierCode"))
                .hasMessageContaining("'platinum'").hasMessageContaining("member, silver, gold, diamond");
        assertThat(engine.member(member("m-1"))).isEmpty();
    }

    @Test
    void shouldStartInEntryTierOrGivenTierWhenEnrolled() {
        engine.process(enrolment("m-1", MONDAY));
        engine.process(enrolment("m-2", MONDAY).withTier("gold"));

        assertThat(engine.member(member("m-1")).orElseThrow().tierCode()).isEqualTo("member");
        assertThat(engine.member(member("m-2")).orElseThrow().tierCode()).isEqualTo("gold");
    }

    @Test
    void shouldApplySimplePackWhenGoldMemberBuysAtTheWeekend() {
        engine.process(enrolment("m-1", MONDAY).withTier("gold"));

        Outcome outcome = engine.process(purchase("p-1", "m-1", SATURDAY, "10.00"));

        // base 10, weekend adds 10, gold adds (10 + 10) x 0.5 = 10
        assertThat(outcome.points()).isEqualTo(Points.of(30));
        assertThat(outcome.entries()).extracting(LedgerEntry::rule).containsExactly(JavaRules.BASE, JavaRules.WEEKEND, JavaRules.GOLD);
        assertThat(outcome.balance()).isEqualTo(Points.of(130));
        assertThat(outcome.explanation().toText()).contains("2026-03-07 (SATURDAY)").contains("+30 points, balance 130")
                .contains("+10  " + JavaRules.WEEKEND);
    }

    @Test
    void shouldRecordRuleSetVersionWhenEntriesAreWritten() {
        Outcome outcome = engine.process(enrolment("m-1", MONDAY));

        assertThat(outcome.ruleSetVersion()).isEqualTo(JavaRules.SIMPLE_PACK_VERSION);
        assertThat(outcome.entries()).allSatisfy(e -> assertThat(e.ruleSetVersion()).isEqualTo(JavaRules.SIMPLE_PACK_VERSION));
        assertThat(engine.ruleSetVersion()).isEqualTo(JavaRules.SIMPLE_PACK_VERSION);
    }

    @Test
    void shouldGiveRulesTheBalanceBeforeTheEventAndTheLocalDateWhenEvaluating() {
        List<RuleContext> seen = new ArrayList<>();
        JavaRules recording = JavaRules.simplePack().with("rec", ctx -> {
            synchronized (seen) {
                seen.add(ctx);
            }
            return List.of();
        });
        LoyaltyEngine recorded = engineWith(recording, store);
        recorded.process(enrolment("m-1", MONDAY).withZone(ZoneId.of("Asia/Tokyo")));

        recorded.process(purchase("p-1", "m-1", MONDAY.plus(Duration.ofHours(15)), "10"));

        RuleContext context = seen.get(1);
        assertThat(context.balance()).isEqualTo(Points.of(100));
        assertThat(context.zone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
        assertThat(context.date()).isEqualTo(LocalDate.of(2026, 3, 3));
        assertThat(context.member().id()).isEqualTo(member("m-1"));
        assertThat(context.program()).isEqualTo(Fixtures.program());
    }

    @Test
    void shouldWrapFailureAndStoreNothingWhenRuleEngineThrows() {
        IllegalStateException boom = new IllegalStateException("boom");
        JavaRules failing = JavaRules.simplePack().with("failing", ctx -> {
            if (ctx.event() instanceof Purchase) {
                throw boom;
            }
            return List.of();
        });
        LoyaltyEngine failingEngine = engineWith(failing, store);
        failingEngine.process(enrolment("m-1", MONDAY));
        Object before = state("m-1");

        assertThatThrownBy(() -> failingEngine.process(purchase("p-1", "m-1", MONDAY.plusSeconds(60), "10")))
                .isInstanceOf(RuleEvaluationException.class).hasMessageContaining("p-1").hasCause(boom);

        assertThat(state("m-1")).isEqualTo(before);
        assertThat(store.findEvent(eventId("p-1"))).isEmpty();
    }

    @Test
    void shouldStoreNothingWhenEnrolmentRulesThrow() {
        LoyaltyEngine failingEngine = engineWith(JavaRules.of("failing", ctx -> {
            throw new IllegalArgumentException("bad rule");
        }), store);

        assertThatThrownBy(() -> failingEngine.process(enrolment("m-1", MONDAY))).isInstanceOf(RuleEvaluationException.class);

        assertThat(failingEngine.member(member("m-1"))).isEmpty();
        assertThat(store.findEvent(eventId("enrol-m-1"))).isEmpty();
    }

    @Test
    void shouldThrowRuleEvaluationWhenRuleEngineReturnsNoEvaluation() {
        RuleEngine nullEngine = new RuleEngine() {
            @Override
            public String version() {
                return "null";
            }

            @Override
            public Evaluation evaluate(RuleContext context) {
                return null;
            }
        };

        assertThatThrownBy(() -> engineWith(nullEngine, store).process(enrolment("m-1", MONDAY)))
                .isInstanceOf(RuleEvaluationException.class).hasMessageContaining("enrol-m-1");
        assertThat(store.findMember(member("m-1"))).isEmpty();
    }

    @Test
    void shouldNameRuleAndStoreNothingWhenRuleNamesAMissingLine() {
        LoyaltyEngine badLine = engineWith(JavaRules.simplePack().with("bad", ctx -> ctx.event() instanceof Purchase
                ? List.of(new Decision.BonusRate("LINE-7", "bonus on line 7", 6, BigDecimal.ONE))
                : List.of()), store);
        badLine.process(enrolment("m-1", MONDAY));
        Object before = state("m-1");

        assertThatThrownBy(() -> badLine.process(purchase("p-1", "m-1", MONDAY.plusSeconds(60), "10")))
                .isInstanceOf(RuleEvaluationException.class).hasMessageContaining("LINE-7");
        assertThat(state("m-1")).isEqualTo(before);
    }

    private static JavaRules jackpot(long points) {
        return JavaRules.of("generous", ctx -> ctx.event() instanceof Purchase
                ? List.of(new Decision.FixedPoints("JACKPOT", "jackpot", Decision.WHOLE_EVENT, points))
                : List.of());
    }

    /** An engine whose program allows one credit of any size, so that a balance can reach the edge of a long. */
    private static LoyaltyEngine unlimited(RuleEngine rules, InMemoryStore store) {
        ProgramSettings program = ProgramSettings.builder().currency(Fixtures.CURRENCY).maxPointsPerCredit(Long.MAX_VALUE).build();
        return LoyaltyEngine.builder().program(program).clock(Fixtures.clock()).store(store).ruleEngine(rules).build();
    }

    @Test
    void shouldRefuseACreditAboveTheProgramLimitNamingTheRuleAndStoreNothing() {
        LoyaltyEngine generous = engineWith(jackpot(PointsPolicy.DEFAULT_MAX_POINTS_PER_CREDIT + 1), store);
        generous.process(enrolment("m-1", MONDAY));
        Object before = state("m-1");

        assertThatThrownBy(() -> generous.process(purchase("p-1", "m-1", MONDAY.plusSeconds(60), "1")))
                .isInstanceOf(RuleEvaluationException.class).hasMessageContaining("JACKPOT").hasMessageContaining("p-1")
                .hasMessageContaining("program.maxPointsPerCredit");

        assertThat(state("m-1")).isEqualTo(before);
        assertThat(store.findEvent(eventId("p-1"))).isEmpty();
    }

    @Test
    void shouldCreditExactlyTheProgramLimit() {
        LoyaltyEngine generous = engineWith(jackpot(PointsPolicy.DEFAULT_MAX_POINTS_PER_CREDIT), store);
        generous.process(enrolment("m-1", MONDAY));

        Outcome outcome = generous.process(purchase("p-1", "m-1", MONDAY.plusSeconds(60), "1"));

        assertThat(outcome.points()).isEqualTo(Points.of(PointsPolicy.DEFAULT_MAX_POINTS_PER_CREDIT));
    }

    @Test
    void shouldThrowOverflowAndKeepStateWhenBalanceWouldLeaveLong() {
        long huge = Long.MAX_VALUE - 1_000;
        LoyaltyEngine generous = unlimited(jackpot(huge), store);
        generous.process(enrolment("m-1", MONDAY));
        assertThat(generous.process(purchase("p-1", "m-1", MONDAY.plusSeconds(60), "1")).balance()).isEqualTo(Points.of(huge));
        Object before = state("m-1");

        assertThatThrownBy(() -> generous.process(purchase("p-2", "m-1", MONDAY.plusSeconds(120), "1")))
                .isInstanceOf(PointsOverflowException.class);

        assertThat(state("m-1")).isEqualTo(before);
        assertThat(store.findEvent(eventId("p-2"))).isEmpty();
        assertThat(generous.balance(member("m-1"))).isEqualTo(Points.of(huge));
    }

    @Test
    void shouldNameTheRuleWhoseFixedPointsWouldTakeTheBalanceOutOfALong() {
        LoyaltyEngine generous = unlimited(jackpot(Long.MAX_VALUE), store);
        generous.process(enrolment("m-1", MONDAY));
        generous.process(purchase("p-1", "m-1", MONDAY.plusSeconds(60), "1"));
        Object before = state("m-1");

        assertThatThrownBy(() -> generous.process(purchase("p-2", "m-1", MONDAY.plusSeconds(120), "1")))
                .isInstanceOf(PointsOverflowException.class)
                .hasMessage("points overflow: rule \"JACKPOT\" adds " + Long.MAX_VALUE + " points for event p-2 to the balance of "
                        + Long.MAX_VALUE + " of member m-1, which leaves the range of long");
        assertThat(state("m-1")).isEqualTo(before);
        assertThat(store.findEvent(eventId("p-2"))).isEmpty();
    }

    @Test
    void shouldNameTheRulesWhosePointsTogetherLeaveALongForOneEvent() {
        LoyaltyEngine generous = unlimited(JavaRules.of("generous", ctx -> ctx.event() instanceof Purchase
                ? List.of(new Decision.FixedPoints("JACKPOT", "jackpot", Decision.WHOLE_EVENT, Long.MAX_VALUE),
                        new Decision.FixedPoints("EXTRA", "one more", Decision.WHOLE_EVENT, 1))
                : List.of()), store);
        generous.process(enrolment("m-1", MONDAY));
        Object before = state("m-1");

        assertThatThrownBy(() -> generous.process(purchase("p-1", "m-1", MONDAY.plusSeconds(60), "1")))
                .isInstanceOf(PointsOverflowException.class)
                .hasMessage("points overflow: event p-1 would earn 9223372036854775808 points, more than a long can hold,"
                        + " from rules \"JACKPOT\" 9223372036854775807, \"EXTRA\" 1");
        assertThat(state("m-1")).isEqualTo(before);
        assertThat(store.findEvent(eventId("p-1"))).isEmpty();
    }

    @Test
    void shouldExplainWhyNoProviderWasFoundWhenNoRuleEngineIsOnTheClasspath() {
        LoyaltyEngine.Builder builder = LoyaltyEngine.builder().program(Fixtures.program());

        assertThatThrownBy(builder::build).isInstanceOf(LoyaltyConfigurationException.class)
                .hasMessageContaining("no rule engine").hasMessageContaining("loyalty-rules").hasMessageContaining("ruleEngine(");
    }

    @Test
    void shouldExplainWhatIsMissingWhenProgramIsNotSet() {
        assertThatThrownBy(() -> LoyaltyEngine.builder().ruleEngine(rules).build())
                .isInstanceOf(LoyaltyConfigurationException.class).hasMessageContaining("program");
    }

    @Test
    void shouldFailAtTheSetterWhenBuilderGetsNull() {
        assertThatThrownBy(() -> LoyaltyEngine.builder().clock(null)).isInstanceOf(InvalidInputException.class).hasMessageContaining("clock");
        assertThatThrownBy(() -> LoyaltyEngine.builder().store(null)).isInstanceOf(InvalidInputException.class).hasMessageContaining("store");
        assertThatThrownBy(() -> LoyaltyEngine.builder().ruleEngine(null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("ruleEngine");
        assertThatThrownBy(() -> LoyaltyEngine.builder().program(null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("program");
        assertThatThrownBy(() -> engine.process(null)).isInstanceOf(InvalidInputException.class).hasMessageContaining("event");
    }

    @Test
    void shouldLeaveCallersRuleEngineOpenWhenEngineIsClosed() {
        AtomicInteger closes = new AtomicInteger();
        RuleEngine counting = new RuleEngine() {
            @Override
            public String version() {
                return "counting";
            }

            @Override
            public Evaluation evaluate(RuleContext context) {
                return new Evaluation("counting", List.of());
            }

            @Override
            public void close() {
                closes.incrementAndGet();
            }
        };

        engineWith(counting, store).close();

        assertThat(closes).hasValue(0);
    }

    @Test
    void shouldUseInMemoryStoreWhenNoStoreIsGiven() {
        LoyaltyEngine defaults = LoyaltyEngine.builder().program(Fixtures.program()).clock(Fixtures.clock()).ruleEngine(rules).build();

        defaults.process(enrolment("m-1", MONDAY));

        assertThat(defaults.balance(member("m-1"))).isEqualTo(Points.of(100));
        assertThat(defaults.program()).isEqualTo(Fixtures.program());
    }
}
