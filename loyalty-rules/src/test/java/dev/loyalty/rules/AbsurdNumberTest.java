package dev.loyalty.rules;

import static dev.loyalty.rules.Shop.gbp;
import static dev.loyalty.rules.Shop.london;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.loyalty.core.LoyaltyEngine;
import dev.loyalty.core.RuleDefinitionException;
import dev.loyalty.core.RuleEvaluationException;
import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.Points;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A number no campaign means (a huge exponent or precision, the largest double or long, a negative
 * rate) is refused quickly naming the rule, never composed into a stall, an exhausted memory or a
 * silent overflow.
 */
class AbsurdNumberTest {

    private static final Duration QUICKLY = Duration.ofSeconds(5);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "earn.base($p, new java.math.BigDecimal(\"1E+1000000000\"), \"r\")                | digits before the decimal point",
            "earn.base($p, new java.math.BigDecimal(\"1E-1000000000\"), \"r\")                | is below 1E-18",
            "earn.base($p, new java.math.BigDecimal(\"1\" + \"0\".repeat(100000)), \"r\")     | digits before the decimal point",
            "earn.base($p, new java.math.BigDecimal(\"0.\" + \"1\".repeat(100000)), \"r\")    | significant digits",
            "earn.base($p, Double.MAX_VALUE, \"r\")                                           | digits before the decimal point",
            "earn.base($p, -1, \"r\")                                                         | must be zero or more",
            "earn.bonus($p, new java.math.BigDecimal(\"1E+1000000000\"), \"r\")               | digits before the decimal point",
            "earn.bonus($p, new java.math.BigDecimal(\"1E-1000000000\"), \"r\")               | is below 1E-18",
            "earn.bonus($p, Double.MAX_VALUE, \"r\")                                          | digits before the decimal point",
            "earn.bonus($p, -1, \"r\")                                                        | must be zero or more",
            "earn.multiply($p, new java.math.BigDecimal(\"1E+1000000000\"), \"r\")            | digits before the decimal point",
            "earn.multiply($p, new java.math.BigDecimal(\"1.\" + \"0\".repeat(99999) + \"1\"), \"r\") | significant digits",
            "earn.multiply($p, Double.MAX_VALUE, \"r\")                                       | digits before the decimal point",
            "earn.multiply($p, -2, \"r\")                                                     | at least 1",
            "earn.tierMultiplier(new java.math.BigDecimal(\"1E+1000000000\"), \"r\")          | digits before the decimal point",
            "earn.tierMultiplier(new java.math.BigDecimal(\"1.\" + \"0\".repeat(99999) + \"1\"), \"r\") | significant digits",
            "earn.tierMultiplier(Double.MAX_VALUE, \"r\")                                     | digits before the decimal point",
            "earn.tierMultiplier(-2, \"r\")                                                   | at least 1",
            "earn.points(Long.MAX_VALUE, \"r\")                                               | the largest whole number",
            "earn.points(-5, \"r\")                                                           | must not be negative",
            "earn.capPerEvent(-1, \"r\")                                                      | must not be negative",
            "earn.capPerDay(Long.MAX_VALUE, \"r\")                                            | the largest whole number"})
    void shouldRefuseAnAbsurdNumberQuicklyNamingTheRuleAndStoringNothing(String action, String message) {
        String campaign = """
                rule "ABSURD-01 absurd number"
                when
                    $p : Purchase()
                then
                    earn.base($p, 1, "base");
                    %s;
                end
                """.formatted(action);
        Throwable refusal = assertTimeoutPreemptively(QUICKLY, () -> refusal(campaign));
        assertThat(refusal).isInstanceOf(RuleEvaluationException.class)
                .hasMessageContaining("ABSURD-01 absurd number").hasMessageContaining(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "earnMultiplier(new java.math.BigDecimal(\"1E+1000000000\"))        | the earn multiplier of silver has 1000000001 digits before the decimal point",
            "earnMultiplier(new java.math.BigDecimal(\"1.\" + \"0\".repeat(99999) + \"1\")) | the earn multiplier of silver has 100001 significant digits (trailing zeros included); at most 34",
            "earnMultiplier(Double.MAX_VALUE)                                   | the earn multiplier of silver has 309 digits before the decimal point",
            "earnMultiplier(new java.math.BigDecimal(\"1E-1000000000\"))        | the earn multiplier of silver is below 1E-18",
            "earnMultiplier(new java.math.BigDecimal(\"-1E+1000000000\"))       | the earn multiplier of silver has 1000000001 digits before the decimal point",
            "discountPercent(new java.math.BigDecimal(\"1E+1000000000\"))       | the discount of silver has 1000000001 digits before the decimal point",
            "discountPercent(new java.math.BigDecimal(\"1E-1000000000\"))       | the discount of silver is below 1E-18",
            "qualifyAt(new java.math.BigDecimal(\"-1E+1000000000\"))            | the threshold of silver has 1000000001 digits before the decimal point"})
    void shouldRefuseAnAbsurdLadderNumberQuicklyNamingTheTier(String setting, String message) {
        String drl = MalformedDrlTest.HEADER + """
                rule "TIERS-09 absurd ladder" when $l : TierLadder( ) then
                    $l.qualifyOn("spend", "calendar-year"); $l.tier("gold").qualifyAt(200); $l.tier("silver").qualifyAt(100).%s;
                end
                """.formatted(setting);
        assertTimeoutPreemptively(QUICKLY, () -> assertThatThrownBy(() -> DroolsRuleEngine.builder().drl("absurd.drl", drl).build())
                .isInstanceOf(RuleDefinitionException.class).hasMessageContaining("TIERS-09 absurd ladder").hasMessageContaining(message));
    }

    /** Processes a purchase of one line under a campaign, checks nothing was stored, and returns what was thrown. */
    private static Throwable refusal(String campaign) {
        try (DroolsRuleEngine rules = DroolsRuleEngine.builder().drl("campaign.drl", MalformedDrlTest.HEADER + campaign).build()) {
            LoyaltyEngine engine = Shop.engine(rules);
            MemberId member = Shop.enrol(engine, "member");
            Points before = engine.balance(member);
            Purchase purchase = Purchase.builder(EventId.of("p-absurd"), member, london("2024-03-05T12:00"))
                    .line("KITCHEN-1", "kitchen", 1, gbp("10.00")).build();

            Throwable refusal = catchThrowable(() -> engine.process(purchase));

            assertThat(engine.balance(member)).isEqualTo(before);
            assertThat(engine.ledger(member)).noneMatch(entry -> entry.eventId().equals(purchase.eventId()));
            return refusal;
        }
    }
}
