package dev.loyalty.rules;

import static dev.loyalty.rules.Shop.award;
import static dev.loyalty.rules.Shop.awards;
import static dev.loyalty.rules.Shop.enrol;
import static dev.loyalty.rules.Shop.gbp;
import static dev.loyalty.rules.Shop.london;
import static dev.loyalty.rules.Shop.purchase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.loyalty.core.Explanation;
import dev.loyalty.core.LoyaltyEngine;
import dev.loyalty.core.Outcome;
import dev.loyalty.core.RuleDefinitionException;
import dev.loyalty.core.RuleProblem;
import dev.loyalty.core.model.CampaignBudget;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.spi.CampaignLimits;
import dev.loyalty.core.spi.Evaluation;
import org.junit.jupiter.api.Test;

/** Budgets, per-member limits and exclusive groups declared as campaign metadata in DRL. */
class CampaignLimitsTest {

    static final String LIMITED = MalformedDrlTest.HEADER + """
            rule "BASE-01 a point per pound"
            when
                $p : Purchase( )
            then
                earn.base($p, 1, "1 point per pound");
            end

            rule "GARDEN-01 garden bonus"
                @budget(30) @memberLimit(20) @group("spring")
            when
                $l : PurchaseLine( category == "garden" )
            then
                earn.bonus($l, 2, "2 extra points per pound on garden items");
            end

            rule "SHOES-01 shoes bonus"
                @group("spring")
            when
                $l : PurchaseLine( category == "shoes" )
            then
                earn.bonus($l, 1, "1 extra point per pound on shoes");
            end
            """;

    private static DroolsRuleEngine limited() {
        return DroolsRuleEngine.builder().drl("limited.drl", LIMITED).build();
    }

    @Test
    void shouldReadBudgetMemberLimitAndGroupFromTheMetadata() {
        try (DroolsRuleEngine rules = limited()) {
            assertThat(rules.campaignSet().campaignOfRule("GARDEN-01 garden bonus")).map(Campaign::limits)
                    .contains(new CampaignLimits("GARDEN-01", 30, 20, "spring"));
            assertThat(rules.campaignSet().campaignOfRule("BASE-01 a point per pound")).map(Campaign::limited).contains(false);
        }
    }

    @Test
    void shouldHandTheLimitsOfLimitedCampaignsToEveryEvaluation() {
        try (DroolsRuleEngine rules = limited()) {
            Evaluation evaluation = rules.evaluate(Shop.context(purchase(MemberId.of("m-1"), london("2025-04-01T10:00"))
                    .line("G-1", "garden", 1, gbp("5.00")).build(), "member"));

            assertThat(evaluation.limits()).containsOnlyKeys("GARDEN-01 garden bonus", "SHOES-01 shoes bonus");
            assertThat(evaluation.limits().get("SHOES-01 shoes bonus"))
                    .isEqualTo(new CampaignLimits("SHOES-01", CampaignLimits.UNLIMITED, CampaignLimits.UNLIMITED, "spring"));
        }
    }

    @Test
    void shouldRefuseABudgetWhenItHasNoValue() {
        String drl = MalformedDrlTest.HEADER + """
                rule "X-02 budget without a value"
                    @budget
                when
                    $p : Purchase( )
                then
                    earn.base($p, 1, "1 point per pound");
                end
                """;

        assertThatThrownBy(() -> DroolsRuleEngine.builder().drl("bare.drl", drl).build())
                .isInstanceOfSatisfying(RuleDefinitionException.class, e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.resource()).isEqualTo("bare.drl");
                    assertThat(p.line()).isEqualTo(4);
                    assertThat(p.message()).isEqualTo("@budget has no value; write it as @budget(100000)");
                }));
    }

    @Test
    void shouldRefuseAMemberLimitWhenItsParenthesesAreEmpty() {
        String drl = MalformedDrlTest.HEADER + """
                rule "X-03 member limit without a value"
                    @memberLimit()
                when
                    $p : Purchase( )
                then
                    earn.base($p, 1, "1 point per pound");
                end
                """;

        assertThatThrownBy(() -> DroolsRuleEngine.builder().drl("bare.drl", drl).build())
                .isInstanceOfSatisfying(RuleDefinitionException.class, e -> assertThat(e.problems()).extracting(RuleProblem::message)
                        .containsExactly("@memberLimit has no value; write it as @memberLimit(5000)"));
    }

    @Test
    void shouldRefuseAnActiveFromWhenItHasNoValue() {
        String drl = MalformedDrlTest.HEADER + """
                rule "X-04 start without a date"
                    @activeFrom
                when
                    $p : Purchase( )
                then
                    earn.base($p, 1, "1 point per pound");
                end
                """;

        assertThatThrownBy(() -> DroolsRuleEngine.builder().drl("bare.drl", drl).build())
                .isInstanceOfSatisfying(RuleDefinitionException.class, e -> assertThat(e.problems()).extracting(RuleProblem::message)
                        .containsExactly("@activeFrom has no value; write it as @activeFrom(\"2026-04-01\")"));
    }

    @Test
    void shouldRefuseACampaignIdWhenItIsEmpty() {
        String drl = MalformedDrlTest.HEADER + """
                rule "X-05 empty campaign id"
                    @campaign("")
                when
                    $p : Purchase( )
                then
                    earn.base($p, 1, "1 point per pound");
                end
                """;

        assertThatThrownBy(() -> DroolsRuleEngine.builder().drl("bare.drl", drl).build())
                .isInstanceOfSatisfying(RuleDefinitionException.class, e -> assertThat(e.problems()).extracting(RuleProblem::message)
                        .containsExactly("@campaign must be text in double quotes, such as @campaign(\"SPRING-01\"); was \"\""));
    }

    @Test
    void shouldRefuseABudgetThatIsNotAWholeNumberOfPoints() {
        String drl = MalformedDrlTest.HEADER + """
                rule "X-01 bad budget"
                    @budget("lots")
                when
                    $p : Purchase( )
                then
                    earn.base($p, 1, "1 point per pound");
                end
                """;

        assertThatThrownBy(() -> DroolsRuleEngine.builder().drl("bad.drl", drl).build())
                .isInstanceOfSatisfying(RuleDefinitionException.class, e -> assertThat(e.problems()).extracting(RuleProblem::message)
                        .containsExactly("@budget(lots) is not a whole number of points from 0 up; write it as @budget(100000)"));
    }

    @Test
    void shouldCutTheGardenBonusAtTheMemberLimitThenAtTheBudget() {
        try (DroolsRuleEngine rules = limited(); LoyaltyEngine engine = Shop.engine(rules)) {
            MemberId first = enrol(engine, "member");
            MemberId second = enrol(engine, "member");

            Outcome one = engine.process(garden(first, "2025-04-01T10:00", "6.00"));
            Outcome two = engine.process(garden(first, "2025-04-02T10:00", "6.00"));
            Outcome three = engine.process(garden(second, "2025-04-03T10:00", "10.00"));

            assertThat(awards(one)).containsExactly(award("BASE-01 a point per pound", 6), award("GARDEN-01 garden bonus", 12));
            assertThat(awards(two)).containsExactly(award("BASE-01 a point per pound", 6), award("GARDEN-01 garden bonus", 8));
            assertThat(two.explanation().toText()).contains("member limit cut 4: at most 20 points a member, 12 earned before");
            assertThat(awards(three)).containsExactly(award("BASE-01 a point per pound", 10), award("GARDEN-01 garden bonus", 10));
            assertThat(three.explanation().toText()).contains("budget cut 10: budget 30 points, 20 spent before");
            assertThat(engine.campaignBudget("GARDEN-01")).contains(new CampaignBudget("GARDEN-01", 30, 30));
        }
    }

    @Test
    void shouldKeepOnlyTheBestCampaignOfAGroup() {
        try (DroolsRuleEngine rules = limited(); LoyaltyEngine engine = Shop.engine(rules)) {
            MemberId member = enrol(engine, "member");

            Outcome outcome = engine.process(purchase(member, london("2025-04-01T10:00"))
                    .line("G-1", "garden", 1, gbp("2.00")).line("S-1", "shoes", 1, gbp("10.00")).build());

            // garden 2 x 2.00 = 4 loses to shoes 1 x 10.00 = 10
            assertThat(awards(outcome)).containsExactly(award("BASE-01 a point per pound", 12), award("SHOES-01 shoes bonus", 10));
            assertThat(outcome.explanation().toText()).contains("+0  GARDEN-01 garden bonus: 2 extra points per pound on garden items"
                    + " (dropped: exclusive group spring applies only its best offer, SHOES-01 with 10 points; this offer came to 4 points)");
            assertThat(engine.campaignBudget("GARDEN-01")).isEmpty();
        }
    }

    @Test
    void shouldGiveATiedGroupToTheCampaignThatFiredFirst() {
        String drl = MalformedDrlTest.HEADER + """
                rule "LATE-01 five points" @group("g") salience 1
                when $p : Purchase( ) then earn.points(5, "5 points"); end
                rule "EARLY-01 five points" @group("g") salience 10
                when $p : Purchase( ) then earn.points(5, "5 points too"); end
                """;
        try (DroolsRuleEngine rules = DroolsRuleEngine.builder().drl("tie.drl", drl).build(); LoyaltyEngine engine = Shop.engine(rules)) {
            MemberId member = enrol(engine, "member");

            Outcome outcome = engine.process(garden(member, "2025-04-01T10:00", "1.00"));

            assertThat(awards(outcome)).containsExactly(award("EARLY-01 five points", 5));
        }
    }

    @Test
    void shouldListADroppedGroupOfferWhereItFiredAndTheCapThatBoundLast() {
        String drl = MalformedDrlTest.HEADER + """
                rule "SMALL-01 two points a pound" @group("g") salience 30
                when $p : Purchase( ) then earn.bonus($p, 2, "2 points a pound"); end
                rule "BIG-01 three points a pound" @group("g") salience 20
                when $p : Purchase( ) then earn.bonus($p, 3, "3 points a pound"); end
                rule "BASE-01 a point per pound" salience 10
                when $p : Purchase( ) then earn.base($p, 1, "1 point per pound"); end
                rule "CAP-01 at most 30 an event" salience 5
                when $p : Purchase( ) then earn.capPerEvent(30, "At most 30 points an event"); end
                """;
        try (DroolsRuleEngine rules = DroolsRuleEngine.builder().drl("order.drl", drl).build(); LoyaltyEngine engine = Shop.engine(rules)) {
            MemberId member = enrol(engine, "member");

            Outcome outcome = engine.process(garden(member, "2025-04-01T10:00", "10.00"));

            // SMALL-01 fired first and was dropped; BIG-01 30 + BASE-01 10 = 40, cut to 30 by the cap
            assertThat(outcome.explanation().steps()).extracting(Explanation.Step::rule, Explanation.Step::points).containsExactly(
                    tuple("SMALL-01 two points a pound", 0L), tuple("BIG-01 three points a pound", 30L),
                    tuple("BASE-01 a point per pound", 10L), tuple("CAP-01 at most 30 an event", -10L));
            assertThat(outcome.points().value()).isEqualTo(30);
        }
    }

    private static dev.loyalty.core.event.Purchase garden(MemberId member, String at, String amount) {
        return purchase(member, london(at)).line("G-1", "garden", 1, gbp(amount)).build();
    }
}
