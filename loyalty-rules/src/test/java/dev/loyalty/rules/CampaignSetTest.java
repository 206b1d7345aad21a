package dev.loyalty.rules;

import static dev.loyalty.rules.Shop.award;
import static dev.loyalty.rules.Shop.awards;
import static dev.loyalty.rules.Shop.enrol;
import static dev.loyalty.rules.Shop.gbp;
import static dev.loyalty.rules.Shop.london;
import static dev.loyalty.rules.Shop.purchase;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.core.LoyaltyEngine;
import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.spi.Decision;
import dev.loyalty.core.spi.Evaluation;
import dev.loyalty.core.spi.RuleContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Campaign metadata declared on rules, and active dates judged by the event's local date. */
class CampaignSetTest {

    static final String SPRING = MalformedDrlTest.HEADER + """
            rule "SPRING-01 double points on garden items in April"
                @name("Spring garden") @owner("marketing@example.com")
                @activeFrom("2025-04-01") @activeUntil("2025-04-30")
            when
                $l : PurchaseLine( category == "garden" )
            then
                earn.bonus($l, 2, "Spring garden bonus");
            end

            rule "SPRING-01 shoes too"
            when
                $l : PurchaseLine( category == "shoes" )
            then
                earn.bonus($l, 1, "Spring shoes bonus");
            end

            rule "Base rate for everything"
                @campaign("BASE") @owner("finance")
            when
                $p : Purchase( )
            then
                earn.base($p, 1, "1 point per pound");
            end
            """;

    private static DroolsRuleEngine spring() {
        return DroolsRuleEngine.builder().id("spring-2025").drl("spring.drl", SPRING).build();
    }

    @Test
    void shouldReadEachCampaignsMetadataFromItsRules() {
        try (DroolsRuleEngine rules = spring()) {
            CampaignSet set = rules.campaignSet();

            assertThat(set.id()).isEqualTo("spring-2025");
            assertThat(set.version()).isEqualTo(rules.version());
            assertThat(set.campaigns()).containsExactly(
                    new Campaign("BASE", "BASE", "finance", null, null, List.of("Base rate for everything"), List.of("spring.drl")),
                    new Campaign("SPRING-01", "Spring garden", "marketing@example.com", LocalDate.of(2025, 4, 1), LocalDate.of(2025, 4, 30),
                            List.of("SPRING-01 double points on garden items in April", "SPRING-01 shoes too"), List.of("spring.drl")));
        }
    }

    @Test
    void shouldFindTheCampaignOfARule() {
        try (DroolsRuleEngine rules = spring()) {
            assertThat(rules.campaignSet().campaignOfRule("SPRING-01 shoes too")).map(Campaign::id).contains("SPRING-01");
            assertThat(rules.campaignSet().campaignOfRule("no such rule")).isEmpty();
        }
    }

    @Test
    void shouldNotFireACampaignBeforeItsFirstDate() {
        try (DroolsRuleEngine rules = spring(); LoyaltyEngine engine = Shop.engine(rules)) {
            MemberId member = enrol(engine, "member");

            assertThat(awards(engine.process(garden(member, london("2025-03-31T23:59")))))
                    .containsExactly(award("Base rate for everything", 10));
        }
    }

    @Test
    void shouldFireACampaignOnItsFirstAndLastDates() {
        try (DroolsRuleEngine rules = spring(); LoyaltyEngine engine = Shop.engine(rules)) {
            MemberId member = enrol(engine, "member");

            assertThat(awards(engine.process(garden(member, london("2025-04-01T00:00")))))
                    .contains(award("SPRING-01 double points on garden items in April", 20));
            assertThat(awards(engine.process(garden(member, london("2025-04-30T23:59")))))
                    .contains(award("SPRING-01 double points on garden items in April", 20));
        }
    }

    @Test
    void shouldApplyTheCampaignsDatesToEveryRuleOfTheCampaign() {
        try (DroolsRuleEngine rules = spring(); LoyaltyEngine engine = Shop.engine(rules)) {
            MemberId member = enrol(engine, "member");

            Purchase shoes = purchase(member, london("2025-05-01T10:00")).line("S-1", "shoes", 1, gbp("10.00")).build();
            assertThat(awards(engine.process(shoes))).containsExactly(award("Base rate for everything", 10));
        }
    }

    @Test
    void shouldJudgeTheDatesByTheMembersLocalDateNotUtc() {
        try (DroolsRuleEngine rules = spring(); LoyaltyEngine engine = Shop.engine(rules)) {
            MemberId tokyo = enrol(engine, "member", ZoneId.of("Asia/Tokyo"));

            // 2025-03-31T20:00Z is already 1 April in Tokyo, still 31 March in London and UTC
            assertThat(awards(engine.process(garden(tokyo, Instant.parse("2025-03-31T20:00:00Z")))))
                    .contains(award("SPRING-01 double points on garden items in April", 20));
        }
    }

    @Test
    void shouldApplyTheDatesOfEachEventWhenABatchIsEvaluatedInOnePass() {
        try (DroolsRuleEngine rules = spring()) {
            assertThat(rules.evaluatesInOnePass()).isTrue();
            List<RuleContext> contexts = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                Instant at = i % 2 == 0 ? london("2025-04-15T12:00") : london("2025-05-15T12:00");
                contexts.add(Shop.context(garden(MemberId.of("batch-" + i), at), "member"));
            }

            List<Evaluation> evaluations = rules.evaluateAll(contexts);

            for (int i = 0; i < 40; i++) {
                List<String> fired = evaluations.get(i).decisions().stream().map(Decision::rule).toList();
                if (i % 2 == 0) {
                    assertThat(fired).as("event %d in April", i).contains("SPRING-01 double points on garden items in April");
                } else {
                    assertThat(fired).as("event %d in May", i).containsExactly("Base rate for everything");
                }
            }
        }
    }

    private static Purchase garden(MemberId member, Instant at) {
        return purchase(member, at).line("G-1", "garden", 1, gbp("10.00")).build();
    }
}
