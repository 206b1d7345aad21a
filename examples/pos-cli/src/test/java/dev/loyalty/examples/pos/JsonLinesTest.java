package dev.loyalty.examples.pos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A JSON line that is more or less than one object with each field once is refused naming the line; nothing is replayed. */
class JsonLinesTest {

    private static final String ENROL = "{\"type\":\"enrol\",\"eventId\":\"e-1\",\"member\":\"alice\",\"occurredAt\":\"2026-03-01T10:00:00Z\"}";
    private static final String OTHER = "{\"type\":\"enrol\",\"eventId\":\"e-2\",\"member\":\"bob\",\"occurredAt\":\"2026-03-01T10:00:00Z\"}";

    @TempDir
    Path dir;

    @Test
    void shouldRefuseTheFileWhenALineHoldsTwoObjects() throws IOException {
        Path events = Files.writeString(dir.resolve("events.jsonl"), ENROL + "\n" + ENROL.replace("e-1", "e-3") + OTHER + "\n");

        CliRun replay = CliRun.of("replay", "--db", db(), "--no-progress", events.toString());

        assertThat(replay.exitCode()).as(replay.err()).isEqualTo(PosCli.BAD_INPUT);
        assertThat(replay.err()).contains(events + ":2: not valid JSON");
        assertThat(Files.exists(Path.of(db() + ".mv.db"))).isFalse();
    }

    @Test
    void shouldRefuseTheFileWhenALineNamesAFieldTwice() throws IOException {
        Path events = Files.writeString(dir.resolve("events.jsonl"), ENROL.replace("\"member\":\"alice\"", "\"member\":\"alice\",\"member\":\"bob\"") + "\n");

        CliRun replay = CliRun.of("replay", "--db", db(), "--no-progress", events.toString());

        assertThat(replay.exitCode()).as(replay.err()).isEqualTo(PosCli.BAD_INPUT);
        assertThat(replay.err()).contains(events + ":1: not valid JSON").contains("member");
    }

    private String db() {
        return dir.resolve("loyalty-db").toString();
    }
}
