package dev.loyalty.examples.pos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV rows and headers whose columns do not line up: refused with the file and line, nothing replayed. */
class CsvColumnsTest {

    @TempDir
    Path dir;

    @Test
    void shouldRefuseTheFileWhenARowHasMoreValuesThanTheHeaderHasColumns() throws IOException {
        Path events = write("events.csv", """
                type,eventId,member,occurredAt,sku,category,quantity,currency,unitPrice
                enrol,e-alice,alice,2026-03-01T09:00:00Z,,,,,
                purchase,p-1,alice,2026-03-03T10:00:00Z,A,home,1,GBP,1,234.50
                """);

        CliRun replay = CliRun.of("replay", "--db", db(), "--no-progress", events.toString());

        assertThat(replay.exitCode()).isEqualTo(PosCli.BAD_INPUT);
        assertThat(replay.err()).contains(events + ":3: the row has 10 values but the header names 9 columns");
        assertThat(Files.exists(Path.of(db() + ".mv.db"))).isFalse();
    }

    @Test
    void shouldRefuseTheFileWhenAHeaderColumnIsBlank() throws IOException {
        Path events = write("events.csv", """
                type,eventId,,member,occurredAt
                enrol,e-alice,x,alice,2026-03-01T09:00:00Z
                """);

        CliRun replay = CliRun.of("replay", "--db", db(), "--no-progress", events.toString());

        assertThat(replay.exitCode()).as(replay.err()).isEqualTo(PosCli.BAD_INPUT);
        assertThat(replay.err()).contains(events + ":1: the header is malformed: ");
    }

    @Test
    void shouldRefuseTheFileWhenAHeaderNamesAColumnTwice() throws IOException {
        Path events = write("events.csv", """
                type,eventId,member,occurredAt,member
                enrol,e-alice,alice,2026-03-01T09:00:00Z,bob
                """);

        CliRun replay = CliRun.of("replay", "--db", db(), "--no-progress", events.toString());

        assertThat(replay.exitCode()).as(replay.err()).isEqualTo(PosCli.BAD_INPUT);
        assertThat(replay.err()).contains(events + ":1: the header is malformed: ").contains("member");
        assertThat(Files.exists(Path.of(db() + ".mv.db"))).isFalse();
    }

    private String db() {
        return dir.resolve("loyalty-db").toString();
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
