package dev.loyalty.examples.retail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.core.event.Enrolment;
import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.insight.Insights;
import dev.loyalty.core.insight.KpiSettings;
import dev.loyalty.core.insight.ProgramKpis;
import dev.loyalty.core.model.MemberId;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The segments and KPIs of the replayed sample agree with the replay's own totals and with the data. */
class RetailInsightsTest {

    private static RetailSample sample;
    private static Replay replay;
    private static RetailInsights insights;

    @BeforeAll
    static void replayAndAnalyse() throws IOException {
        try (Reader csv = RetailDemo.bundled()) {
            sample = RetailSample.read(csv);
        }
        replay = Replay.run(sample, 5);
        insights = RetailInsights.compute(replay.store(), RetailInsights.dayAfterLastEvent(sample), null);
    }

    @Test
    void shouldMatchTheReplaysTotalsWhenThePeriodCoversTheWholeSample() {
        ProgramKpis all = Insights.of(replay.store(), Replay.program())
                .kpis(KpiSettings.builder(LocalDate.of(2010, 12, 1), insights.asOf()).build());

        assertThat(all.pointsIssued()).isEqualTo(replay.pointsIssued());
        assertThat(all.pointsClawedBack()).isEqualTo(replay.pointsClawedBack());
        assertThat(all.liabilityPoints()).isEqualTo(replay.pointsIssued() - replay.pointsClawedBack());
        assertThat(all.members()).isEqualTo(sample.members());
        assertThat(all.activeMembers()).isEqualTo(sample.events().stream().filter(Purchase.class::isInstance).map(e -> e.memberId())
                .distinct().count());
    }

    @Test
    void shouldCountTierMovementsThatAddUpToTheMembersTiers() {
        ProgramKpis all = Insights.of(replay.store(), Replay.program())
                .kpis(KpiSettings.builder(LocalDate.of(2010, 12, 1), insights.asOf().plusDays(1)).build());
        Map<String, Integer> rank = new HashMap<>();
        Replay.program().tiers().forEach(tier -> rank.put(tier.code(), tier.rank()));

        long moved = all.tierMovements().moves().stream()
                .mapToLong(m -> (rank.get(m.toTier()) - rank.get(m.fromTier())) * m.members()).sum();
        long climbed = all.tiers().stream().mapToLong(t -> (rank.get(t.tierCode()) - rank.get("member")) * t.members()).sum();

        assertThat(all.tierMovements().promotions()).isPositive();
        assertThat(moved).isEqualTo(climbed);   // everyone enrols on the entry tier; no overrides
    }

    @Test
    void shouldCountTheOffersOfTheClosingSweepWhenThePeriodIncludesItsDay() {
        ProgramKpis all = Insights.of(replay.store(), Replay.program())
                .kpis(KpiSettings.builder(LocalDate.of(2010, 12, 1), insights.asOf().plusDays(1)).build());
        long swept = replay.offersByTemplate().values().stream().mapToLong(Long::longValue).sum();

        assertThat(all.offers().issued()).isEqualTo(swept);
        assertThat(all.offers().winBackIssued()).isEqualTo(swept);        // the sample has no birthdays
        assertThat(all.offers().winBackConverted()).isZero();             // nothing happens after the closing sweep
        assertThat(insights.kpis().offers().issued()).isZero();          // the demo's period ends the day before it
    }

    @Test
    void shouldCountEveryMemberInExactlyOneSegment() {
        long sum = insights.segmentation().sizes().values().stream().mapToLong(Long::longValue).sum();

        assertThat(sum).isEqualTo(insights.segmentation().members()).isEqualTo(sample.members());
    }

    @Test
    void shouldCountAsBuyersTheMembersWhoBoughtInTheLast365Days() {
        LocalDate first = insights.asOf().minusDays(364);
        Set<MemberId> buyers = new HashSet<>();
        sample.events().stream().filter(Purchase.class::isInstance)
                .filter(e -> !LocalDate.ofInstant(e.occurredAt(), RetailSample.ZONE).isBefore(first))
                .forEach(e -> buyers.add(e.memberId()));

        assertThat(insights.segmentation().buyers()).isEqualTo(buyers.size());
    }

    @Test
    void shouldStoreEveryMembersSegmentForTheRules() {
        long scored = sample.events().stream().filter(Enrolment.class::isInstance)
                .filter(e -> replay.store().segment(e.memberId()).isPresent()).count();

        assertThat(scored).isEqualTo(sample.members());
    }

    @Test
    void shouldWriteTheReportAndExportsWhenAsked(@TempDir Path dir) throws IOException {
        RetailInsights withRows = RetailInsights.compute(replay.store(), insights.asOf(), dir);
        Path html = withRows.write(dir);

        assertThat(Files.readString(html)).contains("id=\"tier-distribution\"", "id=\"liability-over-time\"", "id=\"segment-sizes\"");
        assertThat(Arrays.stream(dir.toFile().list()).sorted())
                .containsExactly("loyalty-kpis.csv", "loyalty-kpis.json", "loyalty-members.csv", "loyalty-report.html");
        assertThat(Files.readAllLines(dir.resolve("loyalty-members.csv"))).hasSize(1 + (int) sample.members());
    }
}
