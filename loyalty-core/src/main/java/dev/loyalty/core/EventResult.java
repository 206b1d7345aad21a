package dev.loyalty.core;

import dev.loyalty.core.event.LoyaltyEvent;

/**
 * What {@link LoyaltyEngine#processAll(java.util.List)} made of one event: its outcome, or the
 * error that refused it (nothing of a refused event is stored), and whether the outcome is that of
 * an earlier processing of the same event id.
 *
 * @param event the event as given; null when the list held null there
 * @param outcome the outcome, or null when the event was refused
 * @param error why the event was refused, or null when it was processed
 * @param replayed true when the event id was already recorded, by an earlier call or a concurrent
 *                 one, with the same payload, and the outcome is the one recorded then (nothing was
 *                 written); false when this call recorded the event, or refused it
 */
public record EventResult(LoyaltyEvent event, Outcome outcome, LoyaltyException error, boolean replayed) {

    /**
     * Checks that exactly one of outcome and error is present, and that only an outcome is replayed.
     *
     * @param event the event as given; null when the list held null there
     * @param outcome the outcome, or null when the event was refused
     * @param error why the event was refused, or null when it was processed
     * @param replayed true when the outcome is the one recorded for the event id before
     */
    public EventResult {
        if ((outcome == null) == (error == null)) {
            throw new IllegalArgumentException("an event result has either an outcome or an error, not " + (outcome == null ? "neither" : "both"));
        }
        if (replayed && outcome == null) {
            throw new IllegalArgumentException("a refused event is not a replay");
        }
    }

    /**
     * Creates the result of an event this call recorded or refused, not a replay.
     *
     * @param event the event as given; null when the list held null there
     * @param outcome the outcome, or null when the event was refused
     * @param error why the event was refused, or null when it was processed
     */
    public EventResult(LoyaltyEvent event, Outcome outcome, LoyaltyException error) {
        this(event, outcome, error, false);
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
