package dev.loyalty.rules.vocabulary;

import dev.loyalty.core.spi.Decision;
import dev.loyalty.core.tier.QualifyingMetric;
import dev.loyalty.core.tier.QualifyingWindow;
import dev.loyalty.core.tier.TierBenefits;
import dev.loyalty.core.tier.TierPolicy;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tier ladder as campaign rules declare it: the one fact a ladder rule matches, once, when the
 * rule engine is built (never per event). Its consequence states what qualifies and what each
 * tier needs and gives:
 *
 * <pre>{@code
 * rule "TIERS-00 tier ladder"
 * when
 *     $ladder : TierLadder( )
 * then
 *     $ladder.qualifyOn("spend", "rolling-12-months").graceDays(90).softLanding(true);
 *     $ladder.tier("silver").qualifyAt(500).earnMultiplier(1.2);
 *     $ladder.tier("gold").qualifyAt(1500).earnMultiplier(1.5).discountPercent(10).perk("free-delivery", "yes");
 * end
 * }</pre>
 *
 * The core promotes and demotes members by this ladder, and the {@link Purchase} fact carries the
 * buyer's tier's earn multiplier from it, so the benefits a POS is told and the points a purchase
 * earns come from the same declaration. Numbers follow {@link Earn}'s rules: {@code 1.2} is exactly 1.2.
 */
public final class TierLadder {

    private QualifyingMetric metric;
    private QualifyingWindow window;
    private int graceDays;
    private boolean softLanding;
    private final Map<String, Rung> tiers = new LinkedHashMap<>();

    /** Creates an empty ladder; the rule engine does this once when it is built. */
    public TierLadder() {
    }

    /**
     * States what qualifies and over which period.
     *
     * @param qualifyingMetric {@code spend}, {@code points} or {@code purchases}
     * @param qualifyingWindow {@code rolling-12-months}, {@code calendar-year} or {@code anniversary-year}
     * @return this ladder
     * @throws IllegalArgumentException for another value
     */
    public TierLadder qualifyOn(String qualifyingMetric, String qualifyingWindow) {
        String m = qualifyingMetric == null ? "" : qualifyingMetric.strip().toLowerCase(Locale.ROOT);
        this.metric = switch (m) {
            case "spend" -> QualifyingMetric.SPEND;
            case "points" -> QualifyingMetric.POINTS;
            case "purchases" -> QualifyingMetric.PURCHASES;
            default -> throw new IllegalArgumentException("the qualifying metric must be spend, points or purchases, was '" + qualifyingMetric + "'");
        };
        String w = qualifyingWindow == null ? "" : qualifyingWindow.strip().toLowerCase(Locale.ROOT);
        this.window = switch (w) {
            case "rolling-12-months" -> QualifyingWindow.ROLLING_12_MONTHS;
            case "calendar-year" -> QualifyingWindow.CALENDAR_YEAR;
            case "anniversary-year" -> QualifyingWindow.ANNIVERSARY_YEAR;
            default -> throw new IllegalArgumentException("the qualifying window must be rolling-12-months, calendar-year or anniversary-year, was '"
                    + qualifyingWindow + "'");
        };
        return this;
    }

    /**
     * Sets how many days a member who fell short at a review keeps the tier; 0 demotes at the review.
     *
     * @param days 0 to 3650
     * @return this ladder
     */
    public TierLadder graceDays(int days) {
        if (days < 0 || days > 3650) {
            throw new IllegalArgumentException("grace days must be 0 to 3650, was " + days);
        }
        this.graceDays = days;
        return this;
    }

    /**
     * Sets whether a demotion goes at most one tier down.
     *
     * @param value true for a soft landing
     * @return this ladder
     */
    public TierLadder softLanding(boolean value) {
        this.softLanding = value;
        return this;
    }

    /**
     * Returns a tier of the ladder to declare its threshold and benefits; the code must be on the program's ladder.
     *
     * @param code the tier code, such as {@code gold}
     * @return the tier's declaration
     */
    public Rung tier(String code) {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("a tier needs a code");
        }
        return tiers.computeIfAbsent(code.strip(), Rung::new);
    }

    /**
     * Returns the policy declared, or null when no rule declared what qualifies.
     *
     * @return the policy
     */
    public TierPolicy toPolicy() {
        if (metric == null) {
            if (!tiers.isEmpty()) {
                throw new IllegalArgumentException("the ladder declares tiers but not what qualifies: call qualifyOn(metric, window)");
            }
            return null;
        }
        TierPolicy.Builder policy = TierPolicy.builder(metric, window)
                .graceDays(graceDays).softLanding(softLanding);
        for (Rung rung : tiers.values()) {
            if (rung.threshold != null) {
                policy.threshold(rung.code, rung.threshold);
            }
            policy.benefits(rung.code, new TierBenefits(rung.multiplier, rung.discount, rung.perks));
        }
        return policy.build();
    }

    private static BigDecimal decimal(Number value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " must not be null");
        }
        if ((value instanceof Double || value instanceof Float) && !Double.isFinite(value.doubleValue())) {
            throw new IllegalArgumentException(what + " must be a finite number, was " + value);
        }
        BigDecimal decimal = value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
        digits(decimal, what);
        if (decimal.signum() < 0) {
            throw new IllegalArgumentException(what + " must not be negative, was " + decimal.toPlainString());
        }
        return decimal;
    }

    /** Bounds a ladder's number as the core bounds a rule's rates and multipliers ({@link Decision#digitsProblem}). */
    private static void digits(BigDecimal value, String what) {
        String problem = Decision.digitsProblem(value);
        if (problem != null) {
            throw new IllegalArgumentException(what + " " + problem);
        }
    }

    /** One tier's declaration: its threshold and benefits. */
    public static final class Rung {
        private final String code;
        private BigDecimal threshold;
        private BigDecimal multiplier = BigDecimal.ONE;
        private BigDecimal discount = BigDecimal.ZERO;
        private final Map<String, String> perks = new TreeMap<>();

        private Rung(String code) {
            this.code = code;
        }

        /**
         * Sets the qualifying total the tier needs; a tier without one is reached only at enrolment or by override.
         *
         * @param total the total, such as {@code 500} (spend), zero or more; at most 18 digits before the point, at least
         *              1E-18 above zero, at most 34 significant digits
         * @return this tier
         */
        public Rung qualifyAt(Number total) {
            this.threshold = decimal(total, "the threshold of " + code);
            return this;
        }

        /**
         * Sets the tier's earn multiplier, applied by {@code earn.tierMultiplier($p)}.
         *
         * @param factor at least 1, such as {@code 1.2}; at most 18 digits before the point and 34 significant digits
         * @return this tier
         * @throws IllegalArgumentException naming the tier when the factor is null, not finite, below 1 or beyond those digits
         */
        public Rung earnMultiplier(Number factor) {
            BigDecimal value = decimal(factor, "the earn multiplier of " + code);
            if (value.compareTo(BigDecimal.ONE) < 0) {
                throw new IllegalArgumentException("the earn multiplier of " + code + " must be at least 1, was " + value.toPlainString());
            }
            this.multiplier = value;
            return this;
        }

        /**
         * Sets the checkout discount a POS applies for the tier.
         *
         * @param percent 0 to 100, such as {@code 10}; at least 1E-18 above zero, at most 34 significant digits
         * @return this tier
         * @throws IllegalArgumentException naming the tier when the percentage is null, not finite, outside 0 to 100 or beyond those digits
         */
        public Rung discountPercent(Number percent) {
            BigDecimal value = decimal(percent, "the discount of " + code);
            if (value.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new IllegalArgumentException("the discount of " + code + " must be 0 to 100, was " + value.toPlainString());
            }
            this.discount = value;
            return this;
        }

        /**
         * Adds another perk, as data the host application interprets.
         *
         * @param name the perk, such as {@code free-delivery}
         * @param value its value, such as {@code yes}
         * @return this tier
         * @throws IllegalArgumentException naming the tier when the name is null or blank or the value null
         */
        public Rung perk(String name, String value) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a perk name of " + code + " must not be blank, was " + (name == null ? "null" : "'" + name + "'"));
            }
            if (value == null) {
                throw new IllegalArgumentException("the perk " + name + " of " + code + " must have a value, was null");
            }
            perks.put(name, value);
            return this;
        }
    }
}
