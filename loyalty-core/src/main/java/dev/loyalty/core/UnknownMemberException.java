package dev.loyalty.core;

import dev.loyalty.core.model.MemberId;

/** Thrown when an event or a query names a member who was never enrolled. */
public final class UnknownMemberException extends LoyaltyException {

    /** The member id that names no enrolled member. */
    private final MemberId memberId;

    /**
     * Creates the exception.
     *
     * @param memberId the member that is not enrolled
     */
    public UnknownMemberException(MemberId memberId) {
        super("member " + memberId + " is not enrolled");
        this.memberId = memberId;
    }

    /**
     * Returns the member that is not enrolled.
     *
     * @return the unknown member's id
     */
    public MemberId memberId() {
        return memberId;
    }
}
