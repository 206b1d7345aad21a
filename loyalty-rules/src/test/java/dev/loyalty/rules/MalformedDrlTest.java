package dev.loyalty.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.loyalty.core.LoyaltyEngine;
import dev.loyalty.core.Outcome;
import dev.loyalty.core.RuleDefinitionException;
import dev.loyalty.core.RuleProblem;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.rules.vocabulary.Earn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of broken rule source is reported with its resource, line and rule, all at once. */
class MalformedDrlTest {

    // lines 1-3; a rule declared right after starts on line 4
    static final String HEADER = """
            package test;
            import dev.loyalty.rules.vocabulary.*;
            global dev.loyalty.rules.vocabulary.Earn earn;
            """;

    /** A rule with the attributes, one per line, that earns a point on any purchase. */
    static String ruleWith(String name, String... attributes) {
        StringBuilder drl = new StringBuilder("rule \"" + name + "\"\n");
        for (String attribute : attributes) {
            drl.append("    ").append(attribute).append('\n');
        }
        return drl + "when\n    $p : Purchase( )\nthen\n    earn.points(1, \"x\");\nend\n";
    }

    private static RuleDefinitionException failure(String name, String drl) {
        return catchThrowableOfType(RuleDefinitionException.class, () -> DroolsRuleEngine.builder().drl(name, drl).build());
    }

    /** Asserts that the build reported exactly one problem, at this file, line and rule, and returns it. */
    static RuleProblem onlyProblem(RuleDefinitionException e, String resource, int line, String rule) {
        assertThat(e.problems()).hasSize(1);
        RuleProblem problem = e.problems().get(0);
        assertThat(problem).extracting(RuleProblem::resource, RuleProblem::line, RuleProblem::rule).containsExactly(resource, line, rule);
        return problem;
    }

    @Test
    void shouldReportResourceLineAndRuleWhenAConstraintHasASyntaxError() {
        RuleDefinitionException e = failure("syntax.drl", HEADER + """
                rule "S-01 broken constraint"
                when
                    $p : Purchase( weekend == )
                then
                    earn.multiply($p, 2, "x");
                end
                """);

        RuleProblem p = onlyProblem(e, "syntax.drl", 6, "S-01 broken constraint");
        assertThat(p.column()).as("the closing parenthesis").isEqualTo(31);
        assertThat(e.getMessage()).contains("one syntax error can hide later errors");
    }

    @Test
    void shouldReportResourceLineAndRuleWhenAFactTypeIsUnknown() {
        RuleDefinitionException e = failure("type.drl", HEADER + """
                rule "T-01 typo in the fact type"
                when
                    $p : Purchse( total > 10 )
                then
                    earn.points(1, "x");
                end
                """);

        RuleProblem p = onlyProblem(e, "type.drl", 6, "T-01 typo in the fact type");
        assertThat(p.column()).as("the start of the pattern").isEqualTo(5);
        assertThat(p.message()).isEqualTo("'Purchse' is not a type the rules know; did you mean Purchase?");
        assertThat(e.getMessage()).doesNotContain("syntax error");
    }

    @Test
    void shouldListTheFactsWhenAPatternsTypeIsNothingLikeOne() {
        RuleDefinitionException e = failure("type.drl", HEADER + """
                rule "T-02 a type of another system"
                when
                    $o : Order( total > 10 )
                then
                    earn.points(1, "x");
                end
                """);

        RuleProblem p = onlyProblem(e, "type.drl", 6, "T-02 a type of another system");
        assertThat(p.message()).startsWith("'Order' is not a type the rules know: match the facts of dev.loyalty.rules.vocabulary (Purchase, "
                + "PurchaseLine, Member,").endsWith("), or import or declare the type");
    }

    @Test
    void shouldSayAnActionGoesAfterThenWhenItStandsAmongTheConditions() {
        RuleDefinitionException e = failure("then.drl", HEADER + """
                rule "T-03 action above then"
                when
                    $p : Purchase( )
                    earn.points(1, "x");
                then
                end
                """);

        RuleProblem p = onlyProblem(e, "then.drl", 7, "T-03 action above then");
        assertThat(p.message()).isEqualTo("'earn.points' stands among the conditions, where a fact belongs: an action goes after 'then'");
    }

    @Test
    void shouldReportTheLineOfTheCallWhenAnEarnMethodDoesNotExist() {
        RuleDefinitionException e = failure("method.drl", HEADER + """
                rule "M-01 no such action"
                when
                    $p : Purchase( )
                then
                    earn.triple($p, "x");
                end
                """);

        RuleProblem p = onlyProblem(e, "method.drl", 8, "M-01 no such action");
        assertThat(p.message()).contains("triple").contains("Earn");
    }

    @Test
    void shouldReportTheLineOfTheCallAndListTheActionsWhenAnMvelConsequenceCallsAnUnknownAction() {
        RuleDefinitionException e = failure("mvel.drl", HEADER + """
                rule "M-02 no such action in MVEL"
                    dialect "mvel"
                when
                    $p : Purchase( )
                then
                    earn.triple($p, 3, "Triple points");
                end
                """);

        RuleProblem p = onlyProblem(e, "mvel.drl", 9, "M-02 no such action in MVEL");
        assertThat(p.message()).contains("triple").contains("Earn").contains("(earn's actions are base, bonus, capPerDay")
                .doesNotContain("[Near").doesNotContain("strict-mode");
    }

    @Test
    void shouldReportOnlyTheFunctionWhenAFunctionDoesNotCompile() {
        // Drools also reports the function's generated import, and every rule of the package as not compiling because of it
        RuleDefinitionException e = failure("function.drl", HEADER + """
                function int bonusFor(int items) {
                    return "many";
                }
                rule "F-01 uses the function"
                when
                    $p : Purchase( )
                then
                    earn.points(bonusFor($p.getLineCount()), "Points per line");
                end
                rule "F-02 does not use it"
                when
                    $p : Purchase( )
                then
                    earn.points(1, "One point");
                end
                """);

        RuleProblem p = onlyProblem(e, "function.drl", 4, "");
        assertThat(p.message()).isEqualTo("function bonusFor does not compile: Type mismatch: cannot convert from String to int");
    }

    @Test
    void shouldReportTheDrlLineOfAStatementThatDoesNotCompileInTheConsequence() {
        RuleDefinitionException e = failure("java.drl", HEADER + """
                rule "J-01 text from a number"
                when
                    $p : Purchase( )
                then

                    int points = 10;
                    String reason = points;
                    earn.points(points, "x");
                end
                """);

        RuleProblem p = onlyProblem(e, "java.drl", 10, "J-01 text from a number");
        assertThat(p.message()).contains("cannot convert from int to String");
    }

    @Test
    void shouldNameTheTypeAndFieldWhenAConstraintUsesAFieldThatDoesNotExist() {
        RuleDefinitionException e = failure("field.drl", HEADER + """
                rule "F-01 no such field"
                when
                    $l : PurchaseLine( colour == "red" )
                then
                    earn.exclude($l, "x");
                end
                """);

        RuleProblem p = onlyProblem(e, "field.drl", 6, "F-01 no such field");
        assertThat(p.message()).isEqualTo("PurchaseLine has no field 'colour' in constraint: colour == \"red\"");
    }

    @Test
    void shouldReportTheLineOfAConstraintThatComparesIncompatibleTypes() {
        RuleDefinitionException e = failure("types.drl", HEADER + """
                rule "T-02 boolean compared with a number"
                when
                    $p : Purchase( total > 10,
                                   weekend == 3 )
                then
                    earn.base($p, 1, "x");
                end
                """);

        RuleProblem p = onlyProblem(e, "types.drl", 7, "T-02 boolean compared with a number");
        assertThat(p.message()).contains("weekend == 3");
    }

    @Test
    void shouldReportTheLineOfTheCallWhenAnActionGetsArgumentsOfTheWrongType() {
        RuleDefinitionException e = failure("args.drl", HEADER + """
                rule "A-01 points as text"
                when
                    Purchase( )
                then
                    earn.points("ten", "x");
                end
                """);

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(8);
            assertThat(p.rule()).isEqualTo("A-01 points as text");
        });
    }

    @Test
    void shouldRefuseASalienceWrittenAsTextAtItsLine() {
        RuleDefinitionException e = failure("salience.drl", HEADER + ruleWith("S-02 salience as text", "salience \"high\""));

        RuleProblem p = onlyProblem(e, "salience.drl", 5, "S-02 salience as text");
        assertThat(p.message()).startsWith("salience \"high\" is not a number");
    }

    @Test
    void shouldRefuseANumberFieldComparedWithTextAtItsLine() {
        RuleDefinitionException e = failure("text.drl", HEADER + """
                rule "T-03 total compared with text"
                when
                    $p : Purchase( weekend == false,
                                   total > "abc" )
                then
                    earn.points(1, "x");
                end
                """);

        RuleProblem p = onlyProblem(e, "text.drl", 7, "T-03 total compared with text");
        assertThat(p.message()).startsWith("'total' is a number, but constraint total > \"abc\" compares it with text");
    }

    @Test
    void shouldRefuseAnOfferWithAnEmptyReasonAtItsLine() {
        // an offer is proposed only in the sweep: without this check the empty reason would fail the member's sweep, not the build
        RuleDefinitionException e = failure("offer.drl", """
                package test;
                import dev.loyalty.rules.vocabulary.*;
                global dev.loyalty.rules.vocabulary.Offers offers;
                rule "W-01 win-back without a reason"
                when
                    $d : Dormant( days >= 90 )
                then
                    offers.discount($d, "WINBACK-90", 10, 30, "");
                end
                """);

        RuleProblem p = onlyProblem(e, "offer.drl", 8, "W-01 win-back without a reason");
        assertThat(p.message()).startsWith("offers.discount is given no reason");
    }

    @Test
    void shouldBuildARuleWhenItsReasonMentionsAnUpdateInParentheses() {
        // the text of a reason is shown to members; it changes no fact, whatever words it holds
        String drl = HEADER + """
                rule "PROF-01 thanks for completing the profile"
                when
                    ProfileChange( )
                then
                    earn.points(50, "Thanks for your profile update (birthday added)");
                end
                """;

        try (DroolsRuleEngine rules = DroolsRuleEngine.builder().drl("profile.drl", drl).build()) {
            assertThat(rules.campaignSet().campaigns()).extracting(Campaign::id).containsExactly("PROF-01");
        }
    }

    @Test
    void shouldReportTheLineOfAnEmptyReasonWhenTheRuleNameContainsThen() {
        RuleDefinitionException e = failure("then.drl", HEADER + """
                rule "T-01 spend more then save"
                when
                    $p : Purchase( )
                then
                    earn.points(1, "One point");
                    earn.points(2, "");
                end
                """);

        RuleProblem p = onlyProblem(e, "then.drl", 9, "T-01 spend more then save");
        assertThat(p.message()).startsWith("earn.points is given no reason");
    }

    @Test
    void shouldRefuseARuleInAnAgendaGroupWithoutAutoFocusAtItsLine() {
        RuleDefinitionException e = failure("agenda.drl", HEADER + ruleWith("G-01 promo group", "salience 10", "agenda-group \"promo\""));

        RuleProblem p = onlyProblem(e, "agenda.drl", 6, "G-01 promo group");
        assertThat(p.message()).contains("would never fire").contains("auto-focus true");
    }

    @Test
    void shouldAcceptARuleInAnAgendaGroupThatTakesTheFocusItself() {
        for (String focus : new String[] {"auto-focus true", "auto-focus"}) {
            try (DroolsRuleEngine engine = DroolsRuleEngine.builder().drl("focus.drl", HEADER + ruleWith("G-02 promo group with focus", "agenda-group \"promo\"", "%s").formatted(focus)).build()) {
                assertThat(engine.campaignSet().campaigns()).hasSize(1);
            }
        }
    }

    @Test
    void shouldRefuseARuleInARuleflowGroupWithoutAutoFocusAtItsLine() {
        RuleDefinitionException e = failure("flow.drl", HEADER + ruleWith("G-03 promo flow", "salience 10", "ruleflow-group \"promo\""));

        RuleProblem p = onlyProblem(e, "flow.drl", 6, "G-03 promo flow");
        assertThat(p.message()).isEqualTo("ruleflow-group \"promo\" is never given the focus: the engine runs no process, so this rule "
                + "would never fire; add auto-focus true or remove the ruleflow-group");
    }

    @Test
    void shouldRefuseARuleflowGroupAtItsLineWhenTheRuleAlsoNamesTheMainAgendaGroup() {
        // Drools puts the rule in its ruleflow-group's agenda group, whatever its agenda-group says
        RuleDefinitionException e = failure("flow.drl", HEADER + ruleWith("G-04 promo flow in MAIN", "agenda-group \"MAIN\"", "ruleflow-group \"promo\""));

        RuleProblem p = onlyProblem(e, "flow.drl", 6, "G-04 promo flow in MAIN");
        assertThat(p.message()).startsWith("ruleflow-group \"promo\" is never given the focus");
    }

    @Test
    void shouldAcceptARuleInARuleflowGroupThatTakesTheFocusItself() {
        try (DroolsRuleEngine engine = DroolsRuleEngine.builder().drl("flow.drl", HEADER + ruleWith("G-05 promo flow with focus", "ruleflow-group \"promo\"", "auto-focus true")).build()) {
            assertThat(engine.campaignSet().campaigns()).hasSize(1);
        }
    }

    @Test
    void shouldNameTheFileWhenItHoldsOnlyAPackageImportsAndComments() {
        RuleDefinitionException e = catchThrowableOfType(RuleDefinitionException.class, () -> DroolsRuleEngine.builder()
                .drl("sound.drl", HEADER + """
                        rule "R-01 one point" when Purchase( ) then earn.points(1, "x"); end
                        """)
                .drl("later.drl", """
                        // the summer campaigns go here
                        package test;
                        import dev.loyalty.rules.vocabulary.*;
                        """)
                .build());

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.resource()).isEqualTo("later.drl");
            assertThat(p.message()).startsWith("no rules");
        });
    }

    @Test
    void shouldNameTheFileWhenItIsEmpty() {
        RuleDefinitionException e = catchThrowableOfType(RuleDefinitionException.class, () -> DroolsRuleEngine.builder()
                .drl("sound.drl", HEADER + """
                        rule "R-01 one point" when Purchase( ) then earn.points(1, "x"); end
                        """)
                .drl("empty.drl", "")
                .build());

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.resource()).isEqualTo("empty.drl");
            assertThat(p.message()).startsWith("no rules");
        });
    }

    @Test
    void shouldReportTheLineOfAMalformedDateWhenTheRuleNameHoldsEscapedQuotes() {
        RuleDefinitionException e = failure("quotes.drl", HEADER + """
                rule "Q-01 the \\"best\\" deal" @activeFrom("1st of April")
                when
                    $p : Purchase( )
                then
                    earn.points(1, "One point");
                end
                """);

        RuleProblem p = onlyProblem(e, "quotes.drl", 4, "Q-01 the \"best\" deal");
        assertThat(p.message()).startsWith("@activeFrom(\"1st of April\") is not a date");
    }

    @Test
    void shouldReportTheLineAndRuleOfAMetadataKeyGivenTwiceOnOneRule() {
        RuleDefinitionException e = failure("twice.drl", HEADER + """
                rule "OWN-01 two owners"
                    @name("Owners")
                    @owner("marketing@example.com")
                    @owner("growth@example.com")
                when
                    $p : Purchase( )
                then
                    earn.points(1, "One point");
                end
                """);

        RuleProblem p = onlyProblem(e, "twice.drl", 7, "OWN-01 two owners");
        assertThat(p.message()).contains("owner");
    }

    @Test
    void shouldSuggestTheKnownKeyWhenAMetadataKeyIsMisspelled() {
        RuleDefinitionException e = failure("meta.drl", HEADER + ruleWith("K-01 spring", "@owner(\"marketing\") @team(\"growth\")", "@actveFrom(\"2026-04-01\")"));

        RuleProblem p = onlyProblem(e, "meta.drl", 6, "K-01 spring");
        assertThat(p.message()).isEqualTo("unknown metadata @actveFrom; did you mean @activeFrom?");
    }

    @Test
    void shouldReportAnUnknownImportOnceAtItsLine() {
        RuleDefinitionException e = failure("import.drl", HEADER + """

                import dev.loyalty.rules.vocabulary.Nope;

                rule "I-01 first" when $p : Purchase( ) then earn.points(1, "x"); end
                rule "I-02 second" when $p : Purchase( ) then earn.points(2, "x"); end
                """);

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.resource()).isEqualTo("import.drl");
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.message()).contains("dev.loyalty.rules.vocabulary.Nope");
        });
    }

    @Test
    void shouldListEveryProblemOfEveryFileWhenSeveralFilesAreBroken() {
        RuleDefinitionException e = catchThrowableOfType(RuleDefinitionException.class, () -> DroolsRuleEngine.builder()
                .drl("b.drl", HEADER + """
                        rule "B-01 no such field"
                        when
                            $l : PurchaseLine( colour == "red" )
                        then
                        end

                        rule "B-02 no such action"
                        when
                            Purchase( )
                        then
                            earn.nope();
                        end
                        """)
                .drl("a.drl", HEADER + """
                        rule "A-01 unknown type"
                        when
                            Basket( )
                        then
                        end
                        """)
                .build());

        assertThat(e.problems()).extracting(RuleProblem::resource, RuleProblem::line, RuleProblem::rule).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a.drl", 6, "A-01 unknown type"),
                org.assertj.core.groups.Tuple.tuple("b.drl", 6, "B-01 no such field"),
                org.assertj.core.groups.Tuple.tuple("b.drl", 14, "B-02 no such action"));
        assertThat(e.getMessage()).startsWith("3 problems in campaign rules");
    }

    @Test
    void shouldReportTheDuplicateOnceWhenTwoRulesShareAName() {
        RuleDefinitionException e = failure("twice.drl", HEADER + """
                rule "D-01 twice"
                when
                    Purchase( )
                then
                end
                rule "D-01 twice"
                when
                    Purchase( )
                then
                end
                """);

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.rule()).isEqualTo("D-01 twice");
            assertThat(p.message()).contains("Duplicate rule name");
        });
    }

    @Test
    void shouldNameTheFirstDeclarationWhenTwoFilesOfOnePackageDeclareOneRule() {
        String rule = HEADER + """
                rule "D-02 in two files"
                when
                    Purchase( )
                then
                end
                """;

        assertThatThrownBy(() -> DroolsRuleEngine.builder().drl("a.drl", rule).drl("b.drl", rule).build())
                .isInstanceOfSatisfying(RuleDefinitionException.class, e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.resource()).isEqualTo("b.drl");
                    assertThat(p.line()).isEqualTo(4);
                    assertThat(p.message()).contains("Duplicate rule name").endsWith("(first declared at a.drl:4)");
                }));
    }

    @Test
    void shouldNameTheFirstDeclarationNotACommentedOutOneWhenTwoFilesDeclareOneRule() {
        String rule = """
                rule "D-03 in two files"
                when
                    Purchase( )
                then
                end
                """;
        String first = HEADER + "/*\nrule \"D-03 in two files\" used to give 2 points\n*/\n" + rule;

        assertThatThrownBy(() -> DroolsRuleEngine.builder().drl("a.drl", first).drl("b.drl", HEADER + rule).build())
                .isInstanceOfSatisfying(RuleDefinitionException.class, e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.resource()).isEqualTo("b.drl");
                    assertThat(p.message()).contains("Duplicate rule name").endsWith("(first declared at a.drl:7)");
                }));
    }

    @Test
    void shouldReportARuleWithAnEmptyNameAtItsLine() {
        RuleDefinitionException e = failure("nameless.drl", HEADER + """
                rule "A-01 named" when Purchase( ) then earn.points(1, "x"); end
                rule ""
                when
                    Purchase( )
                then
                    earn.points(1, "x");
                end
                """);

        RuleProblem p = onlyProblem(e, "nameless.drl", 5, "");
        assertThat(p.message()).contains("no name");
    }

    @Test
    void shouldReportAGlobalEarnOfAnotherTypeAtItsLine() {
        RuleDefinitionException e = failure("global.drl", """
                package test;
                import dev.loyalty.rules.vocabulary.*;
                global java.util.List earn;
                rule "G-01 any purchase"
                when
                    Purchase( )
                then
                end
                """);

        RuleProblem p = onlyProblem(e, "global.drl", 3, "");
        assertThat(p.message()).contains("earn").contains("java.util.List").contains(Earn.class.getName());
    }

    @Test
    void shouldReportARuleNameDeclaredInTwoPackages() {
        String rule = """
                import dev.loyalty.rules.vocabulary.*;
                global dev.loyalty.rules.vocabulary.Earn earn;

                rule "P-01 one name, two rules"
                when
                    Purchase( )
                then
                    earn.points(1, "x");
                end
                """;
        RuleDefinitionException e = catchThrowableOfType(RuleDefinitionException.class, () -> DroolsRuleEngine.builder()
                .drl("spring.drl", "package spring;\n" + rule).drl("summer.drl", "package summer;\n" + rule).build());

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.resource()).isIn("spring.drl", "summer.drl");
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.rule()).isEqualTo("P-01 one name, two rules");
            assertThat(p.message()).contains("also declared in package").contains("a name of its own");
        });
    }

    @Test
    void shouldNameThePathWhenAClassPathResourceIsMissing() {
        assertThatThrownBy(() -> DroolsRuleEngine.builder().classpath("campaigns/missing.drl").build())
                .isInstanceOfSatisfying(RuleDefinitionException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> {
                            assertThat(p.resource()).isEqualTo("campaigns/missing.drl");
                            assertThat(p.message()).contains("no such class-path resource");
                        }));
    }

    @Test
    void shouldNameThePathWhenADirectoryDoesNotExist(@TempDir Path temp) {
        Path missing = temp.resolve("nowhere");

        assertThatThrownBy(() -> DroolsRuleEngine.builder().directory(missing).build())
                .isInstanceOfSatisfying(RuleDefinitionException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> {
                            assertThat(p.resource()).isEqualTo(missing.toString());
                            assertThat(p.message()).isEqualTo("no such directory");
                        }));
    }

    @Test
    void shouldNameThePathWhenADirectoryHoldsNoDrl(@TempDir Path temp) throws Exception {
        Files.writeString(temp.resolve("notes.txt"), "not a rule");

        assertThatThrownBy(() -> DroolsRuleEngine.builder().directory(temp).build())
                .isInstanceOfSatisfying(RuleDefinitionException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> {
                            assertThat(p.resource()).isEqualTo(temp.toString());
                            assertThat(p.message()).contains("no .drl files");
                        }));
    }

    @Test
    void shouldNameTheFileWhenItIsNotUtf8(@TempDir Path temp) throws Exception {
        Path file = temp.resolve("latin1.drl");
        Files.write(file, new byte[] {'r', 'u', 'l', 'e', ' ', (byte) 0xE9});

        assertThatThrownBy(() -> DroolsRuleEngine.builder().directory(temp).build())
                .isInstanceOfSatisfying(RuleDefinitionException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> {
                            assertThat(p.resource()).isEqualTo(file.toString());
                            assertThat(p.message()).contains("UTF-8");
                        }));
    }

    /** A declared type, at lines 4-6 after the header, whose field x, at line 5, defaults to an expression that fails. */
    static final String FAILING_DEFAULT = """
            declare Thing
                x : int = Integer.parseInt("z")
            end
            """;

    /** What is said of {@link #FAILING_DEFAULT}. */
    static final String FAILING_DEFAULT_PROBLEM = "declared type Thing cannot be loaded: the default value of its field x "
            + "(Integer.parseInt(\"z\")) does not compile or fails when evaluated";

    /** A rule, at line 7 after the header and a declared type, that matches a Thing. */
    private static final String RULE_USING_THING = """
            rule "D-02 uses a thing"
            when
                Thing( x > 0 )
                $p : Purchase( )
            then
                earn.points(1, "x");
            end
            """;

    @Test
    void shouldSayAtTheFieldThatAFieldDefaultOfADeclaredTypeFails() {
        RuleDefinitionException e = failure("declare.drl", HEADER + FAILING_DEFAULT + ruleWith("D-01 fine"));

        assertThat(onlyProblem(e, "declare.drl", 5, "").message()).isEqualTo(FAILING_DEFAULT_PROBLEM);
    }

    @Test
    void shouldSayAtTheFieldThatAFieldDefaultFailsWhenARuleUsesTheDeclaredType() {
        RuleDefinitionException e = failure("declare.drl", HEADER + FAILING_DEFAULT + RULE_USING_THING);

        assertThat(onlyProblem(e, "declare.drl", 5, "").message()).isEqualTo(FAILING_DEFAULT_PROBLEM);
    }

    @Test
    void shouldSayAtTheFieldThatAFieldDefaultFailsWhenItIsNotTheFirstFieldOfTheDeclaredType() {
        RuleDefinitionException e = failure("declare.drl", HEADER + """
                declare Thing
                    a : int

                    b : String
                    x : int = Integer.parseInt("z")
                end
                """ + ruleWith("D-05 fine"));

        assertThat(onlyProblem(e, "declare.drl", 8, "").message()).isEqualTo(FAILING_DEFAULT_PROBLEM);
    }

    /** A declared type, at lines 4-8 after the header, with three defaulted fields; points, at line 6, defaults to a string. */
    private static final String SECOND_OF_THREE_DEFAULTS_FAILS = """
            declare Bonus
                label : String = "x"
                points : int = "abc"
                rate : double = 1.5
            end
            """;

    /** What is said of {@link #SECOND_OF_THREE_DEFAULTS_FAILS}. */
    private static final String SECOND_OF_THREE_DEFAULTS_PROBLEM = "declared type Bonus cannot be loaded: the default value of its "
            + "field points (\"abc\") does not compile or fails when evaluated";

    @Test
    void shouldSayAtTheFailingFieldWhenSeveralFieldsOfADeclaredTypeHaveDefaults() {
        RuleDefinitionException e = failure("declare.drl", HEADER + SECOND_OF_THREE_DEFAULTS_FAILS + ruleWith("D-06 fine"));

        assertThat(onlyProblem(e, "declare.drl", 6, "").message()).isEqualTo(SECOND_OF_THREE_DEFAULTS_PROBLEM);
    }

    @Test
    void shouldSayAtTheFailingFieldWhenSeveralFieldsHaveDefaultsAndARuleUsesTheDeclaredType() {
        RuleDefinitionException e = failure("declare.drl", HEADER + SECOND_OF_THREE_DEFAULTS_FAILS + """
                rule "D-07 uses a bonus"
                when
                    Bonus( points > 0 )
                    $p : Purchase( )
                then
                    earn.points(1, "x");
                end
                """);

        assertThat(onlyProblem(e, "declare.drl", 6, "").message()).isEqualTo(SECOND_OF_THREE_DEFAULTS_PROBLEM);
    }

    @Test
    void shouldSayAtEachFailingFieldWhenSeveralDefaultsOfADeclaredTypeFail() {
        RuleDefinitionException e = failure("declare.drl", HEADER + """
                declare Bonus
                    label : String = "x"
                    points : int = "abc"
                    count : int = Integer.parseInt("z")
                end
                """ + ruleWith("D-08 fine"));

        assertThat(e.problems()).extracting(RuleProblem::resource, RuleProblem::line, RuleProblem::rule, RuleProblem::message)
                .containsExactly(
                        tuple("declare.drl", 6, "", SECOND_OF_THREE_DEFAULTS_PROBLEM),
                        tuple("declare.drl", 7, "", "declared type Bonus cannot be loaded: the default value of its field count "
                                + "(Integer.parseInt(\"z\")) does not compile or fails when evaluated"));
    }

    @Test
    void shouldKeepWhatTheJvmThrewAsTheCauseWhenADeclaredTypeCannotBeLoaded() {
        RuleDefinitionException e = failure("declare.drl", HEADER + FAILING_DEFAULT + RULE_USING_THING);

        assertThat(e).hasCauseInstanceOf(VerifyError.class);
    }

    @Test
    void shouldSayAtTheFieldThatAFieldDefaultOfTheWrongTypeFailsWhenARuleUsesTheDeclaredType() {
        RuleDefinitionException e = failure("declare.drl", HEADER + FAILING_DEFAULT.replace("Integer.parseInt(\"z\")", "\"a\"")
                + RULE_USING_THING);

        assertThat(onlyProblem(e, "declare.drl", 5, "").message())
                .isEqualTo(FAILING_DEFAULT_PROBLEM.replace("Integer.parseInt(\"z\")", "\"a\""));
    }

    @Test
    void shouldSayAtItsDeclarationThatADeclaredTypeCannotExtendAFinalClass() {
        RuleDefinitionException e = failure("declare.drl", HEADER + """
                declare Thing extends java.lang.String
                    x : int
                end
                """ + ruleWith("D-03 fine"));

        assertThat(onlyProblem(e, "declare.drl", 4, "").message())
                .isEqualTo("declared type Thing cannot be loaded: class test.Thing cannot inherit from final class java.lang.String");
    }

    @Test
    void shouldSayAtItsDeclarationThatADeclaredTypeExtendsATypeThatCannotBeFound() {
        RuleDefinitionException e = failure("declare.drl", HEADER + """
                declare Thing extends Nope
                    x : int
                end
                """ + ruleWith("D-04 fine"));

        assertThat(onlyProblem(e, "declare.drl", 4, "").message())
                .isEqualTo("declared type Thing extends Nope, which is neither declared in the rules nor a class that can be found");
    }

    @Test
    void shouldFailWhenNoSourceIsGiven() {
        assertThatThrownBy(() -> DroolsRuleEngine.builder().build())
                .isInstanceOf(RuleDefinitionException.class)
                .hasMessageContaining("no DRL");
    }

    @Test
    void shouldNameTheResourceWhenTwoSourcesShareAName() {
        assertThatThrownBy(() -> DroolsRuleEngine.builder().drl("same.drl", HEADER).drl("same.drl", HEADER).build())
                .isInstanceOfSatisfying(RuleDefinitionException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p.resource()).isEqualTo("same.drl")));
    }

    @Test
    void shouldReportStrayTextAfterTheLastRuleAtItsOwnLineAndNotAsPartOfTheRule() {
        RuleDefinitionException e = failure("stray.drl", HEADER + ruleWith("S-09 fine") + "garbage here\n");

        RuleProblem p = onlyProblem(e, "stray.drl", 10, "");
        assertThat(p.column()).isEqualTo(1);
        assertThat(p.message()).isEqualTo("syntax error: 'garbage here' stands after the last rule's end, outside any rule");
    }

    @Test
    void shouldNotCallARuleWithoutItsEndStrayText() {
        RuleDefinitionException e = failure("open.drl", HEADER + ruleWith("S-10 fine") + """
                rule "S-11 never ended"
                when
                    $p : Purchase( )
                then
                    earn.points(1, "x");
                """);

        assertThat(e.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.message()).doesNotContain("outside any rule"));
    }

    /** An MVEL rule that keeps a constant in a typed local and awards it, each rule 8 lines long. */
    static String mvelRuleKeeping(String name, String local) {
        return "rule \"" + name + "\"\n    dialect \"mvel\"\nwhen\n    $p : Purchase( )\nthen\n    " + local
                + "\n    earn.points(n, \"" + name + "\");\nend\n";
    }

    @Test
    void shouldRefuseAConstantNaNKeptInALongLocalOfAnMvelConsequenceWhenTheRulesAreBuilt() {
        // MVEL folds 0 / 0 to NaN and converts it to the local's long once, while building: it was 0 points
        RuleDefinitionException e = failure("nan.drl", HEADER + mvelRuleKeeping("N-01 nothing kept in a long", "long n = 0 / 0;"));

        RuleProblem p = onlyProblem(e, "nan.drl", 9, "N-01 nothing kept in a long");
        assertThat(p.message()).contains("NaN");
    }

    @Test
    void shouldRefuseAConstantNaNKeptInAnIntLocalOfAnMvelConsequenceWhenTheRulesAreBuilt() {
        RuleDefinitionException e = failure("nan.drl", HEADER + mvelRuleKeeping("N-02 nothing kept in an int", "int n = 0 / 0;"));

        RuleProblem p = onlyProblem(e, "nan.drl", 9, "N-02 nothing kept in an int");
        assertThat(p.message()).contains("NaN");
    }

    @Test
    void shouldRefuseEveryRuleKeepingAConstantNaNInAPackageLargeEnoughForDroolsToBuildInParallel() {
        // Drools builds the rules of a package of more than 10 rules on its shared pool of compiler threads
        StringBuilder drl = new StringBuilder(HEADER);
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= 16; i++) {
            String name = "N-P" + i + " nothing kept";
            names.add(name);
            drl.append(mvelRuleKeeping(name, i % 2 == 0 ? "long n = 0 / 0;" : "int n = 0 / 0;"));
        }

        RuleDefinitionException e = failure("many.drl", drl.toString());

        assertThat(e.problems()).extracting(RuleProblem::rule).containsExactlyInAnyOrderElementsOf(names);
        assertThat(e.problems()).allSatisfy(p -> {
            assertThat(p.resource()).isEqualTo("many.drl");
            assertThat(p.line()).as("the line of the local").isEqualTo(9 + 8 * names.indexOf(p.rule()));
            assertThat(p.message()).contains("NaN");
        });
    }

    @Test
    void shouldBuildAndEvaluateAPackageOfManyMvelRulesKeepingWholeConstantsOfADivisionInLongLocals() {
        // 10 / 4 is 2.5 in MVEL, which the long local makes 2, as before; only NaN is refused
        StringBuilder drl = new StringBuilder(HEADER);
        List<Tuple> expected = new ArrayList<>();
        for (int i = 1; i <= 16; i++) {
            String name = "W-" + i + " two points";
            drl.append(mvelRuleKeeping(name, i % 2 == 0 ? "long n = 10 / 4;" : "int n = 10 / 4;"));
            expected.add(Shop.award(name, 2));
        }

        try (DroolsRuleEngine rules = DroolsRuleEngine.builder().drl("many.drl", drl.toString()).build()) {
            LoyaltyEngine engine = Shop.engine(rules);
            MemberId member = Shop.enrol(engine, "member");
            Outcome outcome = engine.process(Shop.purchase(member, Shop.london("2024-03-05T12:00"))
                    .line("KITCHEN-1", "kitchen", 1, Shop.gbp("10.00")).build());

            assertThat(Shop.awards(outcome)).containsExactlyInAnyOrderElementsOf(expected);
        }
    }
}
