package dev.loyalty.rules;

import static dev.loyalty.rules.Shop.award;
import static dev.loyalty.rules.Shop.awards;
import static dev.loyalty.rules.Shop.enrol;
import static dev.loyalty.rules.Shop.gbp;
import static dev.loyalty.rules.Shop.london;
import static dev.loyalty.rules.Shop.purchase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.loyalty.core.LoyaltyEngine;
import dev.loyalty.core.Outcome;
import dev.loyalty.core.RuleDefinitionException;
import dev.loyalty.core.RuleProblem;
import dev.loyalty.core.model.MemberId;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Campaign files saved with Windows (CRLF) or old Mac (CR) line breaks load like LF files, and
 * their problems are reported at the lines an editor shows.
 */
class LineEndingsTest {

    private static final String BASE = MalformedDrlTest.HEADER + """
            rule "E-BASE two points per pound"
                @budget(1000)
            when
                $p : Purchase( )
            then
                earn.base($p, 2, "2 points per pound");
            end
            """;

    /** The line breaks other than LF that editors write. */
    enum LineBreak {
        /** Windows. */
        CRLF("\r\n"),
        /** Classic Mac OS. */
        CR("\r");

        private final String text;

        LineBreak(String text) {
            this.text = text;
        }
    }

    /** The text with each LF replaced by the line break. */
    private static String withBreaks(String drl, LineBreak lineBreak) {
        return drl.replace("\n", lineBreak.text);
    }

    private static RuleProblem onlyProblem(String drl, LineBreak lineBreak) {
        RuleDefinitionException e = catchThrowableOfType(RuleDefinitionException.class,
                () -> DroolsRuleEngine.builder().drl("broken.drl", withBreaks(drl, lineBreak)).build());
        assertThat(e).as("the build fails").isNotNull();
        assertThat(e.problems()).hasSize(1);
        return e.problems().get(0);
    }

    @ParameterizedTest
    @EnumSource(LineBreak.class)
    void shouldLoadACampaignFileWhateverItsLineBreaks(LineBreak lineBreak, @TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("base.drl"), withBreaks(BASE, lineBreak));

        try (DroolsRuleEngine rules = DroolsRuleEngine.builder().directory(dir).build();
             LoyaltyEngine engine = Shop.engine(rules)) {
            MemberId member = enrol(engine, "member");
            Outcome outcome = engine.process(purchase(member, london("2024-03-05T12:00")).line("S-1", "shoes", 1, gbp("30.00")).build());

            assertThat(awards(outcome)).containsExactly(award("E-BASE two points per pound", 60));
            assertThat(rules.campaignSet().campaigns()).extracting(Campaign::budget).containsExactly(1000L);
        }
    }

    @ParameterizedTest
    @EnumSource(LineBreak.class)
    void shouldReportTheLineOfASyntaxErrorWhateverTheLineBreaks(LineBreak lineBreak) {
        RuleProblem problem = onlyProblem(MalformedDrlTest.HEADER + """
                rule "S-01 broken constraint"
                when
                    $p : Purchase( weekend == )
                then
                    earn.multiply($p, 2, "x");
                end
                """, lineBreak);

        assertThat(problem).extracting(RuleProblem::resource, RuleProblem::line, RuleProblem::rule)
                .containsExactly("broken.drl", 6, "S-01 broken constraint");
    }

    @ParameterizedTest
    @EnumSource(LineBreak.class)
    void shouldReportTheLineOfAnUnknownFactTypeWhateverTheLineBreaks(LineBreak lineBreak) {
        RuleProblem problem = onlyProblem(MalformedDrlTest.HEADER + """
                rule "T-01 typo in the fact type"
                when
                    $p : Purchse( total > 10 )
                then
                    earn.points(1, "x");
                end
                """, lineBreak);

        assertThat(problem).extracting(RuleProblem::resource, RuleProblem::line, RuleProblem::rule)
                .containsExactly("broken.drl", 6, "T-01 typo in the fact type");
    }

    @ParameterizedTest
    @EnumSource(LineBreak.class)
    void shouldReportTheLineOfAConsequenceThatDoesNotCompileWhateverTheLineBreaks(LineBreak lineBreak) {
        RuleProblem problem = onlyProblem(MalformedDrlTest.HEADER + """
                rule "J-01 text from a number"
                when
                    $p : Purchase( )
                then

                    int points = 10;
                    String reason = points;
                    earn.points(points, "x");
                end
                """, lineBreak);

        assertThat(problem).extracting(RuleProblem::resource, RuleProblem::line, RuleProblem::rule)
                .containsExactly("broken.drl", 10, "J-01 text from a number");
    }

    @ParameterizedTest
    @EnumSource(LineBreak.class)
    void shouldReportTheLineOfAnUnknownActionWhateverTheLineBreaks(LineBreak lineBreak) {
        RuleProblem problem = onlyProblem(MalformedDrlTest.HEADER + """
                rule "M-01 no such action"
                when
                    $p : Purchase( )
                then
                    earn.triple($p, "x");
                end
                """, lineBreak);

        assertThat(problem).extracting(RuleProblem::resource, RuleProblem::line, RuleProblem::rule)
                .containsExactly("broken.drl", 8, "M-01 no such action");
    }

    @ParameterizedTest
    @EnumSource(LineBreak.class)
    void shouldReportTheRuleLineOfAMalformedBudgetWhateverTheLineBreaks(LineBreak lineBreak) {
        RuleProblem problem = onlyProblem(MalformedDrlTest.HEADER + """

                rule "X-01 bad budget"
                    @budget("lots")
                when
                    $p : Purchase( )
                then
                    earn.base($p, 1, "1 point per pound");
                end
                """, lineBreak);

        assertThat(problem).extracting(RuleProblem::resource, RuleProblem::line, RuleProblem::rule)
                .containsExactly("broken.drl", 5, "X-01 bad budget");
    }

    @ParameterizedTest
    @EnumSource(LineBreak.class)
    void shouldReportTheLineOfAnUnknownMetadataKeyWhateverTheLineBreaks(LineBreak lineBreak) {
        RuleProblem problem = onlyProblem(MalformedDrlTest.HEADER + """
                rule "X-02 misspelt key"
                    @budgte(10)
                when
                    $p : Purchase( )
                then
                    earn.base($p, 1, "1 point per pound");
                end
                """, lineBreak);

        assertThat(problem).extracting(RuleProblem::resource, RuleProblem::line, RuleProblem::rule)
                .containsExactly("broken.drl", 5, "X-02 misspelt key");
    }

    @Test
    void shouldGiveAFileWithCarriageReturnBreaksTheVersionOfTheSameFileWithLineFeeds() {
        try (DroolsRuleEngine lf = DroolsRuleEngine.builder().drl("base.drl", BASE).build();
             DroolsRuleEngine cr = DroolsRuleEngine.builder().drl("base.drl", withBreaks(BASE, LineBreak.CR)).build()) {
            assertThat(cr.campaignSet().version()).isEqualTo(lf.campaignSet().version());
        }
    }
}
