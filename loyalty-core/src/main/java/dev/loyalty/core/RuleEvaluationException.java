package dev.loyalty.core;

/**
 * Thrown when a rule fails while an event is evaluated, or proposes a decision the core
 * cannot accept (a multiplier below one, a line that does not exist). The message names the
 * rule and the event; nothing of the event is stored.
 */
public final class RuleEvaluationException extends LoyaltyException {

    /**
     * Creates the exception.
     *
     * @param message what the rule did wrong, naming the rule
     */
    public RuleEvaluationException(String message) {
        super(message);
    }

    /**
     * Creates the exception with the failure raised inside the rule engine.
     *
     * @param message what failed, naming the rule and event
     * @param cause the failure raised inside the rule engine
     */
    public RuleEvaluationException(String message, Throwable cause) {
        super(message, cause);
    }
}
