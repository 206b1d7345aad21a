package dev.loyalty.rules.testkit;

import static dev.loyalty.rules.testkit.CampaignScenarios.member;
import static dev.loyalty.rules.testkit.CampaignScenarios.purchase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.loyalty.rules.DroolsRuleEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class CampaignScenariosTest {

    static final String SPRING = """
            package spring;
            import dev.loyalty.rules.vocabulary.*;
            global dev.loyalty.rules.vocabulary.Earn earn;

            rule "SPRING-01 garden bonus in April"
                @activeFrom("2026-04-01") @activeUntil("2026-04-30")
            when
                $l : PurchaseLine( category == "garden" )
            then
                earn.bonus($l, 2, "Spring garden bonus");
            end
            """;

    static final CampaignScenarios SCENARIOS = CampaignScenarios.of(DroolsRuleEngine.builder().defaultCampaigns().drl("spring.drl", SPRING));

    @AfterAll
    static void close() {
        SCENARIOS.close();
    }

    private static GivenPurchase workedExample(String at) {
        return purchase(at).line("85123A", "home", 2, "2.55").line("G-1", "garden", 1, "10.00").line("POST", "service", 1, "5.00");
    }

    @Test
    void shouldPassWhenTheAwardsAreAsExpected() {
        SCENARIOS.given(member("m-1").tier("gold"))
                .when(workedExample("2026-03-07T11:00"))
                .thenAwarded(150)
                .thenAwardedBy("BASE-01 one point per pound", 15)
                .thenAwardedBy("PROMO-01", 15)
                .thenAwardedBy("CAT-01", 20)
                .thenAwardedBy("SKU-01", 50)
                .thenAwardedBy("TIER-01", 50)
                .thenNotAwardedBy("SPRING-01");
    }

    @Test
    void shouldCountTheCampaignOnlyOnItsDates() {
        SCENARIOS.given(member("m-2")).when(purchase("2026-04-07T11:00").line("G-1", "garden", 1, "10.00")).thenAwardedBy("SPRING-01", 20);
        SCENARIOS.given(member("m-3")).when(purchase("2026-05-01T11:00").line("G-1", "garden", 1, "10.00")).thenNotAwardedBy("SPRING-01");
    }

    @Test
    void shouldTakeTheEventsDateInTheMembersZone() {
        // 1 May 00:30 in Tokyo is still 30 April in London, but the member's date is what counts
        SCENARIOS.given(member("m-4").zone("Asia/Tokyo"))
                .when(purchase("2026-05-01T00:30").line("G-1", "garden", 1, "10.00"))
                .thenNotAwardedBy("SPRING-01");
    }

    @Test
    void shouldShowTheExplanationWhenAnAwardDiffers() {
        AssertionError failure = catchThrowableOfType(AssertionError.class, () -> SCENARIOS.given(member("m-5").tier("gold"))
                .when(workedExample("2026-03-07T11:00"))
                .thenAwardedBy("SKU-01", 60));

        assertThat(failure.getMessage())
                .startsWith("expected SKU-01 to award 60 points, but it awarded 50")
                .contains("purchase scenario-purchase of member m-5 on 2026-03-07 (SATURDAY): +150 points")
                .contains("+50  SKU-01 hanging heart")
                .contains("awarded by rule: {BASE-01 one point per pound=15");
    }

    @Test
    void shouldFailWhenTheTotalDiffers() {
        assertThatThrownBy(() -> SCENARIOS.given(member("m-6")).when(workedExample("2026-03-03T11:00")).thenAwarded(1))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("expected 1 points in all, but the event awarded ");
    }

    @Test
    void shouldFailWhenARuleAwardsThatShouldNot() {
        assertThatThrownBy(() -> SCENARIOS.given(member("m-7")).when(workedExample("2026-03-03T11:00")).thenNotAwardedBy("CAT-01"))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("expected CAT-01 to award nothing, but it awarded 20 points");
    }

    @Test
    void shouldCheckTheEnrolmentItselfWhenAskedTo() {
        SCENARIOS.given(member("m-8").enrolledOn("2026-02-01")).whenEnrolled().thenAwardedBy("WELCOME-01", 100).thenAwarded(100);
    }

    @Test
    void shouldLeaveAnEngineItWasGivenOpen() {
        try (DroolsRuleEngine rules = DroolsRuleEngine.builder().defaultCampaigns().build()) {
            CampaignScenarios.of(rules).close();

            assertThat(rules.ruleNames()).isNotEmpty();
            CampaignScenarios.of(rules).given(member("m-9")).when(purchase("2026-03-03T11:00").line("A", "home", 1, "3.00")).thenAwarded(3);
        }
    }

    @Test
    void shouldFailWhenThenNotAwardedByNamesNoRuleOrCampaign() {
        assertThatThrownBy(() -> SCENARIOS.given(member("m-10")).when(workedExample("2026-03-03T11:00")).thenNotAwardedBy("CAT-1"))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("no rule or campaign of campaign set campaigns is named CAT-1")
                .hasMessageContaining("CAT-01");
    }

    @Test
    void shouldFailWhenThenAwardedByNamesNoRuleOrCampaign() {
        assertThatThrownBy(() -> SCENARIOS.given(member("m-11")).when(workedExample("2026-03-03T11:00")).thenAwardedBy("SPRING-1", 0))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("no rule or campaign of campaign set campaigns is named SPRING-1");
    }

    @Test
    void shouldAcceptTheCoresOwnRuleNamesWhenTheEventWroteThem() {
        SCENARIOS.given(member("m-12").tier("gold")).when(workedExample("2026-03-07T11:00")).thenAwardedBy("core:tier", 0);
    }

    @Test
    void shouldFailWhenThenNotAwardedByNamesACoreRuleThatDoesNotExist() {
        assertThatThrownBy(() -> SCENARIOS.given(member("m-13")).when(workedExample("2026-03-03T11:00")).thenNotAwardedBy("core:tierr"))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("no rule or campaign of campaign set campaigns is named core:tierr");
    }

    @Test
    void shouldEnrolOnTheInjectedClocksDateWhenNoEnrolmentDateIsGiven() {
        String feb = """
                package feb;
                import dev.loyalty.rules.vocabulary.*;
                global dev.loyalty.rules.vocabulary.Earn earn;

                rule "FEB-01 February welcome"
                    @activeFrom("2026-02-01") @activeUntil("2026-02-28")
                when
                    Enrolment( )
                then
                    earn.points(50, "February welcome");
                end
                """;
        // 23:30 UTC on 31 January is already 1 February in Tokyo, the member's zone
        java.time.Clock clock = java.time.Clock.fixed(java.time.Instant.parse("2026-01-31T23:30:00Z"), java.time.ZoneOffset.UTC);
        try (CampaignScenarios scenarios = CampaignScenarios.of(DroolsRuleEngine.builder().drl("feb.drl", feb))) {
            scenarios.withClock(clock).given(member("m-13").zone("Asia/Tokyo")).whenEnrolled().thenAwardedBy("FEB-01", 50);
        }
    }

    /** A gold tier without grace days, and a bonus for gold members only. */
    private static final String LADDER_WITHOUT_GRACE = """
            package ladder;
            import dev.loyalty.rules.vocabulary.*;
            global dev.loyalty.rules.vocabulary.Earn earn;

            rule "TIERS-00 ladder without grace"
            when
                $ladder : TierLadder( )
            then
                $ladder.qualifyOn("spend", "rolling-12-months");
                $ladder.tier("gold").qualifyAt(1500).earnMultiplier(1.5);
            end

            rule "GOLD-01 gold bonus"
            when
                Purchase( tier == "gold" )
            then
                earn.points(7, "Gold bonus");
            end
            """;

    @Test
    void shouldRefuseTheScenarioWhenTheGivenTierIsReviewedAwayBeforeThePurchase() {
        try (CampaignScenarios scenarios = CampaignScenarios.of(DroolsRuleEngine.builder().drl("ladder.drl", LADDER_WITHOUT_GRACE))) {
            // enrolled a year before by default, the member is reviewed on the purchase's date and, without grace, loses gold
            assertThatThrownBy(() -> scenarios.given(member("m-14").tier("gold"))
                    .when(purchase("2026-03-03T11:00").line("A", "home", 1, "3.00")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("member m-14 was given tier gold")
                    .hasMessageContaining("is on tier member by the purchase")
                    .hasMessageContaining("enrolledOn(");
        }
    }

    @Test
    void shouldKeepTheGivenTierWhenTheEnrolmentIsRecent() {
        try (CampaignScenarios scenarios = CampaignScenarios.of(DroolsRuleEngine.builder().drl("ladder.drl", LADDER_WITHOUT_GRACE))) {
            scenarios.given(member("m-15").tier("gold").enrolledOn("2026-02-01"))
                    .when(purchase("2026-03-03T11:00").line("A", "home", 1, "3.00"))
                    .thenAwardedBy("GOLD-01", 7);
        }
    }

    @Test
    void shouldRunTheMemberAsGivenWhenTheDescriptionIsChangedAfterwards() {
        GivenMember described = member("m-16").tier("gold").zone("Europe/London");
        Scenario gold = SCENARIOS.given(described);
        described.tier("silver").zone("Asia/Tokyo"); // reused to describe the next member

        gold.when(workedExample("2026-03-07T11:00")).thenAwardedBy("TIER-01", 50).thenAwarded(150);
    }

    @Test
    void shouldDescribeTheMemberAndPurchaseAsGivenWhenACheckFails() {
        AssertionError failure = catchThrowableOfType(AssertionError.class, () -> SCENARIOS
                .given(member("m-17").tier("gold").zone("Asia/Tokyo").birthday("1990-04-10").enrolledOn("2026-01-10"))
                .when(purchase("2026-03-07T11:00").line("A", "home", 1, "3.00").channel("web").store("S-9"))
                .thenAwarded(1));

        assertThat(failure.getMessage())
                .contains("when the purchase at 2026-03-07T11:00 (channel web, store S-9) of [")
                .contains("of member m-17 (gold, zone Asia/Tokyo, birthday 1990-04-10, enrolled on 2026-01-10)");
    }

    @Test
    void shouldNameTheExpectedFormatWhenAPurchaseTimeHasNoTime() {
        assertThatThrownBy(() -> purchase("2026-03-03"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a purchase needs a local date and time such as 2026-04-07T11:00, was '2026-03-03'");
    }

    static final String TOYS_WITH_A_MEMBER_LIMIT = """
            package toys;
            import dev.loyalty.rules.vocabulary.*;
            global dev.loyalty.rules.vocabulary.Earn earn;

            rule "TOY-01 toy bonus"
                @memberLimit(30)
            when
                $l : PurchaseLine( category == "toys" )
            then
                earn.bonus($l, 2, "Toy bonus");
            end
            """;

    private static GivenPurchase toy(String at) {
        return purchase(at).line("T-1", "toys", 1, "10.00");
    }

    @Test
    void shouldAwardTheWholeBonusWithoutEarlierPurchases() {
        try (CampaignScenarios scenarios = CampaignScenarios.of(DroolsRuleEngine.builder().drl("toys.drl", TOYS_WITH_A_MEMBER_LIMIT))) {
            scenarios.given(member("m-20")).when(toy("2026-03-04T11:00")).thenAwardedBy("TOY-01", 20);
        }
    }

    @Test
    void shouldCountEarlierPurchasesTowardAMemberLimit() {
        try (CampaignScenarios scenarios = CampaignScenarios.of(DroolsRuleEngine.builder().drl("toys.drl", TOYS_WITH_A_MEMBER_LIMIT))) {
            scenarios.given(member("m-21")).after(toy("2026-03-03T11:00")).when(toy("2026-03-04T11:00")).thenAwardedBy("TOY-01", 10);
        }
    }

    @Test
    void shouldProcessEveryEarlierPurchaseGivenAcrossCalls() {
        try (CampaignScenarios scenarios = CampaignScenarios.of(DroolsRuleEngine.builder().drl("toys.drl", TOYS_WITH_A_MEMBER_LIMIT))) {
            scenarios.given(member("m-22")).after(toy("2026-03-02T11:00")).after(toy("2026-03-03T11:00"))
                    .when(toy("2026-03-04T11:00")).thenNotAwardedBy("TOY-01");
        }
    }

    @Test
    void shouldLeaveTheScenarioWithoutEarlierPurchasesAsItWas() {
        try (CampaignScenarios scenarios = CampaignScenarios.of(DroolsRuleEngine.builder().drl("toys.drl", TOYS_WITH_A_MEMBER_LIMIT))) {
            Scenario scenario = scenarios.given(member("m-23"));
            scenario.after(toy("2026-03-03T11:00"));
            scenario.when(toy("2026-03-04T11:00")).thenAwardedBy("TOY-01", 20);
        }
    }

    @Test
    void shouldRunAnEarlierPurchaseAsGivenWhenItsDescriptionIsChangedAfterwards() {
        try (CampaignScenarios scenarios = CampaignScenarios.of(DroolsRuleEngine.builder().drl("toys.drl", TOYS_WITH_A_MEMBER_LIMIT))) {
            GivenPurchase earlier = toy("2026-03-03T11:00");
            Scenario scenario = scenarios.given(member("m-24")).after(earlier);
            earlier.line("T-2", "toys", 1, "10.00");
            scenario.when(toy("2026-03-04T11:00")).thenAwardedBy("TOY-01", 10);
        }
    }

    @Test
    void shouldRefuseAnEarlierPurchaseLaterThanThePurchaseChecked() {
        Scenario scenario = SCENARIOS.given(member("m-25")).after(toy("2026-03-05T11:00"));

        assertThatThrownBy(() -> scenario.when(toy("2026-03-04T11:00")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the earlier purchase at 2026-03-05T11:00")
                .hasMessageContaining("is later than the purchase at 2026-03-04T11:00");
    }

    @Test
    void shouldNameTheEarlierPurchasesWhenACheckFails() {
        try (CampaignScenarios scenarios = CampaignScenarios.of(DroolsRuleEngine.builder().drl("toys.drl", TOYS_WITH_A_MEMBER_LIMIT))) {
            AssertionError failure = catchThrowableOfType(AssertionError.class, () -> scenarios.given(member("m-26"))
                    .after(toy("2026-03-03T11:00")).when(toy("2026-03-04T11:00")).thenAwardedBy("TOY-01", 20));

            assertThat(failure.getMessage())
                    .startsWith("expected TOY-01 to award 20 points, but it awarded 10")
                    .contains("of member m-26, after the 1 earlier [purchase at 2026-03-03T11:00 of [Line[sku=T-1");
        }
    }

    @Test
    void shouldTakeAPurchaseOnTheEnrolmentDayBeforeNoon() {
        // the member joins in the store and buys at once: enrolled on the purchase's date, the enrolment comes no later than it
        SCENARIOS.given(member("m-40").enrolledOn("2026-04-07"))
                .when(purchase("2026-04-07T09:00").line("G-1", "garden", 1, "10.00"))
                .thenAwardedBy("SPRING-01", 20);
        SCENARIOS.given(member("m-41").enrolledOn("2026-04-07"))
                .after(purchase("2026-04-07T08:00").line("G-1", "garden", 1, "10.00"))
                .when(purchase("2026-04-07T09:00").line("G-1", "garden", 1, "10.00"))
                .thenAwardedBy("SPRING-01", 20);
    }

    @Test
    void shouldRefuseAnEnrolmentDateAfterThePurchaseNamingBoth() {
        assertThatThrownBy(() -> SCENARIOS.given(member("m-42").enrolledOn("2026-04-09"))
                .when(purchase("2026-04-07T09:00").line("G-1", "garden", 1, "10.00")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("enrolled on 2026-04-09")
                .hasMessageContaining("purchase at 2026-04-07T09:00");
    }

    @Test
    void shouldNameTheGivenAndItsFormatWhenAMemberIsDescribedWrongly() {
        assertThatThrownBy(() -> member("m-43").birthday(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a birthday needs a date such as 1990-04-07, was null");
        assertThatThrownBy(() -> member("m-43").birthday("07/04/1990")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a birthday needs a date such as 1990-04-07, was '07/04/1990'");
        assertThatThrownBy(() -> member("m-43").enrolledOn("2026-1-10")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an enrolment date needs a date such as 2026-01-10, was '2026-1-10'");
        assertThatThrownBy(() -> member("m-43").zone(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a zone needs a time-zone id such as Europe/London, was null");
        assertThatThrownBy(() -> member("m-43").zone("Mars/Base")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a zone needs a time-zone id such as Europe/London, was 'Mars/Base'");
    }
}
