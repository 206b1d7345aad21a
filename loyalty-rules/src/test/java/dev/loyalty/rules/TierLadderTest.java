package dev.loyalty.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.loyalty.core.LoyaltyConfigurationException;
import dev.loyalty.core.LoyaltyEngine;
import dev.loyalty.core.Outcome;
import dev.loyalty.core.RuleDefinitionException;
import dev.loyalty.core.RuleProblem;
import dev.loyalty.core.event.Enrolment;
import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.LedgerEntry;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.Money;
import dev.loyalty.core.spi.RuleEngine;
import dev.loyalty.core.tier.MemberTier;
import dev.loyalty.core.tier.QualifyingMetric;
import dev.loyalty.core.tier.QualifyingWindow;
import dev.loyalty.core.tier.TierPolicy;
import dev.loyalty.core.testing.DelegatingRuleEngine;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The tier ladder declared in DRL: read once when the engine is built, used for promotion, benefits and the earn multiplier. */
class TierLadderTest {

    private static final String HEADER = """
            package t;
            import dev.loyalty.rules.vocabulary.*;
            global dev.loyalty.rules.vocabulary.Earn earn;
            rule "BASE-01" when $p : Purchase( ) then earn.base($p, 1, "1 point per pound"); end
            """;

    @Test
    void shouldReadTheDefaultPacksLadder() {
        TierPolicy policy = Shop.DEFAULT_RULES.tierPolicy().orElseThrow();

        assertThat(policy.metric()).isEqualTo(QualifyingMetric.SPEND);
        assertThat(policy.window()).isEqualTo(QualifyingWindow.ROLLING_12_MONTHS);
        assertThat(policy.graceDays()).isEqualTo(90);
        assertThat(policy.softLanding()).isTrue();
        assertThat(policy.thresholds()).containsOnlyKeys("silver", "gold", "diamond");
        assertThat(policy.thresholds().get("gold")).isEqualByComparingTo("1500");
        assertThat(policy.benefitsOf("silver").earnMultiplier()).isEqualByComparingTo("1.2");
        assertThat(policy.benefitsOf("gold").discountPercent()).isEqualByComparingTo("10");
        assertThat(policy.benefitsOf("gold").perks()).containsEntry("free-delivery", "yes");
        assertThat(policy.benefitsOf("member").earnMultiplier()).isEqualByComparingTo("1");
    }

    @Test
    void shouldPromoteAndThenEarnTheMultiplierTheLadderGivesThroughTheDefaultPack() {
        LoyaltyEngine engine = Shop.engine(Shop.DEFAULT_RULES);
        MemberId member = Shop.enrol(engine, "member");
        Instant tuesday = Instant.parse("2024-03-05T12:00:00Z");

        Outcome promoting = engine.process(Purchase.builder(EventId.of("big"), member, tuesday)
                .line("SOFA", "furniture", 1, Money.of("1500.00", "GBP")).build());
        Outcome next = engine.process(Purchase.builder(EventId.of("next"), member, tuesday.plusSeconds(60))
                .line("22138", "kitchen", 1, Money.of("10.00", "GBP")).build());

        assertThat(promoting.explanation().steps()).anySatisfy(step -> assertThat(step.reason()).isEqualTo("Promoted from member to gold"));
        assertThat(next.entries()).extracting(LedgerEntry::rule, LedgerEntry::reason).contains(
                org.assertj.core.groups.Tuple.tuple("TIER-01 tier earn multiplier", "Gold members earn 1.5x points"));
        MemberTier tier = engine.tier(member);
        assertThat(tier.tier().code()).isEqualTo("gold");
        assertThat(tier.benefits().discountPercent()).isEqualByComparingTo("10");
        assertThat(tier.benefits().earnMultiplier()).isEqualByComparingTo("1.5");
    }

    @Test
    void shouldDefineNoPolicyWithoutALadderRule() {
        try (DroolsRuleEngine rules = DroolsRuleEngine.builder().drl("base.drl", HEADER).build()) {
            assertThat(rules.tierPolicy()).isEmpty();
        }
    }

    @Test
    void shouldRefuseALadderWithAnUnknownMetricNamingTheRule() {
        String drl = HEADER + """
                rule "TIERS-09 bad ladder" when $l : TierLadder( ) then $l.qualifyOn("visits", "calendar-year"); end
                """;
        assertThatThrownBy(() -> DroolsRuleEngine.builder().drl("bad.drl", drl).build())
                .isInstanceOf(RuleDefinitionException.class)
                .hasMessageContaining("TIERS-09 bad ladder").hasMessageContaining("spend, points or purchases").hasMessageContaining("visits");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "earnMultiplier(0.5)     | the earn multiplier of silver must be at least 1, was 0.5",
            "discountPercent(150)    | the discount of silver must be 0 to 100, was 150",
            "perk(\" \", \"yes\")      | a perk name of silver must not be blank"})
    void shouldRefuseABadBenefitNamingTheTierAndTheRule(String setting, String message) {
        String drl = HEADER + """
                rule "TIERS-09 bad ladder" when $l : TierLadder( ) then
                    $l.qualifyOn("spend", "calendar-year"); $l.tier("gold").qualifyAt(200); $l.tier("silver").qualifyAt(100).%s;
                end
                """.formatted(setting);
        assertThatThrownBy(() -> DroolsRuleEngine.builder().drl("bad.drl", drl).build())
                .isInstanceOf(RuleDefinitionException.class).hasMessageContaining("TIERS-09 bad ladder").hasMessageContaining(message);
    }

    @Test
    void shouldRefuseANotANumberThresholdNamingTheTier() {
        String drl = HEADER + """
                rule "TIERS-09 bad ladder" when $l : TierLadder( ) then
                    $l.qualifyOn("spend", "calendar-year"); $l.tier("silver").qualifyAt(Double.NaN);
                end
                """;
        assertThatThrownBy(() -> DroolsRuleEngine.builder().drl("bad.drl", drl).build())
                .isInstanceOf(RuleDefinitionException.class).hasMessageContaining("TIERS-09 bad ladder")
                .hasMessageContaining("the threshold of silver must be a finite number, was NaN");
    }

    @Test
    void shouldRefuseAnInfiniteEarnMultiplierNamingTheTier() {
        String drl = HEADER + """
                rule "TIERS-09 bad ladder" when $l : TierLadder( ) then
                    $l.qualifyOn("spend", "calendar-year"); $l.tier("silver").qualifyAt(100).earnMultiplier(Double.POSITIVE_INFINITY);
                end
                """;
        assertThatThrownBy(() -> DroolsRuleEngine.builder().drl("bad.drl", drl).build())
                .isInstanceOf(RuleDefinitionException.class)
                .hasMessageContaining("the earn multiplier of silver must be a finite number, was Infinity");
    }

    @Test
    void shouldNameTheFileAndLineOfTheLadderRuleWhenTheLadderIsRefused() {
        String drl = HEADER + """
                rule "TIERS-09 bad ladder" when $l : TierLadder( ) then $l.qualifyOn("visits", "calendar-year"); end
                """;
        RuleDefinitionException e = catchThrowableOfType(RuleDefinitionException.class, () -> DroolsRuleEngine.builder().drl("bad.drl", drl).build());

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.resource()).isEqualTo("bad.drl");
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.rule()).isEqualTo("TIERS-09 bad ladder");
        });
    }

    @Test
    void shouldReturnTheLadderProblemFromValidateInsteadOfThrowing() {
        String drl = HEADER + """
                rule "TIERS-09 bad ladder" when $l : TierLadder( ) then
                    $l.qualifyOn("spend", "calendar-year"); $l.tier("silver").qualifyAt(100).earnMultiplier(0.5);
                end
                """;
        List<RuleProblem> problems = DroolsRuleEngine.builder().drl("bad.drl", drl).validate(null);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.rule()).isEqualTo("TIERS-09 bad ladder");
            assertThat(p.message()).contains("the earn multiplier of silver must be at least 1, was 0.5");
        });
    }

    @Test
    void shouldRefuseToBuildAnEngineWhoseLadderNamesATierOffTheProgram() {
        String drl = HEADER + """
                rule "TIERS-01 ladder" when $l : TierLadder( ) then
                    $l.qualifyOn("purchases", "anniversary-year"); $l.tier("platinum").qualifyAt(10);
                end
                """;
        try (DroolsRuleEngine rules = DroolsRuleEngine.builder().drl("ladder.drl", drl).build()) {
            assertThatThrownBy(() -> LoyaltyEngine.builder().program(Shop.PROGRAM).ruleEngine(rules).build())
                    .isInstanceOf(LoyaltyConfigurationException.class).hasMessageContaining("platinum");
        }
    }

    @Test
    void shouldReadTheLadderWithoutFiringARuleThatHasNoConditions() {
        String drl = HEADER + """
                rule "TIERS-01 ladder" when $l : TierLadder( ) then
                    $l.qualifyOn("purchases", "anniversary-year"); $l.tier("gold").qualifyAt(10);
                end
                rule "ALL-01 a point on every event" when then earn.points(1, "a point on every event"); end
                """;
        try (DroolsRuleEngine rules = DroolsRuleEngine.builder().drl("ladder.drl", drl).build()) {
            assertThat(rules.tierPolicy().orElseThrow().thresholds()).containsOnlyKeys("gold");
        }
    }

    @Test
    void shouldNotMatchTheLadderRuleOnEvents() {
        LoyaltyEngine engine = Shop.engine(Shop.DEFAULT_RULES);
        MemberId member = MemberId.of("ladder-check");
        Outcome outcome = engine.process(Enrolment.of(EventId.of("enrol-ladder-check"), member, Shop.ENROLLED));
        assertThat(outcome.entries()).extracting(LedgerEntry::rule).doesNotContain("TIERS-00 tier ladder");
    }

    /**
     * A reload that lands while a {@code LoyaltyEngine} is being built, after it checked the rules'
     * ladder and before it registered its guard (placed there by a rule engine that reloads from
     * inside that check, as another thread could): the engine's guard still refuses a ladder that
     * does not fit its program.
     */
    @Test
    void shouldRefuseALadderOffTheProgramReloadedWhileAnEngineIsBeingBuilt() {
        String fits = HEADER + """
                rule "TIERS-01 ladder" when $l : TierLadder( ) then
                    $l.qualifyOn("purchases", "anniversary-year"); $l.tier("gold").qualifyAt(10);
                end
                """;
        String offTheProgram = fits.replace("\"gold\"", "\"platinum\"");
        try (DroolsRuleEngine rules = DroolsRuleEngine.builder().drl("ladder.drl", fits).build()) {
            String before = rules.version();
            java.util.concurrent.atomic.AtomicReference<RuntimeException> refusal = new java.util.concurrent.atomic.AtomicReference<>();
            boolean[] reloaded = {false};
            RuleEngine reloadingOnce = new DelegatingRuleEngine(rules) {
                @Override
                public java.util.Optional<TierPolicy> tierPolicy() {
                    java.util.Optional<TierPolicy> policy = rules.tierPolicy();
                    if (!reloaded[0]) {
                        reloaded[0] = true;
                        try {
                            rules.reload(DroolsRuleEngine.builder().drl("ladder.drl", offTheProgram));
                        } catch (RuntimeException e) {
                            refusal.set(e);
                        }
                    }
                    return policy;
                }
            };

            try (LoyaltyEngine engine = LoyaltyEngine.builder().program(Shop.PROGRAM).ruleEngine(reloadingOnce).build()) {
                assertThat(reloaded[0]).isTrue();
                assertThat(refusal.get()).isInstanceOf(LoyaltyConfigurationException.class).hasMessageContaining("platinum");
                assertThat(rules.version()).isEqualTo(before);
            }
        }
    }
}
