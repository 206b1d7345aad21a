package dev.loyalty.core.model;

import dev.loyalty.core.internal.Checks;
import java.io.Serializable;

/**
 * Identifies an event; supplied by the caller and used as the idempotency key. The same id
 * processed twice returns the first outcome; the same id with another payload is refused.
 *
 * @param value the id, without surrounding white space; 1 to 128 characters
 */
public record EventId(String value) implements Serializable {

    /**
     * Checks and normalises the id.
     *
     * @param value the id, without surrounding white space; 1 to 128 characters
     */
    public EventId {
        value = Checks.text(value, "eventId");
    }

    /**
     * Returns the event id with this value.
     *
     * @param value the id
     * @return the event id
     */
    public static EventId of(String value) {
        return new EventId(value);
    }

    /** Returns the raw id. */
    @Override
    public String toString() {
        return value;
    }
}
