package dev.loyalty.core.spi;

import dev.loyalty.core.LoyaltyException;

/**
 * What {@link LoyaltyStore#applyAll} did with one {@link MemberWork}: the event now recorded,
 * as {@link LoyaltyStore#apply} returns it, or the refusal that left the store unchanged for it.
 *
 * @param event the event recorded under the id of the changes' event (the new one or an earlier
 *              one); null when refused or when the changes carried no event
 * @param refusal what the work or the store threw for this work, or null when it was applied
 */
public record AppliedWork(StoredEvent event, LoyaltyException refusal) {

    /**
     * Checks the components.
     *
     * @param event the event recorded under the id of the changes' event (the new one or an earlier
     *                  one); null when refused or when the changes carried no event
     * @param refusal what the work or the store threw for this work, or null when it was applied
     * @throws IllegalArgumentException when both an event and a refusal are given
     */
    public AppliedWork {
        if (event != null && refusal != null) {
            throw new IllegalArgumentException("a work is either applied (event " + event.eventId() + ") or refused, not both");
        }
    }

    /**
     * Returns the result of a work that was applied.
     *
     * @param event the event recorded, or null for changes without an event
     * @return the result
     */
    public static AppliedWork applied(StoredEvent event) {
        return new AppliedWork(event, null);
    }

    /**
     * Returns the result of a work that was refused.
     *
     * @param refusal what was thrown
     * @return the result
     */
    public static AppliedWork refused(LoyaltyException refusal) {
        return new AppliedWork(null, refusal);
    }
}
