package dev.loyalty.core.spi;

import dev.loyalty.core.Outcome;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.MemberId;

/**
 * A processed event as the store keeps it: enough to answer a replay of the same id.
 *
 * @param eventId the event id, unique across the store
 * @param memberId the member the event concerned
 * @param fingerprint a hash of the event's payload, to tell a replay from a conflict
 * @param outcome what processing the event did
 */
public record StoredEvent(EventId eventId, MemberId memberId, String fingerprint, Outcome outcome) {
}
