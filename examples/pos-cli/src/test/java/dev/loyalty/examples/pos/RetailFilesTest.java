package dev.loyalty.examples.pos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Online Retail exports of successive periods replayed into one database, as an end-of-month job would. */
class RetailFilesTest {

    private static final String HEADER = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n";

    @TempDir
    Path dir;

    @Test
    void shouldReplayALaterExportWithoutRefusingTheEnrolmentOfACustomerAnEarlierExportEnrolled() throws IOException {
        Path december = Files.writeString(dir.resolve("december.csv"), HEADER + "536365,85123A,HEART,6,2010-12-01 08:26:00,2.55,17850,United Kingdom\n");
        Path january = Files.writeString(dir.resolve("january.csv"), HEADER + "540000,85123A,HEART,6,2011-01-05 08:26:00,2.55,17850,United Kingdom\n");
        CliRun.of("replay", "--db", db(), "--no-progress", december.toString());

        CliRun replay = CliRun.of("replay", "--db", db(), "--no-progress", january.toString());

        assertThat(replay.exitCode()).as(replay.err()).isEqualTo(PosCli.OK);
        assertThat(replay.err()).doesNotContain("refused");
        assertThat(CliRun.of("statement", "--db", db(), "17850").out()).contains("invoice-536365").contains("invoice-540000");
    }

    @Test
    void shouldCountAnExportsEnrolmentsAsAlreadyRecordedWhenTheSameExportIsReplayedAgain() throws IOException {
        Path december = Files.writeString(dir.resolve("december.csv"), HEADER + "536365,85123A,HEART,6,2010-12-01 08:26:00,2.55,17850,United Kingdom\n");
        CliRun.of("replay", "--db", db(), "--no-progress", december.toString());

        CliRun again = CliRun.of("replay", "--db", db(), "--no-progress", december.toString());

        assertThat(again.exitCode()).as(again.err()).isEqualTo(PosCli.OK);
        assertThat(again.out()).contains("Events processed            2  (0 refused)").contains("Already recorded            2");
    }

    @Test
    void shouldRecordALaterExportsRowsOfAnInvoiceAnEarlierExportRecordedAsAnInvoiceOfTheirOwn() throws IOException {
        Path november = Files.writeString(dir.resolve("november.csv"), HEADER + "536365,85123A,HEART,6,2010-11-30 23:59:00,2.55,17850,United Kingdom\n");
        Path december = Files.writeString(dir.resolve("december.csv"), HEADER + "536365,71053,LANTERN,6,2010-12-01 00:00:00,3.39,17850,United Kingdom\n");
        CliRun.of("replay", "--db", db(), "--no-progress", november.toString());

        CliRun replay = CliRun.of("replay", "--db", db(), "--no-progress", december.toString());

        assertThat(replay.exitCode()).as(replay.err()).isEqualTo(PosCli.OK);
        assertThat(replay.err()).doesNotContain("refused").contains(december + ": invoice-536365 was recorded by an earlier file; "
                + "this file's rows of it are recorded as invoice-536365@december.csv");
        assertThat(replay.out()).contains("Continued invoices          1");
        assertThat(CliRun.of("statement", "--db", db(), "17850").out()).contains("invoice-536365@december.csv");
    }

    @Test
    void shouldCountTheContinuationOfAnInvoiceAsAlreadyRecordedWhenItsExportIsReplayedAgain() throws IOException {
        Path november = Files.writeString(dir.resolve("november.csv"), HEADER + "536365,85123A,HEART,6,2010-11-30 23:59:00,2.55,17850,United Kingdom\n");
        Path december = Files.writeString(dir.resolve("december.csv"), HEADER + "536365,71053,LANTERN,6,2010-12-01 00:00:00,3.39,17850,United Kingdom\n");
        CliRun.of("replay", "--db", db(), "--no-progress", november.toString());
        CliRun.of("replay", "--db", db(), "--no-progress", december.toString());

        CliRun again = CliRun.of("replay", "--db", db(), "--no-progress", december.toString());

        assertThat(again.exitCode()).as(again.err()).isEqualTo(PosCli.OK);
        assertThat(again.out()).contains("Events processed            1  (0 refused)").contains("Already recorded            1");
    }

    @Test
    void shouldReplayACustomerIdWrittenWithTwoDecimalZerosAsTheSameMemberAsTheWholeNumber() throws IOException {
        Path december = Files.writeString(dir.resolve("december.csv"), HEADER + "536365,85123A,HEART,6,2010-12-01 08:26:00,2.55,17850,United Kingdom\n"
                + "536366,71053,LANTERN,6,2010-12-02 08:28:00,3.39,17850.00,United Kingdom\n");

        CliRun replay = CliRun.of("replay", "--db", db(), "--no-progress", december.toString());

        assertThat(replay.exitCode()).as(replay.err()).isEqualTo(PosCli.OK);
        assertThat(replay.out()).contains("Events processed            3  (0 refused)");
        assertThat(CliRun.of("statement", "--db", db(), "17850").out()).contains("invoice-536365").contains("invoice-536366");
    }

    private String db() {
        return dir.resolve("loyalty-db").toString();
    }
}
