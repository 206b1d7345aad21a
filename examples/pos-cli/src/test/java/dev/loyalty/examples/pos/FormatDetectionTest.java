package dev.loyalty.examples.pos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without {@code --format}, a file is read in the format its header names: an Online Retail
 * header is one whose columns are the data set's, in any order and quoted or not, as that format
 * reads them.
 */
class FormatDetectionTest {

    @TempDir
    Path dir;

    @Test
    void shouldReplayAnOnlineRetailFileWhoseHeaderNamesItsColumnsInAnotherOrder() throws IOException {
        Path events = write("retail.csv", """
                StockCode,InvoiceNo,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
                85123A,536365,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,17850,United Kingdom
                """);

        CliRun replay = CliRun.of("replay", "--db", db(), "--no-progress", events.toString());

        assertThat(replay.exitCode()).as(replay.err()).isEqualTo(PosCli.OK);
        assertThat(replay.out()).contains("Events processed            2  (0 refused)");
    }

    @Test
    void shouldReplayAnOnlineRetailFileWhoseHeaderQuotesItsColumnNames() throws IOException {
        Path events = write("retail.csv", """
                "InvoiceNo","StockCode","Description","Quantity","InvoiceDate","UnitPrice","CustomerID","Country"
                536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,17850,United Kingdom
                """);

        CliRun replay = CliRun.of("replay", "--db", db(), "--no-progress", events.toString());

        assertThat(replay.exitCode()).as(replay.err()).isEqualTo(PosCli.OK);
        assertThat(replay.out()).contains("Events processed            2  (0 refused)");
    }

    private String db() {
        return dir.resolve("loyalty-db").toString();
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
