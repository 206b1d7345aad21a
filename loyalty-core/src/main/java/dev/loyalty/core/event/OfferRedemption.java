package dev.loyalty.core.event;

import dev.loyalty.core.internal.Checks;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.MemberId;
import java.time.Instant;

/**
 * The point of sale redeems an offer with its code. A points offer credits its points; a
 * multiplier offer applies to the member's next purchase; a discount or free item is for the
 * point of sale to give (see {@code LoyaltyEngine.redeemOffer}). Redeeming an unknown, foreign,
 * used or expired offer throws {@code OfferNotRedeemableException} and stores nothing;
 * processing the same event again answers with the first outcome.
 *
 * @param eventId the idempotency key
 * @param memberId the member presenting the offer
 * @param occurredAt when it was redeemed
 * @param offerCode the offer code
 */
public record OfferRedemption(EventId eventId, MemberId memberId, Instant occurredAt, String offerCode) implements LoyaltyEvent {

    /**
     * Checks the components.
     *
     * @param eventId the idempotency key
     * @param memberId the member presenting the offer
     * @param occurredAt when it was redeemed
     * @param offerCode the offer code
     */
    public OfferRedemption {
        Checks.notNull(eventId, "offerRedemption.eventId");
        Checks.notNull(memberId, "offerRedemption.memberId");
        Checks.notNull(occurredAt, "offerRedemption.occurredAt");
        offerCode = Checks.text(offerCode, "offerRedemption.offerCode");
    }

    @Override
    public String kind() {
        return "offer-redemption";
    }
}
