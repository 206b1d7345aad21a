package dev.loyalty.rules.vocabulary;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The date of the event in the member's time zone, for campaigns on any kind of event:
 * {@code Today( month == 12, dayOfMonth == 25 )}. It is the event's date, not the wall clock's,
 * so replaying an event gives the same result.
 *
 * <p>Immutable.
 */
public final class Today extends DatedFact {

    /**
     * Creates the fact; the engine does this for every event, tests of campaign rules may too.
     *
     * @param date the event's local date
     */
    public Today(LocalDate date) {
        super(date);
    }

    /**
     * Returns the event's local date, as {@code Today[2024-12-25]}.
     *
     * @return the text, for logs and rule test messages
     */
    @Override
    public String toString() {
        return "Today[" + getDate() + "]";
    }
}
