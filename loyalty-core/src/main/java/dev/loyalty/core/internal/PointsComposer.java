package dev.loyalty.core.internal;

import dev.loyalty.core.Explanation;
import dev.loyalty.core.PointsOverflowException;
import dev.loyalty.core.RuleEvaluationException;
import dev.loyalty.core.event.LoyaltyEvent;
import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.event.PurchaseLine;
import dev.loyalty.core.model.Money;
import dev.loyalty.core.spi.Decision;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Combines an event's decisions into whole points per rule: the stacking formula.
 *
 * <ol>
 *   <li>Excluded lines earn nothing.</li>
 *   <li>Base: for each line, the highest base rate covering it, times the line amount.</li>
 *   <li>Promotion: for each line, the highest promotion multiplier covering it adds
 *       {@code base x (factor - 1)}, credited to the multiplier's rule.</li>
 *   <li>Bonuses: each bonus rate adds {@code rate x line amount}; fixed points add their points
 *       (per item when they name a line).</li>
 *   <li>Tier: the highest tier multiplier adds {@code (sum of the above) x (factor - 1)}.</li>
 *   <li>The exact total is rounded once with the program's rounding mode and shared out to the
 *       rules by the largest-remainder method, so the rules' whole points add up to the total.</li>
 *   <li>Caps: the total is cut to the lowest event cap and to what the lowest daily cap leaves
 *       for the member's local day; the cut is shared out in proportion, again by largest
 *       remainder.</li>
 * </ol>
 * A rule that made several decisions (one per line, say) gets one award, the sum of its parts.
 * Ties (equal rates or factors) go to the decision that fired first.
 */
final class PointsComposer {


    /** Up to this many decisions, awards are gathered by linear search rather than in a map. */
    private static final int SMALL = 16;

    private PointsComposer() {
    }

    /** One rule's whole points for an event. */
    record Award(String rule, String reason, long points) {
    }

    /** The composed result: the awards with points, the total and the explanation steps, written on demand. */
    record Composition(long total, List<Award> awards, Supplier<List<Explanation.Step>> stepSource) {
        /** Writes the explanation steps. */
        List<Explanation.Step> steps() {
            return stepSource.get();
        }
    }

    static Composition compose(LoyaltyEvent event, List<Decision> decisions, RoundingMode rounding,
                               LongSupplier earnedToday, String currencyCode) {
        return compose(event, decisions, rounding, earnedToday, currencyCode, true);
    }

    /**
     * Composes, in exact {@code long} arithmetic at one common scale when every value fits
     * ({@link ScaledPoints}), else in {@link BigDecimal}; both give the same points. The explanation
     * steps are always written from the {@link BigDecimal} values.
     *
     * @param scaledLongs false to take the {@link BigDecimal} path whatever the values, for tests comparing the two
     */
    static Composition compose(LoyaltyEvent event, List<Decision> decisions, RoundingMode rounding,
                               LongSupplier earnedToday, String currencyCode, boolean scaledLongs) {
        List<PurchaseLine> lines = event instanceof Purchase purchase ? purchase.lines() : List.of();
        int count = decisions.size();
        ScaledPoints.Lines scaledLines = scaledLongs ? ScaledPoints.Lines.of(lines) : null;
        // the line amounts are made first, as ever: an amount too large for Money fails before the decisions are checked
        BigDecimal[] amounts = scaledLines == null ? amounts(lines) : null;
        check(event, decisions, lines.size());
        Winners won = Winners.of(decisions, lines.size());

        long total;
        long[] points;
        Exact known = null;
        ScaledPoints scaled = scaledLines == null ? null : ScaledPoints.of(decisions, lines, scaledLines, won);
        if (scaled != null) {
            total = scaled.total(rounding);
            points = scaled.allocate(total);
        } else {
            known = Exact.of(decisions, amounts != null ? amounts : amounts(lines), quantities(lines), won);
            total = whole(sum(known.exact()).setScale(0, rounding), event, decisions, known.exact());
            points = allocate(known.exact(), total);
        }

        long[] uncapped = points;
        long limit = Long.MAX_VALUE;
        int binding = -1;
        // read once, when a daily cap asks; the explanation says what it was, which may be more than a cap
        long earned = 0;
        boolean earnedRead = false;
        for (int d = 0; d < count; d++) {
            if (decisions.get(d) instanceof Decision.Cap cap && total > 0) {
                if (cap.period() != Decision.CapPeriod.EVENT && !earnedRead) {
                    earned = earnedToday.getAsLong();
                    earnedRead = true;
                }
                long room = cap.period() == Decision.CapPeriod.EVENT ? cap.points() : Math.max(0, cap.points() - earned);
                if (room < limit) {
                    limit = room;
                    binding = d;
                }
            }
        }
        Explanation.Step capStep = null;
        if (binding >= 0 && total > limit) {
            Decision.Cap cap = (Decision.Cap) decisions.get(binding);
            String bindingDetail = cap.period() == Decision.CapPeriod.EVENT
                    ? "at most " + cap.points() + " per event"
                    : "at most " + cap.points() + " per day, " + earned + " already earned that day";
            capStep = new Explanation.Step(cap.rule(), cap.reason(), limit - total, bindingDetail);
            points = scale(points, total, limit);
            total = limit;
        }
        // the explanation keeps what its text needs of the lines, not the lines, nor the winners: they are found again
        StepWriter steps = StepWriter.of(decisions, currencyCode, known, capStep, uncapped, points, lines, won.excluded(),
                known == null ? scaledLines : null);
        return new Composition(total, awards(decisions, points), steps);
    }

    /** One award per rule, in the order each rule first fired; the steps keep the per-decision detail. */
    private static List<Award> awards(List<Decision> decisions, long[] points) {
        if (points.length > SMALL) {
            Map<String, Award> byRule = new LinkedHashMap<>();
            for (int d = 0; d < points.length; d++) {
                if (points[d] > 0) {
                    Decision decision = decisions.get(d);
                    byRule.merge(decision.rule(), new Award(decision.rule(), decision.reason(), points[d]),
                            (a, b) -> new Award(a.rule(), a.reason(), Math.addExact(a.points(), b.points())));
                }
            }
            return new ArrayList<>(byRule.values());
        }
        // few decisions: a linear search for the rule's earlier award costs less than a map
        List<Award> awards = new ArrayList<>(points.length);
        for (int d = 0; d < points.length; d++) {
            if (points[d] <= 0) {
                continue;
            }
            Decision decision = decisions.get(d);
            int earlier = -1;
            for (int a = 0; a < awards.size() && earlier < 0; a++) {
                if (awards.get(a).rule().equals(decision.rule())) {
                    earlier = a;
                }
            }
            if (earlier < 0) {
                awards.add(new Award(decision.rule(), decision.reason(), points[d]));
            } else {
                Award a = awards.get(earlier);
                awards.set(earlier, new Award(a.rule(), a.reason(), Math.addExact(a.points(), points[d])));
            }
        }
        return awards;
    }

    private static BigDecimal[] amounts(List<PurchaseLine> lines) {
        BigDecimal[] amounts = new BigDecimal[lines.size()];
        for (int l = 0; l < amounts.length; l++) {
            amounts[l] = lines.get(l).amount().amount();
        }
        return amounts;
    }

    private static int[] quantities(List<PurchaseLine> lines) {
        int[] quantities = new int[lines.size()];
        for (int l = 0; l < quantities.length; l++) {
            quantities[l] = lines.get(l).quantity();
        }
        return quantities;
    }

    /**
     * Writes an outcome's explanation steps when they are read; most never are. An outcome is kept
     * for replays as long as the store lives, so this keeps, in one object and one array, only what
     * the text needs: the decisions, each one's uncapped points and (after a cap) capped points, the
     * line amounts as the unscaled values and scales the points were composed from, the currency, the
     * quantities and the SKUs of excluded lines. Not the lines, whose other fields and {@code Money}
     * objects are new for every request a host parses, nor the winners: they are found again.
     */
    private static final class StepWriter implements Supplier<List<Explanation.Step>> {

        private final List<Decision> decisions;
        private final String currencyCode;
        /** The exact parts when they were computed in {@link BigDecimal}; null when they are computed again from the amounts. */
        private final Exact computed;
        /** The cap's step when a cap cut the points; null when none did. */
        private final Explanation.Step cut;
        /** The lines' currency; null when the amounts are not kept. */
        private final Currency currency;
        /** Each line's scale when they differ; null when every line has {@link #scale}. */
        private final int[] scales;
        private final int scale;
        /** Each excluded line's SKU by line; null when no line is excluded. */
        private final String[] excludedSkus;
        private final int lineCount;
        /** Where the capped points start in {@link #facts}: 0 when they are the uncapped points. */
        private final int cappedAt;
        /** Whether each line's unscaled amount and quantity share one long (every amount fits an int, as most do). */
        private final boolean paired;
        /**
         * The decisions' uncapped points; then their capped points when a cap cut them; then, when {@link #computed} is
         * null, the lines' unscaled amounts and quantities: paired, each line's amount in the high half of one long and its
         * quantity in the low half, else all the amounts, then all the quantities.
         */
        private final long[] facts;

        private StepWriter(List<Decision> decisions, String currencyCode, Exact computed, Explanation.Step cut, Currency currency,
                           int[] scales, int scale, String[] excludedSkus, int lineCount, int cappedAt, boolean paired, long[] facts) {
            this.decisions = decisions;
            this.currencyCode = currencyCode;
            this.computed = computed;
            this.cut = cut;
            this.currency = currency;
            this.scales = scales;
            this.scale = scale;
            this.excludedSkus = excludedSkus;
            this.lineCount = lineCount;
            this.cappedAt = cappedAt;
            this.paired = paired;
            this.facts = facts;
        }

        /**
         * Packs what the steps need.
         *
         * @param amounts the lines' amounts as composed in longs; null when the exact parts were computed in {@link BigDecimal}
         */
        static StepWriter of(List<Decision> decisions, String currencyCode, Exact computed, Explanation.Step cut,
                             long[] uncapped, long[] capped, List<PurchaseLine> lines, boolean[] excluded, ScaledPoints.Lines amounts) {
            int count = uncapped.length;
            int lineCount = lines.size();
            String[] excludedSkus = null;
            for (int l = 0; l < lineCount; l++) {
                if (excluded[l]) {
                    excludedSkus = excludedSkus == null ? new String[lineCount] : excludedSkus;
                    excludedSkus[l] = lines.get(l).sku();
                }
            }
            int cappedAt = capped == uncapped ? 0 : count;
            int amountsAt = count + cappedAt;
            long[] unscaled = amounts == null ? null : amounts.unscaled();
            boolean paired = true;
            for (int l = 0; unscaled != null && l < lineCount && paired; l++) {
                paired = unscaled[l] == (int) unscaled[l];
            }
            long[] facts = new long[amountsAt + (amounts == null ? 0 : paired ? lineCount : 2 * lineCount)];
            System.arraycopy(uncapped, 0, facts, 0, count);
            if (cappedAt > 0) {
                System.arraycopy(capped, 0, facts, cappedAt, count);
            }
            if (amounts == null || lineCount == 0) {
                return new StepWriter(decisions, currencyCode, computed, cut, null, null, 0, excludedSkus, lineCount, cappedAt, paired, facts);
            }
            for (int l = 0; l < lineCount; l++) {
                int quantity = lines.get(l).quantity();
                if (paired) {
                    facts[amountsAt + l] = unscaled[l] << 32 | (quantity & 0xFFFF_FFFFL);
                } else {
                    facts[amountsAt + l] = unscaled[l];
                    facts[amountsAt + lineCount + l] = quantity;
                }
            }
            int[] lineScales = amounts.scales();
            boolean uniform = true;
            for (int l = 1; l < lineCount && uniform; l++) {
                uniform = lineScales[l] == lineScales[0];
            }
            return new StepWriter(decisions, currencyCode, computed, cut, lines.get(0).unitPrice().currency(),
                    uniform ? null : lineScales.clone(), lineScales[0], excludedSkus, lineCount, cappedAt, paired, facts);
        }

        @Override
        public List<Explanation.Step> get() {
            int count = decisions.size();
            Winners winners = Winners.of(decisions, lineCount);
            Exact exact = computed != null ? computed : Exact.of(decisions, amounts(count), quantities(count), winners);
            List<Explanation.Step> written = new ArrayList<>(count + 1);
            for (int d = 0; d < count; d++) {
                Decision decision = decisions.get(d);
                if (decision instanceof Decision.Cap) {
                    continue;
                }
                String detail = decision instanceof Decision.Exclusion exclusion
                        ? "line " + (exclusion.line() + 1) + " " + excludedSkus[exclusion.line()] + " excluded"
                        : detail(decision, d, exact.exact()[d], exact.covered()[d], winners.base(), winners.promo(), winners.tier(), currencyCode);
                written.add(new Explanation.Step(decision.rule(), decision.reason(), facts[d], detail));
            }
            if (cut != null) {
                long[] uncapped = Arrays.copyOfRange(facts, 0, count);
                long[] capped = Arrays.copyOfRange(facts, cappedAt, cappedAt + count);
                written.add(new Explanation.Step(cut.rule(), cut.reason(), cut.points(), cut.detail() + cutShares(decisions, uncapped, capped)));
            }
            return written;
        }

        /** The line amounts, as {@code PurchaseLine.amount()} gives them: the same value and scale. */
        private BigDecimal[] amounts(int count) {
            int amountsAt = count + cappedAt;
            BigDecimal[] amounts = new BigDecimal[lineCount];
            for (int l = 0; l < lineCount; l++) {
                long unscaled = paired ? facts[amountsAt + l] >> 32 : facts[amountsAt + l];
                amounts[l] = new Money(BigDecimal.valueOf(unscaled, scales == null ? scale : scales[l]), currency).amount();
            }
            return amounts;
        }

        private int[] quantities(int count) {
            int quantitiesAt = count + cappedAt + (paired ? 0 : lineCount);
            int[] quantities = new int[lineCount];
            for (int l = 0; l < lineCount; l++) {
                quantities[l] = (int) facts[quantitiesAt + l];
            }
            return quantities;
        }
    }

    /**
     * Which decision wins each line: the excluded lines, the highest base rate and promotion
     * multiplier of each line and the highest tier multiplier (-1 for none); ties go to the
     * decision that fired first.
     */
    record Winners(boolean[] excluded, int[] base, int[] promo, int tier) {
        static Winners of(List<Decision> decisions, int lineCount) {
            boolean[] excluded = new boolean[lineCount];
            int[] baseWinner = new int[lineCount];
            int[] promoWinner = new int[lineCount];
            Arrays.fill(baseWinner, -1);
            Arrays.fill(promoWinner, -1);
            int tierWinner = -1;
            for (int d = 0; d < decisions.size(); d++) {
                Decision decision = decisions.get(d);
                if (decision instanceof Decision.Exclusion exclusion) {
                    excluded[exclusion.line()] = true;
                } else if (decision instanceof Decision.BaseRate base) {
                    for (int l = first(base.line()); l <= last(base.line(), lineCount); l++) {
                        if (baseWinner[l] < 0 || base.pointsPerUnit().compareTo(rate(decisions.get(baseWinner[l]))) > 0) {
                            baseWinner[l] = d;
                        }
                    }
                } else if (decision instanceof Decision.Multiplier promo) {
                    for (int l = first(promo.line()); l <= last(promo.line(), lineCount); l++) {
                        if (promoWinner[l] < 0 || promo.factor().compareTo(factor(decisions.get(promoWinner[l]))) > 0) {
                            promoWinner[l] = d;
                        }
                    }
                } else if (decision instanceof Decision.TierMultiplier tier) {
                    if (tierWinner < 0 || tier.factor().compareTo(factor(decisions.get(tierWinner))) > 0) {
                        tierWinner = d;
                    }
                }
            }
            return new Winners(excluded, baseWinner, promoWinner, tierWinner);
        }
    }

    /** Each decision's exact points and what they were computed on (amount, base points, items), in {@link BigDecimal}. */
    private record Exact(BigDecimal[] exact, BigDecimal[] covered) {
        static Exact of(List<Decision> decisions, BigDecimal[] amounts, int[] quantities, Winners won) {
            int count = decisions.size();
            BigDecimal[] exact = new BigDecimal[count];
            BigDecimal[] covered = new BigDecimal[count];
            for (int d = 0; d < count; d++) {
                exact[d] = BigDecimal.ZERO;
                covered[d] = BigDecimal.ZERO;
            }
            boolean[] excluded = won.excluded();
            for (int l = 0; l < amounts.length; l++) {
                if (excluded[l] || won.base()[l] < 0) {
                    continue;
                }
                int b = won.base()[l];
                BigDecimal base = amounts[l].multiply(rate(decisions.get(b)));
                exact[b] = exact[b].add(base);
                covered[b] = covered[b].add(amounts[l]);
                int p = won.promo()[l];
                if (p >= 0) {
                    exact[p] = exact[p].add(base.multiply(factor(decisions.get(p)).subtract(BigDecimal.ONE)));
                    covered[p] = covered[p].add(base);
                }
            }
            for (int d = 0; d < count; d++) {
                Decision decision = decisions.get(d);
                if (decision instanceof Decision.BonusRate bonus) {
                    for (int l = first(bonus.line()); l <= last(bonus.line(), amounts.length); l++) {
                        if (!excluded[l]) {
                            exact[d] = exact[d].add(amounts[l].multiply(bonus.pointsPerUnit()));
                            covered[d] = covered[d].add(amounts[l]);
                        }
                    }
                } else if (decision instanceof Decision.FixedPoints fixed) {
                    if (fixed.line() == Decision.WHOLE_EVENT) {
                        exact[d] = exact[d].add(BigDecimal.valueOf(fixed.points()));
                    } else if (!excluded[fixed.line()]) {
                        int quantity = quantities[fixed.line()];
                        exact[d] = exact[d].add(BigDecimal.valueOf(fixed.points()).multiply(BigDecimal.valueOf(quantity)));
                        covered[d] = BigDecimal.valueOf(quantity);
                    }
                }
            }
            if (won.tier() >= 0) {
                BigDecimal subtotal = sum(exact);
                exact[won.tier()] = subtotal.multiply(factor(decisions.get(won.tier())).subtract(BigDecimal.ONE));
                covered[won.tier()] = subtotal;
            }
            return new Exact(exact, covered);
        }
    }

    /** Says which rules' points a cap cut, and by how much: {@code "; cut from A -3, B -1"}. */
    private static String cutShares(List<Decision> decisions, long[] uncapped, long[] capped) {
        Map<String, Long> cuts = new LinkedHashMap<>();
        for (int d = 0; d < uncapped.length; d++) {
            if (uncapped[d] != capped[d]) {
                cuts.merge(decisions.get(d).rule(), capped[d] - uncapped[d], Long::sum);
            }
        }
        StringBuilder text = new StringBuilder();
        cuts.forEach((rule, points) -> text.append(text.length() == 0 ? "; cut from " : ", ").append(rule).append(' ').append(points));
        return text.toString();
    }

    /** Shares {@code total} whole points out in proportion to the exact parts, by largest remainder. */
    static long[] allocate(BigDecimal[] exact, long total) {
        long[] whole = new long[exact.length];
        BigDecimal[] fraction = new BigDecimal[exact.length];
        long sum = 0;
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < exact.length; i++) {
            fraction[i] = BigDecimal.ZERO;
            if (exact[i].signum() > 0) {
                BigDecimal floor = exact[i].setScale(0, RoundingMode.DOWN);
                whole[i] = floor.longValueExact();
                fraction[i] = exact[i].subtract(floor);
                sum = Math.addExact(sum, whole[i]);
                candidates.add(i);
            }
        }
        long rest = total - sum;
        if (rest < 0 || rest > candidates.size()) {
            throw new IllegalStateException("cannot share " + total + " points over parts summing to " + sum);
        }
        candidates.sort((a, b) -> {
            int byFraction = fraction[b].compareTo(fraction[a]);
            return byFraction != 0 ? byFraction : Integer.compare(a, b);
        });
        for (int k = 0; k < rest; k++) {
            whole[candidates.get(k)]++;
        }
        return whole;
    }

    private static long[] scale(long[] points, long total, long limit) {
        BigDecimal[] exact = new BigDecimal[points.length];
        BigDecimal ratio = BigDecimal.valueOf(limit);
        BigDecimal divisor = BigDecimal.valueOf(total);
        for (int i = 0; i < points.length; i++) {
            exact[i] = BigDecimal.valueOf(points[i]).multiply(ratio).divide(divisor, 24, RoundingMode.DOWN);
        }
        return allocate(exact, limit);
    }

    /** The rounded total as a long; when it does not fit, the refusal names the rules that earn points and how many each. */
    private static long whole(BigDecimal rounded, LoyaltyEvent event, List<Decision> decisions, BigDecimal[] exact) {
        try {
            return rounded.longValueExact();
        } catch (ArithmeticException e) {
            throw new PointsOverflowException("points overflow: event " + event.eventId() + " would earn " + rounded.toPlainString()
                    + " points, more than a long can hold" + fromRules(decisions, d -> exact[d].signum() > 0 ? plain(exact[d]) : null));
        }
    }

    /**
     * Names the rules of an overflow with their points: {@code , from rules "A" 9223372036854775807, "B" 1}.
     *
     * @param pointsOf each decision's points as text, null to leave the decision out
     */
    static String fromRules(List<Decision> decisions, IntFunction<String> pointsOf) {
        StringBuilder rules = new StringBuilder();
        for (int d = 0; d < decisions.size(); d++) {
            String points = pointsOf.apply(d);
            if (points != null) {
                rules.append(rules.length() == 0 ? ", from rules \"" : ", \"").append(decisions.get(d).rule()).append("\" ").append(points);
            }
        }
        return rules.toString();
    }

    private static void check(LoyaltyEvent event, List<Decision> decisions, int lineCount) {
        for (Decision decision : decisions) {
            int line = lineOf(decision);
            boolean lineBased = decision instanceof Decision.BaseRate || decision instanceof Decision.BonusRate
                    || decision instanceof Decision.Multiplier || decision instanceof Decision.Exclusion;
            if ((lineBased || line >= 0) && !(event instanceof Purchase)) {
                throw new RuleEvaluationException("rule \"" + decision.rule() + "\": " + decision.getClass().getSimpleName()
                        + " applies to purchase lines, but event " + event.eventId() + " is a " + event.kind());
            }
            if (line >= lineCount) {
                throw new RuleEvaluationException("rule \"" + decision.rule() + "\": line index " + line + " does not exist; purchase "
                        + event.eventId() + " has " + lineCount + " lines");
            }
        }
    }

    private static int lineOf(Decision decision) {
        if (decision instanceof Decision.BaseRate d) {
            return d.line();
        } else if (decision instanceof Decision.BonusRate d) {
            return d.line();
        } else if (decision instanceof Decision.FixedPoints d) {
            return d.line();
        } else if (decision instanceof Decision.Multiplier d) {
            return d.line();
        } else if (decision instanceof Decision.Exclusion d) {
            return d.line();
        }
        return Decision.WHOLE_EVENT;
    }

    private static String detail(Decision decision, int index, BigDecimal exact, BigDecimal covered, int[] baseWinner,
                                 int[] promoWinner, int tierWinner, String currency) {
        if (decision instanceof Decision.BaseRate base) {
            return wins(index, baseWinner) ? Decimals.plain(base.pointsPerUnit()) + " x " + money(covered, currency)
                    : "superseded by a higher base rate";
        } else if (decision instanceof Decision.Multiplier promo) {
            return wins(index, promoWinner) ? "x" + Decimals.plain(promo.factor()) + " on " + plain(covered) + " base points"
                    : "superseded by a higher promotion multiplier";
        } else if (decision instanceof Decision.BonusRate bonus) {
            return Decimals.plain(bonus.pointsPerUnit()) + " x " + money(covered, currency);
        } else if (decision instanceof Decision.FixedPoints fixed) {
            return fixed.line() == Decision.WHOLE_EVENT ? fixed.points() + " once" : fixed.points() + " x " + Decimals.plain(covered) + " items";
        } else if (decision instanceof Decision.TierMultiplier tier) {
            return index == tierWinner ? "x" + Decimals.plain(tier.factor()) + " on " + plain(covered) + " points"
                    : "superseded by a higher tier multiplier";
        }
        return plain(exact);
    }

    /** An amount with its currency, in at least the currency's minor units: no line covered is 0.00 GBP, as 10.00 GBP is. */
    private static String money(BigDecimal amount, String currency) {
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        return Decimals.plain(digits > 0 && amount.scale() < digits ? amount.setScale(digits) : amount) + " " + currency;
    }

    private static boolean wins(int index, int[] winners) {
        for (int winner : winners) {
            if (winner == index) {
                return true;
            }
        }
        return false;
    }

    private static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : Decimals.plain(value.stripTrailingZeros());
    }

    private static int first(int line) {
        return line == Decision.WHOLE_EVENT ? 0 : line;
    }

    private static int last(int line, int lineCount) {
        return line == Decision.WHOLE_EVENT ? lineCount - 1 : line;
    }

    private static BigDecimal rate(Decision decision) {
        return ((Decision.BaseRate) decision).pointsPerUnit();
    }

    private static BigDecimal factor(Decision decision) {
        if (decision instanceof Decision.Multiplier m) {
            return m.factor();
        }
        return ((Decision.TierMultiplier) decision).factor();
    }

    private static BigDecimal sum(BigDecimal[] values) {
        BigDecimal total = BigDecimal.ZERO;
        for (BigDecimal value : values) {
            total = total.add(value);
        }
        return total;
    }
}
