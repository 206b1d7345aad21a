package dev.loyalty.rules;

import static dev.loyalty.rules.MalformedDrlTest.HEADER;
import static dev.loyalty.rules.MalformedDrlTest.onlyProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.core.RuleDefinitionException;
import dev.loyalty.core.RuleProblem;
import org.junit.jupiter.api.Test;

/**
 * Mistakes in a rule's conditions, and in what they import, are reported at their own line in the
 * author's words: an {@code eval} that does not compile as the condition it is (Drools reports it
 * as a consequence, at the rule's first line), a consequence below evals at its own line, a
 * {@code $variable} nothing binds, a sliding window over a fact that is no event, a static method
 * imported that does not exist, and the slips of an author used to spreadsheets and word
 * processors: a word left unquoted, typographic quotes, an amount with its currency sign, a
 * decimal comma, a field read by name in a consequence.
 */
class ConditionProblemsTest {

    // HEADER is lines 1-3; the rule starts on line 4, its conditions on line 6
    private static RuleDefinitionException failure(String drl) {
        return Refusals.refused(DroolsRuleEngine.builder().drl("conditions.drl", drl));
    }

    private static String rule(String when, String then) {
        return "rule \"C-01 big baskets\"\nwhen\n" + when + "\nthen\n" + then + "\nend\n";
    }

    @Test
    void shouldReportAnEvalThatDoesNotCompileAsTheConditionAtItsLine() {
        RuleDefinitionException e = failure(HEADER + rule("""
                    $p : Purchase( )
                    eval( $p.getTotal() != null )
                    eval( $p.getTotal() > 100 )""", "    earn.points(1, \"x\");"));

        RuleProblem p = onlyProblem(e, "conditions.drl", 8, "C-01 big baskets");
        assertThat(p.message()).isEqualTo("the condition eval( $p.getTotal() > 100 ) does not compile: "
                + "The operator > is undefined for the argument type(s) BigDecimal, int");
    }

    @Test
    void shouldReportAConsequenceBelowEvalsAtItsOwnLine() {
        RuleDefinitionException e = failure(HEADER + rule("""
                    $p : Purchase( )
                    eval( $p.getTotal() != null )""", """
                    int extra = 1;
                    long points = "2";
                    earn.points(points, "x");"""));

        RuleProblem p = onlyProblem(e, "conditions.drl", 10, "C-01 big baskets");
        assertThat(p.message()).isEqualTo("the consequence (then part) does not compile: Type mismatch: cannot convert from String to long");
    }

    @Test
    void shouldSayAVariableNoPatternBindsIsNotBoundAtItsConstraintsLine() {
        RuleDefinitionException e = failure(HEADER + rule("    $p : Purchase( total > $limit )", "    earn.points(1, \"x\");"));

        RuleProblem p = onlyProblem(e, "conditions.drl", 6, "C-01 big baskets");
        assertThat(p.message()).isEqualTo("$limit is not bound where constraint total > $limit uses it: bind it in an earlier pattern, "
                + "to a fact ($limit : Purchase( )) or a field (Purchase( $limit : total )), or name a field of Purchase");
    }

    @Test
    void shouldSayASlidingWindowNeedsEventsWithoutDroolsTypeNames() {
        RuleDefinitionException e = failure(HEADER + rule("    $p : Purchase( ) over window:time( 30d )", "    earn.points(1, \"x\");"));

        RuleProblem p = onlyProblem(e, "conditions.drl", 6, "C-01 big baskets");
        assertThat(p.message()).startsWith("a sliding window (over window:time or window:length) needs facts declared as events, "
                + "and Purchase is not one").doesNotContain("ClassObjectType");
    }

    @Test
    void shouldReportAStaticMethodImportedThatDoesNotExistAtItsLine() {
        RuleDefinitionException e = failure(HEADER + "import function java.lang.Math.biggest;\n" + rule("    $p : Purchase( )", "    earn.points(1, \"x\");"));

        RuleProblem p = onlyProblem(e, "conditions.drl", 4, "");
        assertThat(p.message()).isEqualTo("cannot import function 'java.lang.Math.biggest': the rules see no class java.lang.Math "
                + "with a public static method biggest");
    }

    @Test
    void shouldSayAConstraintMvelCannotReadWithItsReasonButNotItsParsersWindow() {
        RuleDefinitionException e = failure(HEADER + rule("    $m : Member( pointsBal*/ance )", "    earn.points(1, \"x\");"));

        RuleProblem p = onlyProblem(e, "conditions.drl", 6, "C-01 big baskets");
        assertThat(p.message()).startsWith("constraint pointsBal*/ance cannot be read: ").doesNotContain("[Error", "[Near", "[Line");
    }

    @Test
    void shouldNameAFieldWithADollarInItsNameAsAFieldTheFactDoesNotHave() {
        RuleDefinitionException e = failure(HEADER + rule("    $p : Purchase( tot$al > 1 )", "    earn.points(1, \"x\");"));

        RuleProblem p = onlyProblem(e, "conditions.drl", 6, "C-01 big baskets");
        assertThat(p.message()).isEqualTo("Purchase has no field 'tot$al' in constraint: tot$al > 1");
    }

    @Test
    void shouldSayASalienceRunsOnWhenWhenIsLostBetweenItAndTheConditions() {
        RuleDefinitionException e = failure(HEADER + """
                rule "C-02 lost when"
                    salience -50
                ||
                    $p : Purchase( total > 1 )
                then
                    earn.points(1, "x");
                end
                """);

        RuleProblem p = onlyProblem(e, "conditions.drl", 5, "C-02 lost when");
        assertThat(p.message()).isEqualTo("salience -50 runs on into the lines after it; is 'when' missing after the rule's attributes?");
    }

    @Test
    void shouldSayAConstraintThatIsAFieldAloneIsNotTrueOrFalse() {
        RuleDefinitionException e = failure(HEADER + rule("    ReferralQualified( reward )", "    earn.points(1, \"x\");"));

        RuleProblem p = onlyProblem(e, "conditions.drl", 6, "C-01 big baskets");
        assertThat(p.message()).isEqualTo("constraint reward is not true or false; compare a field with a value, such as reward == \"star\" "
                + "for text or total > 100 for a number");
    }

    @Test
    void shouldSuggestTheAccumulateFunctionAnUnknownOneIsATypoOf() {
        RuleDefinitionException e = failure(HEADER + rule("    $p : Purchase( )\n    $n : Number( intValue > 2 ) from accumulate( PurchaseLine( ), cout( 1 ) )",
                "    earn.points(1, \"x\");"));

        RuleProblem p = onlyProblem(e, "conditions.drl", 7, "C-01 big baskets");
        assertThat(p.message()).isEqualTo("accumulate function cout is not known; did you mean count?");
    }

    @Test
    void shouldListTheAccumulateFunctionsWhenAnUnknownOneIsLikeNone() {
        RuleDefinitionException e = failure(HEADER + rule("    $p : Purchase( )\n    $n : Number( ) from accumulate( PurchaseLine( ), median( 1 ) )",
                "    earn.points(1, \"x\");"));

        RuleProblem p = onlyProblem(e, "conditions.drl", 7, "C-01 big baskets");
        assertThat(p.message()).isEqualTo("accumulate function median is not known; the functions are average, collectList, collectSet, count, "
                + "max, min, standardDeviation, sum, variance");
    }

    @Test
    void shouldSayHowToQuoteAWordComparedAsIfItWereAField() {
        RuleDefinitionException e = failure(HEADER + rule("    $p : Purchase( channel == web )", "    earn.points(1, \"x\");"));

        RuleProblem p = onlyProblem(e, "conditions.drl", 6, "C-01 big baskets");
        assertThat(p.message()).isEqualTo("Purchase has no field 'web' in constraint: channel == web; to compare with the text web, quote it: "
                + "channel == \"web\"");
    }

    @Test
    void shouldSayTypographicQuotesAreNotReadAtTheFirstOfThem() {
        RuleDefinitionException e = failure(HEADER + rule("    $p : Purchase( channel == \u201Cweb\u201D )", "    earn.points(1, \"x\");"));

        RuleProblem p = onlyProblem(e, "conditions.drl", 6, "C-01 big baskets");
        assertThat(p.column()).isEqualTo(31);
        assertThat(p.message()).isEqualTo("syntax error: text quoted with typographic quotes (\u201C), as a word processor writes them, "
                + "which DRL does not read; write straight quotes, such as \"web\"");
    }

    @Test
    void shouldSayAnAmountWithACurrencySignIsWrittenAsTheNumberAlone() {
        RuleDefinitionException e = failure(HEADER + rule("    $p : Purchase( total > \u00A3100 )", "    earn.points(1, \"x\");"));

        assertThat(e.problems()).extracting(RuleProblem::line, RuleProblem::message).containsOnly(org.assertj.core.groups.Tuple.tuple(6,
                "\u00A3100 is an amount with a currency sign, which a constraint cannot read; write the number alone, such as 100 "
                        + "(amounts are in the program's currency)"));
    }

    @Test
    void shouldSayACommaSeparatesConstraintsWhenADecimalIsWrittenWithOne() {
        RuleDefinitionException e = failure(HEADER + rule("    $p : Purchase( total > 10,5 )", "    earn.points(1, \"x\");"));

        RuleProblem p = onlyProblem(e, "conditions.drl", 6, "C-01 big baskets");
        assertThat(p.message()).isEqualTo("constraint 5 is not true or false: a comma separates constraints, so a decimal is written with "
                + "a point, such as total > 10.5");
    }

    @Test
    void shouldReportABadRegularExpressionAtItsConstraintInTheWordsWritten() {
        RuleDefinitionException e = failure(HEADER + rule("    $p : Purchase( channel matches \"[\" )", "    earn.points(1, \"x\");"));

        RuleProblem p = onlyProblem(e, "conditions.drl", 6, "C-01 big baskets");
        assertThat(p.message()).isEqualTo("constraint channel matches \"[\" cannot be read: bad regular expression");
    }

    @Test
    void shouldSayAFactsFieldIsReadThroughItsGetterInAConsequence() {
        RuleDefinitionException e = failure(HEADER + rule("    $p : Purchase( )", "    earn.points(1, \"spent \" + $p.total);"));

        RuleProblem p = onlyProblem(e, "conditions.drl", 8, "C-01 big baskets");
        assertThat(p.message()).isEqualTo("the consequence (then part) does not compile: The field Purchase.total is not visible; "
                + "in a consequence, read it through its getter: getTotal()");
    }

    @Test
    void shouldNotBlameTypographicQuotesInsideQuotedTextForAnotherSyntaxError() {
        RuleDefinitionException e = failure(HEADER + rule("    $p : Purchase( channel == \"the \u201Cweb\u201D\" && )", "    earn.points(1, \"x\");"));

        assertThat(e.problems()).extracting(RuleProblem::message).isNotEmpty().noneMatch(m -> m.contains("typographic"));
    }
}
