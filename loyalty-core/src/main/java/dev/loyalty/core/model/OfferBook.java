package dev.loyalty.core.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A member's offer bookkeeping, kept beside the member so that neither an event nor the sweep
 * has to read the member's offers to know whether anything is due.
 *
 * @param lastPurchaseAt the last purchase, or null before any; dormancy is measured from it
 * @param birthdaySetAt when the birthday was last given or changed, or null when never (or before offers existed)
 * @param birthdayYear the last birthday year offers were issued for; 0 when none
 * @param winBackSpell the start of the dormancy spell win-back offers were issued in, while that spell lasts; else null
 * @param armedOffer the code of a redeemed multiplier offer waiting for the next purchase, or null
 * @param nextOfferExpiry the earliest end of validity among the member's issued offers, or null when none
 * @param zoneMovedFrom the member's local date, in the zone left, when the last zone change that moved the local date
 *     forward was processed (sweeps see the new zone from then on); null when none did
 * @param zoneMovedTo the member's local date, in the zone taken, when that change was processed; null when none
 */
public record OfferBook(Instant lastPurchaseAt, Instant birthdaySetAt, int birthdayYear, Instant winBackSpell, String armedOffer,
                        Instant nextOfferExpiry, LocalDate zoneMovedFrom, LocalDate zoneMovedTo) {

    /** The bookkeeping of a new member. */
    public static final OfferBook NEW = new OfferBook(null, null, 0, null, null, null, null, null);

    /**
     * Returns a copy with a later purchase; an earlier one leaves it unchanged.
     *
     * @param at the purchase
     * @return the changed bookkeeping
     */
    public OfferBook purchasedAt(Instant at) {
        return lastPurchaseAt != null && !at.isAfter(lastPurchaseAt) ? this
                : new OfferBook(at, birthdaySetAt, birthdayYear, winBackSpell, armedOffer, nextOfferExpiry, zoneMovedFrom, zoneMovedTo);
    }

    /**
     * Returns a copy with the birthday given or changed at an instant.
     *
     * @param at when
     * @return the changed bookkeeping
     */
    public OfferBook birthdaySetAt(Instant at) {
        return new OfferBook(lastPurchaseAt, at, birthdayYear, winBackSpell, armedOffer, nextOfferExpiry, zoneMovedFrom, zoneMovedTo);
    }

    /**
     * Returns a copy with the birthday year handled.
     *
     * @param year the year
     * @return the changed bookkeeping
     */
    public OfferBook birthdayYear(int year) {
        return new OfferBook(lastPurchaseAt, birthdaySetAt, year, winBackSpell, armedOffer, nextOfferExpiry, zoneMovedFrom, zoneMovedTo);
    }

    /**
     * Returns a copy with another open win-back spell.
     *
     * @param spell the spell's start, or null when closed
     * @return the changed bookkeeping
     */
    public OfferBook winBackSpell(Instant spell) {
        return new OfferBook(lastPurchaseAt, birthdaySetAt, birthdayYear, spell, armedOffer, nextOfferExpiry, zoneMovedFrom, zoneMovedTo);
    }

    /**
     * Returns a copy with another armed multiplier offer.
     *
     * @param code the offer's code, or null
     * @return the changed bookkeeping
     */
    public OfferBook armedOffer(String code) {
        return new OfferBook(lastPurchaseAt, birthdaySetAt, birthdayYear, winBackSpell, code, nextOfferExpiry, zoneMovedFrom, zoneMovedTo);
    }

    /**
     * Returns a copy with another earliest expiry.
     *
     * @param at the earliest end of validity of an issued offer, or null
     * @return the changed bookkeeping
     */
    public OfferBook nextOfferExpiry(Instant at) {
        return new OfferBook(lastPurchaseAt, birthdaySetAt, birthdayYear, winBackSpell, armedOffer, at, zoneMovedFrom, zoneMovedTo);
    }

    /**
     * Returns a copy with a zone change that moved the member's local date forward, so that the
     * sweep can still catch a birthday the change made it skip.
     *
     * @param from the member's local date in the zone left, when the change was processed
     * @param to the member's local date in the zone taken, when the change was processed; after {@code from}
     * @return the changed bookkeeping
     */
    public OfferBook zoneMoved(LocalDate from, LocalDate to) {
        return new OfferBook(lastPurchaseAt, birthdaySetAt, birthdayYear, winBackSpell, armedOffer, nextOfferExpiry, from, to);
    }

    /**
     * Returns whether the other object is an offer bookkeeping with equal components: the record's
     * own equality, written out so that the last purchase, which a purchase changes, is compared
     * first (the generated method compares the components last to first, on every purchase).
     *
     * @param other the object to compare with
     * @return true when every component is equal
     */
    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof OfferBook book
                && Objects.equals(lastPurchaseAt, book.lastPurchaseAt)
                && Objects.equals(birthdaySetAt, book.birthdaySetAt)
                && birthdayYear == book.birthdayYear
                && Objects.equals(winBackSpell, book.winBackSpell)
                && Objects.equals(armedOffer, book.armedOffer)
                && Objects.equals(nextOfferExpiry, book.nextOfferExpiry)
                && Objects.equals(zoneMovedFrom, book.zoneMovedFrom)
                && Objects.equals(zoneMovedTo, book.zoneMovedTo);
    }

    /**
     * Returns the hash of the components, consistent with {@link #equals(Object)}.
     *
     * @return the hash
     */
    @Override
    public int hashCode() {
        return Objects.hash(lastPurchaseAt, birthdaySetAt, birthdayYear, winBackSpell, armedOffer, nextOfferExpiry, zoneMovedFrom, zoneMovedTo);
    }
}
