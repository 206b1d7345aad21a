package dev.loyalty.examples.pos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The instants, dates, counts and amounts of an events file (CSV or JSON lines) are read as
 * written: spaces around or inside them, a {@code +} sign, an amount with no digit on one side of
 * the point, lower-case {@code t}/{@code z} or an offset of hours alone are refused naming the
 * file, the line and the field, with the text as written; so is text that is only spaces (CSV) or
 * empty (JSON) where an optional date or amount belongs, instead of being read as absent. Nothing
 * is replayed.
 */
class EventTextTest {

    private static final List<String> COLUMNS = List.of("type", "eventId", "member", "occurredAt", "birthday", "sku", "category",
            "quantity", "currency", "unitPrice", "purchaseId", "amount", "reward", "points", "value");

    private static final Map<String, Map<String, String>> EVENTS = Map.of(
            "purchase", Map.of("type", "purchase", "eventId", "p-1", "member", "alice", "occurredAt", "2026-03-03T10:00:00Z",
                    "sku", "A", "category", "home", "quantity", "1", "currency", "GBP", "unitPrice", "2.50"),
            "return", Map.of("type", "return", "eventId", "r-1", "member", "alice", "occurredAt", "2026-03-03T10:00:00Z",
                    "amount", "2.50", "currency", "GBP"),
            "redeem", Map.of("type", "redeem", "eventId", "x-1", "member", "alice", "occurredAt", "2026-03-03T10:00:00Z",
                    "reward", "VOUCHER-1", "points", "20", "value", "1.00", "currency", "GBP"),
            "enrol", Map.of("type", "enrol", "eventId", "e-bob", "member", "bob", "occurredAt", "2026-03-03T10:00:00Z",
                    "birthday", "1990-04-01"));

    @TempDir
    Path dir;

    static Stream<Arguments> csvValues() {
        return Stream.of(
                Arguments.of("purchase", "occurredAt", " 2026-03-03T10:00:00Z"),
                Arguments.of("purchase", "occurredAt", "2026-03-03T10:00:00Z "),
                Arguments.of("purchase", "occurredAt", "2026-03-03t10:00:00z"),
                Arguments.of("purchase", "occurredAt", "2026-03-03T10:00:00+01"),
                Arguments.of("purchase", "quantity", " 1"),
                Arguments.of("purchase", "quantity", "1 "),
                Arguments.of("purchase", "quantity", "+1"),
                Arguments.of("purchase", "unitPrice", " 2.50"),
                Arguments.of("purchase", "unitPrice", "2.50 "),
                Arguments.of("purchase", "unitPrice", "+2.50"),
                Arguments.of("purchase", "unitPrice", ".50"),
                Arguments.of("purchase", "unitPrice", "2."),
                Arguments.of("return", "amount", "+2.50"),
                Arguments.of("return", "amount", " 2.50"),
                Arguments.of("redeem", "points", "+20"),
                Arguments.of("redeem", "points", " 20"),
                Arguments.of("redeem", "value", "+1.00"),
                Arguments.of("redeem", "value", "1.00 "),
                Arguments.of("redeem", "value", "   "),
                Arguments.of("enrol", "birthday", " 1990-04-01"),
                Arguments.of("enrol", "birthday", "1990-04-01 "),
                Arguments.of("enrol", "birthday", "+10000-04-01"),
                Arguments.of("enrol", "birthday", "  "));
    }

    @ParameterizedTest
    @MethodSource("csvValues")
    void shouldRefuseACsvFileNamingTheLineAndFieldWhenAValueIsNotWrittenPlainly(String type, String field, String value) throws IOException {
        Map<String, String> row = new HashMap<>(EVENTS.get(type));
        row.put(field, value);
        Path events = Files.writeString(dir.resolve("events.csv"), csv(row));

        CliRun replay = CliRun.of("replay", "--db", db(), "--no-progress", events.toString());

        assertThat(replay.exitCode()).as(replay.err()).isEqualTo(PosCli.BAD_INPUT);
        assertThat(replay.err()).contains(events + ":3: field '" + field + "' is '" + value + "'; expected");
        assertThat(Files.exists(Path.of(db() + ".mv.db"))).isFalse();
    }

    @Test
    void shouldReplayTheCsvRowsTheRefusalsStartFrom() throws IOException {
        for (Map<String, String> row : EVENTS.values()) {
            Path events = Files.writeString(dir.resolve("events-" + row.get("type") + ".csv"), csv(row));

            CliRun replay = CliRun.of("replay", "--db", dir.resolve("db-" + row.get("type")).toString(), "--no-progress", events.toString());

            assertThat(replay.exitCode()).as(replay.err()).isEqualTo(PosCli.OK);
        }
    }

    @Test
    void shouldReadACsvHeaderAndTextValuesWithSpacesAroundThem() throws IOException {
        Path events = Files.writeString(dir.resolve("events.csv"), """
                type , eventId,member ,occurredAt,sku,category,quantity,currency,unitPrice
                enrol, e-alice ,alice,2026-03-01T09:00:00Z,,,,,
                purchase,p-1, alice,2026-03-03T10:00:00Z, A ,home,1, GBP ,2.50
                """);

        CliRun replay = CliRun.of("replay", "--db", db(), "--no-progress", events.toString());

        assertThat(replay.exitCode()).as(replay.err()).isEqualTo(PosCli.OK);
        assertThat(CliRun.of("statement", "--db", db(), "alice").out()).contains("p-1");
    }

    static Stream<Arguments> jsonValues() {
        return Stream.of(
                Arguments.of("purchase", "occurredAt", "occurredAt", " 2026-03-03T10:00:00Z"),
                Arguments.of("purchase", "occurredAt", "occurredAt", "2026-03-03T10:00:00Z\\t"),
                Arguments.of("purchase", "quantity", "lines[0].quantity", "+1"),
                Arguments.of("purchase", "quantity", "lines[0].quantity", " 1"),
                Arguments.of("purchase", "unitPrice", "lines[0].unitPrice", " 2.50"),
                Arguments.of("purchase", "unitPrice", "lines[0].unitPrice", "+2.50"),
                Arguments.of("purchase", "unitPrice", "lines[0].unitPrice", "2.5e0"),
                Arguments.of("purchase", "unitPrice", "lines[0].unitPrice", ".50"),
                Arguments.of("return", "amount", "amount", "+2.50"),
                Arguments.of("redeem", "points", "points", "+20"),
                Arguments.of("redeem", "value", "value", ""),
                Arguments.of("redeem", "value", "value", "1.00 "),
                Arguments.of("enrol", "birthday", "birthday", "1990-04-01 "),
                Arguments.of("enrol", "birthday", "birthday", ""));
    }

    @ParameterizedTest
    @MethodSource("jsonValues")
    void shouldRefuseAJsonLinesFileNamingTheLineAndFieldWhenATextValueIsNotWrittenPlainly(String type, String field, String named, String value)
            throws IOException {
        Map<String, String> event = new HashMap<>(EVENTS.get(type));
        event.put(field, value);
        Path events = Files.writeString(dir.resolve("events.jsonl"), json(alice()) + "\n" + json(event) + "\n");

        CliRun replay = CliRun.of("replay", "--db", db(), "--no-progress", events.toString());

        assertThat(replay.exitCode()).as(replay.err()).isEqualTo(PosCli.BAD_INPUT);
        assertThat(replay.err()).contains(events + ":2: field '" + named + "' is '" + value.replace("\\t", "\t") + "'; expected");
        assertThat(Files.exists(Path.of(db() + ".mv.db"))).isFalse();
    }

    @Test
    void shouldReplayTheJsonLinesTheRefusalsStartFrom() throws IOException {
        for (Map<String, String> event : EVENTS.values()) {
            Path events = Files.writeString(dir.resolve("events-" + event.get("type") + ".jsonl"), json(alice()) + "\n" + json(event) + "\n");

            CliRun replay = CliRun.of("replay", "--db", dir.resolve("db-" + event.get("type")).toString(), "--no-progress", events.toString());

            assertThat(replay.exitCode()).as(replay.err()).isEqualTo(PosCli.OK);
        }
    }

    private static Map<String, String> alice() {
        return Map.of("type", "enrol", "eventId", "e-alice", "member", "alice", "occurredAt", "2026-03-01T09:00:00Z");
    }

    /** The header, alice's enrolment, and the row. */
    private static String csv(Map<String, String> row) {
        return String.join(",", COLUMNS) + "\n" + line(alice()) + "\n" + line(row) + "\n";
    }

    private static String line(Map<String, String> row) {
        return COLUMNS.stream().map(column -> row.getOrDefault(column, "")).collect(Collectors.joining(","));
    }

    /** The event as a JSON object, every value a string; a purchase's line fields in its one line. */
    private static String json(Map<String, String> event) {
        List<String> lineFields = List.of("sku", "category", "quantity", "unitPrice");
        String fields = event.entrySet().stream().filter(e -> !lineFields.contains(e.getKey()))
                .map(e -> "\"" + e.getKey() + "\":\"" + e.getValue() + "\"").collect(Collectors.joining(","));
        if (!event.get("type").equals("purchase")) {
            return "{" + fields + "}";
        }
        String line = lineFields.stream().map(name -> "\"" + name + "\":\"" + event.get(name) + "\"").collect(Collectors.joining(","));
        return "{" + fields + ",\"lines\":[{" + line + "}]}";
    }

    private String db() {
        return dir.resolve("loyalty-db").toString();
    }
}
