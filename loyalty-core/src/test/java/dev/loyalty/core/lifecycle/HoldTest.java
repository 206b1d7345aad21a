package dev.loyalty.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import dev.loyalty.core.ExpiryPolicy;
import dev.loyalty.core.HoldStateException;
import dev.loyalty.core.InsufficientPointsException;
import dev.loyalty.core.InvalidInputException;
import dev.loyalty.core.event.Enrolment;
import dev.loyalty.core.event.HoldCapture;
import dev.loyalty.core.event.HoldVoid;
import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.model.EntryType;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.Hold;
import dev.loyalty.core.model.HoldStatus;
import dev.loyalty.core.model.LedgerEntry;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.testing.Fixtures;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HoldTest {

    private static Life withPoints(long points) {
        Life life = Life.enrolled();
        life.purchase("p-1", Long.toString(points));
        return life;
    }

    private static Hold hold(Life life, String id) {
        return life.engine.holds(life.member).stream().filter(h -> h.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void shouldReduceSpendableButNotBalanceWhenPointsAreHeld() {
        Life life = withPoints(100);

        life.hold("h-1", 30);

        assertThat(life.balance()).isEqualTo(100);
        assertThat(life.summary().spendable().value()).isEqualTo(70);
        assertThat(life.summary().held().value()).isEqualTo(30);
        assertThat(life.ledger()).extracting(LedgerEntry::type).containsExactly(EntryType.EARN);
    }

    @Test
    void shouldRefuseRedemptionOfHeldPointsWhenHoldIsActive() {
        Life life = withPoints(100);
        life.hold("h-1", 30);

        assertThatThrownBy(() -> life.redeem("r-1", 71)).isInstanceOf(InsufficientPointsException.class);
        life.redeem("r-2", 70);
        assertThat(life.balance()).isEqualTo(30);
    }

    @Test
    void shouldSpendHeldPointsWhenHoldIsCaptured() {
        Life life = withPoints(100);
        life.hold("h-1", 30);

        life.capture("c-1", "h-1");

        assertThat(life.balance()).isEqualTo(70);
        assertThat(life.summary().spendable().value()).isEqualTo(70);
        assertThat(life.summary().held().value()).isZero();
        assertThat(life.entriesOf("c-1")).extracting(e -> e.type(), e -> e.points().value())
                .containsExactly(tuple(EntryType.REDEEM, -30L));
        assertThat(hold(life, "h-1").status()).isEqualTo(HoldStatus.CAPTURED);
        life.assertConsistent();
    }

    @Test
    void shouldRefuseACaptureDatedBeforeItsHoldWasPlacedAndChangeNothing() {
        Life life = withPoints(100);
        life.advance(Duration.ofMinutes(10));
        life.hold("h-1", 30);
        Object before = life.state();
        Instant earlier = life.now().minusSeconds(60);

        assertThatThrownBy(() -> life.engine.process(new HoldCapture(EventId.of("c-1"), life.member, earlier, EventId.of("h-1"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("hold-capture.occurredAt").hasMessageContaining("h-1");

        assertThat(life.state()).isEqualTo(before);
        assertThat(hold(life, "h-1").status()).isEqualTo(HoldStatus.ACTIVE);
    }

    @Test
    void shouldRefuseAVoidDatedBeforeItsHoldWasPlacedAndChangeNothing() {
        Life life = withPoints(100);
        life.advance(Duration.ofMinutes(10));
        life.hold("h-1", 30);
        Object before = life.state();
        Instant earlier = life.now().minusSeconds(60);

        assertThatThrownBy(() -> life.engine.process(new HoldVoid(EventId.of("v-1"), life.member, earlier, EventId.of("h-1"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("hold-void.occurredAt").hasMessageContaining("h-1");

        assertThat(life.state()).isEqualTo(before);
    }

    @Test
    void shouldCaptureWhenHoldTakesEveryLastSpendablePoint() {
        Life life = withPoints(100);
        life.hold("h-1", 100);

        life.capture("c-1", "h-1");

        assertThat(life.balance()).isZero();
    }

    @Test
    void shouldRestoreSpendableWhenHoldIsVoided() {
        Life life = withPoints(100);
        life.hold("h-1", 30);

        life.voidHold("v-1", "h-1");

        assertThat(life.balance()).isEqualTo(100);
        assertThat(life.summary().spendable().value()).isEqualTo(100);
        assertThat(life.summary().held().value()).isZero();
        assertThat(hold(life, "h-1").status()).isEqualTo(HoldStatus.VOIDED);
        assertThat(life.entriesOf("v-1")).isEmpty();
    }

    @Test
    void shouldRestoreSpendableWhenHoldLapsesByTheClock() {
        Life life = withPoints(100);
        life.hold("h-1", 30, Duration.ofMinutes(15));

        life.advance(Duration.ofMinutes(15));

        assertThat(life.summary().spendable().value()).isEqualTo(100);
        assertThat(life.summary().held().value()).isZero();
    }

    @Test
    void shouldStillReserveWhenHoldHasOneSecondLeft() {
        Life life = withPoints(100);
        life.hold("h-1", 30, Duration.ofMinutes(15));

        life.advance(Duration.ofMinutes(15).minusSeconds(1));

        assertThat(life.summary().spendable().value()).isEqualTo(70);
        assertThatThrownBy(() -> life.redeem("r-1", 71)).isInstanceOf(InsufficientPointsException.class);
    }

    @Test
    void shouldThrowHoldStateAndChangeNothingWhenCapturingAfterHoldLapsed() {
        Life life = withPoints(100);
        life.hold("h-1", 30, Duration.ofMinutes(15));
        life.advance(Duration.ofMinutes(16));
        Object before = life.state();

        assertThatThrownBy(() -> life.capture("c-1", "h-1")).isInstanceOf(HoldStateException.class).hasMessageContaining("EXPIRED");

        assertThat(life.state()).isEqualTo(before);
        assertThat(life.balance()).isEqualTo(100);
    }

    @Test
    void shouldMarkHoldExpiredWhenSweptAfterItLapsed() {
        Life life = withPoints(100);
        life.hold("h-1", 30, Duration.ofMinutes(15));
        life.advance(Duration.ofMinutes(15));

        assertThat(life.engine.sweep().lapsedHolds()).isEqualTo(1);

        assertThat(hold(life, "h-1").status()).isEqualTo(HoldStatus.EXPIRED);
        assertThat(life.ledger()).extracting(LedgerEntry::type).containsExactly(EntryType.EARN);
    }

    @Test
    void shouldThrowHoldStateWhenCapturingVoidedHold() {
        Life life = withPoints(100);
        life.hold("h-1", 30);
        life.voidHold("v-1", "h-1");
        Object before = life.state();

        assertThatThrownBy(() -> life.capture("c-1", "h-1")).isInstanceOf(HoldStateException.class).hasMessageContaining("VOIDED");
        assertThat(life.state()).isEqualTo(before);
    }

    @Test
    void shouldThrowHoldStateWhenCapturingHoldTwiceUnderDifferentEventIds() {
        Life life = withPoints(100);
        life.hold("h-1", 30);
        life.capture("c-1", "h-1");
        Object before = life.state();

        assertThatThrownBy(() -> life.capture("c-2", "h-1")).isInstanceOf(HoldStateException.class).hasMessageContaining("CAPTURED");
        assertThat(life.state()).isEqualTo(before);
        assertThat(life.balance()).isEqualTo(70);
    }

    @Test
    void shouldSpendOnceWhenSameCaptureIsProcessedTwice() {
        Life life = withPoints(100);
        life.hold("h-1", 30);
        var first = life.capture("c-1", "h-1");

        assertThat(life.capture("c-1", "h-1")).isEqualTo(first);
        assertThat(life.balance()).isEqualTo(70);
    }

    @Test
    void shouldThrowHoldStateWhenVoidingCapturedHold() {
        Life life = withPoints(100);
        life.hold("h-1", 30);
        life.capture("c-1", "h-1");

        assertThatThrownBy(() -> life.voidHold("v-1", "h-1")).isInstanceOf(HoldStateException.class);
        assertThat(hold(life, "h-1").status()).isEqualTo(HoldStatus.CAPTURED);
    }

    @Test
    void shouldThrowHoldStateWhenCapturingUnknownHold() {
        Life life = withPoints(100);
        Object before = life.state();

        assertThatThrownBy(() -> life.capture("c-1", "no-such-hold")).isInstanceOf(HoldStateException.class);
        assertThat(life.state()).isEqualTo(before);
    }

    @Test
    void shouldThrowHoldStateWhenCapturingAnotherMembersHold() {
        Life life = withPoints(100);
        life.hold("h-1", 30);
        MemberId other = MemberId.of("m-2");
        life.engine.process(Enrolment.of(EventId.of("enrol-m-2"), other, life.now()));
        life.engine.process(Purchase.builder(EventId.of("p-2"), other, life.now()).line("SKU", "general", 1, Fixtures.gbp("100")).build());

        assertThatThrownBy(() -> life.engine.process(new HoldCapture(EventId.of("c-1"), other, life.now(), EventId.of("h-1"))))
                .isInstanceOf(HoldStateException.class);

        assertThat(life.engine.balance(other).value()).isEqualTo(100);
        assertThat(hold(life, "h-1").status()).isEqualTo(HoldStatus.ACTIVE);
        assertThat(life.summary().held().value()).isEqualTo(30);
    }

    @Test
    void shouldThrowInsufficientPointsAndStoreNoHoldWhenHoldingMoreThanSpendable() {
        Life life = withPoints(100);
        life.hold("h-1", 60);
        Object before = life.state();

        assertThatThrownBy(() -> life.hold("h-2", 41))
                .isInstanceOfSatisfying(InsufficientPointsException.class, e -> assertThat(e.spendable()).isEqualTo(40));

        assertThat(life.state()).isEqualTo(before);
        assertThat(life.engine.holds(life.member)).hasSize(1);
    }

    @Test
    void shouldCaptureAHoldWhenItsLotExpiredMeanwhile() {
        Life life = Life.enrolled(Life.expiring(ExpiryPolicy.rollingMonths(1)));
        life.purchase("p-1", "100");
        life.advanceDays(30).hold("h-1", 80, Duration.ofDays(5));
        life.advanceDays(2); // now 13 Feb: the lot earned 12 Jan expired on 12 Feb, under the hold, which keeps its 80 points

        life.capture("c-1", "h-1");

        assertThat(life.entries(EntryType.EXPIRE)).singleElement().extracting(e -> e.points().value()).isEqualTo(-20L);
        assertThat(life.takenBy("c-1")).containsExactly(entry("p-1", 80L));
        assertThat(life.balance()).isZero();
        life.assertConsistent();
    }
}
