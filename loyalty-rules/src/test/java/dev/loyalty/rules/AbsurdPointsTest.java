package dev.loyalty.rules;

import static dev.loyalty.rules.Shop.gbp;
import static dev.loyalty.rules.Shop.london;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.core.LoyaltyEngine;
import dev.loyalty.core.RuleEvaluationException;
import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.Points;
import org.junit.jupiter.api.Test;

/** A campaign's arithmetic mistake reaches the core as an absurd award, which the core refuses instead of crediting. */
class AbsurdPointsTest {

    @Test
    void shouldRefuseTheLargestLongThatAnMvelDivisionByZeroAwardsNamingTheRuleAndStoringNothing() {
        try (DroolsRuleEngine rules = DroolsRuleEngine.builder().drl("typo.drl", MalformedDrlTest.HEADER + """
                rule "TYPO-01 ten points shared by nobody"
                    dialect "mvel"
                when
                    Purchase()
                then
                    earn.points(10 / 0, "ten points");
                end
                """).build()) {
            LoyaltyEngine engine = Shop.engine(rules);
            MemberId member = Shop.enrol(engine, "member");
            Points before = engine.balance(member);
            Purchase purchase = Purchase.builder(EventId.of("p-typo"), member, london("2024-03-05T12:00"))
                    .line("A", "kitchen", 1, gbp("10.00")).build();

            assertThatThrownBy(() -> engine.process(purchase)).isInstanceOf(RuleEvaluationException.class)
                    .hasMessageContaining("TYPO-01").hasMessageContaining(Long.MAX_VALUE + " points")
                    .hasMessageContaining("program.maxPointsPerCredit");

            assertThat(engine.balance(member)).isEqualTo(before);
            assertThat(engine.ledger(member)).noneMatch(entry -> entry.eventId().equals(purchase.eventId()));
        }
    }
}
