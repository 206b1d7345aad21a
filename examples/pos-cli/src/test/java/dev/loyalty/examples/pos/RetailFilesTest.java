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
    void shouldRecordNothingForAnInvoiceALaterOverlappingExportHoldsAsAnEarlierExportRecordedIt() throws IOException {
        String heart = "536365,85123A,HEART,6,2010-11-30 10:26:00,2.55,17850,United Kingdom\n";
        String lantern = "536365,71053,LANTERN,6,2010-11-30 10:27:00,3.39,17850,United Kingdom\n";

        assertOverlapRecordedOnce(heart + lantern, heart + lantern);
    }

    @Test
    void shouldRecordNothingForAnInvoiceALaterOverlappingExportHoldsWithItsRowsInAnotherOrder() throws IOException {
        String heart = "536365,85123A,HEART,6,2010-11-30 10:26:00,2.55,17850,United Kingdom\n";
        String lantern = "536365,71053,LANTERN,6,2010-11-30 10:26:00,3.39,17850,United Kingdom\n";

        assertOverlapRecordedOnce(heart + lantern, lantern + heart);
    }

    /**
     * Replays a November export holding an invoice, then an overlapping export holding the invoice's rows as given and
     * a later invoice: nothing of the invoice is recorded again, and the member's statement is that of one replay of it all.
     */
    private void assertOverlapRecordedOnce(String recordedRows, String overlappingRows) throws IOException {
        String later = "536370,22728,ALARM CLOCK,24,2010-12-01 08:45:00,3.75,17850,United Kingdom\n";
        Path november = Files.writeString(dir.resolve("november.csv"), HEADER + recordedRows);
        Path overlapping = Files.writeString(dir.resolve("nov-dec.csv"), HEADER + overlappingRows + later);
        Path whole = Files.writeString(dir.resolve("whole.csv"), HEADER + recordedRows + later);
        CliRun.of("replay", "--db", db(), "--no-progress", november.toString());

        CliRun replay = CliRun.of("replay", "--db", db(), "--no-progress", overlapping.toString());

        assertThat(replay.exitCode()).as(replay.err()).isEqualTo(PosCli.OK);
        assertThat(replay.err()).doesNotContain("refused").doesNotContain("was recorded by an earlier file");
        assertThat(replay.out()).contains("Events processed            3  (0 refused)").contains("Already recorded            2")
                .doesNotContain("Continued invoices");
        String once = dir.resolve("once-db").toString();
        CliRun.of("replay", "--db", once, "--no-progress", whole.toString());
        assertThat(CliRun.of("statement", "--db", db(), "17850").out()).doesNotContain("invoice-536365@")
                .isEqualTo(CliRun.of("statement", "--db", once, "17850").out());
    }

    @Test
    void shouldRecordNothingForAnInvoiceADatabaseHoldsWithItsLinesInTheOrderOfItsRows() throws IOException {
        // the invoice as a replay recorded it before invoices were recorded in line order: HEART before LANTERN, as the rows list them
        Path recorded = Files.writeString(dir.resolve("recorded.jsonl"),
                "{\"type\":\"enrol\",\"eventId\":\"enrol-before\",\"member\":\"17850\",\"occurredAt\":\"2010-11-01T09:00:00Z\"}\n"
                + "{\"type\":\"purchase\",\"eventId\":\"invoice-536365\",\"member\":\"17850\",\"occurredAt\":\"2010-11-30T10:26:00Z\","
                + "\"currency\":\"GBP\",\"channel\":\"web\",\"lines\":[{\"sku\":\"85123A\",\"category\":\"gifts\",\"quantity\":6,\"unitPrice\":\"2.55\"},"
                + "{\"sku\":\"71053\",\"category\":\"lighting\",\"quantity\":6,\"unitPrice\":\"3.39\"}]}\n");
        Path november = Files.writeString(dir.resolve("november.csv"), HEADER
                + "536365,85123A,HEART,6,2010-11-30 10:26:00,2.55,17850,United Kingdom\n"
                + "536365,71053,LANTERN,6,2010-11-30 10:26:00,3.39,17850,United Kingdom\n");
        assertThat(CliRun.of("replay", "--db", db(), "--no-progress", recorded.toString()).exitCode()).isEqualTo(PosCli.OK);
        String before = CliRun.of("statement", "--db", db(), "17850").out();

        CliRun replay = CliRun.of("replay", "--db", db(), "--no-progress", november.toString());

        assertThat(replay.exitCode()).as(replay.err()).isEqualTo(PosCli.OK);
        assertThat(replay.err()).doesNotContain("refused").doesNotContain("was recorded by an earlier file");
        assertThat(replay.out()).contains("Events processed            1  (0 refused)").contains("Already recorded            1")
                .contains("Already enrolled            1").doesNotContain("Continued invoices");
        assertThat(CliRun.of("statement", "--db", db(), "17850").out()).isEqualTo(before);
    }

    @Test
    void shouldRecordNothingForAReturnALaterOverlappingExportHoldsAsAnEarlierExportRecordedIt() throws IOException {
        String purchase = "536365,85123A,HEART,6,2010-11-30 10:26:00,2.55,17850,United Kingdom\n";
        String refund = "C536379,85123A,HEART,-2,2010-11-30 12:00:00,2.55,17850,United Kingdom\n";
        Path november = Files.writeString(dir.resolve("november.csv"), HEADER + purchase + refund);
        Path overlapping = Files.writeString(dir.resolve("nov-dec.csv"), HEADER + refund);
        CliRun.of("replay", "--db", db(), "--no-progress", november.toString());
        String before = CliRun.of("statement", "--db", db(), "17850").out();

        CliRun replay = CliRun.of("replay", "--db", db(), "--no-progress", overlapping.toString());

        assertThat(replay.exitCode()).as(replay.err()).isEqualTo(PosCli.OK);
        assertThat(replay.out()).contains("Already recorded            1").doesNotContain("Continued invoices");
        assertThat(CliRun.of("statement", "--db", db(), "17850").out()).isEqualTo(before);
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
