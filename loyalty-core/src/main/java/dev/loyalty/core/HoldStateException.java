package dev.loyalty.core;

/** Thrown when a hold to capture or void is unknown, belongs to someone else, or is no longer active. */
public final class HoldStateException extends LoyaltyException {

    /**
     * Creates the exception.
     *
     * @param message which hold and what state it is in
     */
    public HoldStateException(String message) {
        super(message);
    }
}
