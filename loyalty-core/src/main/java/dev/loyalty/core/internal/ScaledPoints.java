package dev.loyalty.core.internal;

import dev.loyalty.core.event.PurchaseLine;
import dev.loyalty.core.spi.Decision;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;

/**
 * The stacking formula of {@link PointsComposer} in exact {@code long} arithmetic: every exact
 * part is held as a whole number of units of {@code 10^-scale}, one scale for all, chosen so
 * that every product is exact (the largest amount scale plus the largest rate scale plus the
 * largest promotion factor scale, plus the winning tier factor's scale). Nothing is rounded
 * before the total, so the parts, the total and the largest-remainder shares equal those of the
 * {@link BigDecimal} path. When a value has a negative scale or more than 18 digits, the common
 * scale exceeds 18, or a product or sum leaves the {@code long} range, {@link #of} answers null
 * and the caller takes the {@link BigDecimal} path. Not public API.
 */
final class ScaledPoints {

    /** The largest common scale: {@code 10^18} is the largest power of ten a {@code long} holds. */
    private static final int MAX_SCALE = 18;
    private static final long[] POW10 = new long[MAX_SCALE + 1];
    /** Up to this many positive parts are sorted in place; more (a purchase of many lines, one decision each) by merge sort. */
    private static final int SMALL = 32;
    /** Marks a decimal that has no exact {@code long} form here. */
    private static final long NO_FIT = -1;

    static {
        POW10[0] = 1;
        for (int i = 1; i <= MAX_SCALE; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    private final long[] exact;
    private final int scale;

    private ScaledPoints(long[] exact, int scale) {
        this.exact = exact;
        this.scale = scale;
    }

    /** The purchase lines' amounts (unit price times quantity) as unscaled values with their scales. */
    record Lines(long[] unscaled, int[] scales, int maxScale) {
        /**
         * Returns the lines' amounts, or null when one does not fit: more than 18 digits, or an
         * amount of {@code 10^18} or more, which {@code Money} refuses.
         */
        static Lines of(List<PurchaseLine> lines) {
            int count = lines.size();
            long[] unscaled = new long[count];
            int[] scales = new int[count];
            int maxScale = 0;
            for (int l = 0; l < count; l++) {
                PurchaseLine line = lines.get(l);
                BigDecimal price = line.unitPrice().amount();
                long units = ScaledPoints.unscaled(price);
                if (units == NO_FIT) {
                    return null;
                }
                long amount;
                try {
                    amount = Math.multiplyExact(units, line.quantity());
                } catch (ArithmeticException e) {
                    return null;
                }
                int scale = price.scale();
                if (scale == 0 && amount >= POW10[MAX_SCALE]) {
                    return null;
                }
                unscaled[l] = amount;
                scales[l] = scale;
                maxScale = Math.max(maxScale, scale);
            }
            return new Lines(unscaled, scales, maxScale);
        }
    }

    /**
     * Computes each decision's exact points in {@code long} units, or returns null when the values
     * do not fit (see the class comment).
     *
     * @param decisions the decisions, already checked
     * @param lines the purchase lines (empty for other events)
     * @param amounts the lines' amounts
     * @param won the winning decisions
     * @return the exact parts, or null
     */
    static ScaledPoints of(List<Decision> decisions, List<PurchaseLine> lines, Lines amounts, PointsComposer.Winners won) {
        int count = decisions.size();
        // the unscaled rate or factor of each decision and its scale; factors minus one, as the formula uses them
        long[] values = new long[count];
        int[] scales = new int[count];
        int maxRate = 0;
        int maxPromo = 0;
        for (int d = 0; d < count; d++) {
            Decision decision = decisions.get(d);
            BigDecimal value;
            if (decision instanceof Decision.BaseRate base) {
                value = base.pointsPerUnit();
            } else if (decision instanceof Decision.BonusRate bonus) {
                value = bonus.pointsPerUnit();
            } else if (decision instanceof Decision.Multiplier promo) {
                value = promo.factor();
            } else if (decision instanceof Decision.TierMultiplier tier && d == won.tier()) {
                value = tier.factor();
            } else {
                continue;
            }
            long units = unscaled(value);
            if (units == NO_FIT) {
                return null;
            }
            int scale = value.scale();
            boolean factor = decision instanceof Decision.Multiplier || decision instanceof Decision.TierMultiplier;
            values[d] = factor ? units - POW10[scale] : units;
            scales[d] = scale;
            if (decision instanceof Decision.Multiplier) {
                maxPromo = Math.max(maxPromo, scale);
            } else if (!factor) {
                maxRate = Math.max(maxRate, scale);
            }
        }
        int subtotalScale = amounts.maxScale() + maxRate + maxPromo;
        int tierScale = won.tier() >= 0 ? scales[won.tier()] : 0;
        if (subtotalScale + tierScale > MAX_SCALE) {
            return null;
        }
        long[] exact = new long[count];
        try {
            long[] units = amounts.unscaled();
            int[] lineScales = amounts.scales();
            boolean[] excluded = won.excluded();
            for (int l = 0; l < lines.size(); l++) {
                int b = won.base()[l];
                if (excluded[l] || b < 0) {
                    continue;
                }
                // the base points at their own scale, then the promotion's share of them
                long base = Math.multiplyExact(units[l], values[b]);
                int baseScale = lineScales[l] + scales[b];
                exact[b] = Math.addExact(exact[b], Math.multiplyExact(base, POW10[subtotalScale - baseScale]));
                int p = won.promo()[l];
                if (p >= 0) {
                    long extra = Math.multiplyExact(base, values[p]);
                    exact[p] = Math.addExact(exact[p], Math.multiplyExact(extra, POW10[subtotalScale - baseScale - scales[p]]));
                }
            }
            for (int d = 0; d < count; d++) {
                Decision decision = decisions.get(d);
                if (decision instanceof Decision.BonusRate bonus) {
                    int from = bonus.line() == Decision.WHOLE_EVENT ? 0 : bonus.line();
                    int to = bonus.line() == Decision.WHOLE_EVENT ? lines.size() - 1 : bonus.line();
                    for (int l = from; l <= to; l++) {
                        if (!excluded[l]) {
                            long part = Math.multiplyExact(units[l], values[d]);
                            exact[d] = Math.addExact(exact[d], Math.multiplyExact(part, POW10[subtotalScale - lineScales[l] - scales[d]]));
                        }
                    }
                } else if (decision instanceof Decision.FixedPoints fixed) {
                    if (fixed.line() == Decision.WHOLE_EVENT) {
                        exact[d] = Math.addExact(exact[d], Math.multiplyExact(fixed.points(), POW10[subtotalScale]));
                    } else if (!excluded[fixed.line()]) {
                        long points = Math.multiplyExact(fixed.points(), (long) lines.get(fixed.line()).quantity());
                        exact[d] = Math.addExact(exact[d], Math.multiplyExact(points, POW10[subtotalScale]));
                    }
                }
            }
            if (won.tier() >= 0) {
                long subtotal = 0;
                for (long part : exact) {
                    subtotal = Math.addExact(subtotal, part);
                }
                for (int d = 0; d < count; d++) {
                    exact[d] = Math.multiplyExact(exact[d], POW10[tierScale]);
                }
                exact[won.tier()] = Math.multiplyExact(subtotal, values[won.tier()]);
            }
            long total = 0;
            for (long part : exact) {
                total = Math.addExact(total, part);
            }
        } catch (ArithmeticException e) {
            return null;
        }
        return new ScaledPoints(exact, subtotalScale + tierScale);
    }

    /**
     * Rounds the exact total to whole points, as {@code BigDecimal.setScale(0, rounding)} would.
     *
     * @param rounding the program's rounding mode
     * @return the whole points
     */
    long total(RoundingMode rounding) {
        long sum = 0;
        for (long part : exact) {
            sum += part;
        }
        long unit = POW10[scale];
        long whole = sum / unit;
        long rest = sum % unit;
        if (rest == 0) {
            return whole;
        }
        // the parts are never negative, so the sum is not either: FLOOR is DOWN and CEILING is UP
        return switch (rounding) {
            case DOWN, FLOOR -> whole;
            case UP, CEILING -> whole + 1;
            case HALF_UP -> rest * 2 >= unit ? whole + 1 : whole;
            case HALF_DOWN -> rest * 2 > unit ? whole + 1 : whole;
            case HALF_EVEN -> rest * 2 > unit || rest * 2 == unit && (whole & 1) == 1 ? whole + 1 : whole;
            case UNNECESSARY -> BigDecimal.valueOf(sum, scale).setScale(0, rounding).longValueExact();
        };
    }

    /**
     * Shares {@code total} whole points out in proportion to the exact parts, by largest
     * remainder, as {@link PointsComposer#allocate} does: each positive part gets its whole
     * points, and the rest go one each to the largest fractions, earlier parts first on ties.
     *
     * @param total the rounded total
     * @return each decision's whole points
     */
    long[] allocate(long total) {
        long unit = POW10[scale];
        long[] whole = new long[exact.length];
        long[] fraction = new long[exact.length];
        int[] candidates = new int[exact.length];
        int count = 0;
        long sum = 0;
        for (int i = 0; i < exact.length; i++) {
            if (exact[i] > 0) {
                whole[i] = exact[i] / unit;
                fraction[i] = exact[i] % unit;
                sum = Math.addExact(sum, whole[i]);
                candidates[count++] = i;
            }
        }
        long rest = total - sum;
        if (rest < 0 || rest > count) {
            throw new IllegalStateException("cannot share " + total + " points over parts summing to " + sum);
        }
        if (count <= SMALL) {
            // insertion sort by fraction, largest first; ties keep index order
            for (int i = 1; i < count; i++) {
                int candidate = candidates[i];
                int j = i - 1;
                while (j >= 0 && fraction[candidates[j]] < fraction[candidate]) {
                    candidates[j + 1] = candidates[j];
                    j--;
                }
                candidates[j + 1] = candidate;
            }
        } else {
            Integer[] sorted = new Integer[count];
            for (int i = 0; i < count; i++) {
                sorted[i] = candidates[i];
            }
            Arrays.sort(sorted, (a, b) -> {
                int byFraction = Long.compare(fraction[b], fraction[a]);
                return byFraction != 0 ? byFraction : Integer.compare(a, b);
            });
            for (int i = 0; i < count; i++) {
                candidates[i] = sorted[i];
            }
        }
        for (int k = 0; k < rest; k++) {
            whole[candidates[k]]++;
        }
        return whole;
    }

    /** The unscaled value of a decimal of scale 0 to 18 and at most 18 digits, else {@link #NO_FIT}; the value is not negative. */
    private static long unscaled(BigDecimal value) {
        long unscaled = Decimals.unscaled(value);
        return unscaled < 0 ? NO_FIT : unscaled;
    }
}
