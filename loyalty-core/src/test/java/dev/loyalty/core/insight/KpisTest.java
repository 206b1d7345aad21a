package dev.loyalty.core.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.core.InvalidInputException;
import dev.loyalty.core.ProgramSettings;
import dev.loyalty.core.model.EntryType;
import dev.loyalty.core.model.Money;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * KPIs over February 2026 (28 days; the previous period is the 28 days from 4 January) on a
 * hand-made history whose every figure is worked out in the comments.
 */
class KpisTest {

    private static final ProgramSettings PROGRAM = ProgramSettings.builder().currency("GBP").build();
    private static final LocalDate FEB = LocalDate.of(2026, 2, 1);
    private static final LocalDate MAR = LocalDate.of(2026, 3, 1);

    private History history;

    @BeforeEach
    void writeHistory() {
        history = new History()
                // alice: bought in both periods, twice in February, then redeemed
                .member("alice", "2026-01-01", "gold")
                .purchase("alice", "a1", "2026-01-10", "100", 100)
                .purchase("alice", "a2", "2026-02-05", "50", 50)
                .purchase("alice", "a3", "2026-02-20", "30", 30)
                .entry("alice", "a1", EntryType.REDEEM, -40, "2026-02-25")
                // bob: bought in the previous period only; his points expired in February
                .member("bob", "2026-01-01", "member")
                .purchase("bob", "b1", "2026-01-15", "20", 20)
                .entry("bob", "b1", EntryType.EXPIRE, -20, "2026-02-14")
                // carol: enrolled and bought in February, returned part of it
                .member("carol", "2026-02-10", "member")
                .purchase("carol", "c1", "2026-02-12", "10", 10)
                .entry("carol", "c1", EntryType.REVERSE, -5, "2026-02-13")
                // erin: bought before the previous period began
                .member("erin", "2025-12-01", "member")
                .purchase("erin", "e1", "2026-01-02", "7", 7)
                // dave: enrolled after the period
                .member("dave", "2026-03-05", "silver")
                .purchase("dave", "d1", "2026-03-05", "9", 9);
    }

    private ProgramKpis kpis(KpiSettings.Builder settings) {
        return Insights.of(history.store, PROGRAM).kpis(settings.build());
    }

    private ProgramKpis february() {
        return kpis(KpiSettings.builder(FEB, MAR).pointValue(Money.of("0.01", "GBP")));
    }

    @Test
    void shouldCountMembersEnrolledBeforeThePeriodsEndWhenSomeEnrolLater() {
        assertThat(february().members()).isEqualTo(4);   // alice, bob, carol, erin; not dave
    }

    @Test
    void shouldCountMembersWhoEnrolledInThePeriodAsNew() {
        assertThat(february().newMembers()).isEqualTo(1);   // carol
    }

    @Test
    void shouldCountMembersWithAPurchaseInThePeriodAsActive() {
        ProgramKpis kpis = february();

        assertThat(kpis.activeMembers()).isEqualTo(2);           // alice, carol
        assertThat(kpis.previousActiveMembers()).isEqualTo(2);   // alice, bob (erin bought before 4 January)
    }

    @Test
    void shouldRetainPreviousBuyersWhoBuyAgainAndChurnTheOthers() {
        ProgramKpis kpis = february();

        assertThat(kpis.retention()).isEqualTo(new Ratio(1, 2));   // alice of alice and bob
        assertThat(kpis.churn()).isEqualTo(new Ratio(1, 2));       // bob
        assertThat(kpis.retention().percent()).isEqualByComparingTo("50.00");
    }

    @Test
    void shouldCountActiveMembersWithTwoPurchasesAsRepurchasers() {
        assertThat(february().repurchase()).isEqualTo(new Ratio(1, 2));   // alice of alice and carol
    }

    @Test
    void shouldSumPointsFlowsOfThePeriodByEntryType() {
        ProgramKpis kpis = february();

        assertThat(kpis.pointsIssued()).isEqualTo(50 + 30 + 10);
        assertThat(kpis.pointsRedeemed()).isEqualTo(40);
        assertThat(kpis.pointsExpired()).isEqualTo(20);
        assertThat(kpis.pointsClawedBack()).isEqualTo(5);
    }

    @Test
    void shouldValueTheLiabilityAtThePeriodsEndWithThePointValue() {
        ProgramKpis kpis = february();

        // alice 100 + 50 + 30 - 40, bob 20 - 20, carol 10 - 5, erin 7; dave's March points are after the end
        assertThat(kpis.liabilityPoints()).isEqualTo(152);
        assertThat(kpis.liabilityValue()).isEqualTo(Money.of("1.52", "GBP"));
    }

    @Test
    void shouldLeaveTheLiabilityValueOutWhenNoPointValueIsGiven() {
        assertThat(kpis(KpiSettings.builder(FEB, MAR)).liabilityValue()).isNull();
    }

    @Test
    void shouldRateBreakageAndRedemptionAgainstPointsIssued() {
        ProgramKpis kpis = february();

        assertThat(kpis.breakage()).isEqualTo(new Ratio(20, 90));
        assertThat(kpis.redemption()).isEqualTo(new Ratio(40, 90));
        assertThat(kpis.redemption().percent()).isEqualByComparingTo("44.44");
    }

    @Test
    void shouldCountMembersPerTierInLadderOrderWithEmptyTiers() {
        assertThat(february().tiers()).containsExactly(new ProgramKpis.TierCount("member", 3), new ProgramKpis.TierCount("silver", 0),
                new ProgramKpis.TierCount("gold", 1), new ProgramKpis.TierCount("diamond", 0));
    }

    @Test
    void shouldTrackTheLiabilityAtEveryStepOfThePeriod() {
        ProgramKpis kpis = kpis(KpiSettings.builder(FEB, MAR).liabilityStep(Period.ofDays(14)));

        assertThat(kpis.liability()).containsExactly(
                new ProgramKpis.LiabilityPoint(FEB, 100 + 20 + 7),
                new ProgramKpis.LiabilityPoint(LocalDate.of(2026, 2, 15), 127 + 50 + 10 - 5 - 20),
                new ProgramKpis.LiabilityPoint(MAR, 152));
    }

    @Test
    void shouldLeaveRatesUndefinedWhenTheStoreIsEmpty() {
        ProgramKpis kpis = Insights.of(new History().store, PROGRAM).kpis(KpiSettings.builder(FEB, MAR).build());

        assertThat(List.of(kpis.retention(), kpis.churn(), kpis.repurchase(), kpis.breakage(), kpis.redemption()))
                .allMatch(ratio -> !ratio.isDefined() && ratio.percent() == null && ratio.toString().equals("n/a"));
    }

    @Test
    void shouldRefuseAPeriodThatEndsBeforeItStarts() {
        assertThatThrownBy(() -> KpiSettings.builder(MAR, FEB)).isInstanceOf(InvalidInputException.class).hasMessageContaining("kpi.to");
    }
}
