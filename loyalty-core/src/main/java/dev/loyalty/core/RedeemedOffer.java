package dev.loyalty.core;

import dev.loyalty.core.model.Offer;

/**
 * What redeeming an offer gives the point of sale: the outcome (points credited by a points
 * offer) and the offer itself, whose kind, value and item code say what to give (a discount,
 * a free item) or what the next purchase earns (a multiplier).
 *
 * @param outcome the redemption's outcome
 * @param offer the offer, as redeemed
 */
public record RedeemedOffer(Outcome outcome, Offer offer) {
}
