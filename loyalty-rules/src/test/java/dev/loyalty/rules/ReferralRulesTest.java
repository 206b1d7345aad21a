package dev.loyalty.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.core.LoyaltyEngine;
import dev.loyalty.core.event.Enrolment;
import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.LedgerEntry;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.Money;
import dev.loyalty.core.model.OfferKind;
import dev.loyalty.core.model.OfferTrigger;
import dev.loyalty.core.referral.ReferralStatus;
import dev.loyalty.core.spi.RuleEngine;
import dev.loyalty.core.store.InMemoryStore;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Referral rewards decided in DRL: the default pack's REF-01 and REFSTAR-01, and the {@code ReferralQualified} fact. */
class ReferralRulesTest {

    private static final MemberId ANN = MemberId.of("ann");

    private static LoyaltyEngine engine(RuleEngine rules) {
        LoyaltyEngine engine = LoyaltyEngine.builder().program(Shop.PROGRAM).clock(Shop.CLOCK).store(new InMemoryStore()).ruleEngine(rules)
                .build();
        engine.process(Enrolment.of(EventId.of("enrol-ann"), ANN, Shop.ENROLLED));
        engine.assignReferralCode(ANN, "ANN-2025");
        return engine;
    }

    /** Signs a friend up with ann's code and makes their first purchase, which qualifies at once (no return window). */
    private static void referAndBuy(LoyaltyEngine engine, String friend, String at) {
        MemberId id = MemberId.of(friend);
        engine.process(Enrolment.of(EventId.of("enrol-" + friend), id, Instant.parse(at)).withReferralCode("ANN-2025"));
        engine.process(Purchase.builder(EventId.of("buy-" + friend), id, Instant.parse(at).plusSeconds(60))
                .line("22138", "kitchen", 1, Money.of("10", "GBP")).build());
    }

    private static long points(LoyaltyEngine engine, MemberId member, String campaign) {
        return engine.ledger(member).stream().filter(e -> e.rule().startsWith(campaign + " ")).mapToLong(e -> e.points().value()).sum();
    }

    @Test
    void shouldGiveEachSide500PointsWhenTheDefaultPackSeesAQualifiedReferral() {
        LoyaltyEngine engine = engine(Shop.DEFAULT_RULES);

        referAndBuy(engine, "bob", "2025-05-01T10:00:00Z");

        assertThat(engine.referral(MemberId.of("bob")).orElseThrow().status()).isEqualTo(ReferralStatus.REWARDED);
        assertThat(points(engine, MemberId.of("bob"), "REF-01")).isEqualTo(500);
        assertThat(points(engine, ANN, "REF-01")).isEqualTo(500);
        assertThat(engine.ledger(ANN)).extracting(LedgerEntry::rule).doesNotContain("BASE-01 one point per pound");
    }

    @Test
    void shouldAwardTheDefaultStarOnceOnTheFifthQualifiedReferralOfAQuarter() {
        LoyaltyEngine engine = engine(Shop.DEFAULT_RULES);
        for (int i = 1; i <= 4; i++) {
            referAndBuy(engine, "friend-" + i, "2025-04-0" + i + "T10:00:00Z");
        }
        assertThat(points(engine, ANN, "REFSTAR-01")).isZero();

        referAndBuy(engine, "friend-5", "2025-04-05T10:00:00Z");
        referAndBuy(engine, "friend-6", "2025-04-06T10:00:00Z");

        assertThat(points(engine, ANN, "REFSTAR-01")).isEqualTo(2_000);
        assertThat(points(engine, ANN, "REF-01")).isEqualTo(6 * 500);
    }

    @Test
    void shouldIssueAReferralOfferWhenACustomRuleCallsOffersOnTheFact() {
        RuleEngine rules = DroolsRuleEngine.builder().drl("referral-offer.drl", """
                package test;
                import dev.loyalty.rules.vocabulary.*;
                global dev.loyalty.rules.vocabulary.Offers offers;
                rule "REF-02 referee gets 10% off"
                when
                    $r : ReferralQualified( reward == "referee" )
                then
                    offers.discount($r, "REF-10", 10, 30, "Welcome: 10% off your next order");
                end
                """).build();
        LoyaltyEngine engine = engine(rules);

        referAndBuy(engine, "bob", "2025-05-01T10:00:00Z");

        assertThat(engine.offers(MemberId.of("bob"))).singleElement().satisfies(offer -> {
            assertThat(offer.template()).isEqualTo("REF-10");
            assertThat(offer.kind()).isEqualTo(OfferKind.DISCOUNT);
            assertThat(offer.trigger()).isEqualTo(OfferTrigger.REFERRAL);
        });
        assertThat(engine.offers(ANN)).isEmpty();
    }

    @Test
    void shouldCutReferralRewardsToWhatRemainsOfTheCampaignsBudgetDeclaredInDrl() {
        LoyaltyEngine engine = engine(DroolsRuleEngine.builder().drl("limited-referral.drl", """
                package test;
                import dev.loyalty.rules.vocabulary.*;
                global dev.loyalty.rules.vocabulary.Earn earn;
                rule "REF-03 limited referral reward"
                    @budget(700)
                when
                    ReferralQualified( reward == "referee" || reward == "referrer" )
                then
                    earn.points(500, "Referral reward");
                end
                """).build());

        referAndBuy(engine, "bob", "2025-05-01T10:00:00Z");
        referAndBuy(engine, "cat", "2025-05-02T10:00:00Z");

        assertThat(points(engine, MemberId.of("bob"), "REF-03")).isEqualTo(500);
        assertThat(points(engine, ANN, "REF-03")).isEqualTo(200);
        assertThat(points(engine, MemberId.of("cat"), "REF-03")).isZero();
        assertThat(engine.campaignBudget("REF-03")).hasValueSatisfying(budget -> assertThat(budget.spent()).isEqualTo(700));
    }

    @Test
    void shouldGiveTheReferrerOnlyTheBestRewardOfAnExclusiveGroupDeclaredInDrl() {
        LoyaltyEngine engine = engine(DroolsRuleEngine.builder().drl("grouped-referral.drl", """
                package test;
                import dev.loyalty.rules.vocabulary.*;
                global dev.loyalty.rules.vocabulary.Earn earn;
                rule "REF-04 referrer reward"
                    @group("referral")
                when
                    ReferralQualified( reward == "referrer" )
                then
                    earn.points(500, "Referral reward");
                end
                rule "REFSTAR-04 star"
                    @group("referral")
                when
                    ReferralQualified( reward == "star", qualifiedThisQuarter >= 2 )
                then
                    earn.points(2000, "Referral star");
                end
                """).build());

        referAndBuy(engine, "bob", "2025-05-01T10:00:00Z");
        referAndBuy(engine, "cat", "2025-05-02T10:00:00Z");

        assertThat(points(engine, ANN, "REFSTAR-04")).isEqualTo(2_000);
        assertThat(points(engine, ANN, "REF-04")).isEqualTo(500);
    }
}
