package dev.loyalty.examples.pos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CSV amount written with an exponent is what a spreadsheet saves for a number it shows in scientific notation, already
 * rounded to the digits it shows ({@code 1.23457E+11}): it is refused naming the line and field, not read as another amount.
 */
class CsvAmountExponentTest {

    @TempDir
    Path dir;

    @Test
    void shouldRefuseTheFileWhenAnEventsCsvAmountHasAnExponent() throws IOException {
        Path events = Files.writeString(dir.resolve("events.csv"), """
                type,eventId,member,occurredAt,sku,category,quantity,currency,unitPrice
                enrol,e-alice,alice,2026-03-01T09:00:00Z,,,,,
                purchase,p-1,alice,2026-03-03T10:00:00Z,A,home,1,GBP,1.5E+2
                """);

        CliRun replay = CliRun.of("replay", "--db", db(), "--no-progress", events.toString());

        assertThat(replay.exitCode()).as(replay.err()).isEqualTo(PosCli.BAD_INPUT);
        assertThat(replay.err()).contains(events + ":3: ").contains("unitPrice").contains("1.5E+2").contains("exponent");
        assertThat(Files.exists(Path.of(db() + ".mv.db"))).isFalse();
    }

    @Test
    void shouldRefuseTheFileWhenAnOnlineRetailUnitPriceHasAnExponent() throws IOException {
        Path events = Files.writeString(dir.resolve("retail.csv"), """
                InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
                536365,85123A,HEART,6,2010-12-01 08:26:00,2.55,17850,United Kingdom
                536366,22633,WARMER,6,2010-12-01 08:28:00,1.85E+1,17850,United Kingdom
                """);

        CliRun replay = CliRun.of("replay", "--db", db(), "--no-progress", events.toString());

        assertThat(replay.exitCode()).as(replay.err()).isEqualTo(PosCli.BAD_INPUT);
        assertThat(replay.err()).contains(events + ":3: ").contains("UnitPrice").contains("1.85E+1").contains("exponent");
        assertThat(Files.exists(Path.of(db() + ".mv.db"))).isFalse();
    }

    private String db() {
        return dir.resolve("loyalty-db").toString();
    }
}
