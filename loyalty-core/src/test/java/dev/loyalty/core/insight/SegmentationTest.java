package dev.loyalty.core.insight;

import static dev.loyalty.core.testing.Fixtures.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.core.InvalidInputException;
import dev.loyalty.core.ProgramSettings;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.spi.LoyaltyStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RFM values, quintile thresholds and segments on hand-made histories. */
class SegmentationTest {

    private static final ProgramSettings PROGRAM = ProgramSettings.builder().currency("GBP").build();
    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

    /** Ten buyers: b{i} made i purchases of 10 x i pounds each, the last 10 - i days before the run. */
    private static History tenBuyers() {
        History history = new History();
        for (int i = 1; i <= 10; i++) {
            String id = "b" + (i < 10 ? "0" : "") + i;
            history.member(id, "2025-01-01", "member");
            for (int j = 0; j < i; j++) {
                history.purchase(id, id + "-" + j, AS_OF.minusDays(10 - i + j).toString(), String.valueOf(10 * i), 0);
            }
        }
        return history.member("sleeper", "2025-01-01", "member");
    }

    private static List<MemberRfm> run(History history, RfmSettings settings, Segmentation[] result) {
        List<MemberRfm> members = new ArrayList<>();
        result[0] = Insights.of(history.store, PROGRAM).segment(settings, members::add);
        return members;
    }

    private static RfmThresholds fixed() {
        return new RfmThresholds(List.of(7, 30, 90, 180), List.of(2L, 3L, 5L, 8L),
                List.of(new BigDecimal("50"), new BigDecimal("100"), new BigDecimal("250"), new BigDecimal("500")));
    }

    @Test
    void shouldCutQuintilesOfTheBuyersWithTiesScoredDown() {
        Segmentation[] result = new Segmentation[1];
        run(tenBuyers(), RfmSettings.builder(AS_OF).build(), result);

        // recency days 0..9, two buyers per quintile: score 5 for 0-1 days, 4 for 2-3, ...; frequency 1..10 and spend 10 i^2 alike
        assertThat(result[0].thresholds()).isEqualTo(new RfmThresholds(List.of(1, 3, 5, 7), List.of(3L, 5L, 7L, 9L),
                List.of(new BigDecimal("40.01"), new BigDecimal("160.01"), new BigDecimal("360.01"), new BigDecimal("640.01"))));
        assertThat(result[0].members()).isEqualTo(11);
        assertThat(result[0].buyers()).isEqualTo(10);
    }

    @Test
    void shouldScoreEachBuyerAgainstTheQuintiles() {
        List<MemberRfm> members = run(tenBuyers(), RfmSettings.builder(AS_OF).build(), new Segmentation[1]);

        assertThat(members).extracting(m -> m.recencyScore() + "" + m.frequencyScore() + m.monetaryScore())
                .containsExactly("111", "111", "222", "222", "333", "333", "444", "444", "555", "555", "000");
        assertThat(members.get(6)).isEqualTo(new MemberRfm(dev.loyalty.core.model.MemberId.of("b07"), "member", AS_OF.minusDays(3), 3, 7,
                new BigDecimal("490"), 4, 4, 4, Segment.VIP));
    }

    @Test
    void shouldCountEverySegmentWhenTheRunEnds() {
        Segmentation[] result = new Segmentation[1];
        run(tenBuyers(), RfmSettings.builder(AS_OF).build(), result);

        // 4 to 5 on every score: b07..b10; neither lapsing nor recent: b01..b06; no purchase: sleeper
        assertThat(result[0].sizes()).isEqualTo(Map.of(Segment.VIP, 4L, Segment.ORDINARY, 6L, Segment.DORMANT, 1L, Segment.AT_RISK, 0L,
                Segment.POTENTIAL, 0L));
    }

    @Test
    void shouldScoreEveryoneOneWhenAllBuyersAreAlike() {
        History history = new History();
        for (String id : List.of("a", "b", "c")) {
            history.member(id, "2025-01-01", "member").purchase(id, id + "-1", "2026-06-01", "20", 0);
        }

        List<MemberRfm> members = run(history, RfmSettings.builder(AS_OF).build(), new Segmentation[1]);

        assertThat(members).allMatch(m -> m.recencyScore() == 1 && m.frequencyScore() == 1 && m.monetaryScore() == 1);
    }

    @Test
    void shouldScoreASpendAboveTheQuintilesUpperBoundUpWhenAmountsHaveFractionsOfAPenny() {
        // five buyers with spends apart by more than a penny: one per quintile, scores 1 to 5
        History history = new History();
        List<String> spends = List.of("10.006", "10.016", "20", "30", "40");
        for (int i = 0; i < spends.size(); i++) {
            history.member("m" + i, "2025-01-01", "member").purchase("m" + i, "p" + i, "2026-06-01", spends.get(i), 0);
        }

        Segmentation[] result = new Segmentation[1];
        List<MemberRfm> members = run(history, RfmSettings.builder(AS_OF).build(), result);

        assertThat(members).extracting(MemberRfm::monetaryScore).containsExactly(1, 2, 3, 4, 5);
        assertThat(result[0].thresholds().monetaryMin()).containsExactly(new BigDecimal("10.01"), new BigDecimal("10.02"),
                new BigDecimal("20.01"), new BigDecimal("30.01"));
    }

    @Test
    void shouldSegmentAYenProgramWhoseBuyerSpentTheLargestAmount() {
        // the quintile bound, one yen above the largest amount (18 digits), would be a 19-digit cut point: the largest
        // cut point allowed stands for it, which the buyer's spend, tied at the top of its quintile, stays below
        History history = new History().member("m", "2025-01-01", "member").purchase("m", "p", "2026-06-01", "999999999999999999", 0);
        Segmentation[] result = new Segmentation[1];

        List<MemberRfm> members = new ArrayList<>();
        result[0] = Insights.of(history.store, ProgramSettings.builder().currency("JPY").build())
                .segment(RfmSettings.builder(AS_OF).build(), members::add);

        assertThat(members).singleElement().extracting(MemberRfm::monetaryScore).isEqualTo(1);
        assertThat(result[0].thresholds().monetaryMin()).containsOnly(new BigDecimal("999999999999999999.9999999999999999"));
    }

    @Test
    void shouldCountOnlyPurchasesInTheWindowUpToTheRunsDate() {
        History history = new History().member("m", "2024-01-01", "member")
                .purchase("m", "too-old", "2025-06-30", "1000", 0)      // 365 days before: outside a 365-day window
                .purchase("m", "first", "2025-07-01", "20", 0)          // 364 days before: inside
                .purchase("m", "later", "2026-06-20", "30", 0)
                .purchase("m", "after", "2026-07-01", "500", 0);        // after the run's date

        MemberRfm m = run(history, RfmSettings.builder(AS_OF).thresholds(fixed()).build(), new Segmentation[1]).get(0);

        assertThat(m.frequency()).isEqualTo(2);
        assertThat(m.monetary()).isEqualByComparingTo("50");
        assertThat(m.lastPurchase()).isEqualTo(LocalDate.of(2026, 6, 20));
        assertThat(m.recencyDays()).isEqualTo(10);
    }

    @Test
    void shouldSubtractWhatWasReturnedFromTheMonetaryValue() {
        History history = new History().member("m", "2024-01-01", "member")
                .purchase("m", "p", History.at("2026-06-01"), "120.50", "20.25", 0);

        MemberRfm m = run(history, RfmSettings.builder(AS_OF).thresholds(fixed()).build(), new Segmentation[1]).get(0);

        assertThat(m.monetary()).isEqualByComparingTo("100.25");
        assertThat(m.monetaryScore()).isEqualTo(3);
    }

    @Test
    void shouldCountNoMoreThanThePurchaseAsReturnedWhenReturnsOfItExceedItsAmount() {
        // the till refunded the whole purchase twice under two ids: the engine keeps the sum, the purchase is returned once
        History history = new History().member("m", "2024-01-01", "member")
                .purchase("m", "p-1", History.at("2026-06-01"), "120.50", "241.00", 0)
                .purchase("m", "p-2", History.at("2026-06-02"), "80.00", "0", 0);

        MemberRfm m = run(history, RfmSettings.builder(AS_OF).thresholds(fixed()).build(), new Segmentation[1]).get(0);

        assertThat(m.monetary()).isEqualByComparingTo("80.00");
        assertThat(m.monetaryScore()).isEqualTo(2);
    }

    @Test
    void shouldDateAPurchaseInTheMembersZone() {
        // 16:30 UTC on 29 June is 01:30 on 30 June in Tokyo: a purchase on the run's day
        History history = new History().member("m", History.at("2024-01-01"), "member", ZoneId.of("Asia/Tokyo"))
                .purchase("m", "p", LocalDateTime.of(2026, 6, 29, 16, 30).toInstant(ZoneOffset.UTC), "10", "0", 0);

        MemberRfm m = run(history, RfmSettings.builder(AS_OF).thresholds(fixed()).build(), new Segmentation[1]).get(0);

        assertThat(m.recencyDays()).isZero();
        assertThat(m.recencyScore()).isEqualTo(5);
    }

    @Test
    void shouldWriteTheMonetaryValueOfAMemberWithoutPurchasesAtTheCurrencysScale() {
        History history = new History().member("m", "2024-01-01", "member");

        MemberRfm m = run(history, RfmSettings.builder(AS_OF).thresholds(fixed()).build(), new Segmentation[1]).get(0);

        assertThat(m.frequency()).isZero();
        assertThat(m.monetary().toPlainString()).isEqualTo("0.00");
    }

    @Test
    void shouldMakeABuyerDormantWhenTheLastPurchaseIsOlderThanTheDormancyLimit() {
        History history = new History().member("m", "2024-01-01", "member").purchase("m", "p", "2025-12-01", "900", 0);

        MemberRfm m = run(history, RfmSettings.builder(AS_OF).thresholds(fixed()).build(), new Segmentation[1]).get(0);

        assertThat(m.recencyDays()).isEqualTo(211);
        assertThat(m.segment()).isEqualTo(Segment.DORMANT);
        assertThat(m.monetaryScore()).isEqualTo(5);
    }

    @Test
    void shouldApplyTheSegmentDefinitionsInOrder() {
        RfmSettings settings = RfmSettings.builder(AS_OF).build();

        assertThat(settings.segmentOf(-1, 0, 0, 0)).isEqualTo(Segment.DORMANT);
        assertThat(settings.segmentOf(181, 1, 5, 5)).isEqualTo(Segment.DORMANT);
        assertThat(settings.segmentOf(3, 4, 4, 4)).isEqualTo(Segment.VIP);
        assertThat(settings.segmentOf(100, 2, 3, 1)).isEqualTo(Segment.AT_RISK);
        assertThat(settings.segmentOf(100, 2, 1, 3)).isEqualTo(Segment.AT_RISK);
        assertThat(settings.segmentOf(100, 2, 2, 2)).isEqualTo(Segment.ORDINARY);
        assertThat(settings.segmentOf(3, 4, 1, 5)).isEqualTo(Segment.POTENTIAL);
        assertThat(settings.segmentOf(40, 3, 5, 5)).isEqualTo(Segment.ORDINARY);
    }

    @Test
    void shouldUseConfiguredSegmentLimitsWhenGiven() {
        RfmSettings settings = RfmSettings.builder(AS_OF).dormantAfterDays(30).vip(5, 5, 5).atRisk(3, 4).potential(5).build();

        assertThat(settings.segmentOf(31, 5, 5, 5)).isEqualTo(Segment.DORMANT);
        assertThat(settings.segmentOf(3, 4, 5, 5)).isEqualTo(Segment.ORDINARY);
        assertThat(settings.segmentOf(3, 3, 4, 1)).isEqualTo(Segment.AT_RISK);
        assertThat(settings.segmentOf(3, 5, 1, 1)).isEqualTo(Segment.POTENTIAL);
    }

    @Test
    void shouldRefuseThresholdsThatDecrease() {
        assertThatThrownBy(() -> new RfmThresholds(List.of(7, 3, 90, 180), List.of(2L, 3L, 5L, 8L), fixed().monetaryMin()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("thresholds.recencyMaxDays");
    }

    @Test
    void shouldRefuseARecencyCutPointBelowMinusOne() {
        assertInvalid(() -> new RfmThresholds(List.of(-2, 30, 90, 180), fixed().frequencyMin(), fixed().monetaryMin()),
                "thresholds.recencyMaxDays").hasMessageContaining("at least -1").hasMessageContaining("-2");
    }

    @Test
    void shouldAcceptARecencyCutPointOfMinusOneForAScoreNobodyGets() {
        RfmThresholds thresholds = new RfmThresholds(List.of(-1, 30, 90, 180), fixed().frequencyMin(), fixed().monetaryMin());

        assertThat(thresholds.recencyScore(0)).isEqualTo(4);
    }

    @Test
    void shouldCutARecencyNobodyReachesWhenTheBuyersBoughtOnTheDayOfTheRun() {
        History history = new History().member("b", "2025-01-01", "member").purchase("b", "b-1", AS_OF.toString(), "20", 0);

        List<MemberRfm> members = run(history, RfmSettings.builder(AS_OF).build(), new Segmentation[1]);

        // ties scored down: the lone buyer's 0 days is the top of the first quintile, so no recency reaches score 2
        assertThat(members).singleElement().extracting(MemberRfm::recencyScore).isEqualTo(1);
    }

    @Test
    void shouldRefuseANegativeFrequencyCutPoint() {
        assertInvalid(() -> new RfmThresholds(fixed().recencyMaxDays(), List.of(-1L, 3L, 5L, 8L), fixed().monetaryMin()),
                "thresholds.frequencyMin").hasMessageContaining("must not be negative").hasMessageContaining("-1");
    }

    @Test
    void shouldRefuseANegativeMonetaryCutPoint() {
        assertInvalid(() -> new RfmThresholds(fixed().recencyMaxDays(), fixed().frequencyMin(),
                List.of(new BigDecimal("-0.01"), new BigDecimal("100"), new BigDecimal("250"), new BigDecimal("500"))),
                "thresholds.monetaryMin").hasMessageContaining("must not be negative").hasMessageContaining("-0.01");
    }

    @Test
    void shouldRefuseAMonetaryCutPointOfMoreDigitsThanAnAmountHasNamingItsIndex() {
        assertInvalid(() -> new RfmThresholds(fixed().recencyMaxDays(), fixed().frequencyMin(),
                List.of(BigDecimal.ZERO, new BigDecimal("100"), new BigDecimal("1E+1000000000"), new BigDecimal("1E+1000000000"))),
                "thresholds.monetaryMin[2]")
                .hasMessage("thresholds.monetaryMin[2] has 1000000001 digits before the decimal point; at most 18 are allowed");
    }

    @Test
    void shouldRefuseAMonetaryCutPointOfTooManyDigitsBeforeComparingItWithTheNext() {
        BigDecimal huge = new BigDecimal(BigInteger.TEN.pow(100_000));

        // it decreases to the next, but the message must not write its hundred thousand digits out
        assertInvalid(() -> new RfmThresholds(fixed().recencyMaxDays(), fixed().frequencyMin(),
                List.of(huge, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE)), "thresholds.monetaryMin[0]")
                .hasMessage("thresholds.monetaryMin[0] has 100001 digits before the decimal point; at most 18 are allowed");
    }

    @Test
    void shouldSayWhichMonetaryCutPointDecreasesWithoutWritingOutTheList() {
        assertInvalid(() -> new RfmThresholds(fixed().recencyMaxDays(), fixed().frequencyMin(),
                List.of(BigDecimal.ZERO, new BigDecimal("250"), new BigDecimal("100"), new BigDecimal("500"))), "thresholds.monetaryMin")
                .hasMessage("thresholds.monetaryMin must not decrease: [2] 100 is below [1] 250");
    }

    @Test
    void shouldRefuseMoreThanFourMonetaryCutPointsWithoutWritingThemOut() {
        BigDecimal huge = new BigDecimal(BigInteger.TEN.pow(100_000));

        assertInvalid(() -> new RfmThresholds(fixed().recencyMaxDays(), fixed().frequencyMin(),
                List.of(BigDecimal.ZERO, BigDecimal.ONE, BigDecimal.TEN, huge, huge)), "thresholds.monetaryMin")
                .hasMessage("thresholds.monetaryMin needs four cut points, had 5");
    }

    @Test
    void shouldRefuseAScoreOutsideOneToFive() {
        assertThatThrownBy(() -> RfmSettings.builder(AS_OF).vip(6, 4, 4)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("rfm.vip.recency").hasMessageContaining("6");
    }

    @Test
    void shouldRefuseSettingsMadeWithoutTheBuilderWhenTheBuilderWouldRefuseThem() {
        // a window of no days would count no purchase and make every member dormant without a word
        assertThatThrownBy(() -> new RfmSettings(AS_OF, 0, null, 180, 4, 4, 4, 2, 3, 4)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("rfm.windowDays");
        assertThatThrownBy(() -> new RfmSettings(AS_OF, 365, null, -1, 4, 4, 4, 2, 3, 4)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("rfm.dormantAfterDays");
        assertThatThrownBy(() -> new RfmSettings(AS_OF, 365, null, 180, 6, 4, 4, 2, 3, 4)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("rfm.vip.recency");
        assertThatThrownBy(() -> new RfmSettings(null, 365, null, 180, 4, 4, 4, 2, 3, 4)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("rfm.asOf");
    }

    @Test
    void shouldRefuseSettingsMadeWithoutTheBuilderScoringOnADateNoStoreKeeps() {
        // the run's segments are stored as scored on this date, which a database keeps only from 1900 to 9999
        assertThatThrownBy(() -> new RfmSettings(LocalDate.of(10_000, 1, 1), 365, null, 180, 4, 4, 4, 2, 3, 4))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("rfm.asOf");
    }

    @Test
    void shouldStoreCodesInLowerCase() {
        assertThat(Segment.AT_RISK.code()).isEqualTo("at_risk");
    }

    @Test
    void shouldReadTheReturnHistoryOnlyOfMembersWhoReturnedSomething() {
        History history = new History().member("kept", "2025-01-01", "member").member("returned", "2025-01-01", "member")
                .purchase("kept", "k-1", Instant.parse("2026-06-01T10:00:00Z"), "40", "0", 0)
                .purchase("returned", "r-1", Instant.parse("2026-06-01T10:00:00Z"), "40", "15", 0);
        List<MemberId> asked = new ArrayList<>();
        LoyaltyStore counting = (LoyaltyStore) Proxy.newProxyInstance(LoyaltyStore.class.getClassLoader(), new Class<?>[] {LoyaltyStore.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("returns")) {
                        asked.add((MemberId) args[0]);
                    }
                    try {
                        return method.invoke(history.store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });

        Insights.of(counting, PROGRAM).segment(RfmSettings.builder(AS_OF).thresholds(fixed()).build(), rfm -> { });

        assertThat(asked).containsExactly(MemberId.of("returned"));
    }
}
