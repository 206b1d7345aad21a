package dev.loyalty.core.tier;

/**
 * The period whose qualifying totals count, and when tiers are reviewed. All dates are in the
 * member's zone, at day granularity.
 */
public enum QualifyingWindow {
    /**
     * The 12 months ending on the day asked about: from the same day a year earlier, exclusive,
     * to that day, inclusive (for 2027-03-31: 2026-04-01 to 2027-03-31). Reviewed on every
     * enrolment anniversary.
     */
    ROLLING_12_MONTHS,
    /** The calendar year so far. Reviewed on every 1 January, for the year that ended. */
    CALENDAR_YEAR,
    /**
     * The member's anniversary year so far: from the last enrolment anniversary. An enrolment on
     * 29 February has its anniversary on 28 February in common years. Reviewed on every anniversary.
     */
    ANNIVERSARY_YEAR
}
