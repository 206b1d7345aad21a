package dev.loyalty.examples.pos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rows of one CSV purchase must agree on what belongs to the purchase, not the line: else the file is refused naming the row. */
class CsvPurchaseRowsTest {

    @TempDir
    Path dir;

    @Test
    void shouldRefuseTheFileWhenARowContinuesAPurchaseAtAnotherTime() throws IOException {
        Path events = write("events.csv", """
                type,eventId,member,occurredAt,sku,category,quantity,currency,unitPrice
                enrol,e-alice,alice,2026-03-01T09:00:00Z,,,,,
                purchase,p-1,alice,2026-03-03T10:00:00Z,A,home,1,GBP,2.50
                purchase,p-1,alice,2026-03-04T10:00:00Z,B,home,1,GBP,3.50
                """);

        CliRun replay = CliRun.of("replay", "--db", db(), "--no-progress", events.toString());

        assertThat(replay.exitCode()).as(replay.err()).isEqualTo(PosCli.BAD_INPUT);
        assertThat(replay.err()).contains(events + ":4: ").contains("occurredAt").contains("2026-03-03T10:00:00Z");
        assertThat(Files.exists(Path.of(db() + ".mv.db"))).isFalse();
    }

    @Test
    void shouldRefuseTheFileWhenARowContinuesAPurchaseInAnotherStore() throws IOException {
        Path events = write("events.csv", """
                type,eventId,member,occurredAt,sku,category,quantity,currency,unitPrice,store
                enrol,e-alice,alice,2026-03-01T09:00:00Z,,,,,,
                purchase,p-1,alice,2026-03-03T10:00:00Z,A,home,1,GBP,2.50,S-1
                purchase,p-1,alice,2026-03-03T10:00:00Z,B,home,1,GBP,3.50,S-2
                """);

        CliRun replay = CliRun.of("replay", "--db", db(), "--no-progress", events.toString());

        assertThat(replay.exitCode()).as(replay.err()).isEqualTo(PosCli.BAD_INPUT);
        assertThat(replay.err()).contains(events + ":4: ").contains("store").contains("S-1");
    }

    private String db() {
        return dir.resolve("loyalty-db").toString();
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
