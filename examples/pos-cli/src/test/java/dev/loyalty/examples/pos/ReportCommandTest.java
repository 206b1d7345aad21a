package dev.loyalty.examples.pos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** {@code report}: KPIs of a period of the database, printed and written with the core's exports. */
class ReportCommandTest {

    /** The shared events, and a purchase of 600.00 that promotes alice from member to silver (500.00) in March. */
    static final String EVENTS = PosCliTest.JSONL + """
            {"type":"purchase","eventId":"p-3","member":"alice","occurredAt":"2026-03-07T10:00:00Z","currency":"GBP","lines":[{"sku":"SOFA","category":"home","quantity":1,"unitPrice":"600.00"}]}
            """;

    @TempDir
    Path dir;

    private String db;
    private long issued;
    private long clawedBack;
    private long redeemed;

    @BeforeEach
    void replay() throws IOException {
        db = dir.resolve("loyalty-db").toString();
        CliRun replay = CliRun.of("replay", "--db", db, "--no-progress", Files.writeString(dir.resolve("events.jsonl"), EVENTS).toString());
        assertThat(replay.exitCode()).as(replay.err()).isEqualTo(PosCli.OK);
        issued = number(replay.out(), "Points issued");
        clawedBack = number(replay.out(), "Points clawed back");
        redeemed = number(replay.out(), "Points redeemed");
    }

    @Test
    void reportOfTheMonthCountsWhatTheReplayIssuedAndItsMembers() throws IOException {
        Path out = dir.resolve("report");

        CliRun run = CliRun.of("report", "--db", db, "--from", "2026-03-01", "--to", "2026-04-01", "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(PosCli.OK);
        Map<String, CSVRecord> kpis = csv(out.resolve("loyalty-kpis.csv"), "kpi");
        assertThat(kpis.get("points_issued").get("value")).isEqualTo(Long.toString(issued));
        assertThat(kpis.get("points_clawed_back").get("value")).isEqualTo(Long.toString(clawedBack));
        assertThat(kpis.get("points_redeemed").get("value")).isEqualTo(Long.toString(redeemed));
        assertThat(kpis.get("liability_points").get("value")).isEqualTo(Long.toString(issued - clawedBack - redeemed));
        assertThat(kpis.get("members").get("value")).isEqualTo("2");
        assertThat(kpis.get("active_members").get("value")).isEqualTo("2");
        assertThat(run.out()).contains("KPIs 2026-03-01 to 2026-03-31").contains("active members                2  of 2 enrolled (2 new)");
    }

    @Test
    void reportCountsThePromotionOfThePeriod() throws IOException {
        Path out = dir.resolve("report");

        CliRun run = CliRun.of("report", "--db", db, "--from", "2026-03-01", "--to", "2026-04-01", "--out", out.toString());

        Map<String, CSVRecord> kpis = csv(out.resolve("loyalty-kpis.csv"), "kpi");
        assertThat(kpis.get("tier_promotions").get("value")).isEqualTo("1");
        assertThat(kpis.get("tier_demotions").get("value")).isEqualTo("0");
        assertThat(kpis.get("tier_move:member>silver").get("value")).isEqualTo("1");
        assertThat(run.out()).contains("member -> silver 1");
    }

    @Test
    void periodWithoutTheEventsCountsNone() throws IOException {
        Path out = dir.resolve("report");

        CliRun.of("report", "--db", db, "--from", "2026-02-01", "--to", "2026-03-01", "--out", out.toString());

        Map<String, CSVRecord> kpis = csv(out.resolve("loyalty-kpis.csv"), "kpi");
        assertThat(kpis.get("members").get("value")).isEqualTo("0");
        assertThat(kpis.get("points_issued").get("value")).isEqualTo("0");
        assertThat(kpis.get("tier_promotions").get("value")).isEqualTo("0");
    }

    @Test
    void reportWritesJsonAndAnHtmlReportWithItsCharts() throws IOException {
        Path out = dir.resolve("report");

        CliRun.of("report", "--db", db, "--from", "2026-03-01", "--to", "2026-04-01", "--out", out.toString(), "--point-value", "0.01",
                "--title", "March at the till");

        JsonNode json = new ObjectMapper().readTree(out.resolve("loyalty-kpis.json").toFile());
        assertThat(json.at("/period/from").asText()).isEqualTo("2026-03-01");
        assertThat(json.at("/kpis/points_issued").asLong()).isEqualTo(issued);
        assertThat(new BigDecimal(json.at("/kpis/liability_value/amount").asText()))
                .isEqualByComparingTo(BigDecimal.valueOf(issued - clawedBack - redeemed, 2));   // a penny a point
        assertThat(json.has("segmentation")).isFalse();
        String html = Files.readString(out.resolve("loyalty-report.html"));
        assertThat(html).contains("<title>March at the till</title>").contains("id=\"tier-distribution\"").contains("id=\"kpi-tier_promotions\"");
    }

    @Test
    void segmentsOptionScoresEveryMemberAndReportsTheSegments() throws IOException {
        Path out = dir.resolve("report");

        CliRun run = CliRun.of("report", "--db", db, "--from", "2026-03-01", "--to", "2026-04-01", "--out", out.toString(), "--segments");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(PosCli.OK);
        Map<String, CSVRecord> members = csv(out.resolve("loyalty-members.csv"), "member_id");
        assertThat(members.keySet()).containsExactlyInAnyOrder("alice", "bob");
        JsonNode json = new ObjectMapper().readTree(out.resolve("loyalty-kpis.json").toFile());
        assertThat(json.at("/segmentation/members").asLong()).isEqualTo(2);
        assertThat(json.at("/segmentation/asOf").asText()).isEqualTo("2026-04-01");
        assertThat(run.out()).contains("Segments as of 2026-04-01");
    }

    @Test
    void reportThatFailsAfterScoringTheMembersWritesNothing() throws Exception {
        // the KPIs read the offers, the segmentation does not: without the table the KPIs fail after the members are scored
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection("jdbc:h2:file:" + db + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "");
             java.sql.Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE loyalty_offer CASCADE");
        }
        Path out = dir.resolve("report");

        CliRun run = CliRun.of("report", "--db", db, "--from", "2026-03-01", "--to", "2026-04-01", "--out", out.toString(), "--segments");

        assertThat(run.exitCode()).as(run.out()).isEqualTo(PosCli.FAILURE);
        assertThat(run.err()).contains("loyalty_offer");
        assertThat(out).doesNotExist();
    }

    @Test
    void missingDatabaseIsBadInputAndCreatesNone() {
        Path missing = dir.resolve("no-such-db");

        CliRun run = CliRun.of("report", "--db", missing.toString(), "--from", "2026-03-01", "--out", dir.resolve("report").toString());

        assertThat(run.exitCode()).isEqualTo(PosCli.BAD_INPUT);
        assertThat(run.err()).contains("no database at " + missing);
        assertThat(dir.resolve("no-such-db.mv.db")).doesNotExist();
        assertThat(dir.resolve("report")).doesNotExist();
    }

    @Test
    void periodThatEndsBeforeItStartsIsAUsageError() {
        CliRun run = CliRun.of("report", "--db", db, "--from", "2026-04-01", "--to", "2026-03-01", "--out", dir.resolve("report").toString());

        assertThat(run.exitCode()).isEqualTo(PosCli.USAGE);
        assertThat(run.err()).contains("--from 2026-04-01 must be before --to 2026-03-01");
    }

    @Test
    void outThatIsAFileIsAUsageErrorThatSaysSoAndLeavesTheFileAsItWas() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.txt"), "mine");

        CliRun run = CliRun.of("report", "--db", db, "--from", "2026-03-01", "--to", "2026-04-01", "--out", file.toString());

        assertThat(run.exitCode()).isEqualTo(PosCli.USAGE);
        assertThat(run.err()).contains("--out " + file + " is a file, not a directory");
        assertThat(file).hasContent("mine");
    }

    @Test
    void pointValueTheProgramRefusesIsAUsageErrorThatNamesTheOptionAndWritesNothing() {
        Path out = dir.resolve("report");

        CliRun negative = CliRun.of("report", "--db", db, "--from", "2026-03-01", "--point-value", "-0.01", "--out", out.toString());
        CliRun tooFine = CliRun.of("report", "--db", db, "--from", "2026-03-01", "--point-value", "0.0000000000001", "--out", out.toString());

        assertThat(negative.exitCode()).isEqualTo(PosCli.USAGE);
        assertThat(negative.err()).contains("--point-value -0.01");
        assertThat(tooFine.exitCode()).isEqualTo(PosCli.USAGE);
        assertThat(tooFine.err()).contains("--point-value 0.0000000000001");
        assertThat(out).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"+0.01", ".01", "1e-2", "0.01 "})
    void pointValueNotWrittenAsAPlainDecimalIsAUsageErrorThatNamesTheOptionAndWritesNothing(String value) {
        Path out = dir.resolve("report");

        CliRun run = CliRun.of("report", "--db", db, "--from", "2026-03-01", "--point-value", value, "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(PosCli.USAGE);
        assertThat(run.err()).contains("--point-value").contains("'" + value + "'");
        assertThat(out).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"+10000-01-01", "2026-3-01", " 2026-04-01"})
    void dateNotWrittenAsAnIsoDateIsAUsageErrorThatNamesTheOptionAndWritesNothing(String date) {
        Path out = dir.resolve("report");

        CliRun run = CliRun.of("report", "--db", db, "--from", "2026-03-01", "--to", date, "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(PosCli.USAGE);
        assertThat(run.err()).contains("--to").contains("'" + date + "'");
        assertThat(out).doesNotExist();
    }

    @Test
    void malformedDateIsAUsageError() {
        CliRun run = CliRun.of("report", "--db", db, "--from", "2026-13-01");

        assertThat(run.exitCode()).isEqualTo(PosCli.USAGE);
        assertThat(run.err()).contains("--from");
    }

    static long number(String output, String label) {
        Matcher matcher = Pattern.compile(Pattern.quote(label) + "\\s+([\\d,]+)").matcher(output);
        assertThat(matcher.find()).as("'%s' in%n%s", label, output).isTrue();
        return Long.parseLong(matcher.group(1).replace(",", ""));
    }

    private static Map<String, CSVRecord> csv(Path file, String key) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
            return records.stream().collect(Collectors.toMap(r -> r.get(key), Function.identity()));
        }
    }
}
