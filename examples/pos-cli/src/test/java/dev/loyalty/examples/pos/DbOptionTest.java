package dev.loyalty.examples.pos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --db} as a file path: H2 reads what follows a {@code ;} in its URL as settings, so such a path is a usage error. */
class DbOptionTest {

    @TempDir
    Path dir;

    @Test
    void shouldReadADatabasePathGivenWithItsFileSuffixAsTheSameDatabaseInEveryCommand() throws IOException {
        Path events = Files.writeString(dir.resolve("events.jsonl"), PosCliTest.JSONL);
        String db = dir.resolve("shop.mv.db").toString();

        CliRun replay = CliRun.of("replay", "--db", db, "--no-progress", events.toString());
        CliRun statement = CliRun.of("statement", "--db", db, "alice");
        CliRun withoutSuffix = CliRun.of("statement", "--db", dir.resolve("shop").toString(), "alice");

        assertThat(replay.exitCode()).as(replay.err()).isEqualTo(PosCli.OK);
        assertThat(dir.resolve("shop.mv.db")).exists();
        assertThat(dir.resolve("shop.mv.db.mv.db")).doesNotExist();
        assertThat(statement.exitCode()).as(statement.err()).isEqualTo(PosCli.OK);
        assertThat(statement.out()).contains("p-1");
        assertThat(withoutSuffix.exitCode()).as(withoutSuffix.err()).isEqualTo(PosCli.OK);
        assertThat(withoutSuffix.out()).contains("p-1");
    }

    @Test
    void shouldRefuseADatabasePathWithASemicolonAsAUsageErrorThatNamesIt() throws IOException {
        Path events = Files.writeString(dir.resolve("events.jsonl"), PosCliTest.JSONL);
        String db = dir.resolve("shop;year=2026").toString();

        CliRun replay = CliRun.of("replay", "--db", db, "--no-progress", events.toString());

        assertThat(replay.exitCode()).as(replay.err()).isEqualTo(PosCli.USAGE);
        assertThat(replay.err()).contains("--db").contains(db);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(events);
        }
    }
}
