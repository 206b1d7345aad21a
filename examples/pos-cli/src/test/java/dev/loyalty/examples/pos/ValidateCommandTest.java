package dev.loyalty.examples.pos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code validate}: campaign directories compiled, every problem listed with file, line and rule. */
class ValidateCommandTest {

    static final String GOOD = """
            package campaigns.spring;

            import dev.loyalty.rules.vocabulary.*;
            global dev.loyalty.rules.vocabulary.Earn earn;

            rule "SPRING-01 double points on garden items in April"
            when
                $l : PurchaseLine( category == "garden", month == 4 )
            then
                earn.bonus($l, 1, "Spring garden week: an extra point per pound");
            end
            """;

    @TempDir
    Path dir;

    @Test
    void aValidDirectoryListsItsRules() throws IOException {
        Files.writeString(dir.resolve("spring.drl"), GOOD);

        CliRun run = CliRun.of("validate", dir.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(PosCli.OK);
        assertThat(run.out()).contains("1 rules", "SPRING-01 double points on garden items in April");
    }

    @Test
    void aBrokenRuleIsReportedWithFileLineAndRule() throws IOException {
        Files.writeString(dir.resolve("spring.drl"), GOOD);
        Path nested = Files.createDirectories(dir.resolve("summer"));
        Files.writeString(nested.resolve("broken.drl"), GOOD.replace("SPRING-01", "SUMMER-01").replace("category ==", "colour =="));

        CliRun run = CliRun.of("validate", dir.toString());

        assertThat(run.exitCode()).isEqualTo(PosCli.REFUSED);
        assertThat(run.err()).containsPattern("summer/broken\\.drl:8(:\\d+)?: error: ");
        assertThat(run.err()).contains("SUMMER-01").contains("colour");
    }

    @Test
    void aDirectoryWithoutDrlIsRefused() {
        CliRun run = CliRun.of("validate", dir.toString());

        assertThat(run.exitCode()).isEqualTo(PosCli.REFUSED);
        assertThat(run.err()).contains("1 problem");
    }

    @Test
    void aMissingDirectoryIsABadInput() {
        CliRun run = CliRun.of("validate", dir.resolve("nowhere").toString());

        assertThat(run.exitCode()).isEqualTo(PosCli.BAD_INPUT);
        assertThat(run.err()).contains("is not a directory");
    }
}
