package dev.loyalty.core;

import dev.loyalty.core.model.MemberId;

/** Thrown when a redemption or hold asks for more points than the member can spend; nothing is spent. */
public final class InsufficientPointsException extends LoyaltyException {

    /** The points the redemption or hold asked for. */
    private final long requested;
    /** The points the member could spend when the request was refused. */
    private final long spendable;

    /**
     * Creates the exception.
     *
     * @param memberId the member
     * @param requested the points asked for
     * @param spendable the points the member could spend
     */
    public InsufficientPointsException(MemberId memberId, long requested, long spendable) {
        super("member " + memberId + " asked to spend " + requested + " points but can spend only " + spendable);
        this.requested = requested;
        this.spendable = spendable;
    }

    /**
     * Returns the points asked for.
     *
     * @return the requested points
     */
    public long requested() {
        return requested;
    }

    /**
     * Returns the points the member could spend.
     *
     * @return the spendable points
     */
    public long spendable() {
        return spendable;
    }
}
