package dev.loyalty.rules;

import static dev.loyalty.rules.Shop.context;
import static dev.loyalty.rules.Shop.gbp;
import static dev.loyalty.rules.Shop.london;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.spi.Decision;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * MVEL interprets a constraint or consequence for about 20 evaluations and then compiles it to
 * bytecode, which can change BigDecimal arithmetic. The same rule must give the same decision
 * before and after the switch.
 */
class MvelCompilationTest {

    private static final int EVALUATIONS = 60;

    @Test
    void shouldGiveTheSameDecisionsWhenABigDecimalRuleIsEvaluatedPastTheJitThreshold() {
        try (DroolsRuleEngine engine = DroolsRuleEngine.builder().drl("mvel.drl", MalformedDrlTest.HEADER + """
                rule "MV-01 a third of the unit price as bonus, on lines over 10"
                    dialect "mvel"
                when
                    $l : PurchaseLine( amount * 2 > 20.00B, unitPrice / 3 > 1 )
                then
                    earn.bonus($l, $l.unitPrice / 3, "a third");
                end
                """).build()) {
            List<List<Decision>> results = new ArrayList<>();
            for (int i = 0; i < EVALUATIONS; i++) {
                Purchase purchase = Purchase.builder(EventId.of("p-" + i), MemberId.of("m-1"), london("2024-03-05T12:00"))
                        .line("A", "kitchen", 1, gbp("10.00"))
                        .line("B", "kitchen", 2, gbp("5.50"))
                        .build();
                results.add(engine.evaluate(context(purchase, "member")).decisions());
            }

            // only line B (2 x 5.50 = 11.00) qualifies; 5.50 / 3 in MVEL's 34-digit decimal arithmetic
            Decision expected = new Decision.BonusRate("MV-01 a third of the unit price as bonus, on lines over 10", "a third", 1,
                    new BigDecimal("5.50").divide(new BigDecimal(3), java.math.MathContext.DECIMAL128));
            assertThat(results).allSatisfy(decisions -> assertThat(decisions).containsExactly(expected));
        }
    }
}
