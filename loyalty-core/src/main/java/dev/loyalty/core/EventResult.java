package dev.loyalty.core;

import dev.loyalty.core.event.LoyaltyEvent;

/**
 * What {@link LoyaltyEngine#processAll(java.util.List)} made of one event: its outcome, or the
 * error that refused it (nothing of a refused event is stored).
 *
 * @param event the event as given; null when the list held null there
 * @param outcome the outcome, or null when the event was refused
 * @param error why the event was refused, or null when it was processed
 */
public record EventResult(LoyaltyEvent event, Outcome outcome, LoyaltyException error) {

    /**
     * Checks that exactly one of outcome and error is present.
     *
     * @param event the event as given; null when the list held null there
     * @param outcome the outcome, or null when the event was refused
     * @param error why the event was refused, or null when it was processed
     */
    public EventResult {
        if ((outcome == null) == (error == null)) {
            throw new IllegalArgumentException("an event result has either an outcome or an error, not " + (outcome == null ? "neither" : "both"));
        }
    }

    /**
     * Tells whether the event was processed.
     *
     * @return true when there is an outcome
     */
    public boolean succeeded() {
        return outcome != null;
    }

    /**
     * Returns the outcome, or throws the error that refused the event.
     *
     * @return the outcome
     * @throws LoyaltyException the event's error, when it was refused
     */
    public Outcome outcomeOrThrow() {
        if (error != null) {
            throw error;
        }
        return outcome;
    }
}
