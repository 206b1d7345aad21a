package dev.loyalty.core;

/**
 * The root of every exception the library throws on purpose. Each subtype names one kind of
 * problem and its message names the ids and values involved; when one is thrown while
 * processing an event, nothing of that event has been stored.
 */
public abstract class LoyaltyException extends RuntimeException {

    /**
     * Creates an exception with a message that names the problem.
     *
     * @param message what went wrong, naming the ids and values involved
     */
    protected LoyaltyException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and the underlying cause.
     *
     * @param message what went wrong, naming the ids and values involved
     * @param cause the underlying failure
     */
    protected LoyaltyException(String message, Throwable cause) {
        super(message, cause);
    }
}
