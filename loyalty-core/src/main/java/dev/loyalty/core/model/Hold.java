package dev.loyalty.core.model;

import dev.loyalty.core.internal.Checks;
import java.time.Instant;

/**
 * Points reserved for a redemption that is not final yet, such as at a checkout before
 * payment. Held points are not spendable, and do not expire while the hold is active: a lot
 * whose expiry passes keeps them until no active hold needs them. A hold is captured (the
 * points are redeemed), voided, or expires by the engine's clock. Holds are not ledger
 * entries: only a capture writes to the ledger.
 *
 * @param id the hold id; the id of the event that placed it
 * @param memberId the member
 * @param points the points reserved
 * @param rewardCode the reward the points are reserved for
 * @param createdAt when the hold was placed
 * @param expiresAt when it lapses unless captured or voided
 * @param status where the hold is in its life
 */
public record Hold(String id, MemberId memberId, long points, String rewardCode, Instant createdAt, Instant expiresAt, HoldStatus status) {

    /**
     * Checks the components.
     *
     * @param id the hold id; the id of the event that placed it
     * @param memberId the member
     * @param points the points reserved
     * @param rewardCode the reward the points are reserved for
     * @param createdAt when the hold was placed
     * @param expiresAt when it lapses unless captured or voided
     * @param status where the hold is in its life
     */
    public Hold {
        Checks.notNull(id, "hold.id");
        Checks.notNull(memberId, "hold.memberId");
        Checks.notNull(createdAt, "hold.createdAt");
        Checks.notNull(expiresAt, "hold.expiresAt");
        Checks.notNull(status, "hold.status");
    }

    /**
     * Tells whether the hold still reserves points at an instant.
     *
     * @param now the instant
     * @return true when active and not yet expired
     */
    public boolean reservesAt(Instant now) {
        return status == HoldStatus.ACTIVE && expiresAt.isAfter(now);
    }

    /**
     * Returns when the hold next needs time-based work: its lapse while active.
     *
     * @return the expiry of an active hold, or null for a captured, voided or expired one
     */
    public Instant dueAt() {
        return status == HoldStatus.ACTIVE ? expiresAt : null;
    }

    /**
     * Returns a copy with another status.
     *
     * @param newStatus the status
     * @return the changed hold
     */
    public Hold withStatus(HoldStatus newStatus) {
        return new Hold(id, memberId, points, rewardCode, createdAt, expiresAt, newStatus);
    }
}
