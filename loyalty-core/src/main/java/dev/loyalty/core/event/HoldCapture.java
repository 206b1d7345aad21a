package dev.loyalty.core.event;

import dev.loyalty.core.internal.Checks;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.MemberId;
import java.time.Instant;

/**
 * Turns an active hold into a redemption: the held points are spent. The capture must be dated
 * before the hold's {@code expiresAt}: a hold lapses by the engine's clock or by the capture's
 * own time, whichever reaches the expiry first.
 *
 * @param eventId the idempotency key
 * @param memberId the member who placed the hold
 * @param occurredAt when the capture was made
 * @param holdId the id of the {@link PointsHold} event
 */
public record HoldCapture(EventId eventId, MemberId memberId, Instant occurredAt, EventId holdId) implements LoyaltyEvent {

    /**
     * Checks the components.
     *
     * @param eventId the idempotency key
     * @param memberId the member who placed the hold
     * @param occurredAt when the capture was made
     * @param holdId the id of the {@link PointsHold} event
     */
    public HoldCapture {
        Checks.notNull(eventId, "capture.eventId");
        Checks.notNull(memberId, "capture.memberId");
        Checks.notNull(occurredAt, "capture.occurredAt");
        Checks.notNull(holdId, "capture.holdId");
    }

    @Override
    public String kind() {
        return "hold-capture";
    }
}
