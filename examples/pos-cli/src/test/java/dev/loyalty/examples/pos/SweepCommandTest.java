package dev.loyalty.examples.pos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.rules.fixtures.FailingCampaigns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** {@code sweep}: the daily time-based work over the database, run by the CLI. */
class SweepCommandTest {

    /** alice last bought on 3 March and bob on 4 March: on 10 June both are more than 90 days dormant. */
    private static final String JUNE = "2026-06-10T00:00:00Z";

    @TempDir
    Path dir;

    private String db;

    @BeforeEach
    void replay() throws IOException {
        db = dir.resolve("loyalty-db").toString();
        CliRun replay = CliRun.of("replay", "--db", db, "--no-progress", Files.writeString(dir.resolve("events.jsonl"), PosCliTest.JSONL).toString());
        assertThat(replay.exitCode()).as(replay.err()).isEqualTo(PosCli.OK);
    }

    private static long offersIssued(String out) {
        Matcher matcher = Pattern.compile("Offers issued\\s+([0-9,]+)").matcher(out);
        assertThat(matcher.find()).as(out).isTrue();
        return Long.parseLong(matcher.group(1).replace(",", ""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-06-10t00:00:00z", "2026-06-10T00:00:00+01", " 2026-06-10T00:00:00Z", "+2026-06-10T00:00:00Z"})
    void asOfNotWrittenAsAnIsoInstantIsAUsageErrorThatNamesTheOptionAndSweepsNothing(String asOf) {
        CliRun run = CliRun.of("sweep", "--db", db, "--as-of", asOf);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(PosCli.USAGE);
        assertThat(run.err()).contains("--as-of").contains("'" + asOf + "'");
        assertThat(offersIssued(CliRun.of("sweep", "--db", db, "--as-of", JUNE).out())).isEqualTo(2);
    }

    @Test
    void sweepIssuesAWinBackOfferToEachDormantMember() {
        CliRun run = CliRun.of("sweep", "--db", db, "--as-of", JUNE);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(PosCli.OK);
        assertThat(run.out()).contains("Members swept                     2");
        assertThat(offersIssued(run.out())).isEqualTo(2);
    }

    @Test
    void sweepAgainAtTheSameInstantIssuesNothingMore() {
        CliRun.of("sweep", "--db", db, "--as-of", JUNE);

        CliRun again = CliRun.of("sweep", "--db", db, "--as-of", JUNE);

        assertThat(again.exitCode()).as(again.err()).isEqualTo(PosCli.OK);
        assertThat(offersIssued(again.out())).isZero();
    }

    @Test
    void reportAfterASweepCountsItsOffers() throws IOException {
        CliRun.of("sweep", "--db", db, "--as-of", JUNE);
        Path out = dir.resolve("report");

        CliRun report = CliRun.of("report", "--db", db, "--from", "2026-06-01", "--to", "2026-07-01", "--out", out.toString());

        assertThat(report.exitCode()).as(report.err()).isEqualTo(PosCli.OK);
        assertThat(Files.readAllLines(out.resolve(ReportCommand.KPIS_CSV))).anyMatch(line -> line.startsWith("offers_issued,") && line.contains(",2,"));
    }

    @Test
    void sweepListsTheMembersWhoseRulesFailedAndExitsAsRefused() throws IOException {
        Path campaigns = Files.createDirectories(dir.resolve("campaigns"));
        Files.writeString(campaigns.resolve("bad.drl"), FailingCampaigns.ZERO_POINT_WIN_BACK);

        CliRun run = CliRun.of("sweep", "--db", db, "--as-of", JUNE, "--campaigns", campaigns.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(PosCli.REFUSED);
        assertThat(run.out()).contains("Members swept                     2").contains("Members failed                    2");
        assertThat(run.err()).contains("failed: member alice: ").contains("failed: member bob: ").contains(FailingCampaigns.ZERO_POINT_RULE);
        assertThat(offersIssued(run.out())).isZero();
    }

    @Test
    void sweepOfAMissingDatabaseFailsWithoutCreatingIt() {
        String missing = dir.resolve("nowhere").toString();

        CliRun run = CliRun.of("sweep", "--db", missing);

        assertThat(run.exitCode()).isEqualTo(PosCli.BAD_INPUT);
        assertThat(run.err()).contains("no database at " + missing);
        assertThat(Files.exists(Path.of(missing + ".mv.db"))).isFalse();
    }
}
