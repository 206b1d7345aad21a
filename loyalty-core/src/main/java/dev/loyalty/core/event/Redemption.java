package dev.loyalty.core.event;

import dev.loyalty.core.InvalidInputException;
import dev.loyalty.core.internal.Checks;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.Money;
import java.time.Instant;

/**
 * A member spends points on a reward or a discount, in one step. The points come from the
 * oldest-expiring spendable lots; when too few are spendable, nothing is spent and
 * {@code InsufficientPointsException} names the shortfall.
 *
 * @param eventId the idempotency key
 * @param memberId the member
 * @param occurredAt when the redemption was made
 * @param rewardCode the reward, such as {@code VOUCHER-5}
 * @param points the points to spend; at least 1
 * @param value the reward's money value, for liability reporting, or null
 */
public record Redemption(EventId eventId, MemberId memberId, Instant occurredAt, String rewardCode, long points, Money value)
        implements LoyaltyEvent {

    /**
     * Checks the components.
     *
     * @param eventId the idempotency key
     * @param memberId the member
     * @param occurredAt when the redemption was made
     * @param rewardCode the reward, such as {@code VOUCHER-5}
     * @param points the points to spend; at least 1
     * @param value the reward's money value, for liability reporting, or null
     */
    public Redemption {
        Checks.notNull(eventId, "redemption.eventId");
        Checks.notNull(memberId, "redemption.memberId");
        Checks.notNull(occurredAt, "redemption.occurredAt");
        rewardCode = Checks.text(rewardCode, "redemption.rewardCode");
        if (points < 1) {
            throw new InvalidInputException("redemption.points", "must be at least 1, was " + points);
        }
        if (value != null && value.signum() < 0) {
            throw new InvalidInputException("redemption.value", "must not be negative, was " + value);
        }
    }

    @Override
    public String kind() {
        return "redemption";
    }
}
