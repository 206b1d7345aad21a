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

/** A reason no store can keep as written is refused, naming the rule, before anything is stored. */
class UnstorableReasonTest {

    @Test
    void shouldRefuseAReasonThatCutsACharacterBeyondTheBasicPlaneInHalfStoringNothing() {
        try (DroolsRuleEngine rules = DroolsRuleEngine.builder().drl("cut.drl", MalformedDrlTest.HEADER + """
                rule "CUT-01 bonus named after the first character of the SKU"
                when
                    $l : PurchaseLine()
                then
                    earn.bonus($l, 1, "Bonus on " + $l.getSku().substring(0, 1));
                end
                """).build()) {
            LoyaltyEngine engine = Shop.engine(rules);
            MemberId member = Shop.enrol(engine, "member");
            Points before = engine.balance(member);
            // the SKU starts with U+1F389, two UTF-16 units: the rule keeps only the first
            Purchase purchase = Purchase.builder(EventId.of("p-cut"), member, london("2024-03-05T12:00"))
                    .line("\uD83C\uDF89-PARTY", "party", 1, gbp("10.00")).build();

            assertThatThrownBy(() -> engine.process(purchase)).isInstanceOf(RuleEvaluationException.class)
                    .hasMessageContaining("CUT-01").hasMessageContaining("unpaired surrogate \\uD83C");

            assertThat(engine.balance(member)).isEqualTo(before);
            assertThat(engine.ledger(member)).noneMatch(entry -> entry.eventId().equals(purchase.eventId()));
        }
    }
}
