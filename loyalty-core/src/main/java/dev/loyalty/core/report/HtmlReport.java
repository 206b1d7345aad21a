package dev.loyalty.core.report;

import dev.loyalty.core.insight.ProgramKpis;
import dev.loyalty.core.insight.Segment;
import dev.loyalty.core.insight.Segmentation;
import dev.loyalty.core.InvalidInputException;
import dev.loyalty.core.internal.Checks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A self-contained HTML report of the KPIs and segments: one file, inline CSS and inline SVG
 * charts drawn in Java, no script and nothing loaded from the network (a Content-Security-Policy
 * forbids it), so it opens offline in any browser. Charts, by element id:
 * {@code tier-distribution}, {@code liability-over-time} and, with a segmentation,
 * {@code segment-sizes}.
 *
 * <pre>{@code
 * HtmlReport.builder(kpis).title("Loyalty program, H2 2011").segmentation(run).build().write(Path.of("report.html"));
 * }</pre>
 */
public final class HtmlReport {

    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:60em}
            table{border-collapse:collapse;margin:1em 0}td,th{border-bottom:1px solid #ddd;padding:.3em .8em;text-align:left}
            td.num{text-align:right;font-variant-numeric:tabular-nums}.formula{color:#666;font-size:.85em}
            svg.chart{display:block;margin:1em 0;background:#fafafa}
            .bar{fill:#3b7dd8}.point{fill:#d8573b}.series{stroke:#d8573b;stroke-width:2}.axis{stroke:#999}
            .title{font-weight:bold;font-size:14px}.label,.tick,.value{font-size:11px;fill:#444}
            """;

    private final String title;
    private final ProgramKpis kpis;
    private final Segmentation segmentation;

    private HtmlReport(Builder builder) {
        this.title = builder.title;
        this.kpis = builder.kpis;
        this.segmentation = builder.segmentation;
    }

    /**
     * Starts a report of the given KPIs.
     *
     * @param kpis the KPIs
     * @return the builder
     */
    public static Builder builder(ProgramKpis kpis) {
        if (kpis == null) {
            throw new InvalidInputException("report.kpis", "must not be null");
        }
        return new Builder(kpis);
    }

    /**
     * Returns the report as HTML text.
     *
     * @return the HTML document
     */
    public String toHtml() {
        StringBuilder html = new StringBuilder(16_384);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
                .append("<title>").append(Html.escape(title)).append("</title>\n<style>").append(STYLE).append("</style>\n</head>\n<body>\n")
                .append("<h1>").append(Html.escape(title)).append("</h1>\n")
                .append("<p>Period ").append(kpis.from()).append(" to ").append(kpis.to().minusDays(1)).append(" (inclusive).</p>\n");
        html.append("<h2>KPIs</h2>\n<table id=\"kpis\">\n<tr><th>KPI</th><th>Value</th><th>Formula</th></tr>\n");
        for (KpiRows.Row row : KpiRows.of(kpis)) {
            String value = row.ratio() == null ? numberOrText(row.value())
                    : row.value() + " (" + Html.number(row.ratio().numerator()) + " / " + Html.number(row.ratio().denominator()) + ")";
            html.append("<tr id=\"kpi-").append(row.key()).append("\"><td>").append(Html.escape(row.label())).append("</td><td class=\"num\">")
                    .append(Html.escape(value)).append("</td><td class=\"formula\">").append(Html.escape(row.formula())).append("</td></tr>\n");
        }
        html.append("</table>\n<h2>Tiers</h2>\n");
        html.append(Svg.bars("tier-distribution", "Members per tier",
                kpis.tiers().stream().map(t -> new Svg.Point(t.tierCode(), t.members())).toList()));
        html.append("<h2>Points liability</h2>\n");
        html.append(Svg.line("liability-over-time", "Outstanding points",
                kpis.liability().stream().map(p -> new Svg.Point(p.date().toString(), p.points())).toList()));
        if (segmentation != null) {
            html.append("<h2>Segments</h2>\n<p>Scored as of ").append(segmentation.asOf()).append(" over ").append(segmentation.windowDays())
                    .append(" days: ").append(Html.number(segmentation.members())).append(" members, ")
                    .append(Html.number(segmentation.buyers())).append(" with purchases.</p>\n");
            List<Svg.Point> sizes = java.util.Arrays.stream(Segment.values())
                    .map(s -> new Svg.Point(s.code(), segmentation.size(s))).toList();
            html.append(Svg.bars("segment-sizes", "Members per segment", sizes));
        }
        return html.append("</body>\n</html>\n").toString();
    }

    /**
     * Writes the report to a file, replacing it.
     *
     * @param file the file
     * @throws UncheckedIOException when writing fails
     * @throws InvalidInputException when the file is null
     */
    public void write(Path file) {
        Checks.notNull(file, "report.file");
        try {
            Files.writeString(file, toHtml(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the report to " + file, e);
        }
    }

    private static String numberOrText(String value) {
        try {
            return Html.number(Long.parseLong(value));
        } catch (NumberFormatException e) {
            return value;
        }
    }

    /** Builds an {@link HtmlReport}. */
    public static final class Builder {
        private final ProgramKpis kpis;
        private String title = "Loyalty program report";
        private Segmentation segmentation;

        private Builder(ProgramKpis kpis) {
            this.kpis = kpis;
        }

        /**
         * Sets the report's title.
         *
         * @param value the title
         * @return this builder
         */
        public Builder title(String value) {
            if (value == null || value.isBlank()) {
                throw new InvalidInputException("report.title", "must not be blank");
            }
            this.title = value;
            return this;
        }

        /**
         * Adds a segmentation run's segment sizes.
         *
         * @param value the run's result
         * @return this builder
         */
        public Builder segmentation(Segmentation value) {
            if (value == null) {
                throw new InvalidInputException("report.segmentation", "must not be null");
            }
            this.segmentation = value;
            return this;
        }

        /**
         * Builds the report.
         *
         * @return the report
         */
        public HtmlReport build() {
            return new HtmlReport(this);
        }
    }
}
