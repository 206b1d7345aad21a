package dev.loyalty.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.core.ExpiryPolicy;
import dev.loyalty.core.InsufficientPointsException;
import dev.loyalty.core.Outcome;
import dev.loyalty.core.model.EntryType;
import dev.loyalty.core.model.LedgerEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedemptionTest {

    @Test
    void shouldSpendOldestLotFirstWhenLotsExpireInEarningOrder() {
        Life life = Life.enrolled(Life.expiring(ExpiryPolicy.rollingMonths(12)));
        life.purchase("p-old", "40");
        life.advanceDays(30).purchase("p-new", "40");

        life.advanceDays(1).redeem("r-1", 50);

        assertThat(life.takenBy("r-1")).isEqualTo(Map.of("p-old", 40L, "p-new", 10L));
        assertThat(life.lot("p-old").remaining()).isZero();
        assertThat(life.lot("p-new").remaining()).isEqualTo(30);
        life.assertConsistent();
    }

    @Test
    void shouldSpendSoonestExpiringLotFirstWhenItWasEarnedLater() {
        // rolling 1 month: 30 Jan 10:00 expires 28 Feb 10:00, but 31 Jan 09:00 expires 28 Feb 09:00, an hour sooner
        Life life = Life.enrolled(Life.expiring(ExpiryPolicy.rollingMonths(1)), null, Instant.parse("2026-01-30T10:00:00Z"));
        life.purchase("p-30th", "30");
        life.at(Instant.parse("2026-01-31T09:00:00Z")).purchase("p-31st", "30");
        assertThat(life.lot("p-31st").expiresAt()).isBefore(life.lot("p-30th").expiresAt());

        life.redeem("r-1", 40);

        assertThat(life.takenBy("r-1")).isEqualTo(Map.of("p-31st", 30L, "p-30th", 10L));
    }

    @Test
    void shouldSpendSoonestExpiringLotFirstWhenItWasRecordedLater() {
        Life life = Life.enrolled(Life.expiring(ExpiryPolicy.rollingMonths(12)), null, Life.START.minus(Duration.ofDays(60)));
        life.advanceDays(60);
        // late-arriving purchase: recorded second, but happened 50 days earlier, so it expires first
        life.purchase("p-recorded-first", "30");
        life.engine.process(life.purchaseEvent("p-happened-first", "30", life.now().minus(Duration.ofDays(50))));

        life.redeem("r-1", 40);

        assertThat(life.takenBy("r-1")).isEqualTo(Map.of("p-happened-first", 30L, "p-recorded-first", 10L));
    }

    @Test
    void shouldSpendEverythingWhenRedeemingExactlyTheSpendablePoints() {
        Life life = Life.enrolled();
        life.purchase("p-1", "70");
        life.purchase("p-2", "30");

        Outcome outcome = life.redeem("r-all", 100);

        assertThat(outcome.points().value()).isEqualTo(-100);
        assertThat(life.balance()).isZero();
        assertThat(life.spendable()).isZero();
        life.assertConsistent();
    }

    @Test
    void shouldThrowInsufficientPointsAndStoreNothingWhenRedeemingOneMoreThanSpendable() {
        Life life = Life.enrolled();
        life.purchase("p-1", "100");
        Object before = life.state();

        assertThatThrownBy(() -> life.redeem("r-too-much", 101))
                .isInstanceOfSatisfying(InsufficientPointsException.class, e -> {
                    assertThat(e.requested()).isEqualTo(101);
                    assertThat(e.spendable()).isEqualTo(100);
                });

        assertThat(life.state()).isEqualTo(before);
        assertThat(life.store.findEvent(life.redemption("r-too-much", 101).eventId())).isEmpty();
    }

    @Test
    void shouldThrowInsufficientPointsWhenEverythingWasSpentAndOnePointMoreIsAsked() {
        Life life = Life.enrolled();
        life.purchase("p-1", "100");
        life.redeem("r-1", 100);
        Object before = life.state();

        assertThatThrownBy(() -> life.redeem("r-2", 1)).isInstanceOf(InsufficientPointsException.class);

        assertThat(life.state()).isEqualTo(before);
    }

    @Test
    void shouldSpendOnceWhenSameRedemptionIsProcessedTwice() {
        Life life = Life.enrolled();
        life.purchase("p-1", "100");
        Outcome first = life.redeem("r-1", 60);
        Object after = life.state();

        Outcome again = life.redeem("r-1", 60);

        assertThat(again).isEqualTo(first);
        assertThat(life.state()).isEqualTo(after);
        assertThat(life.balance()).isEqualTo(40);
        assertThat(life.entries(EntryType.REDEEM)).extracting(LedgerEntry::points).hasSize(1);
    }

    @Test
    void shouldReplayOriginalOutcomeWhenRedemptionIsRepeatedAfterBalanceRanOut() {
        Life life = Life.enrolled();
        life.purchase("p-1", "100");
        Outcome first = life.redeem("r-1", 60);
        life.redeem("r-2", 40);

        // with 0 spendable a new redemption would fail; the replay must not, and must not spend again
        assertThat(life.redeem("r-1", 60)).isEqualTo(first);
        assertThat(life.balance()).isZero();
    }

    @Test
    void shouldNotSpendPendingPointsWhenRedeeming() {
        Life life = Life.enrolled(Life.program().returnWindowDays(14));
        life.purchase("p-1", "100");

        assertThatThrownBy(() -> life.redeem("r-1", 1)).isInstanceOf(InsufficientPointsException.class);
    }
}
