package dev.loyalty.examples.pos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The numbers and times of an Online Retail CSV ({@code Quantity}, {@code UnitPrice},
 * {@code InvoiceDate}) are read as an export writes them: spaces around them, a {@code +} sign or
 * a price with no digit before or after its point are refused naming the file, the line and the
 * column, nothing replayed. The spaces an export leaves after a {@code Description} are not.
 */
class RetailTextTest {

    private static final String HEADER = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n";

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
            "Quantity|+6",
            "Quantity|' 6'",
            "Quantity|'6 '",
            "UnitPrice|+2.55",
            "UnitPrice|' 2.55'",
            "UnitPrice|.55",
            "UnitPrice|2.",
            "InvoiceDate|' 2010-12-01 08:26:00'",
            "InvoiceDate|'2010-12-01 08:26:00 '"})
    void shouldRefuseTheFileNamingTheLineAndColumnWhenANumberOrTimeIsNotWrittenPlainly(String column, String value) throws IOException {
        String row = "536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,{Quantity},{InvoiceDate},{UnitPrice},17850,United Kingdom"
                .replace("{" + column + "}", value)
                .replace("{Quantity}", "6").replace("{InvoiceDate}", "2010-12-01 08:26:00").replace("{UnitPrice}", "2.55");
        Path events = Files.writeString(dir.resolve("retail.csv"), HEADER + row + "\n");

        CliRun replay = CliRun.of("replay", "--db", db(), "--no-progress", events.toString());

        assertThat(replay.exitCode()).as(replay.err()).isEqualTo(PosCli.BAD_INPUT);
        assertThat(replay.err()).contains(events + ":2: ").contains(column).contains("'" + value + "'");
        assertThat(Files.exists(Path.of(db() + ".mv.db"))).isFalse();
    }

    @Test
    void shouldReplayAnExportsRowsWithSpacesAfterTheDescription() throws IOException {
        Path events = Files.writeString(dir.resolve("retail.csv"), HEADER
                + "536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER ,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom\n"
                + "C536379,D,Discount ,-1,2010-12-01 09:41:00,27.50,17850.0,United Kingdom\n");

        CliRun replay = CliRun.of("replay", "--db", db(), "--no-progress", events.toString());

        assertThat(replay.exitCode()).as(replay.err()).isEqualTo(PosCli.OK);
    }

    private String db() {
        return dir.resolve("loyalty-db").toString();
    }
}
