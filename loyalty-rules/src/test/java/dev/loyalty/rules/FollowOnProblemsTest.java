package dev.loyalty.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.loyalty.core.RuleDefinitionException;
import dev.loyalty.core.RuleProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One mistake in one file is reported once, at its own line, and not again at every rule of the
 * other files it breaks; a problem's words are the author's, never the rule compiler's insides.
 */
class FollowOnProblemsTest {

    /** A second file of the same package, whose rule is correct. */
    private static final String INNOCENT = MalformedDrlTest.HEADER + """
            rule "OK-01 one point"
            when
                $p : Purchase( )
            then
                earn.points(1, "x");
            end
            """;

    private static RuleDefinitionException failure(String name, String drl) {
        return catchThrowableOfType(RuleDefinitionException.class,
                () -> DroolsRuleEngine.builder().drl(name, drl).drl("innocent.drl", INNOCENT).build());
    }

    /** Builds a set of one file, which must be refused. */
    private static RuleDefinitionException alone(String name, String drl) {
        return catchThrowableOfType(RuleDefinitionException.class, () -> DroolsRuleEngine.builder().drl(name, drl).build());
    }

    /** A file of the package that imports what is given on line 2, with a correct rule. */
    private static String importing(String imported) {
        return "package test;\nimport " + imported + ";\n" + INNOCENT.substring(INNOCENT.indexOf("rule \"")).replace("OK-01", "OK-02");
    }

    @Test
    void shouldReportAnImportOfAPackageOnlyAtItsLineWhenAnotherFileSharesThePackage() {
        RuleDefinitionException e = failure("broken.drl", importing("dev.loyalty.rules.vocabulary"));

        RuleProblem p = MalformedDrlTest.onlyProblem(e, "broken.drl", 2, "");
        assertThat(p.message()).contains("'dev.loyalty.rules.vocabulary'").contains("dev.loyalty.rules.vocabulary.*");
    }

    @Test
    void shouldReportAnImportOfNoClassOnlyAtItsLineWhenAnotherFileSharesThePackage() {
        RuleDefinitionException e = failure("broken.drl", importing("de"));

        RuleProblem p = MalformedDrlTest.onlyProblem(e, "broken.drl", 2, "");
        assertThat(p.message()).contains("'de'");
    }

    @Test
    void shouldReportAGlobalOfAMisspelledTypeOnlyAtItsLineWhenItsFileHasNoPackage() {
        RuleDefinitionException e = failure("broken.drl", """
                // no package
                import dev.loyalty.rules.vocabulary.*;
                global dev.loyaltyrules.vocabulary.Earn earn;
                """ + INNOCENT.substring(INNOCENT.indexOf("rule \"")).replace("OK-01", "OK-02"));

        RuleProblem p = MalformedDrlTest.onlyProblem(e, "broken.drl", 3, "");
        assertThat(p.message()).contains("earn").contains("'dev.loyaltyrules.vocabulary.Earn'");
    }

    @Test
    void shouldReportAFileThatEndsInsideAConstraintAtItsLastLineWithoutTheParsersInsides() {
        RuleDefinitionException e = alone("cut.drl", MalformedDrlTest.HEADER + """
                rule "C-01 cut short"
                when
                    Purchase( channel == "we""");

        RuleProblem p = MalformedDrlTest.onlyProblem(e, "cut.drl", 6, "C-01 cut short");
        assertThat(p.message()).startsWith("syntax error: the text ends inside a rule or a quote").doesNotContain("Exception");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5", "2147483648", "-2147483649", "99999999999999999999", "NaN", "1e309", "1e99999999999"})
    void shouldRefuseASalienceThatIsNoWholeIntOnceAtItsLine(String salience) {
        RuleDefinitionException e = alone("salience.drl", MalformedDrlTest.HEADER + MalformedDrlTest.ruleWith("S-03 odd salience", "salience " + salience));

        RuleProblem p = MalformedDrlTest.onlyProblem(e, "salience.drl", 5, "S-03 odd salience");
        assertThat(p.message()).startsWith("salience " + salience + " is not a whole number from -2147483648 to 2147483647");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-2147483648", "2147483647", "1e3"})
    void shouldBuildARuleWhoseSalienceIsAWholeIntHoweverWritten(String salience) {
        try (DroolsRuleEngine rules = DroolsRuleEngine.builder()
                .drl("salience.drl", MalformedDrlTest.HEADER + MalformedDrlTest.ruleWith("S-04 whole salience", "salience " + salience)).build()) {
            assertThat(rules.ruleNames()).containsExactly("S-04 whole salience");
        }
    }

    @Test
    void shouldCutShortTheTextAStrayQuoteSwallowedAndSaySo() {
        RuleDefinitionException e = alone("quote.drl", MalformedDrlTest.HEADER + """
                "// a comment that a stray quote stands before, and much more text than a message should quote
                rule "Q-01 one point"
                when
                    $p : Purchase( )
                then
                    earn.points(1, "x");
                end
                """);

        assertThat(e.problems()).first().satisfies(p -> {
            assertThat(p).extracting(RuleProblem::resource, RuleProblem::line).containsExactly("quote.drl", 4);
            assertThat(p.message()).contains("is a closing quote missing?").contains("\"// a comment")
                    .doesNotContain("than a message should quote").doesNotContain("Q-01");
        });
    }

    @Test
    void shouldReportARuleNameWithoutItsClosingQuoteAtTheRulesLine() {
        RuleDefinitionException e = alone("name.drl", MalformedDrlTest.HEADER + """
                rule "N-01 name without its closing quote
                    salience 10
                when
                    $p : Purchase( )
                then
                    earn.points(1, "a reason that the parser now reads as code");
                end
                """);

        assertThat(e.problems()).first().satisfies(p -> {
            assertThat(p).extracting(RuleProblem::resource, RuleProblem::line, RuleProblem::rule)
                    .containsExactly("name.drl", 4, "N-01 name without its closing quote");
            assertThat(p.message()).contains("closing quote").contains("line 9");
        });
    }

    @Test
    void shouldNameTheRuleNotTheGeneratedClassWhenAConsequenceCallsAMethodWithoutItsObject() {
        RuleDefinitionException e = alone("call.drl", MalformedDrlTest.HEADER + """
                rule "M-01 points without earn"
                when
                    $p : Purchase( )
                then
                    points(1, "x");
                end
                """);

        RuleProblem p = MalformedDrlTest.onlyProblem(e, "call.drl", 8, "M-01 points without earn");
        assertThat(p.message()).endsWith("The method points(int, String) is undefined for this rule");
    }

    @ParameterizedTest
    @ValueSource(strings = {"high", "-rule"})
    void shouldReportASalienceThatCannotBeReadOnceInTheAuthorsWords(String salience) {
        RuleDefinitionException e = alone("salience.drl", MalformedDrlTest.HEADER + MalformedDrlTest.ruleWith("S-05 salience of a name",
                "salience " + salience));

        RuleProblem p = MalformedDrlTest.onlyProblem(e, "salience.drl", 5, "S-05 salience of a name");
        assertThat(p.message()).startsWith("salience " + salience + " cannot be read; write a whole number");
    }

    @Test
    void shouldReportAnAttributeGivenTwiceAtItsSecondLine() {
        RuleDefinitionException e = alone("twice.drl", MalformedDrlTest.HEADER + MalformedDrlTest.ruleWith("T-01 salience twice", "salience 10",
                "no-loop", "salience 20"));

        RuleProblem p = MalformedDrlTest.onlyProblem(e, "twice.drl", 7, "T-01 salience twice");
        assertThat(p.message()).isEqualTo("salience is given twice in this rule; keep one");
    }

    @Test
    void shouldReportOnlyTheSyntaxErrorWhenTheParserFailsInItsOwnCodeAfterIt() {
        // the parser fails with a NullPointerException after the stray line, once it meets the backslash
        RuleDefinitionException e = alone("stray.drl", """
                // a comment
                2147483648 without a comment's slashes
                package test;

                import dev.loyalty.rules.vocab\\ulary.*;

                global dev.loyalty.rules.vocabulary.Earn earn;

                rule "R-01 referral"
                when
                    ReferralQualified( reward == "referee" || reward == "referrer" )
                then
                    earn.points(500, "Referral reward: 500 points");
                end
                """);

        RuleProblem p = MalformedDrlTest.onlyProblem(e, "stray.drl", 2, "");
        assertThat(p.message()).startsWith("syntax error: mismatched input '2147483648'");
    }

    @Test
    void shouldSayThatRuleNamesTheRuleItselfWhenAConstraintComparesIt() {
        RuleDefinitionException e = alone("word.drl", MalformedDrlTest.HEADER + """
                rule "W-01 the word rule"
                when
                    $p : Purchase( month == 12, rule <= 24 )
                then
                    earn.points(1, "x");
                end
                """);

        RuleProblem p = MalformedDrlTest.onlyProblem(e, "word.drl", 6, "W-01 the word rule");
        assertThat(p.message()).contains("the word 'rule' names the rule itself").doesNotContain("org.kie");
    }
}
