package dev.loyalty.examples.pos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Event files as spreadsheet programs and Windows editors save them: with a UTF-8 byte order mark, or in another encoding. */
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

    @Test
    void shouldNameTheLineOfTheFirstByteThatIsNotUtf8WhenTheFileIsLatin1() throws IOException {
        // "Café" saved as ISO-8859-1 on line 3: its é is the single byte 0xE9, which UTF-8 does not allow there
        Path events = dir.resolve("latin1.csv");
        Files.write(events, ("type,eventId,member,occurredAt,zone,birthday,tier,channel\n"
                + "enrol,e-alice,alice,2026-03-01T09:00:00Z,,,,web\n"
                + "enrol,e-bob,bob,2026-03-01T09:00:00Z,,,,Café\n").getBytes(StandardCharsets.ISO_8859_1));

        CliRun replay = CliRun.of("replay", "--db", db(), "--no-progress", events.toString());

        assertThat(replay.exitCode()).isEqualTo(PosCli.BAD_INPUT);
        assertThat(replay.err()).contains("latin1.csv:3: is not UTF-8 text; save the file as UTF-8");
    }

    @Test
    void shouldNameTheLineOfAByteThatIsNotUtf8FarPastTheFirstBlockOfTheCsvFile() throws IOException {
        // the Latin-1 é stands past the first 8,192 characters the CSV parser reads at once, and a euro sign (3 bytes) starts at
        // byte 8,191, split by a reader of 8,192-byte blocks
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        bytes.writeBytes("type,eventId,member,occurredAt,zone,birthday,tier,channel\n".getBytes(StandardCharsets.UTF_8));
        String enrolment = "enrol,e-%d,m%d,2026-03-01T09:00:00Z,,,,web\n";
        int line = 2;
        while (bytes.size() < 8_000) {
            bytes.writeBytes(String.format(enrolment, line, line).getBytes(StandardCharsets.UTF_8));
            line++;
        }
        String start = "enrol,e-euro,euro,2026-03-01T09:00:00Z,,,,";
        bytes.writeBytes((start + "x".repeat(8_191 - bytes.size() - start.length())).getBytes(StandardCharsets.UTF_8));
        assertThat(bytes.size()).isEqualTo(8_191);
        bytes.writeBytes("\u20ac\n".getBytes(StandardCharsets.UTF_8));
        line++;
        for (int i = 0; i < 300; i++, line++) {
            bytes.writeBytes(String.format(enrolment, line, line).getBytes(StandardCharsets.UTF_8));
        }
        bytes.writeBytes("enrol,e-bob,bob,2026-03-01T09:00:00Z,,,,Caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        Path events = Files.write(dir.resolve("long.csv"), bytes.toByteArray());

        CliRun replay = CliRun.of("replay", "--db", db(), "--no-progress", events.toString());

        assertThat(replay.exitCode()).isEqualTo(PosCli.BAD_INPUT);
        assertThat(replay.err()).contains("long.csv:" + line + ": is not UTF-8 text; save the file as UTF-8");
    }

    private String db() {
        return dir.resolve("loyalty-db").toString();
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }
}
