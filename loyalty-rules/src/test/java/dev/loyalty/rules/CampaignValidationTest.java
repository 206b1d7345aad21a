package dev.loyalty.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.loyalty.core.RuleDefinitionException;
import dev.loyalty.core.RuleProblem;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One malformed campaign file per kind of problem (under {@code src/test/resources/dev/loyalty/rules/malformed/}),
 * each reported with resource, line, rule and a plain message; and the command-line validator.
 */
class CampaignValidationTest {

    static final String FOLDER = "dev/loyalty/rules/malformed/";
    static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    static final List<String> FIXTURES = List.of("syntax-error.drl", "unknown-fact.drl", "unknown-field.drl", "unknown-action.drl",
            "wrong-argument.drl", "not-a-fact.drl", "empty-reason.drl", "null-reason.drl", "wall-clock.drl", "changes-facts.drl",
            "bad-date.drl", "ends-before-start.drl", "conflicting-owner.drl", "expired.drl", "duplicate-rule.drl");

    private static RuleProblem only(String file) {
        List<RuleProblem> problems = DroolsRuleEngine.builder().classpath(FOLDER + file).validate(TODAY);
        assertThat(problems).as("problems of %s", file).hasSize(1);
        RuleProblem problem = problems.get(0);
        assertThat(problem.resource()).isEqualTo(FOLDER + file);
        return problem;
    }

    @Test
    void shouldReportLineColumnAndRuleOfASyntaxError() {
        RuleProblem p = only("syntax-error.drl");
        assertThat(p).extracting(RuleProblem::line, RuleProblem::column, RuleProblem::rule).containsExactly(6, 31, "SYN-01 missing value");
        assertThat(p.message()).startsWith("syntax error");
    }

    @Test
    void shouldReportAnUnknownFactType() {
        RuleProblem p = only("unknown-fact.drl");
        assertThat(p).extracting(RuleProblem::line, RuleProblem::column, RuleProblem::rule).containsExactly(6, 5, "FACT-01 typo in the fact");
        assertThat(p.message()).contains("'Basket'");
    }

    @Test
    void shouldReportAnUnknownFieldWithItsType() {
        RuleProblem p = only("unknown-field.drl");
        assertThat(p).extracting(RuleProblem::line, RuleProblem::rule).containsExactly(6, "FIELD-01 no such field");
        assertThat(p.message()).isEqualTo("PurchaseLine has no field 'colour' in constraint: colour == \"red\"");
    }

    @Test
    void shouldReportAnUnknownActionAndListTheActions() {
        RuleProblem p = only("unknown-action.drl");
        assertThat(p).extracting(RuleProblem::line, RuleProblem::rule).containsExactly(8, "ACT-01 no such action");
        assertThat(p.message()).contains("triple").contains("earn's actions are base, bonus,");
    }

    @Test
    void shouldReportAnActionGivenArgumentsOfTheWrongType() {
        RuleProblem p = only("wrong-argument.drl");
        assertThat(p).extracting(RuleProblem::line, RuleProblem::rule).containsExactly(8, "ARG-01 wrong argument type");
        assertThat(p.message()).contains("points(long, String)");
    }

    @Test
    void shouldReportAPatternOnATypeTheEngineNeverInserts() {
        RuleProblem p = only("not-a-fact.drl");
        assertThat(p).extracting(RuleProblem::line, RuleProblem::rule).containsExactly(8, "NOFACT-01 matches a core event");
        assertThat(p.message()).contains("'dev.loyalty.core.event.Redemption' is not a fact the engine inserts");
    }

    @Test
    void shouldReportAnAwardWithAnEmptyReason() {
        RuleProblem p = only("empty-reason.drl");
        assertThat(p).extracting(RuleProblem::line, RuleProblem::rule).containsExactly(8, "REASON-01 empty reason");
        assertThat(p.message()).startsWith("earn.base is given no reason");
    }

    @Test
    void shouldReportAnAwardWithANullReason() {
        RuleProblem p = only("null-reason.drl");
        assertThat(p).extracting(RuleProblem::line, RuleProblem::rule).containsExactly(8, "REASON-02 null reason");
        assertThat(p.message()).startsWith("earn.bonus is given no reason");
    }

    @Test
    void shouldRejectDroolsWallClockAttributes() {
        RuleProblem p = only("wall-clock.drl");
        assertThat(p).extracting(RuleProblem::line, RuleProblem::rule).containsExactly(5, "CLOCK-01 Drools dates");
        assertThat(p.message()).contains("'date-effective' follows the wall clock").contains("@activeFrom");
    }

    @Test
    void shouldReportAConsequenceThatChangesAFact() {
        RuleProblem p = only("changes-facts.drl");
        assertThat(p).extracting(RuleProblem::line, RuleProblem::rule).containsExactly(9, "MOD-01 changes a fact");
        assertThat(p.message()).contains("'update' changes the facts");
    }

    @Test
    void shouldReportAnActiveDateThatIsNotADate() {
        RuleProblem p = only("bad-date.drl");
        assertThat(p).extracting(RuleProblem::line, RuleProblem::rule).containsExactly(4, "DATE-01 not a date");
        assertThat(p.message()).contains("@activeFrom(\"1st of April\") is not a date");
    }

    @Test
    void shouldReportACampaignThatEndsBeforeItStarts() {
        RuleProblem p = only("ends-before-start.drl");
        assertThat(p).extracting(RuleProblem::line, RuleProblem::rule).containsExactly(4, "DATE-02 ends before it starts");
        assertThat(p.message()).contains("ends (@activeUntil 2026-04-01) before it starts (@activeFrom 2026-04-30)");
    }

    @Test
    void shouldReportTwoOwnersForOneCampaign() {
        RuleProblem p = only("conflicting-owner.drl");
        assertThat(p).extracting(RuleProblem::line, RuleProblem::rule).containsExactly(12, "OWN-01 second rule");
        assertThat(p.message()).contains("two values for @owner: 'marketing' on rule \"OWN-01 first rule\" and 'finance'");
    }

    @Test
    void shouldReportACampaignWhoseDatesArePast() {
        RuleProblem p = only("expired.drl");
        assertThat(p).extracting(RuleProblem::line, RuleProblem::rule).containsExactly(4, "OLD-01 last year's sale");
        assertThat(p.message()).contains("ended on 2025-11-30").contains("can never fire");
    }

    @Test
    void shouldReportADuplicateRuleName() {
        RuleProblem p = only("duplicate-rule.drl");
        assertThat(p).extracting(RuleProblem::line, RuleProblem::rule).containsExactly(11, "DUP-01 twice");
        assertThat(p.message()).contains("Duplicate rule name");
    }

    @Test
    void shouldNotCallACampaignExpiredOnItsLastDay() {
        List<RuleProblem> problems = DroolsRuleEngine.builder().classpath(FOLDER + "expired.drl").validate(LocalDate.of(2025, 11, 30));

        assertThat(problems).isEmpty();
    }

    @Test
    void shouldBuildACampaignWhoseDatesArePastSinceOnlyTheValidatorKnowsTheDate() {
        assertThatCode(() -> DroolsRuleEngine.builder().classpath(FOLDER + "expired.drl").build().close()).doesNotThrowAnyException();
    }

    @Test
    void shouldRefuseToBuildWhenAVocabularyCheckFails() {
        RuleDefinitionException e = catchThrowableOfType(RuleDefinitionException.class,
                () -> DroolsRuleEngine.builder().classpath(FOLDER + "empty-reason.drl").build());

        assertThat(e.problems()).extracting(RuleProblem::rule).containsExactly("REASON-01 empty reason");
    }

    @Test
    void shouldReportEveryProblemOfEveryFileAtOnce(@TempDir Path dir) throws Exception {
        List<String> parsable = FIXTURES.stream().filter(f -> !f.equals("syntax-error.drl")).toList();
        for (String file : parsable) {
            copy(file, dir);
        }

        List<RuleProblem> problems = CampaignValidator.validate(List.of(dir), TODAY);

        // the checks that need compiled rules (fact types, metadata, dates) wait until Drools' errors are fixed
        assertThat(problems).extracting(p -> Path.of(p.resource()).getFileName().toString()).containsExactlyInAnyOrder(
                "unknown-fact.drl", "unknown-field.drl", "unknown-action.drl", "wrong-argument.drl", "empty-reason.drl",
                "null-reason.drl", "wall-clock.drl", "changes-facts.drl", "duplicate-rule.drl");
    }

    @Test
    void shouldReportTheChecksOnCompiledRulesTogetherWhenNoFileHasDroolsErrors(@TempDir Path dir) throws Exception {
        for (String file : List.of("not-a-fact.drl", "bad-date.drl", "ends-before-start.drl", "conflicting-owner.drl", "expired.drl",
                "empty-reason.drl", "wall-clock.drl")) {
            copy(file, dir);
        }

        List<RuleProblem> problems = CampaignValidator.validate(List.of(dir), TODAY);

        assertThat(problems).extracting(p -> Path.of(p.resource()).getFileName().toString()).containsExactly("bad-date.drl",
                "conflicting-owner.drl", "empty-reason.drl", "ends-before-start.drl", "expired.drl", "not-a-fact.drl", "wall-clock.drl");
    }

    @Test
    void shouldExitWithOneAndPrintEveryProblemWhenRunFromTheCommandLine(@TempDir Path dir) throws Exception {
        copy("empty-reason.drl", dir);
        copy("wall-clock.drl", dir);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status = CampaignValidator.run(new String[] {dir.toString()}, print(out), print(new ByteArrayOutputStream()), clock());

        assertThat(status).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("2 problems:")
                .contains(dir.resolve("empty-reason.drl") + ":8 [rule \"REASON-01 empty reason\"]")
                .contains(dir.resolve("wall-clock.drl") + ":5 [rule \"CLOCK-01 Drools dates\"]");
    }

    @Test
    void shouldExitWithZeroWhenTheCampaignsAreSound() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status = CampaignValidator.run(new String[] {"--defaults"}, print(out), print(new ByteArrayOutputStream()), clock());

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("OK");
    }

    @Test
    void shouldJudgeExpiryByTheDateGivenOnTheCommandLine(@TempDir Path dir) throws Exception {
        copy("expired.drl", dir);
        PrintStream quiet = print(new ByteArrayOutputStream());

        assertThat(CampaignValidator.run(new String[] {"--today", "2025-11-15", dir.toString()}, quiet, quiet, clock())).isZero();
        assertThat(CampaignValidator.run(new String[] {"--today", "2025-12-01", dir.toString()}, quiet, quiet, clock())).isEqualTo(1);
    }

    @Test
    void shouldExitWithTwoOnAUsageError() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = CampaignValidator.run(new String[] {"--today", "tomorrow", "x"}, print(new ByteArrayOutputStream()), print(err), clock());

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--today tomorrow is not a date").contains("usage:");
    }

    @Test
    void shouldExitWithTwoWhenAPathArgumentIsEmpty() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        // an unset variable in -Dexec.args="$CAMPAIGNS" gives "": it must not validate the working directory
        int status = CampaignValidator.run(new String[] {""}, print(out), print(err), clock());

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("an empty path").contains("usage:");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void shouldRefuseAnEmptyDirectoryPathWhenItIsAdded() {
        assertThatThrownBy(() -> DroolsRuleEngine.builder().directory(Path.of("")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("directory must not be an empty path");
    }

    @Test
    void shouldNameTheNullPathWhenTheListToValidateHoldsOne(@TempDir Path dir) {
        assertThatThrownBy(() -> CampaignValidator.validate(java.util.Arrays.asList(dir, null), LocalDate.of(2026, 6, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("paths[1] is null; give a directory or .drl file");
    }

    @Test
    void shouldRefuseAnEmptyFilePathWhenItIsAdded() {
        assertThatThrownBy(() -> DroolsRuleEngine.builder().file(Path.of("")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("file must not be an empty path");
    }

    @Test
    void shouldNameAMissingFile(@TempDir Path dir) {
        List<RuleProblem> problems = CampaignValidator.validate(List.of(dir.resolve("missing.drl")), TODAY);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.resource()).isEqualTo(dir.resolve("missing.drl").toString());
            assertThat(p.message()).isEqualTo("no such file");
        });
    }

    @Test
    void shouldListProblemsInResourceOrderWhenFilesCannotBeRead(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("a-latin1.drl"), new byte[] {'p', 'a', 'c', 'k', 'a', 'g', 'e', ' ', (byte) 0xE9, ';'});

        List<RuleProblem> problems = CampaignValidator.validate(List.of(dir.resolve("z-missing.drl"), dir.resolve("a-latin1.drl")), TODAY);

        assertThat(problems).extracting(RuleProblem::resource)
                .containsExactly(dir.resolve("a-latin1.drl").toString(), dir.resolve("z-missing.drl").toString());
    }

    private static void copy(String fixture, Path dir) throws Exception {
        try (InputStream in = CampaignValidationTest.class.getClassLoader().getResourceAsStream(FOLDER + fixture)) {
            Files.write(dir.resolve(fixture), in.readAllBytes());
        }
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private static Clock clock() {
        return Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC);
    }
}
