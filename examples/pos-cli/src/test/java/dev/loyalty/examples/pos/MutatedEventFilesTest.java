package dev.loyalty.examples.pos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.core.testing.Slips;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An events file with random slips (a character lost or added, a value changed to an odd one, a
 * line lost, doubled or moved, the file cut short) is replayed, refused by the engine event by
 * event, or refused as malformed naming the file and a line within it (or the whole file, when
 * it holds no events) with nothing processed;
 * never a failure of the tool itself, and never the insides of Java in what it says. Seeds 1 to
 * 60 for each format by default; {@code -Devents.from=N -Devents.to=M} runs others.
 */
class MutatedEventFilesTest {

    private static final String CSV = """
            type,eventId,member,occurredAt,zone,birthday,sku,category,quantity,currency,unitPrice,purchaseId,amount,reward,points
            enrol,e-alice,alice,2026-03-01T09:00:00Z,Europe/London,1990-02-28,,,,,,,,,
            enrol,e-bob,bob,2026-03-01T09:30:00Z,,,,,,,,,,,
            purchase,p-1,alice,2026-03-03T10:00:00Z,,,85123A,home,2,GBP,2.55,,,,
            purchase,p-1,alice,2026-03-03T10:00:00Z,,,G-1,garden,1,GBP,10.00,,,,
            purchase,p-2,bob,2026-03-04T11:00:00Z,,,22423,kitchen,1,GBP,12.75,,,,
            return,r-1,alice,2026-03-05T12:00:00Z,,,,,,GBP,,p-1,5.10,,
            redeem,x-1,alice,2026-03-06T12:00:00Z,,,,,,,,,,VOUCHER-5,10
            """;
    private static final String JSONL = """
            {"type":"enrol","eventId":"e-alice","member":"alice","occurredAt":"2026-03-01T09:00:00Z","zone":"Europe/London","birthday":"1990-02-28"}
            {"type":"enrol","eventId":"e-bob","member":"bob","occurredAt":"2026-03-01T09:30:00Z"}
            {"type":"purchase","eventId":"p-1","member":"alice","occurredAt":"2026-03-03T10:00:00Z","lines":[{"sku":"85123A","category":"home","quantity":2,"unitPrice":"2.55","currency":"GBP"},{"sku":"G-1","category":"garden","quantity":1,"unitPrice":"10.00","currency":"GBP"}]}
            {"type":"purchase","eventId":"p-2","member":"bob","occurredAt":"2026-03-04T11:00:00Z","lines":[{"sku":"22423","category":"kitchen","quantity":1,"unitPrice":"12.75","currency":"GBP"}]}
            {"type":"return","eventId":"r-1","member":"alice","occurredAt":"2026-03-05T12:00:00Z","purchaseId":"p-1","amount":"5.10","currency":"GBP"}
            {"type":"redeem","eventId":"x-1","member":"alice","occurredAt":"2026-03-06T12:00:00Z","reward":"VOUCHER-5","points":10}
            """;
    private static final List<String> ODD = List.of("", "-1", "0", "1e400", "NaN", "99999999999999999999", "2.555", "abc", "\"",
            ",", "2026-02-30T10:00:00Z", "2026-03-03", "9999-12-31T23:59:59Z", "Mars/Olympus", "null", "true", "[]", "{}", " 1",
            "é", "\uD83D\uDE00", "x".repeat(300));
    /** A slip replaces a value: what stands between commas, quotes, brackets and colons. */
    private static final Slips SLIPS = new Slips(ODD, Pattern.compile("[^,\"{}\\[\\]:\\n]+"));
    /** What only Java's insides say. */
    private static final Pattern INSIDES = Pattern.compile("Exception|\\tat |\\.java:\\d|java\\.lang\\.");

    @TempDir
    Path dir;

    @Test
    void shouldReplayOrRefuseEverySlippedCsvFileWithoutFailingItself() throws IOException {
        replaySlipped(CSV, "events.csv");
    }

    @Test
    void shouldReplayOrRefuseEverySlippedJsonLinesFileWithoutFailingItself() throws IOException {
        replaySlipped(JSONL, "events.jsonl");
    }

    private void replaySlipped(String valid, String name) throws IOException {
        for (long seed = Long.getLong("events.from", 1); seed <= Long.getLong("events.to", 60); seed++) {
            Random random = new Random(seed);
            String text = SLIPS.slipOnceOrTwice(valid, random);
            Path run = Files.createDirectories(dir.resolve(name + "-" + seed));
            Path events = Files.writeString(run.resolve(name), text);
            String db = run.resolve("loyalty-db").toString();

            CliRun replay = CliRun.of("replay", "--db", db, "--no-progress", events.toString());

            String context = "seed " + seed + ", exit " + replay.exitCode() + ", err:\n" + replay.err() + "\nfile:\n" + text;
            assertThat(replay.exitCode()).as(context).isIn(PosCli.OK, PosCli.REFUSED, PosCli.BAD_INPUT);
            assertThat(replay.err()).as(context).doesNotContainPattern(INSIDES);
            if (replay.exitCode() == PosCli.BAD_INPUT) {
                assertNamesALineOf(replay.err(), events, text, context);
                assertThat(Files.exists(Path.of(db + ".mv.db"))).as("nothing processed: " + context).isFalse();
            }
        }
    }

    /** Asserts that the refusal names the file, and a line within it unless it speaks of the whole file (one with no events). */
    private static void assertNamesALineOf(String err, Path events, String text, String context) {
        Matcher place = Pattern.compile(Pattern.quote(events.toString()) + ":(\\d+)?[: ]").matcher(err);
        assertThat(place.find()).as("the file named: " + context).isTrue();
        if (place.group(1) != null) {
            int lines = text.split("\r\n|\r|\n", -1).length;
            assertThat(Integer.parseInt(place.group(1))).as("the line named: " + context).isBetween(1, lines);
        }
    }
}
