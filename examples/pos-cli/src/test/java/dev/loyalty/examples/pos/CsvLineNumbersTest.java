package dev.loyalty.examples.pos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The line a CSV problem names is the file's line, whatever blank lines or quoted line breaks come before it. */
class CsvLineNumbersTest {

    @TempDir
    Path dir;

    @Test
    void shouldNameTheFilesLineWhenBlankLinesComeBeforeTheBadRow() throws IOException {
        Path events = write("events.csv", """
                type,eventId,member,occurredAt

                enrol,e-alice,alice,2026-03-01T09:00:00Z

                enrol,e-bob,bob,2026-03-01
                """);

        CliRun replay = CliRun.of("replay", "--db", db(), "--no-progress", events.toString());

        assertThat(replay.exitCode()).isEqualTo(PosCli.BAD_INPUT);
        assertThat(replay.err()).contains(events + ":5: field 'occurredAt' is '2026-03-01'");
    }

    @Test
    void shouldNameTheFilesLineWhenAQuotedFieldSpansLinesBeforeTheBadRow() throws IOException {
        Path events = write("events.csv", """
                type,eventId,member,occurredAt,channel
                enrol,e-alice,alice,2026-03-01T09:00:00Z,"shop
                floor"
                enrol,e-bob,bob,2026-03-01,
                """);

        CliRun replay = CliRun.of("replay", "--db", db(), "--no-progress", events.toString());

        assertThat(replay.exitCode()).isEqualTo(PosCli.BAD_INPUT);
        assertThat(replay.err()).contains(events + ":4: field 'occurredAt' is '2026-03-01'");
    }

    @Test
    void shouldNameTheLineWhereAQuoteIsLeftOpen() throws IOException {
        Path events = write("events.csv", """
                type,eventId,member,occurredAt
                enrol,e-alice,alice,2026-03-01T09:00:00Z

                enrol,"e-bob,bob,2026-03-01T09:00:00Z
                enrol,e-carol,carol,2026-03-01T09:00:00Z
                """);

        CliRun replay = CliRun.of("replay", "--db", db(), "--no-progress", events.toString());

        assertThat(replay.exitCode()).isEqualTo(PosCli.BAD_INPUT);
        assertThat(replay.err()).contains(events + ":4: malformed CSV: ");
    }

    @Test
    void shouldNameTheFilesLineWhenAnOnlineRetailRowLeavesAQuoteOpen() throws IOException {
        Path events = write("retail.csv", """
                InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
                536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,17850,United Kingdom
                536366,22633,"HAND WARMER,6,2010-12-01 08:28:00,1.85,17850,United Kingdom
                """);

        CliRun replay = CliRun.of("replay", "--db", db(), "--no-progress", events.toString());

        assertThat(replay.exitCode()).isEqualTo(PosCli.BAD_INPUT);
        assertThat(replay.err()).contains(events + ":3: malformed CSV: ");
        assertThat(Files.exists(Path.of(db() + ".mv.db"))).isFalse();
    }

    private String db() {
        return dir.resolve("loyalty-db").toString();
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
