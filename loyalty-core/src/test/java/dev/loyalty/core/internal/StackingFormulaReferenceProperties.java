package dev.loyalty.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.loyalty.core.InvalidInputException;
import dev.loyalty.core.PointsOverflowException;
import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.event.PurchaseLine;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.Money;
import dev.loyalty.core.spi.Decision;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;

/**
 * The stacking formula against a reference written straight from the README in plain
 * {@link BigDecimal}: random purchases and decisions, with values near the bounds of the
 * scaled-{@code long} path, under every rounding mode a program may have.
 */
class StackingFormulaReferenceProperties {

    private static final Instant AT = Instant.parse("2026-03-02T10:00:00Z");
    private static final RoundingMode[] ROUNDINGS = {RoundingMode.DOWN, RoundingMode.UP, RoundingMode.FLOOR, RoundingMode.CEILING,
        RoundingMode.HALF_UP, RoundingMode.HALF_DOWN, RoundingMode.HALF_EVEN};
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    /** A purchase, its decisions, the rounding and the points already earned that day. */
    record Case(Purchase purchase, List<Decision> decisions, RoundingMode rounding, long earnedToday) {
    }

    /** The total and each rule's points, or the type of the refusal. */
    record Result(long total, Map<String, Long> byRule) {
    }

    // ------------------------------------------------------------------------------------------------------------
    // the reference

    /** The README's stacking formula, one step per numbered item, in {@link BigDecimal}. */
    static Object reference(Case c) {
        List<Decision> decisions = c.decisions();
        int count = decisions.size();
        List<PurchaseLine> lines = c.purchase().lines();
        BigDecimal[] amounts = new BigDecimal[lines.size()];
        for (int l = 0; l < amounts.length; l++) {
            amounts[l] = lines.get(l).unitPrice().amount().multiply(BigDecimal.valueOf(lines.get(l).quantity()));
            if (amounts[l].signum() != 0 && amounts[l].precision() - amounts[l].scale() > Money.MAX_INTEGER_DIGITS) {
                return InvalidInputException.class;
            }
        }
        // 1. excluded lines
        boolean[] excluded = new boolean[lines.size()];
        for (Decision d : decisions) {
            if (d instanceof Decision.Exclusion e) {
                excluded[e.line()] = true;
            }
        }
        BigDecimal[] exact = new BigDecimal[count];
        Arrays.fill(exact, BigDecimal.ZERO);
        for (int l = 0; l < lines.size(); l++) {
            if (excluded[l]) {
                continue;
            }
            // 2. the highest base rate covering the line; 3. the highest promotion factor on its base
            int base = -1;
            int promo = -1;
            for (int d = 0; d < count; d++) {
                if (decisions.get(d) instanceof Decision.BaseRate b && covers(b.line(), l)
                        && (base < 0 || b.pointsPerUnit().compareTo(((Decision.BaseRate) decisions.get(base)).pointsPerUnit()) > 0)) {
                    base = d;
                }
                if (decisions.get(d) instanceof Decision.Multiplier m && covers(m.line(), l)
                        && (promo < 0 || m.factor().compareTo(((Decision.Multiplier) decisions.get(promo)).factor()) > 0)) {
                    promo = d;
                }
            }
            if (base < 0) {
                continue;
            }
            BigDecimal basePoints = amounts[l].multiply(((Decision.BaseRate) decisions.get(base)).pointsPerUnit());
            exact[base] = exact[base].add(basePoints);
            if (promo >= 0) {
                exact[promo] = exact[promo].add(basePoints.multiply(((Decision.Multiplier) decisions.get(promo)).factor().subtract(BigDecimal.ONE)));
            }
        }
        // 4. bonuses add
        for (int d = 0; d < count; d++) {
            if (decisions.get(d) instanceof Decision.BonusRate b) {
                for (int l = 0; l < lines.size(); l++) {
                    if (covers(b.line(), l) && !excluded[l]) {
                        exact[d] = exact[d].add(amounts[l].multiply(b.pointsPerUnit()));
                    }
                }
            } else if (decisions.get(d) instanceof Decision.FixedPoints f) {
                if (f.line() == Decision.WHOLE_EVENT) {
                    exact[d] = exact[d].add(BigDecimal.valueOf(f.points()));
                } else if (!excluded[f.line()]) {
                    exact[d] = exact[d].add(BigDecimal.valueOf(f.points()).multiply(BigDecimal.valueOf(lines.get(f.line()).quantity())));
                }
            }
        }
        // 5. the highest tier multiplier on everything above
        int tier = -1;
        for (int d = 0; d < count; d++) {
            if (decisions.get(d) instanceof Decision.TierMultiplier t
                    && (tier < 0 || t.factor().compareTo(((Decision.TierMultiplier) decisions.get(tier)).factor()) > 0)) {
                tier = d;
            }
        }
        if (tier >= 0) {
            BigDecimal subtotal = BigDecimal.ZERO;
            for (BigDecimal part : exact) {
                subtotal = subtotal.add(part);
            }
            exact[tier] = subtotal.multiply(((Decision.TierMultiplier) decisions.get(tier)).factor().subtract(BigDecimal.ONE));
        }
        // 6. the exact total rounded once, shared out by largest remainder over the decisions' exact parts (a rule that
        // decided per line gets the sum of its decisions' shares)
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal part : exact) {
            sum = sum.add(part);
        }
        BigDecimal rounded = sum.setScale(0, c.rounding());
        if (rounded.compareTo(LONG_MAX) > 0) {
            return PointsOverflowException.class;
        }
        long total = rounded.longValueExact();
        long[] shares = largestRemainder(exact, total);
        // 7. caps: the lowest event cap and what the lowest daily cap leaves, the cut shared in proportion
        BigInteger limit = null;
        for (Decision d : decisions) {
            if (d instanceof Decision.Cap cap) {
                BigInteger room = cap.period() == Decision.CapPeriod.EVENT ? BigInteger.valueOf(cap.points())
                        : BigInteger.valueOf(cap.points()).subtract(BigInteger.valueOf(c.earnedToday())).max(BigInteger.ZERO);
                limit = limit == null ? room : limit.min(room);
            }
        }
        if (limit != null && limit.compareTo(BigInteger.valueOf(total)) < 0) {
            BigDecimal[] proportional = new BigDecimal[count];
            for (int d = 0; d < count; d++) {
                // exact: a fraction with the total as denominator, kept as numerator / total at enough digits to compare
                proportional[d] = new BigDecimal(BigInteger.valueOf(shares[d]).multiply(limit))
                        .divide(BigDecimal.valueOf(total), 40, RoundingMode.DOWN);
            }
            total = limit.longValueExact();
            shares = largestRemainder(proportional, total);
        }
        Map<String, Long> byRule = new LinkedHashMap<>();
        for (int d = 0; d < count; d++) {
            if (shares[d] > 0) {
                byRule.merge(decisions.get(d).rule(), shares[d], Math::addExact);
            }
        }
        return new Result(total, byRule);
    }

    /** Whole points for each positive part: its floor, then one more each to the largest fractions, earlier first on ties. */
    static long[] largestRemainder(BigDecimal[] parts, long total) {
        long[] whole = new long[parts.length];
        long rest = total;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].signum() > 0) {
                whole[i] = parts[i].setScale(0, RoundingMode.FLOOR).longValueExact();
                rest -= whole[i];
                order.add(i);
            }
        }
        order.sort((a, b) -> {
            int byFraction = fraction(parts[b]).compareTo(fraction(parts[a]));
            return byFraction != 0 ? byFraction : Integer.compare(a, b);
        });
        assertThat(rest).as("points left to share").isBetween(0L, (long) order.size());
        for (int k = 0; k < rest; k++) {
            whole[order.get(k)]++;
        }
        return whole;
    }

    private static BigDecimal fraction(BigDecimal value) {
        return value.subtract(value.setScale(0, RoundingMode.FLOOR));
    }

    private static boolean covers(int decisionLine, int line) {
        return decisionLine == Decision.WHOLE_EVENT || decisionLine == line;
    }

    // ------------------------------------------------------------------------------------------------------------
    // the composer, both paths

    private static Object composed(Case c, boolean scaledLongs) {
        try {
            PointsComposer.Composition composition = PointsComposer.compose(c.purchase(), c.decisions(), c.rounding(), c::earnedToday, "GBP",
                    scaledLongs);
            Map<String, Long> byRule = new LinkedHashMap<>();
            long sum = 0;
            for (PointsComposer.Award award : composition.awards()) {
                assertThat(award.points()).as("award of %s", award.rule()).isPositive();
                byRule.merge(award.rule(), award.points(), Math::addExact);
                sum = Math.addExact(sum, award.points());
            }
            assertThat(sum).as("sum of the awards").isEqualTo(composition.total());
            return new Result(composition.total(), byRule);
        } catch (RuntimeException e) {
            return e.getClass();
        }
    }

    private static void assertAsReference(Case c) {
        Object expected = reference(c);
        assertThat(composed(c, true)).as("scaled longs: %s", c).isEqualTo(expected);
        assertThat(composed(c, false)).as("BigDecimal: %s", c).isEqualTo(expected);
    }

    // ------------------------------------------------------------------------------------------------------------
    // generators

    private static final Gen<Integer> ANY = integers().between(0, Integer.MAX_VALUE - 1);

    /** A unit price of some kind for a quantity; Money normalises it (trailing zeros, negative scales). */
    private static BigDecimal price(RandomnessSource in, int quantity, int edgy) {
        int scale = integers().between(0, 12).generate(in);
        BigDecimal price = switch (integers().between(0, 6).generate(in) * (integers().between(0, 9).generate(in) < edgy ? 1 : 0)) {
            case 0 -> BigDecimal.valueOf(longs().between(0, 100_000).generate(in), 2);
            // 18 digits, the most the scaled path takes
            case 1 -> BigDecimal.valueOf(999_999_999_999_999_999L - longs().between(0, 3).generate(in), scale);
            // a line amount (unscaled price times quantity) at the edge of the long range
            case 2 -> {
                long edge = Long.MAX_VALUE / quantity + longs().between(-2, 2).generate(in);
                yield BigDecimal.valueOf(edge < 0 ? Long.MAX_VALUE : edge, Math.max(1, scale));
            }
            // trailing zeros beyond any scale the fast path takes
            case 3 -> BigDecimal.valueOf(longs().between(0, 100_000).generate(in), 2).setScale(2 + integers().between(0, 20).generate(in));
            // a negative scale
            case 4 -> BigDecimal.valueOf(longs().between(0, 999).generate(in), -integers().between(1, 5).generate(in));
            case 5 -> BigDecimal.valueOf(longs().between(0, Long.MAX_VALUE).generate(in), 12);
            default -> BigDecimal.valueOf(longs().between(0, 1_000_000_000L).generate(in), scale);
        };
        while (price.signum() != 0 && price.precision() - price.scale() > Money.MAX_INTEGER_DIGITS) {
            price = price.movePointLeft(1);
        }
        return price.stripTrailingZeros().scale() > Money.MAX_FRACTION_DIGITS ? price.setScale(Money.MAX_FRACTION_DIGITS, RoundingMode.DOWN) : price;
    }

    /**
     * A rate or a factor's excess over 1: everyday, many decimals, near 10^18 units, a negative scale, trailing zeros;
     * within what a decision accepts (18 digits before the point, 1E-18 at least above zero, 34 significant digits).
     */
    private static BigDecimal decimal(RandomnessSource in, int edgy) {
        return switch (integers().between(0, 6).generate(in) * (integers().between(0, 9).generate(in) < edgy ? 1 : 0)) {
            case 0, 1 -> new BigDecimal(Generate.pick(List.of("0", "1", "2", "0.5", "0.25", "1.5", "3", "0.1", "10", "0.05", "2.5", "0.333"))
                    .generate(in));
            case 2 -> BigDecimal.valueOf(longs().between(0, 1_000_000).generate(in), integers().between(0, 18).generate(in));
            case 3 -> BigDecimal.valueOf(999_999_999_999_999_999L - longs().between(0, 3).generate(in), integers().between(1, 20).generate(in));
            case 4 -> BigDecimal.valueOf(longs().between(1, 999).generate(in), -integers().between(1, 3).generate(in));
            case 5 -> BigDecimal.valueOf(longs().between(0, 1_000).generate(in), 2).setScale(2 + integers().between(1, 20).generate(in));
            default -> BigDecimal.valueOf(longs().between(0, 999_999_999_999_999_999L).generate(in), integers().between(0, 18).generate(in));
        };
    }

    private static long points(RandomnessSource in, int edgy) {
        return switch (integers().between(0, 4).generate(in) * (integers().between(0, 9).generate(in) < edgy ? 1 : 0)) {
            case 0, 1 -> longs().between(0, 500).generate(in);
            case 2 -> longs().between(0, 100_000).generate(in);
            case 3 -> longs().between(0, Long.MAX_VALUE).generate(in);
            default -> Long.MAX_VALUE - longs().between(0, 2).generate(in);
        };
    }

    private static Gen<Case> cases(int maxLines, int maxDecisions) {
        return in -> {
            int lineCount = integers().between(1, maxLines).generate(in);
            // out of 10: how often a value is drawn from the edges rather than everyday values
            int edgy = integers().between(0, 10).generate(in);
            Purchase.Builder purchase = Purchase.builder(EventId.of("p-1"), MemberId.of("m-1"), AT);
            for (int l = 0; l < lineCount; l++) {
                int quantity = switch (integers().between(0, 3).generate(in)) {
                    case 0, 1 -> integers().between(1, 3).generate(in);
                    case 2 -> integers().between(1, 1_000_000).generate(in);
                    default -> 1_000_000;
                };
                purchase.line("SKU-" + l, "general", quantity, Money.of(price(in, quantity, edgy), "GBP"));
            }
            int decisionCount = integers().between(0, maxDecisions).generate(in);
            List<Decision> decisions = new ArrayList<>();
            for (int d = 0; d < decisionCount; d++) {
                String rule = "R" + ANY.generate(in) % 5;
                int line = ANY.generate(in) % (lineCount + 1) - 1;
                decisions.add(switch (integers().between(0, 8).generate(in)) {
                    case 0, 1 -> new Decision.BaseRate(rule, "base", line, decimal(in, edgy));
                    case 2 -> new Decision.BonusRate(rule, "bonus", line, decimal(in, edgy));
                    case 3 -> new Decision.Multiplier(rule, "promo", line, BigDecimal.ONE.add(decimal(in, edgy)));
                    case 4 -> new Decision.TierMultiplier(rule, "tier", BigDecimal.ONE.add(decimal(in, edgy)));
                    case 5 -> new Decision.FixedPoints(rule, "fixed", line, points(in, edgy));
                    case 6 -> new Decision.Exclusion(rule, "excluded", Math.max(0, line));
                    case 7 -> new Decision.Cap(rule, "cap", ANY.generate(in) % 2 == 0 ? Decision.CapPeriod.EVENT : Decision.CapPeriod.DAY,
                            points(in, edgy));
                    default -> new Decision.BaseRate(rule, "base", Decision.WHOLE_EVENT, decimal(in, edgy));
                });
            }
            return new Case(purchase.build(), List.copyOf(decisions), ROUNDINGS[ANY.generate(in) % ROUNDINGS.length], points(in, edgy));
        };
    }

    @Test
    void shouldComposeWhatTheReadmeFormulaGivesWhenPurchasesAreSmall() {
        qt().withFixedSeed(41L).withExamples(4_000).forAll(cases(4, 8)).checkAssert(StackingFormulaReferenceProperties::assertAsReference);
    }

    @Test
    void shouldComposeWhatTheReadmeFormulaGivesWhenPurchasesHaveManyLinesAndDecisions() {
        qt().withFixedSeed(42L).withExamples(1_000).forAll(cases(40, 60)).checkAssert(StackingFormulaReferenceProperties::assertAsReference);
    }
}
