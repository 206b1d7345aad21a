package dev.loyalty.examples.pos;

import dev.loyalty.core.InvalidInputException;
import dev.loyalty.core.ProgramSettings;
import dev.loyalty.core.insight.Insights;
import dev.loyalty.core.insight.KpiSettings;
import dev.loyalty.core.insight.ProgramKpis;
import dev.loyalty.core.insight.RfmSettings;
import dev.loyalty.core.insight.Segment;
import dev.loyalty.core.insight.Segmentation;
import dev.loyalty.core.model.Money;
import dev.loyalty.core.report.CsvExport;
import dev.loyalty.core.report.HtmlReport;
import dev.loyalty.core.report.JsonExport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code report --from <date> [--to <date>]}: the program's KPIs over a period of the
 * {@code --db} database, printed and written with the core's exports into {@code --out}:
 * {@value #KPIS_CSV}, {@value #KPIS_JSON} and {@value #HTML}; with {@code --segments}, an RFM
 * segmentation as of the period's end too (sizes in the JSON and HTML, one row per member in
 * {@value #MEMBERS_CSV}; nothing is stored). Writes nothing to the database but missing schema scripts.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Computes the program's KPIs for a period of the database and writes them as CSV, JSON and an HTML report.")
final class ReportCommand implements Callable<Integer> {

    /** The KPIs as CSV rows. */
    static final String KPIS_CSV = "loyalty-kpis.csv";
    /** The KPIs (and segments) as one JSON document. */
    static final String KPIS_JSON = "loyalty-kpis.json";
    /** The self-contained HTML report with charts. */
    static final String HTML = "loyalty-report.html";
    /** Each member's RFM scores and segment, with {@code --segments}. */
    static final String MEMBERS_CSV = "loyalty-members.csv";

    @Spec
    private CommandSpec spec;

    @Mixin
    private EngineOptions options;

    @Option(names = "--from", required = true, paramLabel = "<date>", description = "the period's first day, such as 2026-01-01")
    private LocalDate from;

    @Option(names = "--to", paramLabel = "<date>",
            description = "the day after the period's last (exclusive), such as 2026-04-01 (default: tomorrow, so today counts)")
    private LocalDate to;

    @Option(names = "--out", defaultValue = "loyalty-report", paramLabel = "<dir>",
            description = "directory for the exports, created when missing (default: ${DEFAULT-VALUE})")
    private Path out;

    @Option(names = "--point-value", paramLabel = "<amount>", description = "what a point is worth in the program's currency, such as 0.01, "
            + "to value the liability (default: not valued)")
    private BigDecimal pointValue;

    @Option(names = "--segments", description = "also score the members (RFM over 365 days up to --to) and report the segments")
    private boolean segments;

    @Option(names = "--title", defaultValue = "Loyalty program report", description = "the HTML report's title (default: ${DEFAULT-VALUE})")
    private String title;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        if (options.missing(spec.commandLine().getErr())) {
            return PosCli.BAD_INPUT;
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            // before any work: creating the directory would fail with no reason but the path
            throw new CommandLine.ParameterException(spec.commandLine(), "--out " + out + " is a file, not a directory; name a directory "
                    + "(it is created when missing)");
        }
        try (EngineOptions.OpenEngine open = options.open()) {
            ProgramSettings program = open.engine().program();
            LocalDate end = to != null ? to : LocalDate.now(program.zone()).plusDays(1);
            if (!from.isBefore(end)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--from " + from + " must be before --to " + end);
            }
            KpiSettings.Builder settings = KpiSettings.builder(from, end);
            if (pointValue != null) {
                try {
                    settings.pointValue(Money.of(pointValue, program.currency().getCurrencyCode()));
                } catch (InvalidInputException e) {
                    // the core names its own field (money.amount, kpi.pointValue); the user wrote the option
                    throw new CommandLine.ParameterException(spec.commandLine(), "--point-value " + pointValue.toPlainString() + " is refused: "
                            + e.getMessage());
                }
            }
            Insights insights = Insights.of(open.store(), program);
            // everything is computed before anything is written, so that a failure leaves no partial report in --out
            Path members = segments ? Files.createTempFile("loyalty-members", ".csv") : null;
            try {
                Segmentation segmentation = segments ? segment(insights, end, members) : null;
                ProgramKpis kpis = insights.kpis(settings.build());
                write(kpis, segmentation, members);
                print(stdout, kpis, segmentation);
            } finally {
                if (members != null) {
                    Files.deleteIfExists(members);
                }
            }
            stdout.printf("Wrote %s, %s%s and %s to %s%n", KPIS_CSV, KPIS_JSON, segments ? ", " + HTML : "", segments ? MEMBERS_CSV : HTML, out);
            stdout.flush();
            return PosCli.OK;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + out + ": " + EventFile.reason(e), e);
        }
    }

    /**
     * Renders the exports, then writes them into {@code --out}, creating it, and moves the scored members' rows there from
     * their temporary file: a failure to render leaves {@code --out} as it was.
     */
    private void write(ProgramKpis kpis, Segmentation segmentation, Path members) throws IOException {
        StringWriter csv = new StringWriter();
        CsvExport.kpis(kpis, csv);
        String json = JsonExport.toJson(kpis, segmentation);
        HtmlReport.Builder html = HtmlReport.builder(kpis).title(title);
        if (segmentation != null) {
            html.segmentation(segmentation);
        }
        HtmlReport report = html.build();
        Files.createDirectories(out);
        if (members != null) {
            Files.move(members, out.resolve(MEMBERS_CSV), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.writeString(out.resolve(KPIS_CSV), csv.toString(), StandardCharsets.UTF_8);
        Files.writeString(out.resolve(KPIS_JSON), json, StandardCharsets.UTF_8);
        report.write(out.resolve(HTML));
    }

    /** Scores the members as of the period's end, writing each one's row into {@code members}. */
    private static Segmentation segment(Insights insights, LocalDate end, Path members) throws IOException {
        try (Writer writer = Files.newBufferedWriter(members, StandardCharsets.UTF_8);
             CsvExport.MemberRows rows = CsvExport.members(writer)) {
            return insights.segment(RfmSettings.builder(end).build(), rows);
        }
    }

    private static void print(PrintWriter out, ProgramKpis k, Segmentation segmentation) {
        out.printf("KPIs %s to %s (previous period: the %d days before)%n", k.from(), k.to().minusDays(1),
                k.to().toEpochDay() - k.from().toEpochDay());
        out.printf("  active members       %,10d  of %,d enrolled (%,d new)%n", k.activeMembers(), k.members(), k.newMembers());
        out.printf("  retention rate       %10s  (%,d of %,d previous period's active members)%n", k.retention(), k.retention().numerator(),
                k.retention().denominator());
        out.printf("  churn rate           %10s%n", k.churn());
        out.printf("  repurchase rate      %10s  (%,d members with 2+ purchases)%n", k.repurchase(), k.repurchase().numerator());
        out.printf("  points issued        %,10d  redeemed %,d, expired %,d, clawed back %,d%n", k.pointsIssued(), k.pointsRedeemed(),
                k.pointsExpired(), k.pointsClawedBack());
        out.printf("  points liability     %,10d%s%n", k.liabilityPoints(), k.liabilityValue() == null ? "" : "  (" + k.liabilityValue() + ")");
        out.printf("  redemption rate      %10s  breakage rate %s%n", k.redemption(), k.breakage());
        out.printf("  tier movements       %,10d  promotions, %,d demotions%n", k.tierMovements().promotions(), k.tierMovements().demotions());
        k.tierMovements().moves().forEach(m -> out.printf("    %s -> %s %,d%n", m.fromTier(), m.toTier(), m.members()));
        out.printf("  offers issued        %,10d  redeemed %s; win-back %,d, converted %s%n", k.offers().issued(), k.offers().redemption(),
                k.offers().winBackIssued(), k.offers().conversion());
        out.print("  members per tier    ");
        k.tiers().forEach(t -> out.printf(" %s %,d", t.tierCode(), t.members()));
        out.println();
        if (segmentation != null) {
            out.printf("Segments as of %s (RFM over %d days)%n", segmentation.asOf(), segmentation.windowDays());
            for (Segment segment : Segment.values()) {
                out.printf("  %-20s %,10d%n", segment.code(), segmentation.size(segment));
            }
        }
    }
}
