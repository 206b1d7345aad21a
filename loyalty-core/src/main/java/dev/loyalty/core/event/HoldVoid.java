package dev.loyalty.core.event;

import dev.loyalty.core.internal.Checks;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.MemberId;
import java.time.Instant;

/**
 * Releases an active hold: its points are spendable again.
 *
 * @param eventId the idempotency key
 * @param memberId the member who placed the hold
 * @param occurredAt when the hold was released
 * @param holdId the id of the {@link PointsHold} event
 */
public record HoldVoid(EventId eventId, MemberId memberId, Instant occurredAt, EventId holdId) implements LoyaltyEvent {

    /**
     * Checks the components.
     *
     * @param eventId the idempotency key
     * @param memberId the member who placed the hold
     * @param occurredAt when the hold was released
     * @param holdId the id of the {@link PointsHold} event
     */
    public HoldVoid {
        Checks.notNull(eventId, "void.eventId");
        Checks.notNull(memberId, "void.memberId");
        Checks.notNull(occurredAt, "void.occurredAt");
        Checks.notNull(holdId, "void.holdId");
    }

    @Override
    public String kind() {
        return "hold-void";
    }
}
