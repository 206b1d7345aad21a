package dev.loyalty.core.report;

import static org.assertj.core.api.Assertions.assertThat;

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
    void shouldEscapeTextWhenTheTitleHoldsMarkup() {
        assertThat(html()).contains("<title>Report &lt;Q1&gt; &amp; more</title>").doesNotContain("<Q1>");
    }

    @Test
    void shouldLeaveTheSegmentChartOutWhenNoSegmentationIsGiven() {
        String html = HtmlReport.builder(Reports.kpis()).build().toHtml();

        assertThat(html).contains("tier-distribution", "liability-over-time").doesNotContain("segment-sizes");
    }

    @Test
    void shouldShowEveryKpiRowWithItsFormula() {
        assertThat(html()).contains("<tr id=\"kpi-retention_rate\"><td>Retention rate</td><td class=\"num\">50.00% (1 / 2)</td>",
                "<tr id=\"kpi-liability_value\"><td>Liability value</td><td class=\"num\">1.52 GBP</td>");
    }
}
