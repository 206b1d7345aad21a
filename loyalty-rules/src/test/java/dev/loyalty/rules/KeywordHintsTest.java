package dev.loyalty.rules;

import static dev.loyalty.rules.MalformedDrlTest.HEADER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.core.RuleDefinitionException;
import dev.loyalty.core.RuleProblem;
import org.junit.jupiter.api.Test;

/**
 * A syntax error inside a rule says what usually causes it when the rule's lines above show it:
 * {@code when} or {@code then} given twice, lost or misspelled, a parenthesis left open, or an
 * operator spelt as another language spells it.
 */
class KeywordHintsTest {

    // HEADER is lines 1-3; the rule starts on line 4
    private static RuleProblem problemAt(int line, String rule) {
        RuleDefinitionException refused = Refusals.refused(DroolsRuleEngine.builder().drl("hints.drl", HEADER + rule));
        return refused.problems().stream().filter(p -> p.line() == line).findFirst()
                .orElseThrow(() -> new AssertionError("no problem at line " + line + " in " + refused.problems()));
    }

    @Test
    void shouldSayThenIsGivenTwiceWhenTheActionAfterTwoThensIsRefused() {
        RuleProblem p = problemAt(9, """
                rule "H-01 two thens"
                when
                    $p : Purchase( )
                then
                then
                    earn.points(1, "x");
                end
                """);

        assertThat(p.message()).isEqualTo("syntax error: mismatched input 'earn'; 'then' is given twice in this rule: keep one");
    }

    @Test
    void shouldAskWhetherThenIsMisspelledWhenAnActionFollowsAMisspelledThen() {
        RuleProblem p = problemAt(8, """
                rule "H-02 misspelled then"
                when
                    $p : Purchase( )
                the
                    earn.points(1, "x");
                end
                """);

        assertThat(p.message()).endsWith("; is 'then' missing or misspelled above the rule's actions?");
    }

    @Test
    void shouldAskWhetherThenIsMissingWhenEndFollowsTheActionsWithoutOne() {
        RuleProblem p = problemAt(7, """
                rule "H-03 no then"
                when
                    $p : Purchase( total > 1 )
                end
                """);

        assertThat(p.message()).isEqualTo("syntax error: mismatched input 'end'; is 'then' missing or misspelled above the rule's actions?");
    }

    @Test
    void shouldAskWhetherWhenIsMissingWhenAPatternFollowsTheRulesName() {
        RuleProblem p = problemAt(5, """
                rule "H-04 no when"
                    $p : Purchase( )
                then
                    earn.points(1, "x");
                end
                """);

        assertThat(p.message()).endsWith("; is 'when' missing or misspelled above the rule's conditions?");
    }

    @Test
    void shouldSayWhenIsGivenTwiceWhenAPatternFollowsTwoWhens() {
        RuleProblem p = problemAt(7, """
                rule "H-05 two whens"
                when
                when
                    $p : Purchase( )
                then
                    earn.points(1, "x");
                end
                """);

        assertThat(p.message()).endsWith("; 'when' is given twice in this rule: keep one");
    }

    @Test
    void shouldAddNoHintWhenARulesDeclarationIsGivenTwice() {
        RuleProblem p = problemAt(5, """
                rule "H-06 twice"
                rule "H-06 twice"
                when
                    $p : Purchase( )
                then
                    earn.points(1, "x");
                end
                """);

        assertThat(p.message()).startsWith("syntax error: mismatched input 'rule'").doesNotContain("'when'", "'then'");
    }

    @Test
    void shouldSayHowToCompareWhenASingleEqualsSignIsWritten() {
        RuleProblem p = problemAt(6, """
                rule "H-07 assignment"
                when
                    $p : Purchase( channel = "web" )
                then
                    earn.points(1, "x");
                end
                """);

        assertThat(p.message()).isEqualTo("syntax error: mismatched input '='; compare with == (a single = is not a comparison)");
    }

    @Test
    void shouldSayHowToJoinConstraintsWhenAndIsWritten() {
        RuleProblem p = problemAt(6, """
                rule "H-08 and"
                when
                    $p : Purchase( total > 100 and channel == "web" )
                then
                    earn.points(1, "x");
                end
                """);

        assertThat(p.message()).isEqualTo("syntax error: mismatched input 'and'; join constraints with && or a comma");
    }

    @Test
    void shouldSayAParenthesisIsLeftOpenWhenThenFollowsAnUnclosedPattern() {
        RuleProblem p = problemAt(7, """
                rule "H-09 open parenthesis"
                when
                    $p : Purchase( total > 10
                then
                    earn.points(1, "x");
                end
                """);

        assertThat(p.message()).isEqualTo("syntax error: mismatched input 'then'; a parenthesis opened above is not closed");
    }
}
