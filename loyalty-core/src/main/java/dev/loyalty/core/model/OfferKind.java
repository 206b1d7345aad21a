package dev.loyalty.core.model;

/** What an offer gives its member. */
public enum OfferKind {
    /** Points credited to the ledger when the offer is redeemed; the value is the number of points. */
    POINTS,
    /** A discount the point of sale applies; the value is a percentage (10 means 10% off). */
    DISCOUNT,
    /** A multiplier on the points of the member's next purchase after redemption; the value is the factor. */
    MULTIPLIER,
    /** A free item the point of sale hands out; the item code names it, the value is 1. */
    FREE_ITEM
}
