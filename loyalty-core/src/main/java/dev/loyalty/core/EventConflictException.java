package dev.loyalty.core;

import dev.loyalty.core.model.EventId;

/**
 * Thrown when an event id that was already processed arrives with a different payload. Event
 * ids are idempotency keys: the same id with the same payload returns the original outcome,
 * the same id with another payload is a caller bug and is refused.
 */
public final class EventConflictException extends LoyaltyException {

    /** The event id that arrived again with a different payload. */
    private final EventId eventId;

    /**
     * Creates the exception.
     *
     * @param eventId the reused event id
     * @param detail how the payloads differ, as far as known
     */
    public EventConflictException(EventId eventId, String detail) {
        super("event " + eventId + " was already processed with a different payload (" + detail + ")");
        this.eventId = eventId;
    }

    /**
     * Returns the reused event id.
     *
     * @return the event id
     */
    public EventId eventId() {
        return eventId;
    }
}
