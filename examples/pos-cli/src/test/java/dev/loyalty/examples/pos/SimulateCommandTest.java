package dev.loyalty.examples.pos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code simulate}: the default pack against a candidate directory on an events file, in memory. */
class SimulateCommandTest {

    /** Ten points per pound on every purchase, and nothing else (no tiers, no welcome bonus). */
    static final String TEN_PER_POUND = """
            package candidate;

            import dev.loyalty.rules.vocabulary.*;

            global dev.loyalty.rules.vocabulary.Earn earn;

            rule "BASE-10 ten points per pound"
            when
                $p : Purchase( )
            then
                earn.base($p, 10, "10 points per pound");
            end
            """;

    static final String KITCHEN_BONUS = """
            package candidate;

            import dev.loyalty.rules.vocabulary.*;

            global dev.loyalty.rules.vocabulary.Earn earn;

            rule "KITCHEN-01 three extra points per pound on kitchen items"
            when
                $l : PurchaseLine( category == "kitchen" )
            then
                earn.bonus($l, 3, "3 extra points per pound on kitchen items");
            end
            """;

    static final String BROKEN = """
            package candidate;

            rule "BROKEN-01 no then"
            when
                $p : NoSuchFact( )
            then
            end
            """;

    @TempDir
    Path dir;

    @Test
    void candidateSideEarnsWhatItsRulesGiveOnTheFilesEvents() throws IOException {
        Path events = write("events.jsonl", PosCliTest.JSONL);
        Path candidate = campaigns("ten", TEN_PER_POUND);

        CliRun run = CliRun.of("simulate", events.toString(), "--campaigns", candidate.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(PosCli.OK);
        // p-1 18.40 and p-2 13.00 at 10 a pound: 184 + 130; the return of 12.50 of p-1 takes 184 x 12.50 / 18.40 = 125,
        // the redemption 20
        assertThat(candidateColumn(run.out(), "points issued")).isEqualTo(314);
        assertThat(candidateColumn(run.out(), "points removed")).isEqualTo(125 + 20);
        assertThat(candidateColumn(run.out(), "points liability")).isEqualTo(314 - 145);
        assertThat(candidateColumn(run.out(), "events processed")).isEqualTo(6);
    }

    @Test
    void currentSideIsTheDefaultPackAsAReplayIssuesIt() throws IOException {
        Path events = write("events.jsonl", PosCliTest.JSONL);
        CliRun replay = CliRun.of("replay", "--db", dir.resolve("db").toString(), "--no-progress", events.toString());
        Matcher issued = Pattern.compile("Points issued\\s+([\\d,]+)").matcher(replay.out());
        assertThat(issued.find()).as(replay.out()).isTrue();

        CliRun run = CliRun.of("simulate", events.toString(), "--campaigns", campaigns("ten", TEN_PER_POUND).toString());

        assertThat(currentColumn(run.out(), "points issued")).isEqualTo(Long.parseLong(issued.group(1).replace(",", "")));
    }

    @Test
    void withDefaultsTheCandidateIsTheDefaultPackPlusTheDirectory() throws IOException {
        Path events = write("events.jsonl", PosCliTest.JSONL);

        CliRun run = CliRun.of("simulate", events.toString(), "--campaigns", campaigns("kitchen", KITCHEN_BONUS).toString(), "--with-defaults");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(PosCli.OK);
        // bob's four mugs at 3.25: 3 x 13.00 = 39 extra points, before his tier's multiplier
        assertThat(currentColumn(run.out(), "  KITCHEN-01")).isZero();
        assertThat(candidateColumn(run.out(), "  KITCHEN-01")).isEqualTo(39);
        assertThat(candidateColumn(run.out(), "  BASE-01")).isEqualTo(currentColumn(run.out(), "  BASE-01"));
        assertThat(candidateColumn(run.out(), "points issued")).isGreaterThan(currentColumn(run.out(), "points issued") + 39);
    }

    @Test
    void candidateThatDoesNotBuildIsRefusedWithItsProblems() throws IOException {
        Path events = write("events.jsonl", PosCliTest.JSONL);
        Path candidate = campaigns("broken", BROKEN);

        CliRun run = CliRun.of("simulate", events.toString(), "--campaigns", candidate.toString());

        assertThat(run.exitCode()).isEqualTo(PosCli.REFUSED);
        assertThat(run.err()).contains("broken.drl:").contains("error:").contains("the candidate does not build");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void missingCandidateDirectoryIsBadInput() throws IOException {
        Path events = write("events.jsonl", PosCliTest.JSONL);

        CliRun run = CliRun.of("simulate", events.toString(), "--campaigns", dir.resolve("nowhere").toString());

        assertThat(run.exitCode()).isEqualTo(PosCli.BAD_INPUT);
        assertThat(run.err()).contains("nowhere is not a directory");
    }

    @Test
    void malformedEventsFileIsBadInputNamingTheLine() throws IOException {
        Path events = write("events.jsonl", "{\"type\":\"enrol\"}\n");

        CliRun run = CliRun.of("simulate", events.toString(), "--campaigns", campaigns("ten", TEN_PER_POUND).toString());

        assertThat(run.exitCode()).isEqualTo(PosCli.BAD_INPUT);
        assertThat(run.err()).contains(events + ":1: field 'eventId' is missing").contains("nothing simulated");
    }

    @Test
    void withoutCandidateCampaignsItIsAUsageError() throws IOException {
        Path events = write("events.jsonl", PosCliTest.JSONL);

        CliRun run = CliRun.of("simulate", events.toString());

        assertThat(run.exitCode()).isEqualTo(PosCli.USAGE);
        assertThat(run.err()).contains("--campaigns");
    }

    private Path campaigns(String name, String drl) throws IOException {
        Path directory = Files.createDirectories(dir.resolve(name));
        Files.writeString(directory.resolve(name + ".drl"), drl);
        return directory;
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    /** The current (first) number of a report row. */
    static long currentColumn(String report, String label) {
        return column(report, label, 1);
    }

    /** The candidate (second) number of a report row. */
    static long candidateColumn(String report, String label) {
        return column(report, label, 2);
    }

    private static long column(String report, String label, int group) {
        Matcher row = Pattern.compile("(?m)^" + Pattern.quote(label) + "\\s+(-?[\\d,]+)\\s+(-?[\\d,]+)").matcher(report);
        assertThat(row.find()).as("row '%s' in%n%s", label, report).isTrue();
        return Long.parseLong(row.group(group).replace(",", ""));
    }
}
