package dev.loyalty.core.tier;

/** What a tier ladder counts to decide who qualifies for which tier. */
public enum QualifyingMetric {
    /** Qualifying spend: purchase totals in the program currency, less what was returned. */
    SPEND,
    /** Qualifying points: the points purchases earned, less what returns clawed back. */
    POINTS,
    /** The number of purchases, less purchases returned in full. */
    PURCHASES
}
