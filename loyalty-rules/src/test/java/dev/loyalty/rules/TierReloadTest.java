package dev.loyalty.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.core.LoyaltyConfigurationException;
import dev.loyalty.core.LoyaltyEngine;
import dev.loyalty.core.Outcome;
import dev.loyalty.core.SweepRequest;
import dev.loyalty.core.event.Enrolment;
import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.Money;
import dev.loyalty.core.spi.Evaluation;
import dev.loyalty.core.spi.RuleContext;
import dev.loyalty.core.spi.RuleEngine;
import dev.loyalty.core.spi.SweepContext;
import dev.loyalty.core.store.InMemoryStore;
import dev.loyalty.core.testing.TestClock;
import dev.loyalty.core.testing.DelegatingRuleEngine;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A reload that changes the tier ladder: the core follows the new ladder at once, or the reload is refused. */
class TierReloadTest {

    private static final Instant TUESDAY = Instant.parse("2024-03-05T12:00:00Z");

    private static String ladder(String silverAt, String extraTier) {
        return """
                package t;
                import dev.loyalty.rules.vocabulary.*;
                global dev.loyalty.rules.vocabulary.Earn earn;
                rule "BASE-01" when $p : Purchase( ) then earn.base($p, 1, "1 point per pound"); end
                rule "TIERS-00 ladder"
                when
                    $l : TierLadder( )
                then
                    $l.qualifyOn("spend", "rolling-12-months");
                    $l.tier("silver").qualifyAt(%s).earnMultiplier(1.2);
                    %s
                end
                """.formatted(silverAt, extraTier);
    }

    private static DroolsRuleEngine.Builder rules(String silverAt, String extraTier) {
        return DroolsRuleEngine.builder().drl("tiers.drl", ladder(silverAt, extraTier));
    }

    private static Purchase spend(MemberId member, String id, String amount) {
        return Purchase.builder(EventId.of(id), member, TUESDAY).line("SOFA", "furniture", 1, Money.of(amount, "GBP")).build();
    }

    @Test
    void shouldPromoteByTheReloadedLadderNotTheOneTheEngineWasBuiltWith() {
        try (DroolsRuleEngine rules = rules("500", "").build(); LoyaltyEngine engine = Shop.engine(rules)) {
            MemberId member = Shop.enrol(engine, "member");

            rules.reload(rules("50", ""));
            Outcome outcome = engine.process(spend(member, "after-reload", "100.00"));

            assertThat(outcome.explanation().steps()).anySatisfy(step -> assertThat(step.reason()).isEqualTo("Promoted from member to silver"));
            assertThat(engine.tier(member).tier().code()).isEqualTo("silver");
            assertThat(engine.tier(member).benefits().earnMultiplier()).isEqualByComparingTo("1.2");
        }
    }

    @Test
    void shouldRefuseAReloadWhoseLadderDoesNotFitTheProgramAndKeepTheOldSet() {
        try (DroolsRuleEngine rules = rules("500", "").build(); LoyaltyEngine engine = Shop.engine(rules)) {
            MemberId member = Shop.enrol(engine, "member");
            String before = rules.version();

            assertThatThrownBy(() -> rules.reload(rules("50", "$l.tier(\"platinum\").qualifyAt(900);")))
                    .isInstanceOf(LoyaltyConfigurationException.class).hasMessageContaining("platinum");

            assertThat(rules.version()).isEqualTo(before);
            Outcome outcome = engine.process(spend(member, "after-refusal", "100.00"));
            assertThat(outcome.ruleSetVersion()).isEqualTo(before);
            assertThat(engine.tier(member).tier().code()).isEqualTo("member");
        }
    }

    @Test
    void shouldStopCheckingForAnEngineThatWasClosed() {
        try (DroolsRuleEngine rules = rules("500", "").build()) {
            Shop.engine(rules).close();

            rules.reload(rules("50", "$l.tier(\"platinum\").qualifyAt(900);"));

            assertThat(rules.tierPolicy().orElseThrow().thresholds()).containsKey("platinum");
        }
    }

    /**
     * A reload between the core reading the ladder for an event and the rules evaluating it: the
     * new set earns, so the event is reviewed by the new set's ladder too (silver from 50), not by
     * the old one it read first (silver from 500).
     */
    @Test
    void shouldReviewAnEventByTheLadderOfTheSetThatEvaluatedItWhenAReloadLandsInBetween() {
        try (DroolsRuleEngine rules = rules("500", "").build()) {
            AtomicBoolean reloaded = new AtomicBoolean();
            DelegatingRuleEngine reloadingOnce = new DelegatingRuleEngine(rules) {
                @Override
                public Evaluation evaluate(RuleContext context) {
                    if (context.event() instanceof Purchase && reloaded.compareAndSet(false, true)) {
                        rules.reload(rules("50", ""));
                    }
                    return super.evaluate(context);
                }
            };
            try (LoyaltyEngine engine = Shop.engine(reloadingOnce)) {
                MemberId member = Shop.enrol(engine, "member");

                Outcome outcome = engine.process(spend(member, "during-reload", "100.00"));

                assertThat(reloaded).isTrue();
                assertThat(outcome.ruleSetVersion()).isEqualTo(rules.version());
                assertThat(outcome.explanation().steps())
                        .anySatisfy(step -> assertThat(step.reason()).isEqualTo("Promoted from member to silver"));
            }
        }
    }

    /**
     * A batch's rules are evaluated ahead, before each member is locked: a reload after that
     * evaluation and before the event's work must not leave the event earning by the old set while
     * the new set's ladder reviews it.
     */
    @Test
    void shouldNotApplyABatchEvaluationOfTheOldSetUnderTheNewSetsLadder() {
        try (DroolsRuleEngine rules = rules("500", "").build()) {
            AtomicBoolean reloaded = new AtomicBoolean();
            DelegatingRuleEngine reloadingAfter = new DelegatingRuleEngine(rules) {
                @Override
                public List<Evaluation> evaluateAll(List<RuleContext> contexts) {
                    List<Evaluation> evaluations = super.evaluateAll(contexts);
                    if (reloaded.compareAndSet(false, true)) {
                        rules.reload(rules("50", ""));
                    }
                    return evaluations;
                }
            };
            try (LoyaltyEngine engine = Shop.engine(reloadingAfter)) {
                MemberId member = Shop.enrol(engine, "member");

                Outcome outcome = engine.processAll(List.of(spend(member, "batch-during-reload", "100.00"))).get(0).outcomeOrThrow();

                assertThat(reloaded).isTrue();
                assertThat(outcome.ruleSetVersion()).isEqualTo(rules.version());
                assertThat(outcome.explanation().steps())
                        .anySatisfy(step -> assertThat(step.reason()).isEqualTo("Promoted from member to silver"));
            }
        }
    }

    private static final String BIRTHDAY_OFFER = """
            package b;
            import dev.loyalty.rules.vocabulary.*;
            global dev.loyalty.rules.vocabulary.Offers offers;
            rule "BDAY-01" when $b : BirthdayDue( ) then offers.points($b, "BDAY-01", 500, 30, "Happy birthday"); end
            """;

    private static DroolsRuleEngine.Builder rulesWithBirthdays(String silverAt) {
        return rules(silverAt, "").drl("offers.drl", BIRTHDAY_OFFER);
    }

    /** Sweeps a member who spent 100.00 in the year under the given engine, on their enrolment's anniversary and birthday. */
    private static String tierAfterTheAnniversarySweep(DroolsRuleEngine rules, RuleEngine asked) {
        TestClock clock = new TestClock(Instant.parse("2024-01-02T10:00:00Z"));
        try (LoyaltyEngine engine = LoyaltyEngine.builder().program(Shop.PROGRAM).clock(clock).store(new InMemoryStore())
                .ruleEngine(asked).build()) {
            MemberId member = MemberId.of("m-1");
            engine.process(Enrolment.of(EventId.of("enrol"), member, clock.instant()).withBirthday(LocalDate.of(1990, 1, 10)));
            clock.set(TUESDAY);
            engine.process(spend(member, "spend", "100.00"));
            Instant anniversary = Instant.parse("2025-01-10T08:00:00Z");
            clock.set(anniversary);
            engine.sweep(SweepRequest.builder().asOf(anniversary).build());
            assertThat(engine.offers(member)).as("the birthday offer the sweep asked the rules for").isNotEmpty();
            return engine.tier(member).tier().code();
        }
    }

    @Test
    void shouldKeepSilverAtTheReviewUnderALadderItQualifiesFor() {
        try (DroolsRuleEngine rules = rulesWithBirthdays("50").build()) {
            assertThat(tierAfterTheAnniversarySweep(rules, rules)).isEqualTo("silver");
        }
    }

    /**
     * A reload while the sweep asks the rules for a member's offers: the member is reviewed by the
     * ladder of the set that issued the offers (silver from 500, which 100.00 misses), not by the
     * old one read before (silver from 50).
     */
    @Test
    void shouldReviewASweptMemberByTheLadderOfTheSetThatEvaluatedTheSweep() {
        try (DroolsRuleEngine rules = rulesWithBirthdays("50").build()) {
            AtomicBoolean reloaded = new AtomicBoolean();
            DelegatingRuleEngine reloadingOnce = new DelegatingRuleEngine(rules) {
                @Override
                public Evaluation evaluateSweep(SweepContext context) {
                    if (reloaded.compareAndSet(false, true)) {
                        rules.reload(rulesWithBirthdays("500"));
                    }
                    return super.evaluateSweep(context);
                }
            };

            String tier = tierAfterTheAnniversarySweep(rules, reloadingOnce);

            assertThat(reloaded).isTrue();
            assertThat(tier).isEqualTo("member");
        }
    }
}
