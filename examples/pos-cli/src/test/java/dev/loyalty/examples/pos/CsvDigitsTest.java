package dev.loyalty.examples.pos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Numbers in an events file are written with the digits 0 to 9: other scripts' digits are refused naming the line and field. */
class CsvDigitsTest {

    @TempDir
    Path dir;

    @Test
    void shouldRefuseTheFileWhenAQuantityIsWrittenWithArabicIndicDigits() throws IOException {
        Path events = write("""
                type,eventId,member,occurredAt,sku,category,quantity,currency,unitPrice
                enrol,e-alice,alice,2026-03-01T09:00:00Z,,,,,
                purchase,p-1,alice,2026-03-03T10:00:00Z,A,home,\u0663,GBP,2.50
                """);

        CliRun replay = CliRun.of("replay", "--db", db(), "--no-progress", events.toString());

        assertThat(replay.exitCode()).as(replay.err()).isEqualTo(PosCli.BAD_INPUT);
        assertThat(replay.err()).contains(events + ":3: ").contains("quantity").contains("\u0663");
        assertThat(Files.exists(Path.of(db() + ".mv.db"))).isFalse();
    }

    @Test
    void shouldRefuseTheFileWhenAnAmountIsWrittenWithFullwidthDigits() throws IOException {
        Path events = write("""
                type,eventId,member,occurredAt,sku,category,quantity,currency,unitPrice
                enrol,e-alice,alice,2026-03-01T09:00:00Z,,,,,
                purchase,p-1,alice,2026-03-03T10:00:00Z,A,home,1,GBP,\uFF12.50
                """);

        CliRun replay = CliRun.of("replay", "--db", db(), "--no-progress", events.toString());

        assertThat(replay.exitCode()).as(replay.err()).isEqualTo(PosCli.BAD_INPUT);
        assertThat(replay.err()).contains(events + ":3: ").contains("unitPrice").contains("\uFF12.50");
        assertThat(Files.exists(Path.of(db() + ".mv.db"))).isFalse();
    }

    @Test
    void shouldRefuseTheFileWhenAnOnlineRetailQuantityIsWrittenWithArabicIndicDigits() throws IOException {
        Path events = Files.writeString(dir.resolve("retail.csv"), """
                InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
                536365,85123A,HEART,٦,2010-12-01 08:26:00,2.55,17850,United Kingdom
                536366,22633,WARMER,6,2010-12-01 08:28:00,١.85,17850,United Kingdom
                """);

        CliRun replay = CliRun.of("replay", "--db", db(), "--no-progress", events.toString());

        assertThat(replay.exitCode()).as(replay.err()).isEqualTo(PosCli.BAD_INPUT);
        assertThat(replay.err()).contains(events + ":2: ").contains("Quantity").contains(events + ":3: ").contains("UnitPrice");
        assertThat(Files.exists(Path.of(db() + ".mv.db"))).isFalse();
    }

    private Path write(String content) throws IOException {
        return Files.writeString(dir.resolve("events.csv"), content);
    }

    private String db() {
        return dir.resolve("loyalty-db").toString();
    }
}
