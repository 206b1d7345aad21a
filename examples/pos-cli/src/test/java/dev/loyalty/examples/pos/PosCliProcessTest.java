package dev.loyalty.examples.pos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line launched as a program of its own, as a shell would: exit codes and output across runs. */
class PosCliProcessTest {

    @TempDir
    Path dir;

    @Test
    void replayThenStatementInSeparateProcessesShareTheDatabase() throws Exception {
        Path events = Files.writeString(dir.resolve("events.jsonl"), PosCliTest.JSONL);
        String db = dir.resolve("loyalty-db").toString();

        Result replay = run("replay", "--db", db, events.toString());
        Result statement = run("statement", "--db", db, "bob");

        assertThat(replay.exitCode()).as(replay.err()).isZero();
        assertThat(replay.out()).contains("Events processed            6  (0 refused)");
        assertThat(replay.err()).as("no progress bar without a terminal").doesNotContain("%");
        assertThat(statement.exitCode()).as(statement.err()).isZero();
        assertThat(statement.out()).isEqualTo(CliRun.of("statement", "--db", db, "bob").out());
    }

    @Test
    void aMalformedFileExitsWithTheBadInputCode() throws Exception {
        Path events = Files.writeString(dir.resolve("events.jsonl"), "{\"type\":\"enrol\"}\n");

        Result replay = run("replay", "--db", dir.resolve("loyalty-db").toString(), events.toString());

        assertThat(replay.exitCode()).isEqualTo(PosCli.BAD_INPUT);
        assertThat(replay.err()).contains(events + ":1: field 'eventId' is missing");
    }

    @Test
    void reportInAProcessOfItsOwnReadsTheDatabaseAReplayWrote() throws Exception {
        Path events = Files.writeString(dir.resolve("events.jsonl"), ReportCommandTest.EVENTS);
        String db = dir.resolve("loyalty-db").toString();
        run("replay", "--db", db, events.toString());
        Path out = dir.resolve("report");

        Result report = run("report", "--db", db, "--from", "2026-03-01", "--to", "2026-04-01", "--out", out.toString());

        assertThat(report.exitCode()).as(report.err()).isZero();
        assertThat(report.out()).contains("KPIs 2026-03-01 to 2026-03-31").contains("member -> silver 1");
        assertThat(out.resolve("loyalty-kpis.csv")).exists();
        assertThat(out.resolve("loyalty-kpis.json")).exists();
        assertThat(out.resolve("loyalty-report.html")).exists();
    }

    @Test
    void simulateWithACandidateThatDoesNotBuildExitsWithTheRefusedCode() throws Exception {
        Path events = Files.writeString(dir.resolve("events.jsonl"), PosCliTest.JSONL);
        Path candidate = Files.createDirectories(dir.resolve("candidate"));
        Files.writeString(candidate.resolve("broken.drl"), SimulateCommandTest.BROKEN);

        Result simulate = run("simulate", events.toString(), "--campaigns", candidate.toString());

        assertThat(simulate.exitCode()).isEqualTo(PosCli.REFUSED);
        assertThat(simulate.err()).contains("broken.drl:").contains("the candidate does not build");
    }

    private record Result(int exitCode, String out, String err) {
    }

    private Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), PosCli.class.getName()));
        command.addAll(List.of(args));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null").exists() ? new File("/dev/null") : out.toFile()))
                .start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the command line did not finish: " + command);
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
