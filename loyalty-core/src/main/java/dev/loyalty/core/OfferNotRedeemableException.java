package dev.loyalty.core;

/**
 * Thrown when an offer cannot be redeemed: unknown, another member's, already redeemed, not
 * valid yet, expired, or a multiplier while another waits for the next purchase. Nothing is stored.
 */
public final class OfferNotRedeemableException extends LoyaltyException {

    /** Why an offer cannot be redeemed. */
    public enum Reason {
        /** No offer has this code. */
        UNKNOWN,
        /** The offer was issued to another member. */
        OTHER_MEMBER,
        /** The offer was redeemed already, by another event. */
        ALREADY_REDEEMED,
        /** The redemption happened before the offer was issued. */
        NOT_YET_VALID,
        /** The offer's validity ended before the redemption. */
        EXPIRED,
        /**
         * The offer is a multiplier, and another multiplier offer the member redeemed still waits
         * for their next purchase: one purchase takes one multiplier, so the second would be used up
         * without multiplying anything.
         */
        MULTIPLIER_PENDING
    }

    /** Why the offer cannot be redeemed. */
    private final Reason reason;
    /** The offer code that was presented. */
    private final String offerCode;

    /**
     * Creates the exception.
     *
     * @param reason why
     * @param offerCode the offer code
     * @param message which offer, which member and what state it is in
     */
    public OfferNotRedeemableException(Reason reason, String offerCode, String message) {
        super(message);
        this.reason = reason;
        this.offerCode = offerCode;
    }

    /**
     * Returns why the offer cannot be redeemed.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }

    /**
     * Returns the offer code that was presented.
     *
     * @return the code
     */
    public String offerCode() {
        return offerCode;
    }
}
