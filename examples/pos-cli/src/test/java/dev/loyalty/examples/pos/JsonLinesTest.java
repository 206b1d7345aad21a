package dev.loyalty.examples.pos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JSON line that is more or less than one object with each field once, or gives a count as a
 * number with a fraction or an exponent, is refused naming the line; nothing is replayed.
 */
class JsonLinesTest {

    private static final String ENROL = "{\"type\":\"enrol\",\"eventId\":\"e-1\",\"member\":\"alice\",\"occurredAt\":\"2026-03-01T10:00:00Z\"}";
    private static final String OTHER = "{\"type\":\"enrol\",\"eventId\":\"e-2\",\"member\":\"bob\",\"occurredAt\":\"2026-03-01T10:00:00Z\"}";

    private static final String PURCHASE = "{\"type\":\"purchase\",\"eventId\":\"p-1\",\"member\":\"alice\",\"occurredAt\":\"2026-03-02T10:00:00Z\","
            + "\"currency\":\"GBP\",\"lines\":[{\"sku\":\"85123A\",\"category\":\"home\",\"quantity\":2,\"unitPrice\":\"2.95\"}]}";

    @TempDir
    Path dir;

    @Test
    void shouldRefuseTheFileWhenALineHoldsTwoObjects() throws IOException {
        Path events = Files.writeString(dir.resolve("events.jsonl"), ENROL + "\n" + ENROL.replace("e-1", "e-3") + OTHER + "\n");

        CliRun replay = CliRun.of("replay", "--db", db(), "--no-progress", events.toString());

        assertThat(replay.exitCode()).as(replay.err()).isEqualTo(PosCli.BAD_INPUT);
        assertThat(replay.err()).contains(events + ":2: not valid JSON");
        assertThat(Files.exists(Path.of(db() + ".mv.db"))).isFalse();
    }

    @Test
    void shouldRefuseTheFileWhenALineNamesAFieldTwice() throws IOException {
        Path events = Files.writeString(dir.resolve("events.jsonl"), ENROL.replace("\"member\":\"alice\"", "\"member\":\"alice\",\"member\":\"bob\"") + "\n");

        CliRun replay = CliRun.of("replay", "--db", db(), "--no-progress", events.toString());

        assertThat(replay.exitCode()).as(replay.err()).isEqualTo(PosCli.BAD_INPUT);
        assertThat(replay.err()).contains(events + ":1: not valid JSON").contains("member");
    }

    @Test
    void shouldRefuseTheFileGivingTheEnginesLimitWhenAQuantityPassesTheWholeNumbersAccepted() throws IOException {
        Path events = Files.writeString(dir.resolve("events.jsonl"), ENROL + "\n" + PURCHASE.replace("\"quantity\":2", "\"quantity\":99999999999") + "\n");

        CliRun replay = CliRun.of("replay", "--db", db(), "--no-progress", events.toString());

        assertThat(replay.exitCode()).as(replay.err()).isEqualTo(PosCli.BAD_INPUT);
        assertThat(replay.err()).contains(events + ":2: field 'lines[0].quantity' is 99999999999; at most 1000000 are accepted");
    }

    @Test
    void shouldRefuseTheFileSayingAQuantityIsAtLeastOneWhenItIsFarBelowTheWholeNumbersAccepted() throws IOException {
        Path events = Files.writeString(dir.resolve("events.jsonl"), ENROL + "\n" + PURCHASE.replace("\"quantity\":2", "\"quantity\":-99999999999") + "\n");

        CliRun replay = CliRun.of("replay", "--db", db(), "--no-progress", events.toString());

        assertThat(replay.exitCode()).as(replay.err()).isEqualTo(PosCli.BAD_INPUT);
        assertThat(replay.err()).contains(events + ":2: field 'lines[0].quantity' must be at least 1, was -99999999999 (returns are separate events)");
    }

    @Test
    void shouldRefuseTheFileGivingTheEnginesLimitWhenAQuantityPassesEveryLong() throws IOException {
        Path events = Files.writeString(dir.resolve("events.jsonl"), ENROL + "\n" + PURCHASE.replace("\"quantity\":2", "\"quantity\":99999999999999999999") + "\n");

        CliRun replay = CliRun.of("replay", "--db", db(), "--no-progress", events.toString());

        assertThat(replay.exitCode()).as(replay.err()).isEqualTo(PosCli.BAD_INPUT);
        assertThat(replay.err()).contains(events + ":2: field 'lines[0].quantity' is 99999999999999999999; at most 1000000 are accepted");
    }

    @Test
    void shouldRefuseTheFileGivingTheLimitWhenRedeemedPointsPassEveryLong() throws IOException {
        Path events = Files.writeString(dir.resolve("events.jsonl"), ENROL + "\n"
                + "{\"type\":\"redeem\",\"eventId\":\"x-1\",\"member\":\"alice\",\"occurredAt\":\"2026-03-06T10:00:00Z\",\"reward\":\"V-5\",\"points\":99999999999999999999}\n");

        CliRun replay = CliRun.of("replay", "--db", db(), "--no-progress", events.toString());

        assertThat(replay.exitCode()).as(replay.err()).isEqualTo(PosCli.BAD_INPUT);
        assertThat(replay.err()).contains(events + ":2: field 'points' is 99999999999999999999, outside the whole numbers accepted here (up to 9223372036854775807)");
    }

    @Test
    void shouldRefuseTheFileNamingTheFieldAndLineWhenAQuantityIsANumberWithAnExponent() throws IOException {
        Path events = Files.writeString(dir.resolve("events.jsonl"), ENROL + "\n" + PURCHASE.replace("\"quantity\":2", "\"quantity\":1e2") + "\n");

        CliRun replay = CliRun.of("replay", "--db", db(), "--no-progress", events.toString());

        assertThat(replay.exitCode()).as(replay.err()).isEqualTo(PosCli.BAD_INPUT);
        assertThat(replay.err()).contains(events + ":2: field 'lines[0].quantity' is a number written with a fraction or an exponent; expected a whole number such as 2");
        assertThat(Files.exists(Path.of(db() + ".mv.db"))).isFalse();
    }

    @Test
    void shouldRefuseTheFileNamingTheFieldAndLineWhenAQuantityIsANumberWithAnExponentOfZero() throws IOException {
        Path events = Files.writeString(dir.resolve("events.jsonl"), ENROL + "\n" + PURCHASE.replace("\"quantity\":2", "\"quantity\":2E0") + "\n");

        CliRun replay = CliRun.of("replay", "--db", db(), "--no-progress", events.toString());

        assertThat(replay.exitCode()).as(replay.err()).isEqualTo(PosCli.BAD_INPUT);
        assertThat(replay.err()).contains(events + ":2: field 'lines[0].quantity'").contains("expected a whole number");
    }

    @Test
    void shouldRefuseTheFileNamingTheFieldAndLineWhenRedeemedPointsAreANumberWithAnExponent() throws IOException {
        Path events = Files.writeString(dir.resolve("events.jsonl"), ENROL + "\n"
                + "{\"type\":\"redeem\",\"eventId\":\"x-1\",\"member\":\"alice\",\"occurredAt\":\"2026-03-06T10:00:00Z\",\"reward\":\"V-5\",\"points\":5e2}\n");

        CliRun replay = CliRun.of("replay", "--db", db(), "--no-progress", events.toString());

        assertThat(replay.exitCode()).as(replay.err()).isEqualTo(PosCli.BAD_INPUT);
        assertThat(replay.err()).contains(events + ":2: field 'points'").contains("expected a whole number");
    }

    @Test
    void shouldRefuseTheFileNamingTheLineWhenAnAmountIsANumberWithAnExponentTooLargeToWriteOut() throws IOException {
        // written out in full, 1e2147483640 would take more characters than a Java string can hold
        Path events = Files.writeString(dir.resolve("events.jsonl"), ENROL + "\n"
                + "{\"type\":\"return\",\"eventId\":\"r-1\",\"member\":\"alice\",\"occurredAt\":\"2026-03-05T10:00:00Z\",\"amount\":1e2147483640,\"currency\":\"GBP\"}\n");

        CliRun replay = CliRun.of("replay", "--db", db(), "--no-progress", events.toString());

        assertThat(replay.exitCode()).as(replay.err()).isEqualTo(PosCli.BAD_INPUT);
        assertThat(replay.err()).contains(events + ":2: ").contains("amount has 2147483641 digits before the decimal point");
        assertThat(Files.exists(Path.of(db() + ".mv.db"))).isFalse();
    }

    private String db() {
        return dir.resolve("loyalty-db").toString();
    }
}
