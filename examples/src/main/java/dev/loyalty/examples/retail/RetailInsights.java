package dev.loyalty.examples.retail;

import dev.loyalty.core.insight.Insights;
import dev.loyalty.core.insight.KpiSettings;
import dev.loyalty.core.insight.ProgramKpis;
import dev.loyalty.core.insight.RfmSettings;
import dev.loyalty.core.insight.Segment;
import dev.loyalty.core.insight.Segmentation;
import dev.loyalty.core.model.Money;
import dev.loyalty.core.spi.LoyaltyStore;
import dev.loyalty.core.report.CsvExport;
import dev.loyalty.core.report.HtmlReport;
import dev.loyalty.core.report.JsonExport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Segments and KPIs of the replayed sample: an RFM segmentation as of the day after the last
 * event (stored, so campaigns could target the segments), the KPIs of the last six months
 * (compared with the six months before) and the exports the demo writes.
 *
 * @param segmentation the segmentation run's result
 * @param kpis the KPIs of the six months up to the segmentation date
 * @param asOf the segmentation date
 */
record RetailInsights(Segmentation segmentation, ProgramKpis kpis, LocalDate asOf) {

    /** What a point is worth in the demo's program, for the liability's money value: one penny. */
    static final Money POINT_VALUE = Money.of("0.01", RetailSample.CURRENCY);

    /**
     * Computes the segments and KPIs, writing each member's scores to {@code members.csv} in the
     * directory when one is given.
     *
     * @param store the replayed store
     * @param asOf the day after the last event
     * @param dir where to write the per-member CSV, or null
     * @return the results
     */
    static RetailInsights compute(LoyaltyStore store, LocalDate asOf, Path dir) {
        Insights insights = Insights.of(store, Replay.program());
        Segmentation segmentation;
        RfmSettings settings = RfmSettings.builder(asOf).build();
        if (dir == null) {
            segmentation = insights.segmentAndStore(settings);
        } else {
            try (Writer out = Files.newBufferedWriter(dir.resolve("loyalty-members.csv"), StandardCharsets.UTF_8);
                 CsvExport.MemberRows rows = CsvExport.members(out)) {
                segmentation = insights.segmentAndStore(settings, rows);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the member CSV to " + dir, e);
            }
        }
        ProgramKpis kpis = insights.kpis(KpiSettings.builder(asOf.minusMonths(6), asOf).pointValue(POINT_VALUE).build());
        return new RetailInsights(segmentation, kpis, asOf);
    }

    /**
     * Writes the KPIs as CSV and JSON and the HTML report into a directory.
     *
     * @param dir the directory, created if missing
     * @return the HTML report's path
     */
    Path write(Path dir) {
        try {
            Files.createDirectories(dir);
            try (Writer out = Files.newBufferedWriter(dir.resolve("loyalty-kpis.csv"), StandardCharsets.UTF_8)) {
                CsvExport.kpis(kpis, out);
            }
            Files.writeString(dir.resolve("loyalty-kpis.json"), JsonExport.toJson(kpis, segmentation), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the exports to " + dir, e);
        }
        Path html = dir.resolve("loyalty-report.html");
        HtmlReport.builder(kpis).title("Online Retail sample: loyalty program report").segmentation(segmentation).build().write(html);
        return html;
    }

    /**
     * Returns the day after the sample's last event, in the sample's zone: the date it is scored as of.
     *
     * @param sample the sample
     * @return the date
     */
    static LocalDate dayAfterLastEvent(RetailSample sample) {
        return sample.events().stream().map(e -> LocalDate.ofInstant(e.occurredAt(), RetailSample.ZONE)).max(LocalDate::compareTo)
                .orElseThrow(() -> new IllegalStateException("the sample has no events")).plusDays(1);
    }

    /** The demo's lines about segments and KPIs. */
    String lines() {
        StringBuilder out = new StringBuilder();
        ProgramKpis k = kpis;
        out.append(String.format("Segments as of %s (RFM quintiles over 365 days)%n", asOf));
        for (Segment segment : Segment.values()) {
            out.append(String.format("  %-20s %,10d%n", segment.code(), segmentation.size(segment)));
        }
        out.append(String.format("KPIs %s to %s (previous period: the %d days before)%n", k.from(), k.to().minusDays(1),
                k.to().toEpochDay() - k.from().toEpochDay()));
        out.append(String.format("  active members       %,10d  of %,d enrolled (%,d new)%n", k.activeMembers(), k.members(), k.newMembers()));
        out.append(String.format("  retention rate       %10s  (%,d of %,d previous period's active members)%n", k.retention(),
                k.retention().numerator(), k.retention().denominator()));
        out.append(String.format("  churn rate           %10s%n", k.churn()));
        out.append(String.format("  repurchase rate      %10s  (%,d members with 2+ purchases)%n", k.repurchase(), k.repurchase().numerator()));
        out.append(String.format("  points issued        %,10d  redeemed %,d, expired %,d, clawed back %,d%n", k.pointsIssued(),
                k.pointsRedeemed(), k.pointsExpired(), k.pointsClawedBack()));
        out.append(String.format("  points liability     %,10d  (%s at %s a point)%n", k.liabilityPoints(), k.liabilityValue(), POINT_VALUE));
        out.append(String.format("  redemption rate      %10s  breakage rate %s%n", k.redemption(), k.breakage()));
        out.append(String.format("  tier movements       %,10d  promotions, %,d demotions%n", k.tierMovements().promotions(),
                k.tierMovements().demotions()));
        k.tierMovements().moves().forEach(m -> out.append(String.format("    %-18s %,10d%n", m.fromTier() + " -> " + m.toTier(), m.members())));
        out.append(String.format("  offers issued        %,10d  redeemed %s; win-back %,d, converted %s%n", k.offers().issued(),
                k.offers().redemption(), k.offers().winBackIssued(), k.offers().conversion()));
        out.append("  members per tier    ");
        k.tiers().forEach(t -> out.append(String.format(" %s %,d", t.tierCode(), t.members())));
        return out.append('\n').toString();
    }
}
