package dev.loyalty.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.Money;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** A purchase's total, taken in long arithmetic when it fits, is the exact BigDecimal sum, in value and in scale. */
class PurchaseTotalProperties {

    private static final Gen<Purchase> PURCHASES = in -> {
        int lines = integers().between(1, 6).generate(in);
        boolean sameScale = integers().between(0, 3).generate(in) > 0;
        Gen<Long> unscaled = Generate.oneOf(longs().between(0, 100_000), longs().between(0, 999_999_999_999_999_999L));
        Gen<Integer> quantities = Generate.oneOf(integers().between(1, 5), integers().between(1, 1_000_000));
        Purchase.Builder purchase = Purchase.builder(EventId.of("p-1"), MemberId.of("m-1"), Instant.parse("2026-03-02T10:00:00Z"));
        for (int l = 0; l < lines; l++) {
            int scale = sameScale ? 2 : integers().between(0, 12).generate(in);
            BigDecimal price = BigDecimal.valueOf(unscaled.generate(in), scale);
            if (price.precision() - price.scale() > Money.MAX_INTEGER_DIGITS) {
                price = price.movePointLeft(4);
            }
            purchase.line("SKU-" + l, "general", quantities.generate(in), Money.of(price, "GBP"));
        }
        return purchase.build();
    };

    @Test
    void shouldTotalTheExactSumOfTheLinesWhenTakenInLongs() {
        qt().withFixedSeed(3L).withExamples(3_000).forAll(PURCHASES).checkAssert(purchase -> {
            BigDecimal exact = BigDecimal.ZERO;
            for (PurchaseLine line : purchase.lines()) {
                exact = exact.add(line.unitPrice().amount().multiply(BigDecimal.valueOf(line.quantity())));
            }
            Object expected;
            try {
                expected = new Money(exact, purchase.currency());
            } catch (RuntimeException e) {
                expected = e.getClass().getName() + ": " + e.getMessage();
            }
            Object actual;
            try {
                actual = purchase.total();
            } catch (RuntimeException e) {
                actual = e.getClass().getName() + ": " + e.getMessage();
            }
            assertThat(actual).as("%s", purchase).isEqualTo(expected);
        });
    }
}
