package dev.loyalty.rules;

import static dev.loyalty.rules.MalformedDrlTest.HEADER;
import static dev.loyalty.rules.MalformedDrlTest.onlyProblem;
import static dev.loyalty.rules.MalformedDrlTest.ruleWith;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.core.RuleDefinitionException;
import dev.loyalty.core.RuleProblem;
import org.junit.jupiter.api.Test;

/**
 * What the files of one package declare for all of them (functions, globals, types and enums) is
 * declared once, or the same way in each file: a second declaration that differs is refused at its
 * line, naming the first, in one file or across two; and a rule reading from an entry point the
 * engine never feeds is refused at its pattern's line.
 */
class SharedDeclarationsTest {

    // HEADER is lines 1-3; what follows it starts on line 4
    private static final String RULE_A = ruleWith("A-01 a point");
    private static final String RULE_B = ruleWith("B-01 a point");

    private static RuleDefinitionException failure(String a, String b) {
        return Refusals.refused(DroolsRuleEngine.builder().drl("a.drl", a).drl("b.drl", b));
    }

    private static int campaignsBuilt(String a, String b) {
        try (DroolsRuleEngine engine = DroolsRuleEngine.builder().drl("a.drl", a).drl("b.drl", b).build()) {
            return engine.campaignSet().campaigns().size();
        }
    }

    @Test
    void shouldRefuseAFunctionDeclaredInTwoFilesAtTheSecondNamingTheFirst() {
        RuleDefinitionException e = failure(HEADER + "function int bonus() { return 1; }\n" + RULE_A,
                HEADER + "\n\nfunction int bonus() { return 2; }\n" + RULE_B);

        RuleProblem p = onlyProblem(e, "b.drl", 6, "");
        assertThat(p.message()).isEqualTo("function bonus is declared again; it is first declared at a.drl:4, and a package's functions "
                + "serve all its files, so give each function a name of its own");
    }

    @Test
    void shouldRefuseAFunctionDeclaredTwiceInOneFileAtTheSecondInsteadOfTheCompilersClassName() {
        RuleDefinitionException e = failure(HEADER + "function int bonus() { return 1; }\n\nfunction String bonus() { return \"2\"; }\n" + RULE_A,
                HEADER + RULE_B);

        RuleProblem p = onlyProblem(e, "a.drl", 6, "");
        assertThat(p.message()).startsWith("function bonus is declared again; it is first declared at a.drl:4,");
    }

    @Test
    void shouldAcceptFunctionsOfOneNameInTwoPackages() {
        assertThat(campaignsBuilt(HEADER + "function int bonus() { return 1; }\n" + RULE_A,
                HEADER.replace("package test;", "package other;") + "function int bonus() { return 2; }\n" + RULE_B)).isEqualTo(2);
    }

    @Test
    void shouldRefuseAGlobalDeclaredWithAnotherTypeInAnotherFileAtItsDeclaration() {
        RuleDefinitionException e = failure(HEADER + RULE_A, HEADER.replace("global dev.loyalty.rules.vocabulary.Earn earn;", "global java.lang.String earn;") + RULE_B);

        // the rules that call earn fail to compile too: the package's earn is a String now
        assertThat(e.problems()).filteredOn(p -> p.message().startsWith("global ")).singleElement()
                .extracting(RuleProblem::resource, RuleProblem::line, RuleProblem::message)
                .containsExactly("b.drl", 3, "global earn is declared here as java.lang.String, but as dev.loyalty.rules.vocabulary.Earn at "
                        + "a.drl:3; a package's global has one type for all its files, so declare it the same way in each");
    }

    @Test
    void shouldRefuseAGlobalDeclaredTwiceWithTwoTypesInOneFileThatDroolsWouldBuild() {
        RuleDefinitionException e = failure(HEADER + "global java.util.List earn;\n" + RULE_A, HEADER + RULE_B);

        RuleProblem p = onlyProblem(e, "a.drl", 4, "");
        assertThat(p.message()).startsWith("global earn is declared here as java.util.List, but as dev.loyalty.rules.vocabulary.Earn at a.drl:3;");
    }

    @Test
    void shouldAcceptAGlobalDeclaredInEachFileAsTheSameTypeWrittenWithOrWithoutItsPackage() {
        assertThat(campaignsBuilt(HEADER + RULE_A, HEADER.replace("global dev.loyalty.rules.vocabulary.Earn earn;", "global Earn earn;") + RULE_B))
                .isEqualTo(2);
    }

    @Test
    void shouldRefuseATypeDeclaredInTwoFilesWithOtherFieldsThatDroolsWouldBuild() {
        RuleDefinitionException e = failure(HEADER + "declare Basket\n    size : int\nend\n" + RULE_A,
                HEADER + "declare Basket\n    size : String\nend\n" + RULE_B);

        RuleProblem p = onlyProblem(e, "b.drl", 4, "");
        assertThat(p.message()).isEqualTo("type Basket is declared here as (size : String), but as (size : int) at a.drl:4; a package has "
                + "one type of a name for all its files, so declare it once, or the same way in each file");
    }

    @Test
    void shouldRefuseATypeDeclaredTwiceInOneFileAtTheSecondInsteadOfTheCompilersWords() {
        RuleDefinitionException e = failure(HEADER + "declare Basket\n    size : int\nend\ndeclare Basket\n    items : int\nend\n" + RULE_A, HEADER + RULE_B);

        RuleProblem p = onlyProblem(e, "a.drl", 7, "");
        assertThat(p.message()).startsWith("type Basket is declared here as (items : int), but as (size : int) at a.drl:4;");
    }

    @Test
    void shouldAcceptATypeDeclaredTheSameWayInEachFileThatUsesIt() {
        assertThat(campaignsBuilt(HEADER + "declare Basket\n    size : int\nend\n" + RULE_A,
                HEADER + "declare Basket\n    size : int\nend\n" + RULE_B)).isEqualTo(2);
    }

    @Test
    void shouldRefuseAnEnumDeclaredInTwoFilesWithOtherValues() {
        RuleDefinitionException e = failure(HEADER + "declare enum Colour\n    RED, GREEN;\nend\n" + RULE_A,
                HEADER + "declare enum Colour\n    BLUE;\nend\n" + RULE_B);

        RuleProblem p = onlyProblem(e, "b.drl", 4, "");
        assertThat(p.message()).startsWith("enum Colour is declared here as (BLUE), but as (RED, GREEN) at a.drl:4;");
    }

    @Test
    void shouldSayWhereAQueryDeclaredInTwoFilesIsFirstDeclared() {
        RuleDefinitionException e = failure(HEADER + "query \"baskets\"\n    Purchase( )\nend\n" + RULE_A,
                HEADER + "\nquery \"baskets\"\n    Purchase( )\nend\n" + RULE_B);

        RuleProblem p = onlyProblem(e, "b.drl", 5, "");
        assertThat(p.message()).isEqualTo("Duplicate rule name: baskets (first declared at a.drl:4)");
    }

    @Test
    void shouldSayWhereAQueryIsFirstDeclaredWhenARuleTakesItsName() {
        RuleDefinitionException e = failure(HEADER + RULE_A, HEADER + "query A01\n    Purchase( )\nend\n" + RULE_B.replace("B-01 a point", "A01"));

        assertThat(e.problems()).extracting(RuleProblem::message).anyMatch(m -> m.startsWith("Duplicate rule name: A01 (first declared at b.drl:"));
    }

    @Test
    void shouldRefuseAPatternReadFromAnEntryPointTheEngineNeverFeedsAtItsLine() {
        RuleDefinitionException e = failure(HEADER + RULE_A, HEADER + """
                rule "B-02 from elsewhere"
                when
                    $p : Purchase( ) from entry-point "web"
                then
                    earn.points(1, "x");
                end
                """);

        RuleProblem p = onlyProblem(e, "b.drl", 6, "B-02 from elsewhere");
        assertThat(p.message()).isEqualTo("from entry-point \"web\" is never fed: the engine inserts every fact into the default entry point, "
                + "so this rule would never fire; match the fact without from entry-point");
    }

    @Test
    void shouldRefuseAnEntryPointInsideAnAccumulateAtItsLine() {
        RuleDefinitionException e = failure(HEADER + RULE_A, HEADER + """
                rule "B-03 lines from elsewhere"
                when
                    $p : Purchase( )
                    Number( intValue > 1 ) from accumulate( PurchaseLine( ) from entry-point "web", count(1) )
                then
                    earn.points(1, "x");
                end
                """);

        RuleProblem p = onlyProblem(e, "b.drl", 7, "B-03 lines from elsewhere");
        assertThat(p.message()).startsWith("from entry-point \"web\" is never fed");
    }

    @Test
    void shouldAcceptAPatternReadFromTheDefaultEntryPoint() {
        assertThat(campaignsBuilt(HEADER + RULE_A, HEADER + """
                rule "B-04 from the default"
                when
                    $p : Purchase( ) from entry-point "DEFAULT"
                then
                    earn.points(1, "x");
                end
                """)).isEqualTo(2);
    }
}
