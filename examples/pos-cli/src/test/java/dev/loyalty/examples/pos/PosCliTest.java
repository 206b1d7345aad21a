package dev.loyalty.examples.pos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.core.LoyaltyEngine;
import dev.loyalty.core.ProgramSettings;
import dev.loyalty.core.event.Enrolment;
import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.event.Redemption;
import dev.loyalty.core.event.Return;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.Money;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line run in-process: replays, statements across runs, exit codes and error reports. */
class PosCliTest {

    static final String JSONL = """
            {"type":"enrol","eventId":"e-alice","member":"alice","occurredAt":"2026-03-01T09:00:00Z"}
            {"type":"enrol","eventId":"e-bob","member":"bob","occurredAt":"2026-03-01T09:30:00Z","zone":"Europe/Paris","tier":"gold"}
            {"type":"purchase","eventId":"p-1","member":"alice","occurredAt":"2026-03-03T10:00:00Z","currency":"GBP","channel":"pos","store":"S-1","lines":[{"sku":"85123A","category":"home","quantity":2,"unitPrice":"2.95"},{"sku":"GARDEN-1","category":"garden","quantity":1,"unitPrice":12.50}]}
            {"type":"purchase","eventId":"p-2","member":"bob","occurredAt":"2026-03-04T10:00:00Z","currency":"GBP","lines":[{"sku":"MUG","category":"kitchen","quantity":4,"unitPrice":"3.25"}]}

            {"type":"return","eventId":"r-1","member":"alice","occurredAt":"2026-03-05T10:00:00Z","purchaseId":"p-1","amount":"12.50","currency":"GBP"}
            {"type":"redeem","eventId":"x-1","member":"alice","occurredAt":"2026-03-06T10:00:00Z","reward":"VOUCHER-1","points":20,"value":"1.00","currency":"GBP"}
            """;

    static final String CSV = """
            type,eventId,member,occurredAt,zone,tier,sku,category,quantity,unitPrice,currency,channel,store,purchaseId,amount,reward,points,value
            enrol,e-alice,alice,2026-03-01T09:00:00Z,,,,,,,,,,,,,,
            enrol,e-bob,bob,2026-03-01T09:30:00Z,Europe/Paris,gold,,,,,,,,,,,,
            purchase,p-1,alice,2026-03-03T10:00:00Z,,,85123A,home,2,2.95,GBP,pos,S-1,,,,,
            purchase,p-1,alice,2026-03-03T10:00:00Z,,,GARDEN-1,garden,1,12.50,GBP,pos,S-1,,,,,
            purchase,p-2,bob,2026-03-04T10:00:00Z,,,MUG,kitchen,4,3.25,GBP,,,,,,,
            return,r-1,alice,2026-03-05T10:00:00Z,,,,,,,GBP,,,p-1,12.50,,,
            redeem,x-1,alice,2026-03-06T10:00:00Z,,,,,,,GBP,,,,,VOUCHER-1,20,1.00
            """;

    @TempDir
    Path dir;

    @Test
    void statementAfterReplayShowsWhatTheEngineRecordedForTheSameEvents() throws IOException {
        Path events = write("events.jsonl", JSONL);

        CliRun replay = CliRun.of("replay", "--db", db(), "--no-progress", events.toString());
        CliRun statement = CliRun.of("statement", "--db", db(), "alice");

        assertThat(replay.exitCode()).as(replay.err()).isEqualTo(PosCli.OK);
        assertThat(replay.out()).contains("Events processed            6  (0 refused)");
        assertThat(statement.exitCode()).as(statement.err()).isEqualTo(PosCli.OK);
        assertThat(statement.out()).isEqualTo(sameEventsInMemory("alice"));
    }

    @Test
    void replayingTheSameFileAgainRecordsNothingNew() throws IOException {
        Path events = write("events.jsonl", JSONL);
        CliRun.of("replay", "--db", db(), "--no-progress", events.toString());
        String before = CliRun.of("statement", "--db", db(), "alice").out();

        CliRun again = CliRun.of("replay", "--db", db(), "--no-progress", events.toString());

        assertThat(again.exitCode()).as(again.err()).isEqualTo(PosCli.OK);
        assertThat(CliRun.of("statement", "--db", db(), "alice").out()).isEqualTo(before);
    }

    @Test
    void replayingTheSameFileAgainCountsItsEventsAsAlreadyRecordedAndNoPointsAsIssued() throws IOException {
        Path events = write("events.jsonl", JSONL);
        CliRun first = CliRun.of("replay", "--db", db(), "--no-progress", events.toString());

        CliRun again = CliRun.of("replay", "--db", db(), "--no-progress", events.toString());

        assertThat(first.out()).contains("Points issued").doesNotContain("Already recorded").doesNotContain(String.format("Points issued      %,10d", 0));
        assertThat(again.out()).contains("Events processed            6  (0 refused)").contains("Already recorded            6")
                .contains(String.format("Points issued      %,10d%n", 0)).contains(String.format("Points clawed back %,10d", 0));
    }

    @Test
    void dbTakesAnH2JdbcUrlAsWellAsAFile() throws IOException {
        Path events = write("events.jsonl", JSONL);
        String url = "jdbc:h2:file:" + dir.resolve("by-url") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";

        CliRun.of("replay", "--db", url, "--no-progress", events.toString());

        assertThat(CliRun.of("statement", "--db", url, "alice").out()).isEqualTo(sameEventsInMemory("alice"));
        assertThat(dir.resolve("by-url.mv.db")).exists();
    }

    @Test
    void csvRowsOfOnePurchaseFormOneEventAsInJsonLines() throws IOException {
        Path csv = write("events.csv", CSV);
        Path jsonl = write("events.jsonl", JSONL);
        String csvDb = dir.resolve("csv-db").toString();
        String jsonDb = dir.resolve("json-db").toString();

        CliRun replay = CliRun.of("replay", "--db", csvDb, "--no-progress", csv.toString());
        CliRun.of("replay", "--db", jsonDb, "--no-progress", jsonl.toString());

        assertThat(replay.exitCode()).as(replay.err()).isEqualTo(PosCli.OK);
        for (String member : new String[] {"alice", "bob"}) {
            assertThat(CliRun.of("statement", "--db", csvDb, member).out()).isEqualTo(CliRun.of("statement", "--db", jsonDb, member).out());
        }
    }

    @Test
    void malformedJsonLinesAreAllReportedWithLineNumbersAndNothingIsReplayed() throws IOException {
        Path events = write("bad.jsonl", """
                {"type":"enrol","eventId":"e-alice","member":"alice","occurredAt":"2026-03-01T09:00:00Z"}
                {"type":"enrol","eventId":"e-bob","occurredAt":"2026-03-01T09:30:00Z"}
                {"type":"purchase","eventId":"p-1","member":"alice","occurredAt":"2026-03-03","currency":"GBP","lines":[{"sku":"A","category":"home","quantity":1,"unitPrice":"1.00"}]}
                {"type":"purchase", "eventId":
                {"type":"purchase","eventId":"p-2","member":"alice","occurredAt":"2026-03-03T10:00:00Z","currency":"GBP","lines":[{"sku":"A","category":"home","quantity":0,"unitPrice":"1.00"}]}
                {"type":"refund","eventId":"p-3","member":"alice","occurredAt":"2026-03-03T10:00:00Z"}
                """);

        CliRun replay = CliRun.of("replay", "--db", db(), "--no-progress", events.toString());

        assertThat(replay.exitCode()).isEqualTo(PosCli.BAD_INPUT);
        assertThat(replay.err()).contains(
                events + ":2: field 'member' is missing",
                events + ":3: field 'occurredAt' is '2026-03-03'; expected an ISO date-time",
                events + ":4: not valid JSON",
                events + ":5: line.quantity must be at least 1, was 0",
                events + ":6: field 'type' is 'refund'; expected enrol, purchase, return or redeem",
                "nothing replayed");
        assertThat(replay.err()).doesNotContain(events + ":1:");
        assertThat(Files.exists(Path.of(db() + ".mv.db"))).as("no database made").isFalse();
    }

    @Test
    void malformedCsvRowsAreReportedWithLineNumbers() throws IOException {
        Path events = write("bad.csv", """
                type,eventId,member,occurredAt,sku,category,quantity,unitPrice,currency
                enrol,e-alice,alice,2026-03-01T09:00:00Z,,,,,
                purchase,p-1,alice,2026-03-03T10:00:00Z,A,home,two,1.00,GBP
                purchase,p-2,alice,2026-03-03T10:00:00Z,A,home,1,1.00,ZZZ
                """);

        CliRun replay = CliRun.of("replay", "--db", db(), "--no-progress", events.toString());

        assertThat(replay.exitCode()).isEqualTo(PosCli.BAD_INPUT);
        assertThat(replay.err()).contains(events + ":3: field 'quantity' is 'two'; expected a whole number", events + ":4: ");
        assertThat(replay.err()).contains("ZZZ");
    }

    @Test
    void aCsvHeaderWithoutTheRequiredColumnsIsRefused() throws IOException {
        Path events = write("bad.csv", "id,customer\n1,alice\n");

        CliRun replay = CliRun.of("replay", "--db", db(), "--no-progress", events.toString());

        assertThat(replay.exitCode()).isEqualTo(PosCli.BAD_INPUT);
        assertThat(replay.err()).contains(events + ":1: the header lacks the columns eventId, member, occurredAt, type");
    }

    @Test
    void aMissingFileIsABadInput() {
        CliRun replay = CliRun.of("replay", "--db", db(), dir.resolve("missing.jsonl").toString());

        assertThat(replay.exitCode()).isEqualTo(PosCli.BAD_INPUT);
        assertThat(replay.err()).contains("missing.jsonl: cannot be read");
    }

    @Test
    void shouldSayThereIsNoSuchFileWhenTheEventsFileIsMissing() {
        CliRun replay = CliRun.of("replay", "--db", db(), dir.resolve("missing.jsonl").toString());

        assertThat(replay.exitCode()).isEqualTo(PosCli.BAD_INPUT);
        assertThat(replay.err()).contains("missing.jsonl: cannot be read: there is no such file");
    }

    @Test
    void eventsTheEngineRefusesAreListedAndTheOthersApplied() throws IOException {
        Path events = write("events.jsonl", """
                {"type":"enrol","eventId":"e-alice","member":"alice","occurredAt":"2026-03-01T09:00:00Z"}
                {"type":"purchase","eventId":"p-1","member":"carol","occurredAt":"2026-03-03T10:00:00Z","currency":"GBP","lines":[{"sku":"A","category":"home","quantity":1,"unitPrice":"10.00"}]}
                {"type":"redeem","eventId":"x-1","member":"alice","occurredAt":"2026-03-06T10:00:00Z","reward":"VOUCHER-1","points":100000}
                {"type":"purchase","eventId":"p-2","member":"alice","occurredAt":"2026-03-03T10:00:00Z","currency":"GBP","lines":[{"sku":"A","category":"home","quantity":1,"unitPrice":"10.00"}]}
                """);

        CliRun replay = CliRun.of("replay", "--db", db(), "--no-progress", events.toString());

        assertThat(replay.exitCode()).isEqualTo(PosCli.REFUSED);
        assertThat(replay.err()).contains("refused: " + events + ":2 event p-1: member carol is not enrolled",
                "refused: " + events + ":3 event x-1: member alice asked to spend 100000 points");
        assertThat(replay.out()).contains("Events processed            2  (2 refused)");
        assertThat(CliRun.of("statement", "--db", db(), "alice").out()).contains("(p-2)");
    }

    static final String RETURN_OF_ANOTHER_MEMBERS_PURCHASE = """
            {"type":"enrol","eventId":"e-alice","member":"alice","occurredAt":"2026-03-01T09:00:00Z"}
            {"type":"enrol","eventId":"e-bob","member":"bob","occurredAt":"2026-03-01T09:30:00Z"}
            {"type":"purchase","eventId":"p-1","member":"bob","occurredAt":"2026-03-03T10:00:00Z","currency":"GBP","lines":[{"sku":"A","category":"home","quantity":1,"unitPrice":"10.00"}]}
            {"type":"return","eventId":"r-1","member":"alice","occurredAt":"2026-03-05T10:00:00Z","purchaseId":"p-1","amount":"10.00","currency":"GBP"}
            {"type":"purchase","eventId":"p-2","member":"alice","occurredAt":"2026-03-06T10:00:00Z","currency":"GBP","lines":[{"sku":"A","category":"home","quantity":1,"unitPrice":"10.00"}]}
            """;

    @Test
    void aReturnNamingAnotherMembersPurchaseIsListedAsRefusedWithItsLineAndReason() throws IOException {
        Path events = write("events.jsonl", RETURN_OF_ANOTHER_MEMBERS_PURCHASE);

        CliRun replay = CliRun.of("replay", "--db", db(), "--no-progress", events.toString());

        assertThat(replay.exitCode()).isEqualTo(PosCli.REFUSED);
        assertThat(replay.err()).contains("refused: " + events + ":4 event r-1: return.purchaseId p-1 is a purchase of member bob, "
                + "not of member alice, whose return this is: a return is linked to a purchase of its own member");
        assertThat(replay.out()).contains("Events processed            4  (1 refused)");
    }

    @Test
    void replayGoesOnPastAReturnNamingAnotherMembersPurchaseRecordingTheOthersAsIfItWereNotInTheFile() throws IOException {
        Path events = write("events.jsonl", RETURN_OF_ANOTHER_MEMBERS_PURCHASE);
        Path without = write("without.jsonl", RETURN_OF_ANOTHER_MEMBERS_PURCHASE.lines().filter(line -> !line.contains("\"r-1\""))
                .map(line -> line + "\n").reduce("", String::concat));
        String withoutDb = dir.resolve("without-db").toString();

        CliRun.of("replay", "--db", db(), "--no-progress", events.toString());
        CliRun.of("replay", "--db", withoutDb, "--no-progress", without.toString());

        for (String member : new String[] {"alice", "bob"}) {
            CliRun statement = CliRun.of("statement", "--db", db(), member);
            assertThat(statement.exitCode()).as(statement.err()).isEqualTo(PosCli.OK);
            assertThat(statement.out()).isEqualTo(CliRun.of("statement", "--db", withoutDb, member).out());
        }
        assertThat(CliRun.of("statement", "--db", db(), "alice").out()).contains("(p-2)").doesNotContain("r-1");
    }

    @Test
    void aCsvReturnRowNamingTheMembersOwnRedemptionIsListedAsRefused() throws IOException {
        Path events = write("events.csv", """
                type,eventId,member,occurredAt,sku,category,quantity,unitPrice,currency,purchaseId,amount,reward,points,value
                enrol,e-alice,alice,2026-03-01T09:00:00Z,,,,,,,,,,
                purchase,p-1,alice,2026-03-03T10:00:00Z,A,home,1,10.00,GBP,,,,,
                redeem,x-1,alice,2026-03-04T10:00:00Z,,,,,GBP,,,VOUCHER-1,5,1.00
                return,r-1,alice,2026-03-05T10:00:00Z,,,,,GBP,x-1,1.00,,,
                """);

        CliRun replay = CliRun.of("replay", "--db", db(), "--no-progress", events.toString());

        assertThat(replay.exitCode()).isEqualTo(PosCli.REFUSED);
        assertThat(replay.err()).contains("refused: " + events + ":5 event r-1: return.purchaseId x-1 is a redemption of member alice, "
                + "not a purchase: a return is linked to a purchase of its own member");
        assertThat(replay.out()).contains("Events processed            3  (1 refused)");
    }

    @Test
    void retailFormatReplaysLikeTheDemoReadsIt() throws IOException {
        Path slice = RetailSlice.write(dir, 600);

        CliRun replay = CliRun.of("replay", "--db", db(), "--no-progress", "--unlinked-return-points", "1", slice.toString());

        assertThat(replay.exitCode()).as(replay.err()).isEqualTo(PosCli.OK);
        RetailSlice.Totals expected = RetailSlice.inMemory(slice);
        assertThat(replay.out()).contains(String.format("Events processed   %,10d  (0 refused)", expected.events()),
                String.format("Points issued      %,10d", expected.issued()),
                String.format("Points clawed back %,10d", expected.clawedBack()));
    }

    @Test
    void malformedRetailRowsAreReportedWithLineNumbers() throws IOException {
        Path events = write("retail.csv", """
                InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
                536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,17850,United Kingdom
                536366,71053,WHITE METAL LANTERN,six,2010-12-01 08:28:00,3.39,17850,United Kingdom
                536367,22752,SET 7 BABUSHKA NESTING BOXES,2,2010-12-01 08:34,7.65,13047,United Kingdom
                """);

        CliRun replay = CliRun.of("replay", "--db", db(), "--no-progress", events.toString());

        assertThat(replay.exitCode()).isEqualTo(PosCli.BAD_INPUT);
        assertThat(replay.err()).contains(events + ":3: ", events + ":4: ").doesNotContain(events + ":2:");
    }

    @Test
    void progressBarReachesTheWholeFileWhenAsked() throws IOException {
        Path events = write("events.jsonl", JSONL);

        CliRun replay = CliRun.of("replay", "--db", db(), "--progress", events.toString());

        assertThat(replay.err()).contains("] 100%  6 / 6 events");
    }

    @Test
    void statementOfAnUnknownMemberIsRefused() throws IOException {
        CliRun.of("replay", "--db", db(), "--no-progress", Files.writeString(dir.resolve("events.jsonl"), JSONL).toString());

        CliRun statement = CliRun.of("statement", "--db", db(), "nobody");

        assertThat(statement.exitCode()).isEqualTo(PosCli.REFUSED);
        assertThat(statement.err()).contains("member nobody is not enrolled");
    }

    @Test
    void statementWithoutADatabaseMakesNoneAndExitsAsForAMissingInput() {
        CliRun statement = CliRun.of("statement", "--db", db(), "alice");

        assertThat(statement.exitCode()).isEqualTo(PosCli.BAD_INPUT);
        assertThat(statement.err()).contains("no database at " + db());
        assertThat(Files.exists(Path.of(db() + ".mv.db"))).isFalse();
    }

    @Test
    void aWrongCommandLineIsAUsageError() {
        assertThat(CliRun.of().exitCode()).isEqualTo(PosCli.USAGE);
        assertThat(CliRun.of("replay").exitCode()).isEqualTo(PosCli.USAGE);
        assertThat(CliRun.of("replay", "--format", "XML", "x").exitCode()).isEqualTo(PosCli.USAGE);
    }

    @Test
    void withoutACommandTheErrorNamesEveryCommand() {
        CliRun run = CliRun.of();

        assertThat(run.exitCode()).isEqualTo(PosCli.USAGE);
        assertThat(run.err()).contains("name a command: validate, replay, statement, sweep, simulate or report");
    }

    private String db() {
        return dir.resolve("loyalty-db").toString();
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    /** The statement an in-memory engine prints after the events of {@link #JSONL}, built by hand. */
    private static String sameEventsInMemory(String member) {
        ProgramSettings program = ProgramSettings.builder().currency("GBP").zone("Europe/London").build();
        try (LoyaltyEngine engine = LoyaltyEngine.builder().program(program).build()) {
            engine.process(Enrolment.of(EventId.of("e-alice"), MemberId.of("alice"), Instant.parse("2026-03-01T09:00:00Z")));
            engine.process(Enrolment.of(EventId.of("e-bob"), MemberId.of("bob"), Instant.parse("2026-03-01T09:30:00Z"))
                    .withZone(java.time.ZoneId.of("Europe/Paris")).withTier("gold"));
            engine.process(Purchase.builder(EventId.of("p-1"), MemberId.of("alice"), Instant.parse("2026-03-03T10:00:00Z"))
                    .channel("pos").store("S-1")
                    .line("85123A", "home", 2, Money.of("2.95", "GBP")).line("GARDEN-1", "garden", 1, Money.of("12.50", "GBP")).build());
            engine.process(Purchase.builder(EventId.of("p-2"), MemberId.of("bob"), Instant.parse("2026-03-04T10:00:00Z"))
                    .line("MUG", "kitchen", 4, Money.of("3.25", "GBP")).build());
            engine.process(new Return(EventId.of("r-1"), MemberId.of("alice"), Instant.parse("2026-03-05T10:00:00Z"), EventId.of("p-1"),
                    Money.of("12.50", "GBP")));
            engine.process(new Redemption(EventId.of("x-1"), MemberId.of("alice"), Instant.parse("2026-03-06T10:00:00Z"), "VOUCHER-1", 20,
                    Money.of("1.00", "GBP")));
            return engine.statement(MemberId.of(member)).toText();
        }
    }
}
