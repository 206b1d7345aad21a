package dev.loyalty.core;

/** Thrown when the engine cannot be built as configured, for example when no rule engine is available. */
public final class LoyaltyConfigurationException extends LoyaltyException {

    /**
     * Creates the exception.
     *
     * @param message what is missing or inconsistent
     */
    public LoyaltyConfigurationException(String message) {
        super(message);
    }
}
