package dev.loyalty.examples.pos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Event files saved with a UTF-8 byte order mark, as spreadsheet programs and Windows editors write them. */
class ByteOrderMarkTest {

    private static final String BOM = "\uFEFF";

    @TempDir
    Path dir;

    @Test
    void shouldReplayCsvWhenTheFileStartsWithAByteOrderMark() throws IOException {
        Path events = write("events.csv", BOM + "type,eventId,member,occurredAt\r\nenrol,e-alice,alice,2026-03-01T09:00:00Z\r\n");

        CliRun replay = CliRun.of("replay", "--db", db(), "--no-progress", events.toString());

        assertThat(replay.exitCode()).as(replay.err()).isEqualTo(PosCli.OK);
        assertThat(replay.out()).contains("Events processed            1  (0 refused)");
    }

    @Test
    void shouldReplayJsonLinesWhenTheFileStartsWithAByteOrderMark() throws IOException {
        Path events = write("events.jsonl", BOM + "{\"type\":\"enrol\",\"eventId\":\"e-alice\",\"member\":\"alice\",\"occurredAt\":\"2026-03-01T09:00:00Z\"}\n");

        CliRun replay = CliRun.of("replay", "--db", db(), "--no-progress", events.toString());

        assertThat(replay.exitCode()).as(replay.err()).isEqualTo(PosCli.OK);
        assertThat(replay.out()).contains("Events processed            1  (0 refused)");
    }

    private String db() {
        return dir.resolve("loyalty-db").toString();
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }
}
