package dev.loyalty.rules;

import static dev.loyalty.rules.Shop.ENROLLED;
import static dev.loyalty.rules.Shop.LONDON;
import static dev.loyalty.rules.Shop.PROGRAM;
import static dev.loyalty.rules.Shop.context;
import static dev.loyalty.rules.Shop.gbp;
import static dev.loyalty.rules.Shop.london;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.core.EventResult;
import dev.loyalty.core.LoyaltyEngine;
import dev.loyalty.core.RuleEvaluationException;
import dev.loyalty.core.event.Enrolment;
import dev.loyalty.core.event.LoyaltyEvent;
import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.Member;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.MemberStatus;
import dev.loyalty.core.model.Points;
import dev.loyalty.core.spi.Decision;
import dev.loyalty.core.spi.Evaluation;
import dev.loyalty.core.spi.RuleContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Many events in one firing: each event must get exactly the decisions it gets on its own. */
class BatchEvaluationTest {

    private static final String[] TIERS = {"member", "silver", "gold", "diamond"};
    private static final String[] CATEGORIES = {"garden", "service", "kitchen", "gifts"};

    private static DroolsRuleEngine engine(String rules) {
        return DroolsRuleEngine.builder().drl("test.drl", MalformedDrlTest.HEADER + rules).build();
    }

    private static List<RuleContext> randomEvents(int count, long seed) {
        Random random = new Random(seed);
        List<RuleContext> contexts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant at = london("2024-11-20T12:00").plusSeconds(3_600L * 24 * random.nextInt(40));
            if (random.nextInt(10) == 0) {
                Enrolment enrolment = Enrolment.of(EventId.of("e-" + i), MemberId.of("m-" + i), at);
                Member member = new Member(enrolment.memberId(), at, "member", MemberStatus.ACTIVE, null, null);
                contexts.add(new RuleContext(member, Points.ZERO, enrolment, LocalDate.ofInstant(at, LONDON), LONDON, PROGRAM));
                continue;
            }
            Purchase.Builder purchase = Purchase.builder(EventId.of("p-" + i), MemberId.of("m-" + i), at);
            for (int l = 1 + random.nextInt(5); l > 0; l--) {
                purchase.line(random.nextInt(4) == 0 ? "85123A" : "SKU-" + random.nextInt(9), CATEGORIES[random.nextInt(CATEGORIES.length)],
                        1 + random.nextInt(3), gbp(random.nextInt(2_000) / 100 + ".50"));
            }
            contexts.add(context(purchase.build(), TIERS[random.nextInt(TIERS.length)]));
        }
        return contexts;
    }

    private static List<Evaluation> oneByOne(DroolsRuleEngine engine, List<RuleContext> contexts) {
        return contexts.stream().map(engine::evaluate).toList();
    }

    @Test
    void shouldGiveEveryEventItsOwnDecisionsInOrderWhenTheDefaultPackFiresOnceForManyEvents() {
        DroolsRuleEngine engine = Shop.DEFAULT_RULES;
        List<RuleContext> contexts = randomEvents(300, 5);

        List<Evaluation> together = engine.evaluateAll(contexts);

        assertThat(engine.evaluatesInOnePass()).isTrue();
        assertThat(together).isEqualTo(oneByOne(engine, contexts));
        assertThat(together.stream().mapToInt(e -> e.decisions().size()).sum()).isGreaterThan(600);
    }

    @Test
    void shouldGiveEveryEventItsOwnDecisionsWhenAFewEventsFireTogetherInAPooledSession() {
        DroolsRuleEngine engine = Shop.DEFAULT_RULES;
        List<RuleContext> contexts = randomEvents(7, 6);

        List<Evaluation> together = engine.evaluateAll(contexts);

        assertThat(together).isEqualTo(oneByOne(engine, contexts));
        assertThat(together.stream().mapToInt(e -> e.decisions().size()).sum()).isGreaterThan(7);
    }

    @Test
    void shouldGiveTheOutcomesOfOneByOneWhenTheEngineProcessesABatchThroughDrools() {
        List<LoyaltyEvent> events = new ArrayList<>();
        Random random = new Random(17);
        for (int m = 0; m < 40; m++) {
            events.add(Enrolment.of(EventId.of("enrol-" + m), MemberId.of("m-" + m), ENROLLED).withTier(TIERS[m % TIERS.length]));
        }
        for (int n = 0; n < 400; n++) {
            Purchase.Builder purchase = Purchase.builder(EventId.of("p-" + n), MemberId.of("m-" + random.nextInt(40)),
                    london("2024-12-14T09:00").plusSeconds(3_600L * random.nextInt(60)));
            for (int l = 1 + random.nextInt(4); l > 0; l--) {
                purchase.line(random.nextInt(4) == 0 ? "85123A" : "SKU-" + random.nextInt(9), CATEGORIES[random.nextInt(CATEGORIES.length)],
                        1 + random.nextInt(20), gbp(random.nextInt(20_000) / 100 + ".50"));
            }
            events.add(purchase.build());
        }
        LoyaltyEngine batched = Shop.engine(Shop.DEFAULT_RULES);
        LoyaltyEngine sequential = Shop.engine(Shop.DEFAULT_RULES);

        List<EventResult> results = batched.processAll(events);

        for (int i = 0; i < events.size(); i++) {
            assertThat(results.get(i).outcomeOrThrow()).as("event %d", i).isEqualTo(sequential.process(events.get(i)));
        }
        assertThat(results.stream().filter(r -> r.outcome().explanation().toText().contains("CAP-01")).count()).isPositive();
    }

    @Test
    void shouldCreditNoEventWithAnotherEventsMatchWhenARuleJoinsTwoFacts() {
        try (DroolsRuleEngine engine = engine("""
                rule "J-01 gold purchase" when Member( tier == "gold" ) Purchase( ) then earn.points(10, "gold"); end
                """)) {
            List<RuleContext> contexts = List.of(context(Shop.purchase(MemberId.of("a"), london("2024-03-05T12:00"))
                            .line("SKU-1", "gifts", 1, gbp("1.00")).build(), "gold"),
                    context(Purchase.builder(EventId.of("p-b"), MemberId.of("b"), london("2024-03-05T12:00"))
                            .line("SKU-1", "gifts", 1, gbp("1.00")).build(), "member"));

            List<Evaluation> together = engine.evaluateAll(contexts);

            assertThat(engine.evaluatesInOnePass()).isFalse();
            assertThat(together).extracting(e -> e.decisions().size()).containsExactly(1, 0);
        }
    }

    @Test
    void shouldEvaluateOneByOneWhenARuleCouldMatchFactsOfSeveralEvents() {
        List<String> rules = List.of(
                "rule \"N-02\" when not PurchaseLine( category == \"garden\" ) then earn.points(1, \"no garden\"); end",
                "rule \"N-03\" when exists PurchaseLine( ) then earn.points(1, \"any line\"); end",
                "rule \"N-04\" when Number( intValue > 1 ) from accumulate( PurchaseLine( ), count(1) ) then earn.points(1, \"lines\"); end",
                "rule \"N-05\" activation-group \"g\" when Purchase( ) then earn.points(1, \"first\"); end");
        for (String rule : rules) {
            try (DroolsRuleEngine engine = engine(rule)) {
                List<RuleContext> contexts = randomEvents(20, 9);

                List<Evaluation> together = engine.evaluateAll(contexts);

                assertThat(engine.evaluatesInOnePass()).as(rule).isFalse();
                assertThat(together).as(rule).isEqualTo(oneByOne(engine, contexts));
            }
        }
    }

    @Test
    void shouldMatchEveryFactTypeWhenOnlySomeRulesAskForIt() {
        try (DroolsRuleEngine engine = engine("""
                rule "T-01 today" when Today( month == 3 ) then earn.points(1, "today"); end
                rule "T-02 program" when Program( currency == "GBP" ) then earn.points(2, "program"); end
                rule "T-03 dated" when DatedFact( dayOfMonth == 5 ) then earn.points(3, "dated"); end
                rule "T-04 member" when Member( tier == "gold" ) then earn.points(4, "member"); end
                """)) {
            RuleContext context = context(Purchase.builder(EventId.of("p-1"), MemberId.of("a"), london("2024-03-05T12:00"))
                    .line("X", "gifts", 1, gbp("1.00")).build(), "gold");

            List<Decision> alone = engine.evaluate(context).decisions();
            List<Decision> together = engine.evaluateAll(java.util.Collections.nCopies(20, context)).get(19).decisions();

            // DatedFact matches the purchase, its line and today: three firings
            assertThat(alone).extracting(Decision::rule).containsExactlyInAnyOrder("T-01 today", "T-02 program", "T-03 dated", "T-03 dated",
                    "T-03 dated", "T-04 member");
            assertThat(together).isEqualTo(alone);
        }
    }

    @Test
    void shouldSayTheRulesReadTheBalanceOnlyWhenARuleMatchesTheMember() {
        try (DroolsRuleEngine purchaseOnly = engine("rule \"P-01\" when Purchase( total > 10 ) then earn.points(1, \"big\"); end");
             DroolsRuleEngine memberToo = engine("rule \"M-01\" when Member( pointsBalance > 1000 ) then earn.points(1, \"rich\"); end")) {
            RuleContext context = context(Purchase.builder(EventId.of("p-1"), MemberId.of("a"), london("2024-03-05T12:00"))
                    .line("X", "gifts", 1, gbp("20.00")).build(), "gold");

            assertThat(purchaseOnly.usesBalance()).isFalse();
            assertThat(purchaseOnly.evaluate(context).readsBalance()).isFalse();
            assertThat(purchaseOnly.evaluateAll(List.of(context, context))).extracting(Evaluation::readsBalance).containsExactly(false, false);
            assertThat(memberToo.usesBalance()).isTrue();
            assertThat(memberToo.evaluate(context).readsBalance()).isTrue();
        }
    }

    @Test
    void shouldNotShareAFiringWhenARuleHasNoPattern() {
        try (DroolsRuleEngine engine = engine("rule \"N-01\" when then earn.points(1, \"always\"); end")) {
            assertThat(engine.evaluatesInOnePass()).isFalse();
        }
    }

    @Test
    void shouldNameTheEventWhoseFactFailedWhenARuleThrowsInABatch() {
        try (DroolsRuleEngine engine = engine("""
                rule "F-01 fragile" when $l : PurchaseLine( sku == "BAD" ) then earn.bonus($l, -1, "negative"); end
                """)) {
            List<RuleContext> batch = goodsThenBad(20, 1);

            assertThatThrownBy(() -> engine.evaluateAll(batch))
                    .isInstanceOf(RuleEvaluationException.class)
                    .hasMessageContaining("rule \"F-01 fragile\"")
                    .hasMessageContaining("p-bad");
            assertThat(engine.evaluate(batch.get(0)).decisions()).isEmpty();
        }
    }

    @Test
    void shouldRefuseAnMvelZeroDividedByZeroNamingTheEventAndLineWhenTheBatchFiresInOnePass() {
        // the good events' lines award (1 - 2) / (1 - 2) = 1 point per item; the bad one's 0 / 0, NaN, not 0
        try (DroolsRuleEngine engine = engine("""
                rule "F-04 shared among the others"
                    dialect "mvel"
                when
                    $l : PurchaseLine( )
                then
                    earn.pointsPerItem($l, ($l.getQuantity() - 2) / ($l.getQuantity() - 2), "x");
                end
                """)) {
            assertThat(engine.evaluatesInOnePass()).isTrue();
            List<RuleContext> batch = goodsThenBad(30, 2);

            assertThatThrownBy(() -> engine.evaluateAll(batch))
                    .isInstanceOf(RuleEvaluationException.class)
                    .hasMessageStartingWith("rule \"F-04 shared among the others\" failed on event p-bad: consequence at test.drl:8 failed: ")
                    .hasMessageContaining("NaN (not a number)");
            assertThat(engine.evaluate(batch.get(0)).decisions()).singleElement()
                    .isEqualTo(new Decision.FixedPoints("F-04 shared among the others", "x", 0, 1));
        }
    }

    @Test
    void shouldNameTheEventWhoseFactFailedWhenAConstraintThrowsInABatch() {
        try (DroolsRuleEngine engine = engine("""
                rule "F-02 divides by the quantity" when $l : PurchaseLine( amount / (quantity - 2) > 100 ) then earn.bonus($l, 1, "x"); end
                """)) {
            List<RuleContext> batch = goodsThenBad(5, 2);

            assertThatThrownBy(() -> engine.evaluateAll(batch))
                    .isInstanceOf(RuleEvaluationException.class)
                    .hasMessageContaining("rule \"F-02 divides by the quantity\"")
                    .hasMessageContaining("event p-bad");
        }
    }

    @Test
    void shouldNameTheRuleAndEventWhenASalienceThrowsInABatch() {
        try (DroolsRuleEngine engine = engine("""
                rule "S-02 dearer lines first"
                    salience ( $l.amount / ($l.quantity - 2) )
                when
                    $l : PurchaseLine( )
                then
                    earn.bonus($l, 1, "x");
                end
                """)) {
            List<RuleContext> batch = goodsThenBad(5, 2);

            assertThatThrownBy(() -> engine.evaluateAll(batch))
                    .isInstanceOf(RuleEvaluationException.class)
                    .hasMessageStartingWith("rule \"S-02 dearer lines first\" failed on event p-bad: salience at test.drl:5 failed: ");
        }
    }

    @Test
    void shouldLeaveNoFactsBehindWhenABatchIsDone() {
        try (DroolsRuleEngine engine = engine("""
                rule "L-01 lines" when $l : PurchaseLine( ) then earn.base($l, 1, "line"); end
                """)) {
            engine.evaluateAll(randomEvents(50, 3));
            engine.evaluateAll(randomEvents(5, 4));
            Purchase one = Purchase.builder(EventId.of("p-one"), MemberId.of("a"), ENROLLED).line("X", "gifts", 1, gbp("1.00")).build();

            List<Decision> decisions = engine.evaluate(context(one, "member")).decisions();

            assertThat(decisions).containsExactly(new Decision.BaseRate("L-01 lines", "line", 0, java.math.BigDecimal.ONE));
        }
    }

    /** {@code goods} one-line purchases "p-good" of member a, then "p-bad" of member b with one line "BAD" of the quantity. */
    private static List<RuleContext> goodsThenBad(int goods, int badQuantity) {
        Purchase good = Purchase.builder(EventId.of("p-good"), MemberId.of("a"), ENROLLED).line("OK", "gifts", 1, gbp("1.00")).build();
        Purchase bad = Purchase.builder(EventId.of("p-bad"), MemberId.of("b"), ENROLLED).line("BAD", "gifts", badQuantity, gbp("1.00")).build();
        List<RuleContext> batch = new ArrayList<>(java.util.Collections.nCopies(goods, context(good, "member")));
        batch.add(context(bad, "member"));
        return batch;
    }
}
