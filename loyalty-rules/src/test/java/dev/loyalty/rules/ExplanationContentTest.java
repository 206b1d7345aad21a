package dev.loyalty.rules;

import static dev.loyalty.rules.testkit.CampaignScenarios.member;
import static dev.loyalty.rules.testkit.CampaignScenarios.purchase;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.core.Explanation;
import dev.loyalty.rules.testkit.CampaignScenarios;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** What a support agent reads for an event: rules in firing order, each one's points, and what a cap cut. */
class ExplanationContentTest {

    static final CampaignScenarios SCENARIOS = CampaignScenarios.of(DroolsRuleEngine.builder().defaultCampaigns().drl("spring.drl",
            MalformedDrlTest.HEADER + """
                    rule "SPRING-01 garden bonus in April"
                        @activeFrom("2026-04-01") @activeUntil("2026-04-30")
                    when
                        $l : PurchaseLine( category == "garden" )
                    then
                        earn.bonus($l, 2, "Spring garden bonus");
                    end
                    """));

    @AfterAll
    static void close() {
        SCENARIOS.close();
    }

    @Test
    void shouldListEveryRuleThatFiredInFiringOrderWithItsPointsAndHowTheyWereComputed() {
        Explanation explanation = SCENARIOS.given(member("e-1").tier("gold"))
                .when(purchase("2026-03-07T11:00").line("85123A", "home", 2, "2.55").line("G-1", "garden", 1, "10.00")
                        .line("POST", "service", 1, "5.00"))
                .explanation();

        assertThat(explanation.summary()).isEqualTo("purchase scenario-purchase of member e-1 on 2026-03-07 (SATURDAY): +150 points, balance 250");
        assertThat(explanation.steps()).containsExactly(
                // the member joined on gold a year ago and spent nothing since: the anniversary review comes first
                new Explanation.Step("core:tier", "Keeps gold in a grace period", 0, "review: spend of 0.00 from 2025-03-07 to 2026-03-06"
                        + " is below gold's threshold of 1500.00; gold is kept until 2026-06-04 and for good on re-qualifying by then"),
                new Explanation.Step("BASE-01 one point per pound", "1 point per pound spent", 15, "1 x 15.10 GBP"),
                new Explanation.Step("EXCL-01 no points on postage, fees and adjustments", "No points on postage, fees and adjustments", 0,
                        "line 3 POST excluded"),
                new Explanation.Step("PROMO-01 weekend double points", "Double points at the weekend", 15, "x2 on 15.1 base points"),
                new Explanation.Step("CAT-01 garden", "2 extra points per pound on garden items", 20, "2 x 10.00 GBP"),
                new Explanation.Step("SKU-01 hanging heart", "25 extra points per white hanging heart T-light holder", 50, "25 x 2 items"),
                new Explanation.Step("TIER-01 tier earn multiplier", "Gold members earn 1.5x points", 50, "x1.5 on 100.2 points"));
    }

    @Test
    void shouldSayWhichCapCutHowMuchFromWhichRule() {
        Explanation explanation = SCENARIOS.given(member("e-2").tier("gold"))
                .when(purchase("2026-03-07T11:00").line("85123A", "home", 200, "2.55").line("G-1", "garden", 1, "10.00"))
                .explanation();

        Explanation.Step cap = explanation.steps().get(explanation.steps().size() - 1);
        assertThat(cap.rule()).isEqualTo("CAP-01 daily cap");
        // base 520 + weekend 520 + garden 20 + hearts 5000 = 6060, gold adds 3030: 9090 cut to the daily 5000
        assertThat(cap.points()).isEqualTo(5000 - 9090);
        assertThat(cap.detail()).startsWith("at most 5000 per day, 0 already earned that day; cut from BASE-01 one point per pound -");
        long cuts = java.util.Arrays.stream(cap.detail().split("; cut from ")[1].split(", "))
                .mapToLong(share -> Long.parseLong(share.substring(share.lastIndexOf(' ') + 1))).sum();
        assertThat(cuts).as("the rules' cuts add up to the cap's").isEqualTo(cap.points());
    }

    @Test
    void shouldSayHowManyPointsWereEarnedThatDayWhenTheyAlreadyPassTheDailyCap() {
        String lowCap = MalformedDrlTest.HEADER + """
                rule "WELCOME-09 welcome" when Enrolment( ) then earn.points(100, "Welcome"); end
                rule "BASE-09 a point per pound" when $p : Purchase( ) then earn.base($p, 1, "1 point per pound"); end
                rule "CAP-09 daily cap" when Purchase( ) then earn.capPerDay(50, "At most 50 points a day"); end
                """;
        try (CampaignScenarios scenarios = CampaignScenarios.of(DroolsRuleEngine.builder().drl("low-cap.drl", lowCap))) {
            // the 100 welcome points of the morning are past the cap of 50 already: the purchase earns nothing
            Explanation explanation = scenarios.given(member("e-5").enrolledOn("2026-03-03"))
                    .when(purchase("2026-03-03T15:00").line("A", "home", 1, "20.00"))
                    .explanation();

            Explanation.Step cap = explanation.steps().get(explanation.steps().size() - 1);
            assertThat(cap.rule()).isEqualTo("CAP-09 daily cap");
            assertThat(cap.points()).isEqualTo(-20);
            assertThat(cap.detail()).startsWith("at most 50 per day, 100 already earned that day;");
        }
    }

    @Test
    void shouldWriteAmountsInTheCurrencysMinorUnitsWhenEveryLineIsExcluded() {
        Explanation explanation = SCENARIOS.given(member("e-6")).when(purchase("2026-03-03T11:00").line("POST", "service", 1, "5.00"))
                .explanation();

        assertThat(explanation.steps()).filteredOn(step -> step.rule().equals("BASE-01 one point per pound"))
                .extracting(Explanation.Step::detail).containsExactly("1 x 0.00 GBP");
    }

    @Test
    void shouldLeaveOutACampaignThatIsNotActiveOnTheEventsDate() {
        Explanation explanation = SCENARIOS.given(member("e-3")).when(purchase("2026-05-04T11:00").line("G-1", "garden", 1, "10.00"))
                .explanation();

        assertThat(explanation.steps()).extracting(Explanation.Step::rule).containsExactly("BASE-01 one point per pound", "CAT-01 garden");
    }

    @Test
    void shouldIncludeAnActiveCampaignInTheExplanation() {
        Explanation explanation = SCENARIOS.given(member("e-4")).when(purchase("2026-04-07T11:00").line("G-1", "garden", 1, "10.00"))
                .explanation();

        assertThat(explanation.toText()).contains("+20  SPRING-01 garden bonus in April: Spring garden bonus (2 x 10.00 GBP)");
    }
}
