package dev.loyalty.core;

import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.MemberStatus;

/** Thrown when a suspended or closed member's account is asked to earn or spend points. */
public final class MemberNotActiveException extends LoyaltyException {

    /**
     * Creates the exception.
     *
     * @param memberId the member
     * @param status the member's current status
     */
    public MemberNotActiveException(MemberId memberId, MemberStatus status) {
        super("member " + memberId + " is " + status + ", not ACTIVE");
    }
}
