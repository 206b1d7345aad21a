package dev.loyalty.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.core.InvalidInputException;
import dev.loyalty.core.insight.ProgramKpis;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The HTML report's text: self-contained, every chart and KPI present, text escaped. */
class HtmlReportTest {

    private static String html() {
        return HtmlReport.builder(Reports.kpis()).title("Report <Q1> & more").segmentation(Reports.segmentation()).build().toHtml();
    }

    @Test
    void shouldDrawOneMarkPerValueInEveryChart() {
        String html = html();

        assertThat(html).contains("<svg id=\"tier-distribution\"", "<svg id=\"liability-over-time\"", "<svg id=\"segment-sizes\"");
        assertThat(html.split("<rect class=\"bar\"", -1)).hasSize(3 + 5 + 1);
        assertThat(html.split("<circle class=\"point\"", -1)).hasSize(3 + 1);
        assertThat(html).contains("data-label=\"gold\" data-value=\"1\"", "data-label=\"2026-02-15\" data-value=\"162\"",
                "data-label=\"vip\" data-value=\"4\"");
    }

    @Test
    void shouldLoadNothingFromOutsideTheFile() {
        String html = html();

        assertThat(html).doesNotContain("http:", "https:", "<script", "<link", "src=");
        assertThat(html).contains("Content-Security-Policy\" content=\"default-src 'none'");
    }

    @Test
    void shouldRefuseToWriteToANullFileNamingIt() {
        HtmlReport report = HtmlReport.builder(Reports.kpis()).build();

        assertThatThrownBy(() -> report.write(null)).isInstanceOf(InvalidInputException.class).hasMessageContaining("report.file");
    }

    @Test
    void shouldEscapeTextWhenTheTitleHoldsMarkup() {
        assertThat(html()).contains("<title>Report &lt;Q1&gt; &amp; more</title>").doesNotContain("<Q1>");
    }

    @Test
    void shouldLeaveTheSegmentChartOutWhenNoSegmentationIsGiven() {
        String html = HtmlReport.builder(Reports.kpis()).build().toHtml();

        assertThat(html).contains("tier-distribution", "liability-over-time").doesNotContain("segment-sizes");
    }

    private static double cy(String html, String label) {
        Matcher matcher = Pattern.compile("<circle class=\"point\" data-label=\"" + label + "\" data-value=\"-?\\d+\" cx=\"[0-9.]+\" cy=\"([0-9.]+)\"")
                .matcher(html);
        assertThat(matcher.find()).as("point %s", label).isTrue();
        return Double.parseDouble(matcher.group(1));
    }

    @Test
    void shouldDrawANegativeLiabilityBelowZeroWhenMembersOweMoreThanTheyHold() {
        ProgramKpis k = Reports.kpis();
        ProgramKpis owing = new ProgramKpis(k.from(), k.to(), k.members(), k.newMembers(), k.activeMembers(), k.previousActiveMembers(),
                k.retention(), k.churn(), k.repurchase(), k.pointsIssued(), k.pointsRedeemed(), k.pointsExpired(), k.pointsClawedBack(), 100,
                k.liabilityValue(), k.breakage(), k.redemption(), k.tiers(),
                List.of(new ProgramKpis.LiabilityPoint(LocalDate.of(2026, 2, 1), 0), new ProgramKpis.LiabilityPoint(LocalDate.of(2026, 2, 15), -50),
                        new ProgramKpis.LiabilityPoint(LocalDate.of(2026, 3, 1), 100)),
                k.tierMovements(), k.offers(), k.referral());

        String html = HtmlReport.builder(owing).build().toHtml();

        // the plot is 180 units high: 100 at its top (y 30), -50 at its bottom (y 210), zero a third of the way up (y 150)
        assertThat(cy(html, "2026-03-01")).isEqualTo(30.0);
        assertThat(cy(html, "2026-02-01")).isEqualTo(150.0);
        assertThat(cy(html, "2026-02-15")).isEqualTo(210.0);
        assertThat(html).contains("text-anchor=\"end\">-50</text>");
    }

    @Test
    void shouldShowEveryKpiRowWithItsFormula() {
        assertThat(html()).contains("<tr id=\"kpi-retention_rate\"><td>Retention rate</td><td class=\"num\">50.00% (1 / 2)</td>",
                "<tr id=\"kpi-liability_value\"><td>Liability value</td><td class=\"num\">1.52 GBP</td>");
    }
}
