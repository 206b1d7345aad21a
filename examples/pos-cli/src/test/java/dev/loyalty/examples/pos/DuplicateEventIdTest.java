package dev.loyalty.examples.pos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An event id used by two different events of one file: refused before anything is replayed. */
class DuplicateEventIdTest {

    @TempDir
    Path dir;

    @Test
    void shouldRefuseTheFileWhenThePurchaseRowsOfOneEventIdAreNotConsecutive() throws IOException {
        Path events = write("events.csv", """
                type,eventId,member,occurredAt,sku,category,quantity,unitPrice,currency
                enrol,e-alice,alice,2026-03-01T09:00:00Z,,,,,
                purchase,p-1,alice,2026-03-03T10:00:00Z,A,home,1,10.00,GBP
                purchase,p-2,alice,2026-03-03T11:00:00Z,A,home,1,10.00,GBP
                purchase,p-1,alice,2026-03-03T10:00:00Z,B,home,1,50.00,GBP
                """);

        CliRun replay = CliRun.of("replay", "--db", db(), "--no-progress", events.toString());

        assertThat(replay.exitCode()).isEqualTo(PosCli.BAD_INPUT);
        assertThat(replay.err()).contains(events + ":5: event id p-1 is already used by another event at " + events + ":3");
        assertThat(Files.exists(Path.of(db() + ".mv.db"))).isFalse();
    }

    @Test
    void shouldRefuseTheFileWhenTwoJsonLinesShareAnEventIdWithDifferentContent() throws IOException {
        Path events = write("events.jsonl", """
                {"type":"enrol","eventId":"e-1","member":"alice","occurredAt":"2026-03-01T09:00:00Z"}
                {"type":"enrol","eventId":"e-1","member":"bob","occurredAt":"2026-03-01T09:30:00Z"}
                """);

        CliRun replay = CliRun.of("replay", "--db", db(), "--no-progress", events.toString());

        assertThat(replay.exitCode()).isEqualTo(PosCli.BAD_INPUT);
        assertThat(replay.err()).contains(events + ":2: event id e-1 is already used by another event at " + events + ":1");
    }

    private String db() {
        return dir.resolve("loyalty-db").toString();
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
