package dev.loyalty.core.model;

import java.time.Instant;

/**
 * A member's points account state beyond the ledger: the claw-back debt kept off the balance
 * under the debt policy, and the last activity that inactivity expiry measures from.
 *
 * @param debt points still owed from claw-backs the balance could not cover; zero or more
 * @param lastActivityAt the last activity (enrolment, purchase, points redemption, hold capture or offer redemption), or null before any
 */
public record Account(long debt, Instant lastActivityAt) {

    /** The state of a new member. */
    public static final Account NEW = new Account(0, null);

    /**
     * Checks the components.
     *
     * @param debt points still owed from claw-backs the balance could not cover; zero or more
     * @param lastActivityAt the last activity (enrolment, purchase, points redemption, hold capture or offer redemption), or null before any
     */
    public Account {
        if (debt < 0) {
            throw new IllegalArgumentException("debt must not be negative, was " + debt);
        }
    }

    /**
     * Returns a copy with another debt.
     *
     * @param newDebt the debt
     * @return the changed account
     */
    public Account withDebt(long newDebt) {
        return new Account(newDebt, lastActivityAt);
    }

    /**
     * Returns a copy with a later activity; an earlier instant leaves it unchanged.
     *
     * @param at the activity
     * @return the changed account
     */
    public Account activeAt(Instant at) {
        return lastActivityAt != null && !at.isAfter(lastActivityAt) ? this : new Account(debt, at);
    }
}
