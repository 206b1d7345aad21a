package dev.loyalty.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.loyalty.core.InsufficientPointsException;
import dev.loyalty.core.InvalidInputException;
import dev.loyalty.core.EventResult;
import dev.loyalty.core.LoyaltyEngine;
import dev.loyalty.core.Outcome;
import dev.loyalty.core.PointsOverflowException;
import dev.loyalty.core.PointsSummary;
import dev.loyalty.core.event.Enrolment;
import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.event.Return;
import dev.loyalty.core.model.EntryType;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.LedgerEntry;
import dev.loyalty.core.model.Lot;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.Points;
import dev.loyalty.core.spi.Decision;
import dev.loyalty.core.testing.Fixtures;
import dev.loyalty.core.testing.JavaRules;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ReturnTest {

    private static final MemberId OTHER = MemberId.of("m-2");

    private static long reversedFor(Life life, String... returnIds) {
        long sum = 0;
        for (String id : returnIds) {
            sum += life.entriesOf(id).stream().filter(e -> e.type() == EntryType.REVERSE).mapToLong(e -> -e.points().value()).sum();
        }
        return sum;
    }

    @Nested
    class Proportional {

        @Test
        void shouldClawBackShareOfPointsWhenPartOfPurchaseIsReturned() {
            Life life = Life.enrolled();
            life.purchase("p-1", "100.00");

            Outcome outcome = life.giveBack("ret-1", "p-1", "25.00");

            assertThat(outcome.points()).isEqualTo(Points.of(-25));
            assertThat(life.balance()).isEqualTo(75);
            assertThat(life.lot("p-1").clawedBack()).isEqualTo(25);
            assertThat(life.lot("p-1").returnedAmount()).isEqualByComparingTo("25.00");
            life.assertConsistent();
        }

        @Test
        void shouldRefuseAReturnDatedBeforeItsPurchaseAndChangeNothing() {
            Life life = Life.enrolled();
            life.advance(Duration.ofHours(1));
            life.purchase("p-1", "100.00");
            Object before = life.state();
            Instant beforePurchase = life.now().minusSeconds(1);

            assertThatThrownBy(() -> life.engine.process(new Return(EventId.of("ret-1"), life.member, beforePurchase, EventId.of("p-1"),
                    Fixtures.gbp("25.00"))))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("return.occurredAt"))
                    .hasMessageContaining("p-1").hasMessageContaining(beforePurchase.toString());

            assertThat(life.state()).isEqualTo(before);
            assertThat(life.store.findEvent(EventId.of("ret-1"))).isEmpty();
        }

        @Test
        void shouldClawBackExactlyWhatWasEarnedWhenPartialReturnsAddUpToWholePurchase() {
            // 10 points over thirds: each third alone rounds to 3, but the three must claw back 10, not 9
            Life life = Life.enrolled();
            life.purchase("p-1", "10.00");

            life.giveBack("ret-1", "p-1", "3.33");
            life.giveBack("ret-2", "p-1", "3.33");
            life.giveBack("ret-3", "p-1", "3.34");

            assertThat(reversedFor(life, "ret-1", "ret-2", "ret-3")).isEqualTo(10);
            assertThat(life.balance()).isZero();
            life.assertConsistent();
        }

        @Test
        void shouldClawBackSomethingEventuallyWhenManyTinyReturnsEachRoundToZero() {
            Life life = Life.enrolled();
            life.purchase("p-1", "10.00");

            for (int i = 0; i < 200; i++) {
                life.giveBack("ret-" + i, "p-1", "0.05");
            }

            assertThat(life.balance()).isZero();
            assertThat(life.lot("p-1").clawedBack()).isEqualTo(10);
        }

        @Test
        void shouldClawBackTheRestWhenWholePurchaseIsReturnedAfterPartials() {
            Life life = Life.enrolled();
            life.purchase("p-1", "100.00");
            life.giveBack("ret-1", "p-1", "25.00");

            life.giveBack("ret-all", "p-1", "100.00");

            assertThat(reversedFor(life, "ret-all")).isEqualTo(75);
            assertThat(reversedFor(life, "ret-1", "ret-all")).isEqualTo(100);
            assertThat(life.balance()).isZero();
        }

        @Test
        void shouldClawBackAtMostWhatWasEarnedWhenPartialReturnsSumPastThePurchase() {
            Life life = Life.enrolled();
            life.purchase("p-1", "100.00");
            life.purchase("p-other", "500.00");

            life.giveBack("ret-1", "p-1", "60.00");
            life.giveBack("ret-2", "p-1", "60.00");
            life.giveBack("ret-3", "p-1", "60.00");

            assertThat(reversedFor(life, "ret-1")).isEqualTo(60);
            assertThat(reversedFor(life, "ret-2")).isEqualTo(40);
            assertThat(reversedFor(life, "ret-3")).isZero();
            assertThat(life.lot("p-other").remaining()).isEqualTo(500);
            assertThat(life.balance()).isEqualTo(500);
        }

        @Test
        void shouldClawBackOnceWhenSameReturnIsProcessedTwice() {
            Life life = Life.enrolled();
            life.purchase("p-1", "100.00");
            Outcome first = life.giveBack("ret-1", "p-1", "40.00");

            Outcome again = life.giveBack("ret-1", "p-1", "40.00");

            assertThat(again).isEqualTo(first);
            assertThat(life.balance()).isEqualTo(60);
            assertThat(life.lot("p-1").returnedAmount()).isEqualByComparingTo("40.00");
        }

        @Test
        void shouldClawBackNothingMoreWhenWholePurchaseIsReturnedTwiceUnderTwoIds() {
            // the till sends the refund twice with fresh ids: the second finds nothing left to reverse
            Life life = Life.enrolled();
            life.purchase("p-1", "100.00");
            life.purchase("p-2", "100.00");

            life.giveBack("ret-a", "p-1", "100.00");
            life.giveBack("ret-b", "p-1", "100.00");

            assertThat(life.balance()).isEqualTo(100);
            assertThat(life.lot("p-2").remaining()).isEqualTo(100);
            assertThat(life.summary().debt().value()).isZero();
        }

        @Test
        void shouldClawBackWhatWasActuallyEarnedWhenPurchaseEarnedBonusPoints() {
            // the simple pack doubles points at the weekend: 50.00 on a Saturday earns 100, a return of half claws back 50
            Life life = Life.enrolled(Life.program().build(), JavaRules.simplePack(), null, Fixtures.SATURDAY);
            life.purchase("p-1", "50.00");
            assertThat(life.lot("p-1").points()).isEqualTo(100);

            life.giveBack("ret-1", "p-1", "25.00");

            assertThat(life.lot("p-1").remaining()).isEqualTo(50);
        }

        @Test
        void shouldClawBackEverythingOnceWhenPurchaseOfFreeItemsThatEarnedPointsIsReturned() {
            // free items (a total of 0.00) that a campaign rewards with 30 points: any refund returns the whole purchase
            JavaRules perPurchase = JavaRules.of("per-purchase", ctx -> ctx.event() instanceof Purchase
                    ? List.of(new Decision.FixedPoints("FREEBIE", "30 points a purchase", Decision.WHOLE_EVENT, 30))
                    : List.of());
            Life life = Life.enrolled(Life.program().build(), perPurchase, null, Life.START);
            life.purchase("p-free", "0.00");
            life.purchase("p-other", "10.00");
            assertThat(life.lot("p-free").points()).isEqualTo(30);

            Outcome first = life.giveBack("ret-1", "p-free", "0.01");
            Outcome second = life.giveBack("ret-2", "p-free", "0.01");

            assertThat(first.points()).isEqualTo(Points.of(-30));
            assertThat(second.points()).isEqualTo(Points.ZERO);
            assertThat(life.lot("p-free").remaining()).isZero();
            assertThat(life.lot("p-free").clawedBack()).isEqualTo(30);
            assertThat(life.lot("p-other").remaining()).isEqualTo(30);
            assertThat(life.balance()).isEqualTo(30);
            life.assertConsistent();
        }
    }

    @Nested
    class DebtPolicy {

        @Test
        void shouldTakeFromOtherLotsBeforeRecordingDebtWhenReturnedPointsWereSpent() {
            Life life = Life.enrolled(Life.debt());
            life.purchase("p-1", "100");
            life.redeem("r-1", 100);
            life.purchase("p-2", "30");

            life.giveBack("ret-1", "p-1", "100");

            assertThat(life.takenBy("ret-1")).isEqualTo(Map.of("p-2", 30L));
            assertThat(life.balance()).isZero();
            assertThat(life.summary().debt().value()).isEqualTo(70);
            assertThat(life.store.account(life.member).debt()).isEqualTo(70);
            life.assertConsistent();
        }

        @Test
        void shouldNeverGoBelowZeroWhenEverythingWasSpentBeforeReturn() {
            // buy, earn, spend, return: the points the member kept are owed, not lost to the programme
            Life life = Life.enrolled(Life.debt());
            life.purchase("p-1", "100");
            life.redeem("r-1", 100);

            life.giveBack("ret-1", "p-1", "100");

            assertThat(life.balance()).isZero();
            assertThat(life.summary()).isEqualTo(new PointsSummary(Points.ZERO, Points.ZERO, Points.ZERO, Points.ZERO, Points.of(100)));
            assertThat(life.ledger().stream().filter(e -> e.type() == EntryType.REVERSE)).isEmpty();
        }

        @Test
        void shouldRepayDebtFirstWhenPointsAreEarnedAfterwards() {
            Life life = Life.enrolled(Life.debt());
            life.purchase("p-1", "100");
            life.redeem("r-1", 100);
            life.giveBack("ret-1", "p-1", "100");

            life.purchase("p-2", "150");

            assertThat(life.entriesOf("p-2")).extracting(LedgerEntry::type, e -> e.points().value(), LedgerEntry::lotId)
                    .containsExactly(tuple(EntryType.EARN, 150L, "p-2"), tuple(EntryType.REPAY, -100L, "p-2"));
            assertThat(life.balance()).isEqualTo(50);
            assertThat(life.summary().debt().value()).isZero();
            assertThat(life.spendable()).isEqualTo(50);
            life.assertConsistent();
        }

        @Test
        void shouldRepayDebtOverSeveralEarningsWhenEachIsSmallerThanTheDebt() {
            Life life = Life.enrolled(Life.debt());
            life.purchase("p-1", "100");
            life.redeem("r-1", 100);
            life.giveBack("ret-1", "p-1", "100");

            life.purchase("p-2", "60");
            assertThat(life.summary().debt().value()).isEqualTo(40);
            assertThat(life.balance()).isZero();
            life.purchase("p-3", "60");

            assertThat(life.summary().debt().value()).isZero();
            assertThat(life.balance()).isEqualTo(20);
        }

        @Test
        void shouldLeaveHeldLotsInPlaceAndOweTheRestWhenClawingBackFromOtherLots() {
            Life life = Life.enrolled(Life.debt());
            life.purchase("p-1", "100");
            life.redeem("r-1", 100);
            life.purchase("p-2", "50");
            life.hold("h-1", 50);

            life.giveBack("ret-1", "p-1", "100");

            assertThat(life.lot("p-2").remaining()).isEqualTo(50);
            assertThat(life.summary().debt().value()).isEqualTo(100);
            assertThat(life.balance()).isEqualTo(50);
        }

        @Test
        void shouldRefuseCaptureWhenReturnLeftMoreDebtThanTheHeldPoints() {
            // same as under the negative-balance policy: what is owed comes off what can be spent, held or not
            Life life = Life.enrolled(Life.debt());
            life.purchase("p-1", "100");
            life.redeem("r-1", 100);
            life.purchase("p-2", "50");
            life.hold("h-1", 50);
            life.giveBack("ret-1", "p-1", "100");
            Object before = life.state();

            assertThatThrownBy(() -> life.capture("c-1", "h-1")).isInstanceOf(InsufficientPointsException.class);
            assertThat(life.state()).isEqualTo(before);
        }

        @Test
        void shouldNotLetDebtorSpendWhenWhatIsOwedAndHeldPassWhatALongHolds() {
            // 10^13 points a pound; a hold of 4 * 10^18 stays active while returns of spent purchases leave 6 * 10^18 owed:
            // spendable is -10^19, which a long does not hold
            JavaRules rules = JavaRules.of("huge", ctx -> ctx.event() instanceof Purchase
                    ? List.of(new Decision.BaseRate("BASE", "10^13 points a pound", Decision.WHOLE_EVENT, new BigDecimal("1E+13")))
                    : List.of());
            Life life = Life.enrolled(Life.debt().maxPointsPerCredit(Long.MAX_VALUE).build(), rules, null, Life.START);
            life.purchase("p-1", "400000");
            life.hold("h-1", 4_000_000_000_000_000_000L, Duration.ofDays(1));
            life.advance(Duration.ofMinutes(1));
            life.purchase("p-2", "300000");
            life.redeem("r-1", 3_000_000_000_000_000_000L);
            life.advance(Duration.ofMinutes(1));
            life.purchase("p-3", "300000");
            life.redeem("r-2", 3_000_000_000_000_000_000L);
            life.giveBack("ret-1", "p-1", "400000");
            life.giveBack("ret-2", "p-2", "300000");
            life.giveBack("ret-3", "p-3", "300000");
            Object before = life.state();

            assertThat(life.summary().debt().value()).isEqualTo(6_000_000_000_000_000_000L);
            assertThat(life.summary().spendable().value()).isZero();
            assertThatThrownBy(() -> life.redeem("r-3", 1)).isInstanceOf(InsufficientPointsException.class);
            assertThat(life.state()).isEqualTo(before);
        }

        @Test
        void shouldNotLetDebtorSpendWhenHoldIsVoidedAfterReturn() {
            // buy 100 and 50, spend 100, hold the last 50, return the 100: the claw-back cannot take held points, so
            // 100 is owed; voiding the hold must not turn those 50 into points the member can spend while owing
            Life life = Life.enrolled(Life.debt());
            life.purchase("p-1", "100");
            life.purchase("p-2", "50");
            life.redeem("r-1", 100);
            life.hold("h-1", 50);
            life.giveBack("ret-1", "p-1", "100");

            life.voidHold("v-1", "h-1");

            assertThat(life.summary().debt().value()).isEqualTo(100);
            assertThat(life.summary().spendable().value()).isZero();
            assertThatThrownBy(() -> life.redeem("r-2", 50)).isInstanceOf(InsufficientPointsException.class);
        }

        @Test
        void shouldNotLetDebtorSpendWhenOtherPurchasesPointsAreReleasedAfterReturn() {
            // buy, earn, spend, return, keep the points: the debt must come off the points released later
            Life life = Life.enrolled(Life.debt().returnWindowDays(14));
            life.purchase("p-1", "100");
            life.advanceDays(15).redeem("r-1", 100);
            life.purchase("p-2", "200");
            life.advanceDays(1).giveBack("ret-1", "p-1", "100");
            assertThat(life.summary().debt().value()).isEqualTo(100);

            life.advanceDays(14);

            assertThat(life.summary().debt().value()).isEqualTo(100);
            assertThat(life.spendable()).isEqualTo(100);
            assertThatThrownBy(() -> life.redeem("r-2", 101)).isInstanceOf(InsufficientPointsException.class);
        }
    }

    @Nested
    class NegativeBalancePolicy {

        @Test
        void shouldGoNegativeThroughDebtLotWhenReturnedPointsWereSpent() {
            Life life = Life.enrolled(Life.negativeBalance());
            life.purchase("p-1", "100");
            life.redeem("r-1", 100);

            life.giveBack("ret-1", "p-1", "100");

            assertThat(life.balance()).isEqualTo(-100);
            assertThat(life.lot(Lot.DEBT_LOT).remaining()).isEqualTo(-100);
            assertThat(life.entriesOf("ret-1")).extracting(LedgerEntry::type, e -> e.points().value(), LedgerEntry::lotId)
                    .containsExactly(tuple(EntryType.REVERSE, -100L, Lot.DEBT_LOT));
            assertThat(life.summary().debt().value()).isEqualTo(100);
            assertThat(life.summary().spendable().value()).isZero();
            assertThat(life.store.account(life.member).debt()).isZero();
            life.assertConsistent();
        }

        @Test
        void shouldTakeFromPurchasesOwnLotBeforeGoingNegativeWhenPartWasSpent() {
            Life life = Life.enrolled(Life.negativeBalance());
            life.purchase("p-1", "100");
            life.redeem("r-1", 60);

            life.giveBack("ret-1", "p-1", "100");

            assertThat(life.takenBy("ret-1")).isEqualTo(Map.of("p-1", 40L, Lot.DEBT_LOT, 60L));
            assertThat(life.balance()).isEqualTo(-60);
        }

        @Test
        void shouldRepayDebtKeptOffTheBalanceWhenTheProgramSwitchedToNegativeBalance() {
            Life life = Life.enrolled(Life.debt());
            life.purchase("p-1", "100");
            life.redeem("r-1", 100);
            life.giveBack("ret-1", "p-1", "100");
            LoyaltyEngine switched = switchedTo(life, Life.negativeBalance());

            switched.process(life.purchaseEvent("p-2", "150"));

            assertThat(switched.summary(life.member)).isEqualTo(new PointsSummary(Points.of(50), Points.of(50), Points.ZERO, Points.ZERO, Points.ZERO));
            assertThat(life.entriesOf("p-2")).extracting(LedgerEntry::type, e -> e.points().value(), LedgerEntry::lotId)
                    .containsExactly(tuple(EntryType.EARN, 150L, "p-2"), tuple(EntryType.REPAY, -100L, "p-2"));
            assertThat(life.store.account(life.member).debt()).isZero();
            life.assertConsistent();
        }

        /** The program's claw-back policy changed: a new engine over the same store and clock. */
        private LoyaltyEngine switchedTo(Life life, dev.loyalty.core.ProgramSettings.Builder program) {
            return LoyaltyEngine.builder().program(program.build()).clock(life.clock).store(life.store).ruleEngine(Life.BASE_ONLY).build();
        }

        @Test
        void shouldRepayNegativeBalanceFirstWhenPointsAreEarnedAfterwards() {
            Life life = Life.enrolled(Life.negativeBalance());
            life.purchase("p-1", "100");
            life.redeem("r-1", 100);
            life.giveBack("ret-1", "p-1", "100");

            life.purchase("p-2", "150");

            assertThat(life.entriesOf("p-2")).extracting(LedgerEntry::type, e -> e.points().value(), LedgerEntry::lotId)
                    .containsExactly(tuple(EntryType.EARN, 150L, "p-2"), tuple(EntryType.REPAY, -100L, "p-2"),
                            tuple(EntryType.REPAY, 100L, Lot.DEBT_LOT));
            assertThat(life.balance()).isEqualTo(50);
            assertThat(life.lot(Lot.DEBT_LOT).remaining()).isZero();
            assertThat(life.lot("p-2").remaining()).isEqualTo(50);
            assertThat(life.summary().debt().value()).isZero();
            assertThat(life.spendable()).isEqualTo(50);
            life.assertConsistent();
        }

        @Test
        void shouldSubtractNegativeBalanceFromSpendableWhenOtherPointsRemain() {
            Life life = Life.enrolled(Life.negativeBalance());
            life.purchase("p-1", "100");
            life.redeem("r-1", 100);
            life.purchase("p-2", "30");

            life.giveBack("ret-1", "p-1", "100");

            assertThat(life.balance()).isEqualTo(-70);
            assertThat(life.spendable()).isZero();
            assertThatThrownBy(() -> life.redeem("r-2", 1)).isInstanceOf(InsufficientPointsException.class);
        }
        @Test
        void shouldRefuseWithPointsOverflowAndStoreNothingWhenTheDebtLotWouldOweMoreThanALongHolds() {
            // 10^13 points a pound, so that two spent purchases of 5 * 10^18 points each can be returned
            JavaRules rules = JavaRules.of("huge", ctx -> ctx.event() instanceof Purchase
                    ? List.of(new Decision.BaseRate("BASE", "10^13 points a pound", Decision.WHOLE_EVENT, new BigDecimal("1E+13")))
                    : List.of());
            Life life = Life.enrolled(Life.negativeBalance().maxPointsPerCredit(Long.MAX_VALUE).build(), rules, null, Life.START);
            long fiveQuintillion = 5_000_000_000_000_000_000L;
            life.purchase("p-1", "500000");
            life.redeem("r-1", fiveQuintillion);
            life.advance(Duration.ofMinutes(1));
            life.purchase("p-2", "500000");
            life.redeem("r-2", fiveQuintillion);
            life.advance(Duration.ofMinutes(1));
            life.purchase("p-3", "100000");
            life.giveBack("ret-1", "p-1", "500000");
            Object before = life.state();

            // the balance would be 10^18 - 10^19, which a long holds; the debt lot's -10^19 does not
            assertThatThrownBy(() -> life.giveBack("ret-2", "p-2", "500000")).isInstanceOf(PointsOverflowException.class);

            assertThat(life.state()).isEqualTo(before);
            assertThat(life.lot(Lot.DEBT_LOT).remaining()).isEqualTo(-fiveQuintillion);
            life.assertConsistent();
        }

        @Test
        void shouldRefuseCaptureWhenReturnLeftMoreOwedThanTheHeldPoints() {
            Life life = Life.enrolled(Life.negativeBalance());
            life.purchase("p-1", "100");
            life.redeem("r-1", 100);
            life.purchase("p-2", "50");
            life.hold("h-1", 50);
            life.giveBack("ret-1", "p-1", "100");

            assertThatThrownBy(() -> life.capture("c-1", "h-1")).isInstanceOf(InsufficientPointsException.class);
            assertThat(life.balance()).isEqualTo(-50);
        }
    }

    @Nested
    class Unlinked {

        private Life withRate(String rate) {
            return Life.enrolled(Life.program().unlinkedReturnPointsPerUnit(new BigDecimal(rate)));
        }

        @Test
        void shouldRecordReturnAndChangeNothingWhenNoPurchaseIsNamedAndRateIsZero() {
            Life life = withRate("0");
            life.purchase("p-1", "100");

            Outcome outcome = life.giveBack("ret-1", null, "40");

            assertThat(outcome.points().value()).isZero();
            assertThat(life.store.findEvent(EventId.of("ret-1"))).isPresent();
            assertThat(life.balance()).isEqualTo(100);
            assertThat(life.entriesOf("ret-1")).isEmpty();
        }

        @Test
        void shouldRecordReturnWithoutErrorWhenNamedPurchaseIsUnknown() {
            Life life = withRate("0");
            life.purchase("p-1", "100");

            Outcome outcome = life.giveBack("ret-1", "never-seen", "40");

            assertThat(outcome.points().value()).isZero();
            assertThat(life.balance()).isEqualTo(100);
            assertThat(outcome.explanation().toText()).contains("unknown");
        }

        @Test
        void shouldClawBackAtRateFromSpendablePointsWhenRateIsSet() {
            Life life = withRate("1");
            life.purchase("p-1", "100");

            life.giveBack("ret-1", null, "40.99");

            assertThat(life.balance()).isEqualTo(60);
            assertThat(life.lot("p-1").clawedBack()).as("not a return of p-1").isZero();
        }

        @Test
        void shouldNeverClawBackIntoDebtWhenUnlinkedReturnExceedsSpendable() {
            Life life = Life.enrolled(Life.debt().unlinkedReturnPointsPerUnit(BigDecimal.ONE));
            life.purchase("p-1", "30");

            life.giveBack("ret-1", null, "100");

            assertThat(life.balance()).isZero();
            assertThat(life.summary().debt().value()).isZero();
        }

        @Test
        void shouldNeverGoNegativeWhenUnlinkedReturnExceedsSpendableUnderNegativeBalancePolicy() {
            Life life = Life.enrolled(Life.negativeBalance().unlinkedReturnPointsPerUnit(BigDecimal.ONE));
            life.purchase("p-1", "30");

            life.giveBack("ret-1", null, "100");

            assertThat(life.balance()).isZero();
            assertThat(life.engine.lots(life.member)).extracting(Lot::id).doesNotContain(Lot.DEBT_LOT);
        }

        @Test
        void shouldClawBackOnlyUnheldUnpendingPointsWhenUnlinkedReturnHasRate() {
            Life life = Life.enrolled(Life.program().returnWindowDays(14).unlinkedReturnPointsPerUnit(BigDecimal.ONE));
            life.purchase("p-1", "100");
            life.advanceDays(14).purchase("p-pending", "500");
            life.hold("h-1", 70);

            life.giveBack("ret-1", null, "100");

            assertThat(life.takenBy("ret-1")).isEqualTo(Map.of("p-1", 30L));
            life.capture("c-1", "h-1");
            assertThat(life.lot("p-pending").remaining()).isEqualTo(500);
        }

        @Test
        void shouldTreatReturnAsUnlinkedInABatchWhenItsPurchaseIsListedAfterIt() {
            Life life = withRate("1");
            life.purchase("p-1", "100");

            List<EventResult> results = life.engine.processAll(List.of(life.returnEvent("ret-1", "p-later", "40"),
                    life.purchaseEvent("p-later", "50")));

            assertThat(results).allSatisfy(result -> assertThat(result.error()).isNull());
            assertThat(results.get(0).outcome().explanation().toText()).contains("purchase p-later unknown for this member");
            assertThat(life.lot("p-later").clawedBack()).isZero();
            assertThat(life.balance()).isEqualTo(110);
        }
    }

    @Nested
    class MisnamedPurchase {

        private Life withOther() {
            Life life = Life.enrolled(Life.program().unlinkedReturnPointsPerUnit(BigDecimal.ONE));
            life.engine.process(Enrolment.of(EventId.of("enrol-m-2"), OTHER, life.now()));
            return life;
        }

        private Purchase theirs(Life life, String id) {
            return Purchase.builder(EventId.of(id), OTHER, life.now()).line("SKU", "general", 1, Fixtures.gbp("100")).build();
        }

        private Object states(Life life) {
            return List.of(life.state(), life.store.balance(OTHER), life.store.ledger(OTHER), life.store.lots(OTHER), life.store.returns(OTHER),
                    life.store.returns(life.member));
        }

        @Test
        void shouldRefuseAReturnNamingAnotherMembersPurchaseAndChangeNothing() {
            Life life = withOther();
            life.engine.process(theirs(life, "p-theirs"));
            life.purchase("p-mine", "100");
            Object before = states(life);

            assertThatThrownBy(() -> life.giveBack("ret-1", "p-theirs", "100"))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("return.purchaseId"))
                    .hasMessageContaining("p-theirs").hasMessageContaining("member m-2").hasMessageContaining("member m-1");

            assertThat(states(life)).isEqualTo(before);
            assertThat(life.store.findEvent(EventId.of("ret-1"))).isEmpty();
        }

        @Test
        void shouldRefuseAReturnNamingAnEventOfItsMemberThatIsNotAPurchaseAndChangeNothing() {
            Life life = withOther();
            life.purchase("p-1", "100");
            life.redeem("red-1", 10);
            Object before = states(life);

            assertThatThrownBy(() -> life.giveBack("ret-1", "red-1", "40"))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("return.purchaseId"))
                    .hasMessageContaining("red-1").hasMessageContaining("redemption").hasMessageContaining("member m-1");

            assertThat(states(life)).isEqualTo(before);
            assertThat(life.store.findEvent(EventId.of("ret-1"))).isEmpty();
        }

        @Test
        void shouldRefuseAReturnNamingItsMembersEnrolment() {
            Life life = Life.enrolled(Life.program().build(), JavaRules.simplePack(), null, Life.START);
            Object before = life.state();

            assertThatThrownBy(() -> life.giveBack("ret-1", "enrol-m-1", "100"))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("return.purchaseId"))
                    .hasMessageContaining("enrol-m-1").hasMessageContaining("enrolment");

            assertThat(life.state()).isEqualTo(before);
        }

        @Test
        void shouldRefuseInABatchAReturnNamingAnotherMembersRecordedPurchaseAndApplyTheRest() {
            Life life = withOther();
            life.engine.process(theirs(life, "p-theirs"));
            life.purchase("p-mine", "100");

            List<EventResult> results = life.engine.processAll(List.of(life.returnEvent("ret-1", "p-theirs", "100"),
                    life.returnEvent("ret-2", "p-mine", "25")));

            assertThat(results.get(0).error()).isInstanceOfSatisfying(InvalidInputException.class,
                    e -> assertThat(e.field()).isEqualTo("return.purchaseId")).hasMessageContaining("p-theirs").hasMessageContaining("member m-2");
            assertThat(results.get(1).error()).isNull();
            assertThat(life.store.findEvent(EventId.of("ret-1"))).isEmpty();
            assertThat(life.engine.balance(OTHER).value()).isEqualTo(100);
            assertThat(life.balance()).isEqualTo(75);
        }

        @Test
        void shouldRefuseInABatchAReturnNamingAnotherMembersPurchaseListedBeforeIt() {
            Life life = withOther();
            life.purchase("p-mine", "100");

            List<EventResult> results = life.engine.processAll(List.of(theirs(life, "p-theirs"), life.returnEvent("ret-1", "p-theirs", "100")));

            assertThat(results.get(0).error()).isNull();
            assertThat(results.get(1).error()).isInstanceOfSatisfying(InvalidInputException.class,
                    e -> assertThat(e.field()).isEqualTo("return.purchaseId")).hasMessageContaining("p-theirs").hasMessageContaining("member m-2");
            assertThat(life.store.findEvent(EventId.of("ret-1"))).isEmpty();
            assertThat(life.balance()).isEqualTo(100);
        }

        @Test
        void shouldRefuseInABatchAReturnNamingAnEventOfItsMemberListedBeforeItThatIsNotAPurchase() {
            Life life = withOther();
            life.purchase("p-1", "100");

            List<EventResult> results = life.engine.processAll(List.of(life.redemption("red-1", 10), life.returnEvent("ret-1", "red-1", "40")));

            assertThat(results.get(0).error()).isNull();
            assertThat(results.get(1).error()).isInstanceOfSatisfying(InvalidInputException.class,
                    e -> assertThat(e.field()).isEqualTo("return.purchaseId")).hasMessageContaining("red-1").hasMessageContaining("redemption");
            assertThat(life.balance()).isEqualTo(90);
        }

        @Test
        void shouldTreatReturnAsUnlinkedInABatchWhenTheOtherMembersEventListedBeforeItUnderItsPurchaseIdWasRefused() {
            Life life = withOther();
            life.purchase("p-1", "100");
            Purchase ghosts = Purchase.builder(EventId.of("p-ghost"), MemberId.of("ghost"), life.now()).line("SKU", "general", 1, Fixtures.gbp("100"))
                    .build();

            List<EventResult> results = life.engine.processAll(List.of(ghosts, life.returnEvent("ret-1", "p-ghost", "40")));

            assertThat(results.get(0).error()).isNotNull();
            assertThat(results.get(1).error()).isNull();
            assertThat(results.get(1).outcome().explanation().toText()).contains("purchase p-ghost unknown for this member");
            assertThat(life.balance()).isEqualTo(60);
        }

        @Test
        void shouldLinkInABatchAReturnToItsMembersPurchaseListedBeforeIt() {
            Life life = withOther();

            List<EventResult> results = life.engine.processAll(List.of(life.purchaseEvent("p-1", "100"), theirs(life, "p-theirs"),
                    life.returnEvent("ret-1", "p-1", "25")));

            assertThat(results).allSatisfy(result -> assertThat(result.error()).isNull());
            assertThat(life.lot("p-1").clawedBack()).isEqualTo(25);
            assertThat(life.balance()).isEqualTo(75);
        }
    }
}
