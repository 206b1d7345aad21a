package dev.loyalty.core.store;

import dev.loyalty.core.InvalidInputException;
import dev.loyalty.core.StoreException;
import dev.loyalty.core.UnknownMemberException;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.spi.LoyaltyStore;

/**
 * The JDBC store's save of a member's referral code ({@link JdbcStore#saveReferralCode}): the
 * checks that the member is enrolled and that the code is neither another member's nor a second
 * code of the member, made through the store's own reads, and the one retry after a concurrent
 * save won the race to insert.
 */
final class JdbcReferralCodes {

    private final JdbcConnections connections;
    /** The store whose reads the checks use. */
    private final LoyaltyStore store;

    JdbcReferralCodes(JdbcConnections connections, LoyaltyStore store) {
        this.connections = connections;
        this.store = store;
    }

    /**
     * Saves the code of an enrolled member, refusing one that belongs to another member or a
     * second code for the member; a concurrent save that took the code or gave the member one
     * is said which, or the save runs once more.
     */
    void save(MemberId memberId, String code) {
        if (store.findMember(memberId).isEmpty()) {
            throw new UnknownMemberException(memberId);
        }
        for (int number = 1; ; number++) {
            checkCode(memberId, code);
            try {
                boolean inserted = connections.read("save the referral code of member " + memberId,
                        connection -> JdbcReferrals.insertCode(connection, memberId, code));
                if (!inserted) {
                    checkCode(memberId, code);
                }
                return;
            } catch (StoreException e) {
                // a concurrent save took the code or gave the member one: say which, or retry once
                if (!SqlFailures.isUniqueViolation(e.sqlState()) || number > 1) {
                    throw e;
                }
            }
        }
    }

    /** Refuses a code that belongs to another member, or a second code for a member. */
    private void checkCode(MemberId memberId, String code) {
        store.findReferralCodeOwner(code).filter(owner -> !owner.equals(memberId)).ifPresent(owner -> {
            throw new InvalidInputException("code", "'" + code + "' is the referral code of another member");
        });
        store.referralCode(memberId).filter(own -> !own.equals(code)).ifPresent(own -> {
            throw new InvalidInputException("code", "member " + memberId + " already has the referral code '" + own + "'");
        });
    }
}
