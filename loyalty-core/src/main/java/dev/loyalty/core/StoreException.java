package dev.loyalty.core;

/**
 * Thrown when the store's database refuses or loses an operation: a constraint the database
 * enforces, a missing schema, a connection that failed, or a transient conflict (serialization
 * failure, deadlock, lock timeout) that outlived the store's bounded retries. The message names
 * the member and event involved, as far as known, and the SQL state.
 *
 * <p>When {@code process} throws this, the event was not applied, with one exception: a
 * connection lost while the commit was in flight leaves it unknown whether the commit happened.
 * Processing the same event again is always safe: event ids are idempotency keys, so it is
 * applied exactly once.
 */
public final class StoreException extends LoyaltyException {

    /** The SQL state the database reported, or null when it reported none. */
    private final String sqlState;
    /** Whether the failure was transient, so the same call may succeed later. */
    private final boolean retryable;

    /**
     * Creates the exception.
     *
     * @param message what failed, naming the member, the event and the SQL state
     * @param sqlState the SQL state reported by the database, or null when there is none
     * @param retryable whether the failure was transient, so trying again later may succeed
     * @param cause the underlying failure
     */
    public StoreException(String message, String sqlState, boolean retryable, Throwable cause) {
        super(message, cause);
        this.sqlState = sqlState;
        this.retryable = retryable;
    }

    /**
     * Returns the SQL state the database reported, such as {@code 23514} for a check constraint.
     *
     * @return the five-character SQL state, or null when the failure carried none
     */
    public String sqlState() {
        return sqlState;
    }

    /**
     * Tells whether the failure was transient (a serialization failure, deadlock, lock timeout or
     * lost connection) that the store gave up retrying; the same call may succeed later.
     *
     * @return true for a transient failure, false for one that will recur
     */
    public boolean retryable() {
        return retryable;
    }
}
