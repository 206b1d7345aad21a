package dev.loyalty.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.loyalty.core.InsufficientPointsException;
import dev.loyalty.core.SweepReport;
import dev.loyalty.core.model.EntryType;
import dev.loyalty.core.model.LedgerEntry;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class PendingPointsTest {

    private static Life withWindow() {
        return Life.enrolled(Life.program().returnWindowDays(14));
    }

    @Test
    void shouldCountPendingPointsInBalanceButNotSpendableWhenInsideReturnWindow() {
        Life life = withWindow();

        life.purchase("p-1", "100");

        assertThat(life.balance()).isEqualTo(100);
        assertThat(life.summary().pending().value()).isEqualTo(100);
        assertThat(life.summary().spendable().value()).isZero();
        assertThat(life.ledger()).extracting(LedgerEntry::type).containsExactly(EntryType.PENDING);
        assertThat(life.lot("p-1").pendingUntil()).isEqualTo(Life.START.plus(Duration.ofDays(14)));
    }

    @Test
    void shouldEarnSpendablePointsAtOnceWhenThereIsNoReturnWindow() {
        Life life = Life.enrolled();

        life.purchase("p-1", "100");

        assertThat(life.ledger()).extracting(LedgerEntry::type).containsExactly(EntryType.EARN);
        assertThat(life.spendable()).isEqualTo(100);
    }

    @Test
    void shouldKeepPointsPendingWhenOneSecondOfTheWindowIsLeft() {
        Life life = withWindow();
        life.purchase("p-1", "100");

        life.advance(Duration.ofDays(14).minusSeconds(1));

        assertThat(life.summary().pending().value()).isEqualTo(100);
        assertThat(life.engine.sweep().released()).isZero();
        assertThatThrownBy(() -> life.redeem("r-1", 1)).isInstanceOf(InsufficientPointsException.class);
    }

    @Test
    void shouldReleaseWithZeroPointEntryWhenSweptAfterWindowCloses() {
        Life life = withWindow();
        life.purchase("p-1", "100");
        life.advanceDays(14);

        SweepReport report = life.engine.sweep();

        assertThat(report.released()).isEqualTo(1);
        assertThat(report.changedMembers()).isEqualTo(1);
        assertThat(life.ledger()).extracting(LedgerEntry::type, e -> e.points().value(), LedgerEntry::lotId)
                .containsExactly(tuple(EntryType.PENDING, 100L, "p-1"), tuple(EntryType.RELEASE, 0L, "p-1"));
        assertThat(life.entries(EntryType.RELEASE).get(0).occurredAt()).isEqualTo(Life.START.plus(Duration.ofDays(14)));
        assertThat(life.lot("p-1").isPending()).isFalse();
        assertThat(life.balance()).isEqualTo(100);
        assertThat(life.summary().spendable().value()).isEqualTo(100);
        assertThat(life.summary().pending().value()).isZero();
    }

    @Test
    void shouldReleaseBeforeSpendingWhenNextEventComesAfterWindowWithoutSweep() {
        Life life = withWindow();
        life.purchase("p-1", "100");
        life.advanceDays(20);

        life.redeem("r-1", 100);

        assertThat(life.ledger()).extracting(LedgerEntry::type)
                .containsExactly(EntryType.PENDING, EntryType.RELEASE, EntryType.REDEEM);
        assertThat(life.balance()).isZero();
        life.assertConsistent();
    }

    @Test
    void shouldShowPendingAsSpendableInSummaryWhenWindowClosedButNothingWasSwept() {
        Life life = withWindow();
        life.purchase("p-1", "100");
        life.advanceDays(15);

        assertThat(life.summary().spendable().value()).isEqualTo(100);
        assertThat(life.summary().pending().value()).isZero();
        // the summary only reads: the release is written by a sweep or the next event
        assertThat(life.entries(EntryType.RELEASE)).isEmpty();
    }

    @Test
    void shouldCancelPendingPointsWhenWholePurchaseIsReturnedInsideWindow() {
        Life life = withWindow();
        life.purchase("p-1", "100");
        life.advanceDays(3);

        life.giveBack("ret-1", "p-1", "100");

        assertThat(life.balance()).isZero();
        assertThat(life.summary().pending().value()).isZero();
        assertThat(life.summary().debt().value()).isZero();
        assertThat(life.entriesOf("ret-1")).extracting(LedgerEntry::type, e -> e.points().value(), LedgerEntry::lotId)
                .containsExactly(tuple(EntryType.REVERSE, -100L, "p-1"));
        life.assertConsistent();
    }

    @Test
    void shouldReleaseOnlyTheRestWhenPartOfPurchaseWasReturnedInsideWindow() {
        Life life = withWindow();
        life.purchase("p-1", "100");
        life.advanceDays(3).giveBack("ret-1", "p-1", "40");

        life.advanceDays(11).engine.sweep();

        assertThat(life.summary().spendable().value()).isEqualTo(60);
        assertThat(life.balance()).isEqualTo(60);
    }

    @Test
    void shouldNotTouchOtherSpendablePointsWhenPendingPurchaseIsReturned() {
        Life life = withWindow();
        life.purchase("p-old", "50");
        life.advanceDays(15).purchase("p-new", "100");

        life.advanceDays(1).giveBack("ret-1", "p-new", "100");

        assertThat(life.lot("p-old").remaining()).isEqualTo(50);
        assertThat(life.summary().spendable().value()).isEqualTo(50);
    }

    @Test
    void shouldPendUntilSameLocalTimeWhenWindowSpansDstChange() {
        // 14 days from 2026-03-20 12:00 London (GMT) is 2026-04-03 12:00 London (BST) = 11:00Z, not 12:00Z
        Life life = Life.enrolled(Life.program().returnWindowDays(14), ZoneId.of("Europe/London"), Instant.parse("2026-03-20T12:00:00Z"));
        life.purchase("p-1", "100");

        assertThat(life.lot("p-1").pendingUntil()).isEqualTo(Instant.parse("2026-04-03T11:00:00Z"));
    }

    @Test
    void shouldEarnSpendablePointsWhenLatePurchaseArrivesAfterItsWindowClosed() {
        Life life = withWindow();
        life.advanceDays(30);

        life.engine.process(life.purchaseEvent("p-late", "100", life.now().minus(Duration.ofDays(20))));

        assertThat(life.ledger()).extracting(LedgerEntry::type).containsExactly(EntryType.EARN);
        assertThat(life.summary().spendable().value()).isEqualTo(100);
    }
}
