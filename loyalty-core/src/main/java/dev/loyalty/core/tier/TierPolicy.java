package dev.loyalty.core.tier;

import dev.loyalty.core.InvalidInputException;
import dev.loyalty.core.LoyaltyConfigurationException;
import dev.loyalty.core.ProgramSettings;
import dev.loyalty.core.internal.Checks;
import dev.loyalty.core.model.Tier;
import dev.loyalty.core.spi.Decision;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How members move on the tier ladder: what qualifies (metric and window), the threshold of each
 * tier, what each tier gives (benefits), and the demotion policy (grace period, soft landing).
 * Campaign rules define it (the Drools engine reads it from a {@code TierLadder} rule); the core
 * keeps the tier history and enforces it.
 *
 * <p>Promotion happens as soon as a purchase takes the window's total to a higher tier's
 * threshold, several tiers at once if need be. Demotion happens only at a review point (see
 * {@link QualifyingWindow}): a member whose reviewed period's total falls short of their tier
 * keeps it for {@code graceDays} more days (and keeps it for good by re-qualifying meanwhile),
 * then falls to the tier the period earned, or only one tier down with {@code softLanding}.
 * Returns reduce the totals but never demote before a review.
 *
 * @param metric what is counted
 * @param window the period counted, and when reviews happen
 * @param thresholds the total each tier needs, by tier code (kept without surrounding white space); zero or more, within
 *                   the digits of {@link Decision#digitsProblem} (at most 18 before the point, 34 significant, at
 *                   least 1E-18 above zero); a tier without one is reached only at enrolment or by override
 * @param benefits what each tier gives, by tier code (kept without surrounding white space); tiers not named get
 *                 {@link TierBenefits#NONE}
 * @param graceDays days a member keeps a tier after a review they fell short at; 0 demotes at the review
 * @param softLanding whether a demotion goes at most one tier down
 */
public record TierPolicy(QualifyingMetric metric, QualifyingWindow window, Map<String, BigDecimal> thresholds,
                         Map<String, TierBenefits> benefits, int graceDays, boolean softLanding) {

    /**
     * Checks the components and copies the maps.
     *
     * @param metric what is counted
     * @param window the period counted, and when reviews happen
     * @param thresholds the total each tier needs, by tier code; zero or more, within the digits of
     *                   {@link Decision#digitsProblem}; a tier without one is reached only at enrolment or by override
     * @param benefits what each tier gives, by tier code; tiers not named get {@link TierBenefits#NONE}
     * @param graceDays days a member keeps a tier after a review they fell short at; 0 demotes at the review
     * @param softLanding whether a demotion goes at most one tier down
     * @throws InvalidInputException naming the tier ({@code tierPolicy.thresholds[gold]}) when a threshold is null, beyond
     *         those digits or negative, and naming the component when another is missing or out of range
     */
    public TierPolicy {
        Checks.notNull(metric, "tierPolicy.metric");
        Checks.notNull(window, "tierPolicy.window");
        Checks.notNull(thresholds, "tierPolicy.thresholds");
        Checks.notNull(benefits, "tierPolicy.benefits");
        Map<String, BigDecimal> byTier = new LinkedHashMap<>();
        thresholds.forEach((code, value) -> {
            String tier = Checks.text(code, "tierPolicy.thresholds tier code");
            once(byTier.put(tier, threshold(tier, value)), tier, "tierPolicy.thresholds");
        });
        Map<String, TierBenefits> benefitsByTier = new LinkedHashMap<>();
        benefits.forEach((code, value) -> {
            String tier = Checks.text(code, "tierPolicy.benefits tier code");
            once(benefitsByTier.put(tier, Checks.notNull(value, "tierPolicy.benefits[" + tier + "]")), tier, "tierPolicy.benefits");
        });
        if (graceDays < 0 || graceDays > 3650) {
            throw new InvalidInputException("tierPolicy.graceDays", "must be 0 to 3650, was " + graceDays);
        }
        // keyed by the codes without surrounding white space, as tiers and members name them
        thresholds = Collections.unmodifiableMap(byTier);
        benefits = Collections.unmodifiableMap(benefitsByTier);
    }

    /**
     * Refuses a tier's threshold that is null, beyond the digits of {@link Decision#digitsProblem} or negative, the
     * digits first: checked on precision and scale alone, before a message or a comparison with another tier's
     * threshold has to write out or go through a number of a hundred thousand digits.
     *
     * @param tier the tier code, for the field name
     * @param value the threshold
     * @return the threshold
     */
    private static BigDecimal threshold(String tier, BigDecimal value) {
        String field = "tierPolicy.thresholds[" + tier + "]";
        String problem = value == null ? null : Decision.digitsProblem(value);
        if (problem != null) {
            throw new InvalidInputException(field, problem);
        }
        if (value == null || value.signum() < 0) {
            throw new InvalidInputException(field, "must be zero or more, was " + value);
        }
        return value;
    }

    /** Refuses a map naming a tier twice, once with surrounding white space: the two would be one key. */
    private static void once(Object earlier, String tier, String field) {
        if (earlier != null) {
            throw new InvalidInputException(field, "names tier '" + tier + "' twice, with and without surrounding white space");
        }
    }

    /**
     * Starts building a policy.
     *
     * @param metric what is counted
     * @param window the period counted
     * @return a builder with no thresholds, no benefits, no grace and no soft landing
     */
    public static Builder builder(QualifyingMetric metric, QualifyingWindow window) {
        return new Builder(metric, window);
    }

    /**
     * Returns what a tier gives.
     *
     * @param tierCode the tier
     * @return its benefits, {@link TierBenefits#NONE} when the policy names none
     */
    public TierBenefits benefitsOf(String tierCode) {
        return benefits.getOrDefault(tierCode, TierBenefits.NONE);
    }

    /**
     * Checks the policy against a program's ladder: every tier named is on it, and a higher
     * tier never needs less than a lower one.
     *
     * @param program the program
     * @throws LoyaltyConfigurationException naming the first inconsistency
     */
    public void check(ProgramSettings program) {
        for (String code : thresholds.keySet()) {
            if (program.tier(code).isEmpty()) {
                throw new LoyaltyConfigurationException("the tier policy sets a threshold for '" + code + "', which is not a tier of the program ("
                        + program.tierCodes() + ")");
            }
        }
        for (String code : benefits.keySet()) {
            if (program.tier(code).isEmpty()) {
                throw new LoyaltyConfigurationException("the tier policy gives benefits to '" + code + "', which is not a tier of the program ("
                        + program.tierCodes() + ")");
            }
        }
        BigDecimal below = BigDecimal.ZERO;
        String belowCode = program.entryTier().code();
        for (Tier tier : program.tiers()) {
            BigDecimal threshold = thresholds.get(tier.code());
            if (threshold == null) {
                continue;
            }
            if (threshold.compareTo(below) < 0) {
                throw new LoyaltyConfigurationException("the tier policy's threshold for " + tier.code() + " (" + threshold.toPlainString()
                        + ") is below that of the lower tier " + belowCode + " (" + below.toPlainString() + ")");
            }
            below = threshold;
            belowCode = tier.code();
        }
    }

    /**
     * Returns the first day of the qualifying window that counts on a day.
     *
     * @param enrolledOn the member's enrolment date
     * @param day the day asked about
     * @return the window's first day; the window ends on {@code day}, inclusive
     */
    public LocalDate windowStart(LocalDate enrolledOn, LocalDate day) {
        return switch (window) {
            case ROLLING_12_MONTHS -> day.minusYears(1).plusDays(1);
            case CALENDAR_YEAR -> day.withDayOfYear(1);
            case ANNIVERSARY_YEAR -> anniversaryOnOrBefore(enrolledOn, day);
        };
    }

    /**
     * Returns the first review point after a day.
     *
     * @param enrolledOn the member's enrolment date
     * @param day the day
     * @return the next 1 January (calendar year) or the next enrolment anniversary
     */
    public LocalDate reviewAfter(LocalDate enrolledOn, LocalDate day) {
        if (window == QualifyingWindow.CALENDAR_YEAR) {
            return LocalDate.of(day.getYear() + 1, 1, 1);
        }
        LocalDate last = anniversaryOnOrBefore(enrolledOn, day);
        return enrolledOn.plusYears(last.getYear() - enrolledOn.getYear() + 1L);
    }

    /**
     * Returns the first day of the period a review point reviews; the period ends the day before the review.
     *
     * @param enrolledOn the member's enrolment date
     * @param review the review point
     * @return the period's first day
     */
    public LocalDate periodStart(LocalDate enrolledOn, LocalDate review) {
        if (window == QualifyingWindow.CALENDAR_YEAR) {
            return review.minusYears(1).withDayOfYear(1);
        }
        return anniversaryOnOrBefore(enrolledOn, review.minusDays(1));
    }

    /** The last enrolment anniversary on or before a day (the enrolment date itself counts); anniversaries are counted from enrolment, so 29 February comes back in leap years. */
    private static LocalDate anniversaryOnOrBefore(LocalDate enrolledOn, LocalDate day) {
        if (day.isBefore(enrolledOn)) {
            return enrolledOn;
        }
        long years = day.getYear() - enrolledOn.getYear();
        LocalDate candidate = enrolledOn.plusYears(years);
        return candidate.isAfter(day) ? enrolledOn.plusYears(years - 1) : candidate;
    }

    /** Builds a {@link TierPolicy}; every setter fails fast on a bad value. */
    public static final class Builder {
        private final QualifyingMetric metric;
        private final QualifyingWindow window;
        private final Map<String, BigDecimal> thresholds = new LinkedHashMap<>();
        private final Map<String, TierBenefits> benefits = new LinkedHashMap<>();
        private int graceDays;
        private boolean softLanding;

        private Builder(QualifyingMetric metric, QualifyingWindow window) {
            this.metric = Checks.notNull(metric, "tierPolicy.metric");
            this.window = Checks.notNull(window, "tierPolicy.window");
        }

        /**
         * Sets the total a tier needs.
         *
         * @param tierCode the tier
         * @param threshold the total, zero or more, at most 18 digits before the point and 34 significant digits,
         *                  at least 1E-18 above zero ({@link Decision#digitsProblem})
         * @return this builder
         * @throws InvalidInputException naming the tier ({@code tierPolicy.thresholds[gold]}) when the threshold is null,
         *         beyond those digits (the message does not write the number out) or negative
         */
        public Builder threshold(String tierCode, BigDecimal threshold) {
            String code = Checks.text(tierCode, "tierPolicy.thresholds tier code");
            thresholds.put(code, TierPolicy.threshold(code, threshold));
            return this;
        }

        /**
         * Sets what a tier gives.
         *
         * @param tierCode the tier
         * @param tierBenefits its benefits
         * @return this builder
         */
        public Builder benefits(String tierCode, TierBenefits tierBenefits) {
            benefits.put(Checks.text(tierCode, "tierPolicy.benefits tier code"), Checks.notNull(tierBenefits, "tierPolicy.benefits"));
            return this;
        }

        /**
         * Sets the grace period after a review a member fell short at; 0 (the default) demotes at the review.
         *
         * @param days 0 to 3650
         * @return this builder
         */
        public Builder graceDays(int days) {
            if (days < 0 || days > 3650) {
                throw new InvalidInputException("tierPolicy.graceDays", "must be 0 to 3650, was " + days);
            }
            this.graceDays = days;
            return this;
        }

        /**
         * Sets whether a demotion goes at most one tier down; off by default.
         *
         * @param value true for a soft landing
         * @return this builder
         */
        public Builder softLanding(boolean value) {
            this.softLanding = value;
            return this;
        }

        /**
         * Builds the policy.
         *
         * @return the policy
         */
        public TierPolicy build() {
            return new TierPolicy(metric, window, thresholds, benefits, graceDays, softLanding);
        }
    }
}
