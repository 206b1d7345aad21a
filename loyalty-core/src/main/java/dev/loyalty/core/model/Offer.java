package dev.loyalty.core.model;

import dev.loyalty.core.internal.Checks;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * An offer issued to one member, as stored: what it gives, for which occasion, how long it is
 * valid and where it is in its life.
 *
 * @param code the offer code the point of sale redeems it with; unique across the store
 * @param memberId the member it was issued to
 * @param template the template code the rules issued it under, such as {@code BDAY-01}
 * @param kind what it gives
 * @param value points, a discount percentage, a multiplier, or 1 for a free item
 * @param itemCode the free item's code; null for other kinds
 * @param trigger the kind of occasion
 * @param occasion the occasion key, such as {@code birthday:2028} or {@code win-back:2026-01-05T10:00:00Z}
 * @param rule the rule that proposed it
 * @param reason the reason, readable by the member
 * @param issuedAt when it was issued (the sweep's instant); valid from then
 * @param validUntil the end of its validity, exclusive
 * @param status issued, redeemed or expired
 * @param redeemedAt when it was redeemed, or null
 * @param redeemedBy the event that redeemed it, or null
 * @param converted for a win-back offer whose dormancy spell ended with a purchase: whether it was
 *                  redeemed before it expired; null while the spell lasts and for birthday offers
 */
public record Offer(String code, MemberId memberId, String template, OfferKind kind, BigDecimal value, String itemCode,
                    OfferTrigger trigger, String occasion, String rule, String reason, Instant issuedAt, Instant validUntil,
                    OfferStatus status, Instant redeemedAt, EventId redeemedBy, Boolean converted) {

    /**
     * Checks the components.
     *
     * @param code the offer code the point of sale redeems it with; unique across the store
     * @param memberId the member it was issued to
     * @param template the template code the rules issued it under, such as {@code BDAY-01}
     * @param kind what it gives
     * @param value points, a discount percentage, a multiplier, or 1 for a free item
     * @param itemCode the free item's code; null for other kinds
     * @param trigger the kind of occasion
     * @param occasion the occasion key, such as {@code birthday:2028} or {@code win-back:2026-01-05T10:00:00Z}
     * @param rule the rule that proposed it
     * @param reason the reason, readable by the member
     * @param issuedAt when it was issued (the sweep's instant); valid from then
     * @param validUntil the end of its validity, exclusive
     * @param status issued, redeemed or expired
     * @param redeemedAt when it was redeemed, or null
     * @param redeemedBy the event that redeemed it, or null
     * @param converted for a win-back offer whose dormancy spell ended with a purchase: whether it was
     *                      redeemed before it expired; null while the spell lasts and for birthday offers
     */
    public Offer {
        code = Checks.text(code, "offer.code");
        Checks.notNull(memberId, "offer.memberId");
        template = Checks.text(template, "offer.template");
        Checks.notNull(kind, "offer.kind");
        Checks.notNull(value, "offer.value");
        Checks.notNull(trigger, "offer.trigger");
        occasion = Checks.text(occasion, "offer.occasion");
        Checks.notNull(issuedAt, "offer.issuedAt");
        Checks.notNull(validUntil, "offer.validUntil");
        Checks.notNull(status, "offer.status");
    }

    /**
     * Tells whether the offer can be redeemed at an instant: issued, not redeemed, and inside
     * its validity window.
     *
     * @param at the instant
     * @return true when redeemable then
     */
    public boolean redeemableAt(Instant at) {
        return status == OfferStatus.ISSUED && !at.isBefore(issuedAt) && at.isBefore(validUntil);
    }

    /**
     * Returns a copy redeemed by an event.
     *
     * @param at when
     * @param by the redeeming event
     * @return the redeemed offer
     */
    public Offer redeemed(Instant at, EventId by) {
        return new Offer(code, memberId, template, kind, value, itemCode, trigger, occasion, rule, reason, issuedAt, validUntil,
                OfferStatus.REDEEMED, at, by, converted);
    }

    /**
     * Returns a copy marked expired.
     *
     * @return the expired offer
     */
    public Offer expired() {
        return new Offer(code, memberId, template, kind, value, itemCode, trigger, occasion, rule, reason, issuedAt, validUntil,
                OfferStatus.EXPIRED, redeemedAt, redeemedBy, converted);
    }

    /**
     * Returns a copy with its conversion recorded.
     *
     * @param value whether the offer converted
     * @return the changed offer
     */
    public Offer withConverted(boolean value) {
        return new Offer(code, memberId, template, kind, this.value, itemCode, trigger, occasion, rule, reason, issuedAt, validUntil,
                status, redeemedAt, redeemedBy, value);
    }
}
