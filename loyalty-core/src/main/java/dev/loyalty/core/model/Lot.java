package dev.loyalty.core.model;

import dev.loyalty.core.internal.Checks;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A parcel of points earned by one event. Points are held in lots so that spending and expiry
 * take them oldest-expiring first and a return finds what its purchase earned. A lot's
 * remaining points always equal the sum of the ledger entries that name it, and the member's
 * balance equals the sum of all lots' remaining points.
 *
 * <p>One lot, {@link #DEBT_LOT}, is special: under the negative-balance claw-back policy it
 * holds a claw-back shortfall as a negative remainder until later earnings repay it, under
 * whichever policy the program has when they are earned.
 *
 * @param id the lot id; the id of the event that earned it, or {@link #DEBT_LOT}
 * @param memberId the owner
 * @param sourceEventId the event that earned the points
 * @param earnedAt when that event happened
 * @param pendingUntil when the points become spendable, or null when they are spendable
 * @param expiresAt when the remaining points expire, or null when they do not expire by date
 * @param points the points credited
 * @param remaining the points not yet spent, expired or clawed back
 * @param sourceAmount the purchase amount that earned the points, or null when not from a purchase
 * @param returnedAmount the amount of that purchase returned so far
 * @param clawedBack the points of the purchase reversed so far for those returns: taken from this lot or any other, or
 *                   left uncharged because they had expired
 * @param spent the points of this lot spent: redeemed, used to repay claw-back debt or taken for another claw-back; a
 *              return of the purchase charges the member's other points (or debt) for these, never for expired ones
 */
public record Lot(String id, MemberId memberId, EventId sourceEventId, Instant earnedAt, Instant pendingUntil, Instant expiresAt,
                  long points, long remaining, BigDecimal sourceAmount, BigDecimal returnedAmount, long clawedBack, long spent) {

    /** The id of the lot that carries a claw-back shortfall under the negative-balance policy. */
    public static final String DEBT_LOT = "~debt";

    /**
     * Checks the components.
     *
     * @param id the lot id; the id of the event that earned it, or {@link #DEBT_LOT}
     * @param memberId the owner
     * @param sourceEventId the event that earned the points
     * @param earnedAt when that event happened
     * @param pendingUntil when the points become spendable, or null when they are spendable
     * @param expiresAt when the remaining points expire, or null when they do not expire by date
     * @param points the points credited
     * @param remaining the points not yet spent, expired or clawed back
     * @param sourceAmount the purchase amount that earned the points, or null when not from a purchase
     * @param returnedAmount the amount of that purchase returned so far
     * @param clawedBack the points of the purchase reversed so far for those returns: taken from this lot or any
     *                   other, or left uncharged because they had expired
     * @param spent the points of this lot spent: redeemed, used to repay claw-back debt or taken for another claw-back
     */
    public Lot {
        Checks.notNull(id, "lot.id");
        Checks.notNull(memberId, "lot.memberId");
        Checks.notNull(sourceEventId, "lot.sourceEventId");
        Checks.notNull(earnedAt, "lot.earnedAt");
        returnedAmount = returnedAmount == null ? BigDecimal.ZERO : returnedAmount;
    }

    /**
     * Returns a lot of points earned at once or pending, as a new event credits them.
     *
     * @param event the earning event
     * @param memberId the owner
     * @param earnedAt when the event happened
     * @param pendingUntil when the points become spendable, or null
     * @param expiresAt when they expire, or null
     * @param points the points
     * @param sourceAmount the purchase amount, or null
     * @return the new lot, with all points remaining
     */
    public static Lot earned(EventId event, MemberId memberId, Instant earnedAt, Instant pendingUntil, Instant expiresAt, long points,
                             BigDecimal sourceAmount) {
        return new Lot(event.value(), memberId, event, earnedAt, pendingUntil, expiresAt, points, points, sourceAmount, BigDecimal.ZERO, 0, 0);
    }

    /**
     * Tells whether the points are still pending.
     *
     * @return true until the lot is released
     */
    public boolean isPending() {
        return pendingUntil != null;
    }

    /**
     * Returns when the lot next needs time-based work: its release while pending, else its
     * expiry while it has points left; the claw-back debt lot never falls due.
     *
     * @return the instant, or null when nothing about the lot falls due by date
     */
    public Instant dueAt() {
        if (pendingUntil != null) {
            return pendingUntil;
        }
        return remaining > 0 && !id.equals(DEBT_LOT) ? expiresAt : null;
    }

    /**
     * Returns a copy with another remainder.
     *
     * @param newRemaining the remaining points
     * @return the changed lot
     */
    public Lot withRemaining(long newRemaining) {
        return new Lot(id, memberId, sourceEventId, earnedAt, pendingUntil, expiresAt, points, newRemaining, sourceAmount, returnedAmount, clawedBack,
                spent);
    }

    /**
     * Returns a copy some of whose remaining points were spent: redeemed, used to repay claw-back
     * debt or taken for another claw-back.
     *
     * @param points the points spent, at most the remainder
     * @return the changed lot
     */
    public Lot spending(long points) {
        return new Lot(id, memberId, sourceEventId, earnedAt, pendingUntil, expiresAt, this.points, remaining - points, sourceAmount,
                returnedAmount, clawedBack, Points.add(spent, points));
    }

    /**
     * Returns a copy that expires at another instant. Points an active hold keeps past their expiry (or an inactivity
     * deadline) stay due at the instant they were due, or a later one already passed, so that they expire once no hold
     * needs them.
     *
     * @param newExpiresAt when the remaining points expire
     * @return the changed lot
     */
    public Lot withExpiresAt(Instant newExpiresAt) {
        return new Lot(id, memberId, sourceEventId, earnedAt, pendingUntil, newExpiresAt, points, remaining, sourceAmount, returnedAmount, clawedBack,
                spent);
    }

    /**
     * Returns a copy that is spendable.
     *
     * @return the released lot
     */
    public Lot released() {
        return new Lot(id, memberId, sourceEventId, earnedAt, null, expiresAt, points, remaining, sourceAmount, returnedAmount, clawedBack,
                spent);
    }

    /**
     * Returns a copy that records a return of its purchase.
     *
     * @param newReturnedAmount the amount returned so far, this return included
     * @param newClawedBack the points clawed back so far, this return included
     * @param newRemaining the lot's remainder after this return
     * @return the changed lot
     */
    public Lot withReturn(BigDecimal newReturnedAmount, long newClawedBack, long newRemaining) {
        return new Lot(id, memberId, sourceEventId, earnedAt, pendingUntil, expiresAt, points, newRemaining, sourceAmount, newReturnedAmount,
                newClawedBack, spent);
    }
}
