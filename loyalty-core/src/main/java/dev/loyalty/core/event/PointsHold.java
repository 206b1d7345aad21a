package dev.loyalty.core.event;

import dev.loyalty.core.InvalidInputException;
import dev.loyalty.core.internal.Checks;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.MemberId;
import java.time.Instant;

/**
 * Reserves points for a redemption that is not final yet, such as at a checkout before
 * payment. The hold's id is this event's id; capture it with {@link HoldCapture} or release it
 * with {@link HoldVoid}. It lapses by itself at {@code expiresAt}, by the engine's clock. While
 * it is active, its points do not expire (by date or inactivity), so its capture finds them.
 *
 * @param eventId the idempotency key and the hold's id
 * @param memberId the member
 * @param occurredAt when the hold was placed
 * @param rewardCode the reward the points are reserved for
 * @param points the points to reserve; at least 1
 * @param expiresAt when the hold lapses; after {@code occurredAt}, and no later than
 *                  {@code 9999-12-31T23:59:59.999999999Z} (the engine refuses a later one)
 */
public record PointsHold(EventId eventId, MemberId memberId, Instant occurredAt, String rewardCode, long points, Instant expiresAt)
        implements LoyaltyEvent {

    /**
     * Checks the components.
     *
     * @param eventId the idempotency key and the hold's id
     * @param memberId the member
     * @param occurredAt when the hold was placed
     * @param rewardCode the reward the points are reserved for
     * @param points the points to reserve; at least 1
     * @param expiresAt when the hold lapses; after {@code occurredAt}, and no later than
     *                      {@code 9999-12-31T23:59:59.999999999Z} (the engine refuses a later one)
     */
    public PointsHold {
        Checks.notNull(eventId, "hold.eventId");
        Checks.notNull(memberId, "hold.memberId");
        Checks.notNull(occurredAt, "hold.occurredAt");
        rewardCode = Checks.text(rewardCode, "hold.rewardCode");
        if (points < 1) {
            throw new InvalidInputException("hold.points", "must be at least 1, was " + points);
        }
        Checks.notNull(expiresAt, "hold.expiresAt");
        if (!expiresAt.isAfter(occurredAt)) {
            throw new InvalidInputException("hold.expiresAt", expiresAt + " must be after the hold is placed at " + occurredAt);
        }
    }

    @Override
    public String kind() {
        return "hold";
    }
}
