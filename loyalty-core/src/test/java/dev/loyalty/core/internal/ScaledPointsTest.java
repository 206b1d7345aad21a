package dev.loyalty.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.core.InvalidInputException;
import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.Money;
import dev.loyalty.core.spi.Decision;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When the stacking formula can run in scaled longs, and when it must leave it to BigDecimal. */
class ScaledPointsTest {

    private static final Instant AT = Instant.parse("2026-03-02T10:00:00Z");

    private static ScaledPoints scaled(Purchase purchase, Decision... decisions) {
        List<Decision> list = List.of(decisions);
        ScaledPoints.Lines lines = ScaledPoints.Lines.of(purchase.lines());
        return lines == null ? null
                : ScaledPoints.of(list, purchase.lines(), lines, PointsComposer.Winners.of(list, purchase.lines().size()));
    }

    private static Purchase purchase(int quantity, String unitPrice) {
        return Purchase.builder(EventId.of("p-1"), MemberId.of("m-1"), AT).line("SKU-1", "garden", quantity, Money.of(unitPrice, "GBP"))
                .build();
    }

    @Test
    void shouldComposeInScaledLongsWhenValuesAreEveryday() {
        ScaledPoints points = scaled(purchase(3, "0.35"), new Decision.BaseRate("BASE", "base", Decision.WHOLE_EVENT, new BigDecimal("1.5")),
                new Decision.Multiplier("PROMO", "promo", 0, new BigDecimal("2")),
                new Decision.TierMultiplier("GOLD", "gold", new BigDecimal("1.25")));

        // 1.05 x 1.5 = 1.575 base, as much again from the promotion, a quarter of 3.15 from the tier: 3.9375
        assertThat(points).isNotNull();
        assertThat(points.total(RoundingMode.DOWN)).isEqualTo(3);
        assertThat(points.total(RoundingMode.HALF_UP)).isEqualTo(4);
        assertThat(points.allocate(3)).containsExactly(1, 1, 1);
    }

    @Test
    void shouldLeaveItToBigDecimalWhenAProductLeavesTheLongRange() {
        ScaledPoints points = scaled(purchase(1_000_000, "999999999999.99"),
                new Decision.BaseRate("BASE", "base", Decision.WHOLE_EVENT, new BigDecimal("123456789.123456789")));

        assertThat(points).isNull();
    }

    @Test
    void shouldGiveLeftoverPointsToTheLargestFractionsWhenMoreThan32PartsShare() {
        // 33 lines of 1.00 GBP, line l earning a bonus of 0.0(l+1) points: 5.61 in all, no part a whole point, so the 5
        // points go one each to the 5 largest fractions, the last 5 lines (33 parts take the merge sort, not the insertion sort)
        Purchase.Builder builder = Purchase.builder(EventId.of("p-33"), MemberId.of("m-1"), AT);
        Decision[] decisions = new Decision[33];
        for (int l = 0; l < 33; l++) {
            builder.line("SKU-" + l, "garden", 1, Money.of("1.00", "GBP"));
            decisions[l] = new Decision.BonusRate("BONUS-" + l, "bonus", l, BigDecimal.valueOf(l + 1, 2));
        }
        ScaledPoints points = scaled(builder.build(), decisions);

        assertThat(points).isNotNull();
        assertThat(points.total(RoundingMode.DOWN)).isEqualTo(5);
        long[] expected = new long[33];
        for (int l = 28; l < 33; l++) {
            expected[l] = 1;
        }
        assertThat(points.allocate(5)).containsExactly(expected);
    }

    @Test
    void shouldRefuseALineAmountOfTenToTheEighteenAsMoneyDoes() {
        // 10^17 x 10 fits a long, but an amount of 10^18 is one Money refuses: the scaled path must not take it, so the
        // composer makes the amount as Money and fails as it always has
        Purchase purchase = Purchase.builder(EventId.of("p-big"), MemberId.of("m-1"), AT)
                .line("SKU-1", "garden", 10, Money.of("100000000000000000", "JPY")).build();
        List<Decision> decisions = List.of(new Decision.BaseRate("BASE", "base", Decision.WHOLE_EVENT, BigDecimal.ONE));

        assertThat(ScaledPoints.Lines.of(purchase.lines())).isNull();
        assertThatThrownBy(() -> PointsComposer.compose(purchase, decisions, RoundingMode.DOWN, () -> 0, "JPY"))
                .isInstanceOf(InvalidInputException.class);
    }
}
