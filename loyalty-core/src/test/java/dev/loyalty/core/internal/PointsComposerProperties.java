package dev.loyalty.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.Money;
import dev.loyalty.core.spi.Decision;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The stacking formula in scaled {@code long} arithmetic gives exactly what the {@link BigDecimal}
 * path gives: the same total, awards, explanation steps, or the same refusal.
 */
class PointsComposerProperties {

    private static final Instant AT = Instant.parse("2026-03-02T10:00:00Z");
    private static final RoundingMode[] ROUNDINGS = {RoundingMode.DOWN, RoundingMode.UP, RoundingMode.FLOOR, RoundingMode.CEILING,
        RoundingMode.HALF_UP, RoundingMode.HALF_DOWN, RoundingMode.HALF_EVEN};

    /** Currencies of 2, 0 and 3 minor units: prices are normalised to each one's minor units, which changes their scales. */
    private static final String[] CURRENCIES = {"GBP", "JPY", "BHD", "KWD"};

    /** A purchase, its decisions, the rounding and the points already earned that day. */
    record Case(Purchase purchase, List<Decision> decisions, RoundingMode rounding, long earnedToday) {
    }

    /** Everyday values: prices in minor units or tenths of them (whole yen to thousandths of a dinar and finer), rates and factors of a few digits. */
    private static final Gen<Case> EVERYDAY = cases(
            Generate.oneOf(longs().between(0, 100_000), longs().between(0, 1_000)), integers().between(0, 4),
            integers().between(1, 20),
            Generate.pick(List.of("0", "1", "2", "0.5", "0.25", "1.5", "3", "0.1", "10", "0.05", "2.5")),
            Generate.pick(List.of("1", "1.5", "2", "3", "1.25", "1.1", "1.05", "2.5", "10")));

    /** Values at the edges: large prices and quantities, rates and factors with many digits, so some leave the long range. */
    private static final Gen<Case> EDGY = cases(
            Generate.oneOf(longs().between(0, 999_999_999_999_999L), longs().between(0, 100), longs().between(0, 1_000_000_000)),
            integers().between(2, 12), Generate.oneOf(integers().between(1, 1_000_000), integers().between(1, 3)),
            Generate.pick(List.of("0", "1", "0.0000001", "123456789.123456789", "99999999999", "0.333333333333", "1E+3", "7")),
            Generate.pick(List.of("1", "1.000000001", "1234567.5", "1.333333333333333", "2E+1", "1.5", "99999")));

    @Test
    void shouldComposeTheSamePointsInScaledLongsAsInBigDecimalsWhenValuesAreEveryday() {
        qt().withFixedSeed(11L).withExamples(3_000).forAll(EVERYDAY).checkAssert(PointsComposerProperties::assertSamePoints);
    }

    @Test
    void shouldComposeTheSamePointsInScaledLongsAsInBigDecimalsWhenValuesAreAtTheEdges() {
        qt().withFixedSeed(12L).withExamples(3_000).forAll(EDGY).checkAssert(PointsComposerProperties::assertSamePoints);
    }

    private static void assertSamePoints(Case c) {
        Object scaled = composed(c, true);
        Object decimal = composed(c, false);
        assertThat(scaled).as("%s", c).isEqualTo(decimal);
    }

    /** The total, awards and steps, or the refusal's type and message. */
    private static Object composed(Case c, boolean scaledLongs) {
        try {
            PointsComposer.Composition composition = PointsComposer.compose(c.purchase(), c.decisions(), c.rounding(),
                    c::earnedToday, c.purchase().currency().getCurrencyCode(), scaledLongs);
            return List.of(composition.total(), composition.awards(), composition.steps());
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    private static Gen<Case> cases(Gen<Long> unscaledPrices, Gen<Integer> priceScales, Gen<Integer> quantities, Gen<String> rates,
                                   Gen<String> factors) {
        Gen<Integer> lineCounts = integers().between(1, 5);
        Gen<Integer> decisionCounts = integers().between(0, 9);
        Gen<Integer> kinds = integers().between(0, 7);
        Gen<Integer> any = integers().between(0, Integer.MAX_VALUE - 1);
        Gen<Long> points = Generate.oneOf(longs().between(0, 500), longs().between(0, Long.MAX_VALUE / 2));
        return in -> {
            int lineCount = lineCounts.generate(in);
            String currency = CURRENCIES[any.generate(in) % CURRENCIES.length];
            Purchase.Builder purchase = Purchase.builder(EventId.of("p-1"), MemberId.of("m-1"), AT);
            for (int l = 0; l < lineCount; l++) {
                BigDecimal price = BigDecimal.valueOf(unscaledPrices.generate(in), priceScales.generate(in));
                purchase.line("SKU-" + l, "general", quantities.generate(in), Money.of(price, currency));
            }
            int decisionCount = decisionCounts.generate(in);
            List<Decision> decisions = new ArrayList<>();
            for (int d = 0; d < decisionCount; d++) {
                String rule = "R" + any.generate(in) % 4;
                int line = any.generate(in) % (lineCount + 1) - 1;
                decisions.add(switch (kinds.generate(in)) {
                    case 0 -> new Decision.BaseRate(rule, "base", line, new BigDecimal(rates.generate(in)));
                    case 1 -> new Decision.BonusRate(rule, "bonus", line, new BigDecimal(rates.generate(in)));
                    case 2 -> new Decision.Multiplier(rule, "promo", line, new BigDecimal(factors.generate(in)));
                    case 3 -> new Decision.TierMultiplier(rule, "tier", new BigDecimal(factors.generate(in)));
                    case 4 -> new Decision.FixedPoints(rule, "fixed", line, points.generate(in) % 1_000);
                    case 5 -> new Decision.Exclusion(rule, "excluded", Math.max(0, line));
                    case 6 -> new Decision.Cap(rule, "cap", any.generate(in) % 2 == 0 ? Decision.CapPeriod.EVENT : Decision.CapPeriod.DAY,
                            points.generate(in) % 5_000);
                    default -> new Decision.BaseRate(rule, "base", Decision.WHOLE_EVENT, new BigDecimal(rates.generate(in)));
                });
            }
            return new Case(purchase.build(), List.copyOf(decisions), ROUNDINGS[any.generate(in) % ROUNDINGS.length],
                    points.generate(in) % 10_000);
        };
    }
}
