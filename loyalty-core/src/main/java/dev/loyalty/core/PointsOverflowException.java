package dev.loyalty.core;

/** Thrown when a points amount or balance would leave the range of {@code long}; points never wrap. */
public final class PointsOverflowException extends LoyaltyException {

    /**
     * Creates the exception.
     *
     * @param message the operation that overflowed, with its operands
     */
    public PointsOverflowException(String message) {
        super(message);
    }
}
