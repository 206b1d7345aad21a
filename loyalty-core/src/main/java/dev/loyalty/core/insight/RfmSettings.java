package dev.loyalty.core.insight;

import dev.loyalty.core.InvalidInputException;
import dev.loyalty.core.internal.Checks;
import java.time.LocalDate;

/**
 * How a segmentation run scores members and assigns segments. Build with {@link #builder(LocalDate)}.
 *
 * <p><b>RFM values</b>, per member, over the purchases whose local date falls in the window
 * {@code (asOf - windowDays, asOf]}: recency, the days from the last purchase to {@code asOf};
 * frequency, the number of purchases; monetary, their amounts less what was returned of them by
 * {@code asOf}. A return counts on its own local date in the member's zone: returns on or before
 * {@code asOf} reduce the spend, returns after it do not, so that scoring as of a past date gives
 * the same values whatever happens after it. (Returns recorded before the store kept each
 * return's time count as made by any date.)
 * Members without a purchase in the window get scores 0 and the segment {@code dormant}.
 *
 * <p><b>Scores</b> 1 (worst) to 5 (best) from four cut points per value ({@link RfmThresholds}):
 * configured, or by default quintiles of the members who bought in the window, ties scored
 * down (a value equal to a quintile's upper bound stays in that quintile).
 *
 * <p><b>Segments</b>, the first that fits:
 * <ol>
 *   <li>{@code dormant}: no purchase in the window, or the last more than {@code dormantAfterDays} ago;</li>
 *   <li>{@code vip}: R, F and M at least the VIP minimums (default 4, 4, 4);</li>
 *   <li>{@code at_risk}: R at most the at-risk maximum (default 2) and F or M at least the at-risk minimum (default 3);</li>
 *   <li>{@code potential}: R at least the potential minimum (default 4);</li>
 *   <li>{@code ordinary}: everyone else.</li>
 * </ol>
 *
 * @param asOf the date members are scored as of, in each member's zone, from 1900-01-01 to 9999-12-31
 * @param windowDays the days of purchases counted, up to and including {@code asOf}
 * @param thresholds the fixed cut points, or null for quintiles computed by the run
 * @param dormantAfterDays the days without a purchase after which a member is dormant
 * @param vipMinRecency the least recency score of a VIP
 * @param vipMinFrequency the least frequency score of a VIP
 * @param vipMinMonetary the least monetary score of a VIP
 * @param atRiskMaxRecency the highest recency score of an at-risk member
 * @param atRiskMinValue the least frequency or monetary score of an at-risk member
 * @param potentialMinRecency the least recency score of a potential member
 */
public record RfmSettings(LocalDate asOf, int windowDays, RfmThresholds thresholds, int dormantAfterDays, int vipMinRecency,
                          int vipMinFrequency, int vipMinMonetary, int atRiskMaxRecency, int atRiskMinValue, int potentialMinRecency) {

    /**
     * Checks the settings as the builder does, so that settings made without it cannot hold a
     * window of no days or a score outside 1 to 5.
     *
     * @param asOf the date members are scored as of, in each member's zone, from 1900-01-01 to 9999-12-31
     * @param windowDays the days of purchases counted, one or more
     * @param thresholds the fixed cut points, or null for quintiles computed by the run
     * @param dormantAfterDays the days without a purchase after which a member is dormant, zero or more
     * @param vipMinRecency the least recency score of a VIP, 1 to 5
     * @param vipMinFrequency the least frequency score of a VIP, 1 to 5
     * @param vipMinMonetary the least monetary score of a VIP, 1 to 5
     * @param atRiskMaxRecency the highest recency score of an at-risk member, 1 to 5
     * @param atRiskMinValue the least frequency or monetary score of an at-risk member, 1 to 5
     * @param potentialMinRecency the least recency score of a potential member, 1 to 5
     */
    public RfmSettings {
        Checks.date(asOf, "rfm.asOf");
        positive(windowDays, "rfm.windowDays");
        notNegative(dormantAfterDays, "rfm.dormantAfterDays");
        score(vipMinRecency, "rfm.vip.recency");
        score(vipMinFrequency, "rfm.vip.frequency");
        score(vipMinMonetary, "rfm.vip.monetary");
        score(atRiskMaxRecency, "rfm.atRisk.recency");
        score(atRiskMinValue, "rfm.atRisk.value");
        score(potentialMinRecency, "rfm.potential.recency");
    }

    /**
     * Starts settings with the defaults: a 365-day window, quintiles, dormant after 180 days.
     *
     * @param asOf the date to score as of, from 1900-01-01 to 9999-12-31 (the days every store keeps)
     * @return the builder
     * @throws dev.loyalty.core.InvalidInputException when the date is null or out of that range
     */
    public static Builder builder(LocalDate asOf) {
        return new Builder(Checks.date(asOf, "rfm.asOf"));
    }

    /**
     * Returns the segment of a member with the given scores.
     *
     * @param recencyDays the days since the last purchase in the window, or -1 without one
     * @param recency the recency score
     * @param frequency the frequency score
     * @param monetary the monetary score
     * @return the segment
     */
    public Segment segmentOf(long recencyDays, int recency, int frequency, int monetary) {
        if (recencyDays < 0 || recencyDays > dormantAfterDays) {
            return Segment.DORMANT;
        }
        if (recency >= vipMinRecency && frequency >= vipMinFrequency && monetary >= vipMinMonetary) {
            return Segment.VIP;
        }
        if (recency <= atRiskMaxRecency && (frequency >= atRiskMinValue || monetary >= atRiskMinValue)) {
            return Segment.AT_RISK;
        }
        if (recency >= potentialMinRecency) {
            return Segment.POTENTIAL;
        }
        return Segment.ORDINARY;
    }

    /** Builds {@link RfmSettings}; setters fail fast with a message naming the bad value. */
    public static final class Builder {
        private final LocalDate asOf;
        private int windowDays = 365;
        private RfmThresholds thresholds;
        private int dormantAfterDays = 180;
        private int vipMinRecency = 4;
        private int vipMinFrequency = 4;
        private int vipMinMonetary = 4;
        private int atRiskMaxRecency = 2;
        private int atRiskMinValue = 3;
        private int potentialMinRecency = 4;

        private Builder(LocalDate asOf) {
            this.asOf = asOf;
        }

        /**
         * Sets the days of purchases counted.
         *
         * @param days one or more
         * @return this builder
         */
        public Builder windowDays(int days) {
            this.windowDays = positive(days, "rfm.windowDays");
            return this;
        }

        /**
         * Fixes the cut points instead of computing quintiles.
         *
         * @param value the thresholds
         * @return this builder
         */
        public Builder thresholds(RfmThresholds value) {
            this.thresholds = Checks.notNull(value, "rfm.thresholds");
            return this;
        }

        /**
         * Sets the days without a purchase after which a member is dormant.
         *
         * @param days zero or more
         * @return this builder
         */
        public Builder dormantAfterDays(int days) {
            this.dormantAfterDays = notNegative(days, "rfm.dormantAfterDays");
            return this;
        }

        /**
         * Sets the least scores of a VIP.
         *
         * @param recency the least recency score, 1 to 5
         * @param frequency the least frequency score, 1 to 5
         * @param monetary the least monetary score, 1 to 5
         * @return this builder
         */
        public Builder vip(int recency, int frequency, int monetary) {
            this.vipMinRecency = score(recency, "rfm.vip.recency");
            this.vipMinFrequency = score(frequency, "rfm.vip.frequency");
            this.vipMinMonetary = score(monetary, "rfm.vip.monetary");
            return this;
        }

        /**
         * Sets who is at risk: recency at most one score, frequency or monetary at least another.
         *
         * @param maxRecency the highest recency score, 1 to 5
         * @param minValue the least frequency or monetary score, 1 to 5
         * @return this builder
         */
        public Builder atRisk(int maxRecency, int minValue) {
            this.atRiskMaxRecency = score(maxRecency, "rfm.atRisk.recency");
            this.atRiskMinValue = score(minValue, "rfm.atRisk.value");
            return this;
        }

        /**
         * Sets the least recency score of a potential member.
         *
         * @param minRecency 1 to 5
         * @return this builder
         */
        public Builder potential(int minRecency) {
            this.potentialMinRecency = score(minRecency, "rfm.potential.recency");
            return this;
        }

        /**
         * Builds the settings.
         *
         * @return the settings
         */
        public RfmSettings build() {
            return new RfmSettings(asOf, windowDays, thresholds, dormantAfterDays, vipMinRecency, vipMinFrequency, vipMinMonetary,
                    atRiskMaxRecency, atRiskMinValue, potentialMinRecency);
        }
    }

    private static int positive(int value, String field) {
        if (value < 1) {
            throw new InvalidInputException(field, "must be at least 1, was " + value);
        }
        return value;
    }

    private static int notNegative(int value, String field) {
        if (value < 0) {
            throw new InvalidInputException(field, "must not be negative, was " + value);
        }
        return value;
    }

    private static int score(int value, String field) {
        if (value < 1 || value > 5) {
            throw new InvalidInputException(field, "must be a score from 1 to 5, was " + value);
        }
        return value;
    }
}
