package dev.loyalty.examples.pos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** Option values the engine refuses, or amounts not written as plain decimals, are command-line errors (exit 2), named in the message; a campaign directory that is not there is an unreadable input (exit 3). */
class OptionValuesTest {

    @TempDir
    Path dir;

    @Test
    void shouldExitWithTheUsageCodeWhenTheCurrencyIsNotACurrencyCode() throws IOException {
        Path events = Files.writeString(dir.resolve("events.jsonl"), PosCliTest.JSONL);

        CliRun replay = CliRun.of("replay", "--db", db(), "--no-progress", "--currency", "XYZ", events.toString());

        assertThat(replay.exitCode()).isEqualTo(PosCli.USAGE);
        assertThat(replay.err()).contains("currency 'XYZ' is not an ISO 4217 currency code");
        assertThat(Files.exists(Path.of(db() + ".mv.db"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"+1", "1e0", ".5", " 1"})
    void shouldExitWithTheUsageCodeWhenTheUnlinkedReturnPointsAreNotAPlainDecimal(String points) throws IOException {
        Path events = Files.writeString(dir.resolve("events.jsonl"), PosCliTest.JSONL);

        CliRun replay = CliRun.of("replay", "--db", db(), "--no-progress", "--unlinked-return-points", points, events.toString());

        assertThat(replay.exitCode()).as(replay.err()).isEqualTo(PosCli.USAGE);
        assertThat(replay.err()).contains("--unlinked-return-points").contains("'" + points + "'");
        assertThat(Files.exists(Path.of(db() + ".mv.db"))).isFalse();
    }

    @Test
    void shouldExitWithTheUsageCodeWhenTheSweepsMemberRangeIsInverted() throws IOException {
        CliRun.of("replay", "--db", db(), "--no-progress", Files.writeString(dir.resolve("events.jsonl"), PosCliTest.JSONL).toString());

        CliRun sweep = CliRun.of("sweep", "--db", db(), "--from", "z", "--to", "a");

        assertThat(sweep.exitCode()).isEqualTo(PosCli.USAGE);
        assertThat(sweep.err()).contains("from z must sort before to a");
    }

    @Test
    void shouldExitAsForAnUnreadableInputWhenTheCampaignDirectoryIsMissing() throws IOException {
        Path events = Files.writeString(dir.resolve("events.jsonl"), PosCliTest.JSONL);
        Path missing = dir.resolve("no-such-campaigns");

        CliRun replay = CliRun.of("replay", "--db", db(), "--no-progress", "--campaigns", missing.toString(), events.toString());

        assertThat(replay.exitCode()).isEqualTo(PosCli.BAD_INPUT);
        assertThat(replay.err()).contains(missing + ": is not a directory of campaign files");
        assertThat(Files.exists(Path.of(db() + ".mv.db"))).isFalse();
    }

    private String db() {
        return dir.resolve("loyalty-db").toString();
    }
}
