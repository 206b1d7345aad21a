package dev.loyalty.core.model;

/** Where an offer is in its life: issued, then redeemed or expired, never both. */
public enum OfferStatus {
    /** Issued and not redeemed; redeemable until it expires. */
    ISSUED,
    /** Redeemed by the point of sale with the offer code. */
    REDEEMED,
    /** Not redeemed before the end of its validity; written by the sweep. */
    EXPIRED
}
