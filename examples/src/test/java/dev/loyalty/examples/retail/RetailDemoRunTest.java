package dev.loyalty.examples.retail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo run on a file of the user's: a file it cannot replay ends it with a message naming the file and an exit code, not a stack trace. */
class RetailDemoRunTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void shouldExitWithBadInputNamingTheFileWhenItIsMissing() {
        Path missing = dir.resolve("missing.csv");

        int code = run(missing.toString());

        assertThat(code).isEqualTo(RetailDemo.BAD_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(missing + ": cannot be read");
    }

    @Test
    void shouldExitWithBadInputNamingTheFileAndLineWhenTheHeaderLacksAColumn() throws IOException {
        Path csv = Files.writeString(dir.resolve("retail.csv"), "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,Country\n"
                + "1,A,X,2,2011-01-01 10:00:00,1.50,United Kingdom\n");

        int code = run(csv.toString());

        assertThat(code).isEqualTo(RetailDemo.BAD_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(csv + ":1: the header lacks the columns CustomerID");
    }

    private int run(String... args) {
        return RetailDemo.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
