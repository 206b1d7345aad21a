package dev.loyalty.rules;

import static dev.loyalty.rules.Shop.enrol;
import static dev.loyalty.rules.Shop.gbp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.loyalty.core.LoyaltyEngine;
import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.event.PurchaseLine;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.MemberId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Properties of the default campaign pack, checked end to end through the core. */
class DefaultPackProperties {

    private static final Instant FIRST_DAY = Instant.parse("2024-11-25T12:00:00Z");

    /** A line as generated: sku, category, quantity and unit price in pence. */
    record LineSpec(String sku, String category, int quantity, int pence) {
        PurchaseLine line() {
            return new PurchaseLine(sku, category, quantity, gbp(BigDecimal.valueOf(pence, 2).toPlainString()));
        }
    }

    /** A member's tier, a purchase day and its lines. */
    record Shape(String tier, int day, List<LineSpec> lines, int lineToGrow) {
    }

    /** A purchase as generated, and how one of its lines grows. */
    record Case(Shape shape, boolean growQuantity, int growth) {
        int index() {
            return shape.lineToGrow() % shape.lines().size();
        }

        List<LineSpec> grownLines() {
            List<LineSpec> lines = new ArrayList<>(shape.lines());
            LineSpec l = lines.get(index());
            lines.set(index(), growQuantity ? new LineSpec(l.sku(), l.category(), l.quantity() + 1 + growth % 10, l.pence())
                    : new LineSpec(l.sku(), l.category(), l.quantity(), l.pence() + growth));
            return lines;
        }
    }

    private static Gen<LineSpec> lines() {
        Gen<String> skus = arbitrary().pick("85123A", "22138", "G-7", "POST");
        Gen<String> categories = arbitrary().pick("kitchen", "garden", "service", "home");
        return skus.zip(categories, integers().between(1, 20), integers().between(0, 50_000), LineSpec::new);
    }

    private static Gen<Case> cases() {
        Gen<String> tiers = arbitrary().pick("member", "silver", "gold", "diamond");
        // 25 November to 4 January: weekdays, weekends, advent and after
        Gen<Integer> days = integers().between(0, 40);
        Gen<Shape> shapes = tiers.zip(days, lists().of(lines()).ofSizeBetween(1, 5), integers().between(0, 4), Shape::new);
        return shapes.zip(arbitrary().pick(true, false), integers().between(1, 20_000), Case::new);
    }

    private static long points(LoyaltyEngine engine, Shape shape, List<LineSpec> lines) {
        MemberId member = enrol(engine, shape.tier());
        Instant at = FIRST_DAY.plus(shape.day(), ChronoUnit.DAYS);
        Purchase.Builder purchase = Purchase.builder(EventId.of("order-of-" + member), member, at);
        lines.forEach(l -> purchase.line(l.line()));
        return engine.process(purchase.build()).points().value();
    }

    @Test
    void shouldNeverEarnFewerPointsWhenALinesPriceOrQuantityGrows() {
        try (LoyaltyEngine engine = Shop.engine(Shop.DEFAULT_RULES)) {
            qt().withExamples(300).forAll(cases()).checkAssert(c -> {
                long before = points(engine, c.shape(), c.shape().lines());
                long after = points(engine, c.shape(), c.grownLines());

                assertThat(after).as("points of %s after growing line %s to %s", c.shape(), c.index(), c.grownLines())
                        .isGreaterThanOrEqualTo(before);
            });
        }
    }
}
