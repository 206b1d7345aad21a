package dev.loyalty.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.core.LoyaltyEngine;
import dev.loyalty.core.RuleEvaluationException;
import dev.loyalty.core.SweepReport;
import dev.loyalty.core.SweepRequest;
import dev.loyalty.core.event.Enrolment;
import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.Money;
import dev.loyalty.core.model.Offer;
import dev.loyalty.core.model.OfferKind;
import dev.loyalty.core.spi.RuleEngine;
import dev.loyalty.core.store.InMemoryStore;
import dev.loyalty.core.testing.TestClock;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Offers issued by DRL in the sweep: the default pack's birthday and win-back rules, and the {@code offers} actions. */
class OfferRulesTest {

    private static final MemberId MEMBER = MemberId.of("m-1");

    /** Stands at {@link Shop#NOW} until a sweep moves it: a sweep runs as of the engine's clock, never later. */
    private final TestClock clock = new TestClock(Shop.NOW);

    private LoyaltyEngine engine(RuleEngine rules) {
        return LoyaltyEngine.builder().program(Shop.PROGRAM).clock(clock).store(new InMemoryStore()).ruleEngine(rules).build();
    }

    private SweepReport sweep(LoyaltyEngine engine, String instant) {
        clock.set(Instant.parse(instant));
        return engine.sweep(SweepRequest.builder().asOf(Instant.parse(instant)).build());
    }

    private static void enrol(LoyaltyEngine engine, String tier, LocalDate birthday) {
        engine.process(Enrolment.of(EventId.of("enrol"), MEMBER, Shop.ENROLLED).withTier(tier).withBirthday(birthday));
    }

    @Test
    void shouldIssueTheDefaultBirthdayPointsOfferOnceWhenSweptTwiceInTheBirthdayMonth() {
        LoyaltyEngine engine = engine(Shop.DEFAULT_RULES);
        enrol(engine, "member", LocalDate.of(1990, 7, 15));
        engine.process(Purchase.builder(EventId.of("p-1"), MEMBER, Instant.parse("2025-05-30T12:00:00Z"))
                .line("22138", "kitchen", 1, Money.of("10", "GBP")).build());

        sweep(engine, "2025-07-01T08:00:00Z");
        sweep(engine, "2025-07-20T08:00:00Z");

        assertThat(engine.offers(MEMBER)).singleElement().satisfies(offer -> {
            assertThat(offer.template()).isEqualTo("BDAY-01");
            assertThat(offer.kind()).isEqualTo(OfferKind.POINTS);
            assertThat(offer.value()).isEqualByComparingTo("500");
            assertThat(offer.rule()).isEqualTo("BDAY-01 birthday: 500 points");
        });
    }

    @Test
    void shouldIssueTheDefaultWinBackStagesWhenTheMemberStaysDormant() {
        LoyaltyEngine engine = engine(Shop.DEFAULT_RULES);
        enrol(engine, "member", null);
        engine.process(Purchase.builder(EventId.of("p-1"), MEMBER, Instant.parse("2025-01-01T12:00:00Z"))
                .line("22138", "kitchen", 1, Money.of("10", "GBP")).build());

        sweep(engine, "2025-03-31T12:00:00Z"); // 89 days
        assertThat(engine.offers(MEMBER)).isEmpty();
        sweep(engine, "2025-04-01T12:00:00Z"); // 90 days
        sweep(engine, "2025-06-30T12:00:00Z"); // 180 days

        assertThat(engine.offers(MEMBER)).extracting(Offer::template, o -> o.value().intValue())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("WINBACK-90", 10), org.assertj.core.groups.Tuple.tuple("WINBACK-180", 20));
    }

    @Test
    void shouldIssueFreeItemAndMultiplierOffersWhenCustomRulesTargetATier() {
        RuleEngine rules = DroolsRuleEngine.builder().drl("custom.drl", """
                package test;
                import dev.loyalty.rules.vocabulary.*;
                global dev.loyalty.rules.vocabulary.Offers offers;
                rule "GOLD-BDAY free cake"
                when
                    $b : BirthdayDue( tier == "gold", age >= 18 )
                then
                    offers.freeItem($b, "CAKE", "SKU-CAKE", 7, "A birthday cake on us");
                end
                rule "ANY-BDAY double points"
                when
                    $b : BirthdayDue( )
                then
                    offers.multiplier($b, "DOUBLE", 2, 14, "Double points on your next purchase");
                end
                """).build();
        LoyaltyEngine engine = engine(rules);
        enrol(engine, "gold", LocalDate.of(1990, 7, 15));

        sweep(engine, "2025-07-15T12:00:00Z");

        assertThat(engine.offers(MEMBER)).extracting(Offer::template, Offer::kind, Offer::itemCode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("CAKE", OfferKind.FREE_ITEM, "SKU-CAKE"),
                        org.assertj.core.groups.Tuple.tuple("DOUBLE", OfferKind.MULTIPLIER, null));
    }

    @Test
    void shouldReportTheMembersSweepAsFailedNamingTheRuleWhenAnOfferHasNoPoints() {
        RuleEngine rules = DroolsRuleEngine.builder().drl("bad.drl", """
                package test;
                import dev.loyalty.rules.vocabulary.*;
                global dev.loyalty.rules.vocabulary.Offers offers;
                rule "BAD-01 zero points"
                when
                    $b : BirthdayDue( )
                then
                    offers.points($b, "BAD-01", 0, 30, "Nothing");
                end
                """).build();
        LoyaltyEngine engine = engine(rules);
        enrol(engine, "member", LocalDate.of(1990, 7, 15));

        SweepReport report = sweep(engine, "2025-07-15T12:00:00Z");

        assertThat(report.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.memberId()).isEqualTo(MEMBER);
            assertThat(failure.cause()).isInstanceOf(RuleEvaluationException.class).hasMessageContaining("BAD-01 zero points");
        });
        assertThat(engine.offers(MEMBER)).isEmpty();
    }

    /**
     * MVEL divides whole numbers as doubles: {@code 500 / 0} is Infinity, which becomes Long.MAX_VALUE points, and
     * {@code 0 / 0} is NaN, which MVEL's own conversions make 0 points or 0 days.
     */
    @ParameterizedTest(name = "points {0}, days {1}")
    @CsvSource(delimiter = ';', value = {
            "500 / 0; 30; the largest whole number, as a division by zero",
            "0 / 0; 30; a whole number such as points is NaN (not a number)",
            "100; 0 / 0; a whole number such as points is NaN (not a number)"})
    void shouldIssueNoOfferAndNameTheLineWhenAnMvelOfferDividesByZero(String points, String days, String refusal) {
        RuleEngine rules = DroolsRuleEngine.builder().drl("bad.drl", """
                package test;
                import dev.loyalty.rules.vocabulary.*;
                global dev.loyalty.rules.vocabulary.Offers offers;
                rule "BAD-02 divided by zero"
                    dialect "mvel"
                when
                    $b : BirthdayDue( )
                then
                    offers.points($b, "BAD-02", %s, %s, "Nothing");
                end
                """.formatted(points, days)).build();
        LoyaltyEngine engine = engine(rules);
        enrol(engine, "member", LocalDate.of(1990, 7, 15));

        SweepReport report = sweep(engine, "2025-07-15T12:00:00Z");

        assertThat(report.failures()).singleElement().satisfies(failure -> assertThat(failure.cause())
                .isInstanceOf(RuleEvaluationException.class)
                .hasMessageContaining("rule \"BAD-02 divided by zero\"")
                .hasMessageContaining("consequence at bad.drl:8 failed: ")
                .hasMessageContaining(refusal));
        assertThat(engine.offers(MEMBER)).isEmpty();
    }

    @Test
    void shouldStillEvaluateEventsInOnePassWithTheOfferRulesInTheDefaultPack() {
        assertThat(Shop.DEFAULT_RULES.ruleNames()).contains("BDAY-01 birthday: 500 points", "WINBACK-01 10% off after 90 days without a purchase");
        assertThat(Shop.DEFAULT_RULES.evaluatesInOnePass()).isTrue();
    }
}
