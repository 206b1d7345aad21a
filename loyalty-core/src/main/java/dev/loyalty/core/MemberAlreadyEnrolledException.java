package dev.loyalty.core;

import dev.loyalty.core.model.MemberId;

/** Thrown when an enrolment names a member who is already enrolled under another event id. */
public final class MemberAlreadyEnrolledException extends LoyaltyException {

    /**
     * Creates the exception.
     *
     * @param memberId the member who is already enrolled
     */
    public MemberAlreadyEnrolledException(MemberId memberId) {
        super("member " + memberId + " is already enrolled");
    }
}
