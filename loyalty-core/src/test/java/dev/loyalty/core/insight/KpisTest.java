package dev.loyalty.core.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.core.CurrencyMismatchException;
import dev.loyalty.core.InvalidInputException;
import dev.loyalty.core.ProgramSettings;
import dev.loyalty.core.model.EntryType;
import dev.loyalty.core.model.Money;
import dev.loyalty.core.model.OfferStatus;
import dev.loyalty.core.model.OfferTrigger;
import dev.loyalty.core.tier.TierChange;
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
                .purchase("dave", "d1", "2026-03-05", "9", 9)
                // tier history: alice went member -> silver in January, silver -> gold in February;
                // bob was demoted gold -> silver in February after a grace period and had an override;
                // carol went member -> silver in February; dave's promotion is in March
                .tierChange("alice", TierChange.Kind.ENROLMENT, "member", "member", "2026-01-01")
                .tierChange("alice", TierChange.Kind.PROMOTION, "member", "silver", "2026-01-10")
                .tierChange("alice", TierChange.Kind.PROMOTION, "silver", "gold", "2026-02-05")
                .tierChange("bob", TierChange.Kind.GRACE, "gold", "gold", "2026-01-20")
                .tierChange("bob", TierChange.Kind.DEMOTION, "gold", "silver", "2026-02-18")
                .tierChange("bob", TierChange.Kind.OVERRIDE, "silver", "diamond", "2026-02-19")
                .tierChange("bob", TierChange.Kind.OVERRIDE_EXPIRED, "diamond", "silver", "2026-02-26")
                .tierChange("carol", TierChange.Kind.PROMOTION, "member", "silver", "2026-02-12")
                .tierChange("dave", TierChange.Kind.PROMOTION, "member", "silver", "2026-03-05")
                // offers: bob's January win-back converted (before the period); in February erin's
                // win-back converted, bob's second one expired unconverted, carol's win-back is still
                // open, alice's birthday offer was redeemed; dave's offer is in March
                .offer("bob", "WB-BOB-1", OfferTrigger.WIN_BACK, "2026-01-20", OfferStatus.REDEEMED, true)
                .offer("erin", "WB-ERIN", OfferTrigger.WIN_BACK, "2026-02-03", OfferStatus.REDEEMED, true)
                .offer("bob", "WB-BOB-2", OfferTrigger.WIN_BACK, "2026-02-16", OfferStatus.EXPIRED, false)
                .offer("carol", "WB-CAROL", OfferTrigger.WIN_BACK, "2026-02-27", OfferStatus.ISSUED, null)
                .offer("alice", "BD-ALICE", OfferTrigger.BIRTHDAY, "2026-02-14", OfferStatus.REDEEMED, null)
                .offer("dave", "WB-DAVE", OfferTrigger.WIN_BACK, "2026-03-06", OfferStatus.ISSUED, null)
                // referrals: carol joined in February with alice's code, dave in March with carol's
                .referred("carol", "alice", "2026-02-10")
                .referred("dave", "carol", "2026-03-05");
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
    void shouldRefuseAPointValueInAnotherCurrencyThanTheProgramsNamingTheField() {
        // a GBP program valued in yen would report its liability as 152 JPY: a figure in the wrong currency
        assertThatThrownBy(() -> kpis(KpiSettings.builder(FEB, MAR).pointValue(Money.of("1", "JPY"))))
                .isInstanceOfSatisfying(CurrencyMismatchException.class, e -> assertThat(e.field()).isEqualTo("kpi.pointValue"))
                .hasMessageContaining("GBP").hasMessageContaining("JPY");
    }

    @Test
    void shouldValueTheLiabilityExactlyWhenThePointValueIsAFractionOfTheMinorUnit() {
        // half a yen a point: 152 points are worth 76 JPY, 153 would be 76.5 JPY, kept exact rather than rounded
        ProgramKpis kpis = Insights.of(history.store, ProgramSettings.builder().currency("JPY").build())
                .kpis(KpiSettings.builder(FEB, MAR).pointValue(Money.of("0.5", "JPY")).build());

        assertThat(kpis.liabilityValue()).isEqualTo(Money.of("76", "JPY"));
        assertThat(kpis.liabilityValue().amount().scale()).isZero();
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
    void shouldStepMonthlyFromTheThirtyFirstToEachMonthsLastDayWithoutDrifting() {
        ProgramKpis kpis = kpis(KpiSettings.builder(LocalDate.of(2026, 1, 31), LocalDate.of(2026, 5, 1)));

        assertThat(kpis.liability()).extracting(ProgramKpis.LiabilityPoint::date).containsExactly(LocalDate.of(2026, 1, 31),
                LocalDate.of(2026, 2, 28), LocalDate.of(2026, 3, 31), LocalDate.of(2026, 4, 30), LocalDate.of(2026, 5, 1));
    }

    @Test
    void shouldCountPromotionsAndDemotionsOfThePeriodButNotOverridesOrGrace() {
        ProgramKpis.TierMovements movements = february().tierMovements();

        assertThat(movements.promotions()).isEqualTo(2);   // alice silver -> gold, carol member -> silver
        assertThat(movements.demotions()).isEqualTo(1);    // bob gold -> silver
    }

    @Test
    void shouldCountTierMovementsPerPairInLadderOrder() {
        assertThat(february().tierMovements().moves()).containsExactly(
                new ProgramKpis.TierMove("member", "silver", true, 1),    // carol
                new ProgramKpis.TierMove("silver", "gold", true, 1),      // alice
                new ProgramKpis.TierMove("gold", "silver", false, 1));    // bob
    }

    @Test
    void shouldTakeAMovesDirectionFromItsRecordWhenItsTiersAreOffTheLadder() {
        // tiers renamed since: neither code is on the ladder any more, and "legacy-gold" sorts before "legacy-silver"
        history.tierChange("erin", TierChange.Kind.PROMOTION, "legacy-silver", "legacy-gold", "2026-02-08");

        ProgramKpis.TierMovements movements = february().tierMovements();

        assertThat(movements.promotions()).isEqualTo(3);
        assertThat(movements.moves()).contains(new ProgramKpis.TierMove("legacy-silver", "legacy-gold", true, 1));
        assertThat(movements.moves().stream().filter(ProgramKpis.TierMove::promotion).mapToLong(ProgramKpis.TierMove::members).sum())
                .isEqualTo(movements.promotions());
    }

    @Test
    void shouldCountTierMovementsByTheInstantOfTheChange() {
        ProgramKpis.TierMovements january = kpis(KpiSettings.builder(LocalDate.of(2026, 1, 1), FEB)).tierMovements();

        assertThat(january.promotions()).isEqualTo(1);   // alice member -> silver on 10 January
        assertThat(january.demotions()).isZero();        // bob's grace is not a demotion
    }

    @Test
    void shouldCountOffersIssuedInThePeriodAndThoseRedeemed() {
        ProgramKpis.OfferConversion offers = february().offers();

        assertThat(offers.issued()).isEqualTo(4);                        // erin's, bob's second, carol's, alice's birthday
        assertThat(offers.redeemed()).isEqualTo(2);                      // erin's and alice's
        assertThat(offers.redemption()).isEqualTo(new Ratio(2, 4));
    }

    @Test
    void shouldRateWinBackConversionOverWinBackOffersIssuedInThePeriod() {
        ProgramKpis.OfferConversion offers = february().offers();

        assertThat(offers.winBackIssued()).isEqualTo(3);                 // erin's, bob's second, carol's open one
        assertThat(offers.winBackConverted()).isEqualTo(1);              // erin's
        assertThat(offers.conversion()).isEqualTo(new Ratio(1, 3));
        assertThat(offers.conversion().percent()).isEqualByComparingTo("33.33");
    }

    @Test
    void shouldRateReferredSignUpsOverTheMembersWhoEnrolledInThePeriod() {
        assertThat(february().referral()).isEqualTo(new Ratio(1, 1));                        // carol, the one new member
        assertThat(kpis(KpiSettings.builder(LocalDate.of(2026, 1, 1), MAR)).referral()).isEqualTo(new Ratio(1, 3));   // carol of alice, bob and carol
    }

    @Test
    void shouldLeaveRatesUndefinedWhenTheStoreIsEmpty() {
        ProgramKpis kpis = Insights.of(new History().store, PROGRAM).kpis(KpiSettings.builder(FEB, MAR).build());

        assertThat(List.of(kpis.retention(), kpis.churn(), kpis.repurchase(), kpis.breakage(), kpis.redemption(),
                kpis.offers().redemption(), kpis.offers().conversion(), kpis.referral()))
                .allMatch(ratio -> !ratio.isDefined() && ratio.percent() == null && ratio.toString().equals("n/a"));
    }

    @Test
    void shouldRefuseSettingsMadeWithoutTheBuilderWhenTheBuilderWouldRefuseThem() {
        // a zero step never reaches the period's end: computing the liability series would loop until memory runs out
        assertThatThrownBy(() -> new KpiSettings(FEB, MAR, null, Period.ZERO)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("kpi.liabilityStep");
        assertThatThrownBy(() -> new KpiSettings(MAR, FEB, null, Period.ofMonths(1))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("kpi.to");
        assertThatThrownBy(() -> new KpiSettings(FEB, MAR, Money.of("-0.01", "GBP"), Period.ofMonths(1)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("kpi.pointValue");
    }

    @Test
    void shouldRefuseAPeriodOutsideTheDaysEveryStoreKeeps() {
        // LocalDate.MAX as an open end: the previous period would start before any LocalDate and the monthly liability
        // series would need twelve billion steps; LocalDate.MIN: the previous period would start before any LocalDate
        assertThatThrownBy(() -> KpiSettings.builder(FEB, LocalDate.MAX)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("kpi.to").hasMessageContaining("9999-12-31");
        assertThatThrownBy(() -> new KpiSettings(LocalDate.MIN, FEB, null, Period.ofMonths(1))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("kpi.from").hasMessageContaining("1900-01-01");
        assertThat(KpiSettings.builder(LocalDate.of(1900, 1, 1), LocalDate.of(9999, 12, 31)).build().previousFrom())
                .isEqualTo(LocalDate.of(1900, 1, 1).minusDays(LocalDate.of(9999, 12, 31).toEpochDay() - LocalDate.of(1900, 1, 1).toEpochDay()));
    }

    @Test
    void shouldRefuseAPeriodThatEndsBeforeItStarts() {
        assertThatThrownBy(() -> KpiSettings.builder(MAR, FEB)).isInstanceOf(InvalidInputException.class).hasMessageContaining("kpi.to");
    }
}
