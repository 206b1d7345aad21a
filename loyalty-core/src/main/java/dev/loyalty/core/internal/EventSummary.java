package dev.loyalty.core.internal;

import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.MemberId;
import java.time.LocalDate;
import java.util.function.Supplier;

/**
 * Writes an event's explanation summary, such as {@code purchase p-1 of member m-1 on 2026-03-02
 * (MONDAY): +25 points, balance 125}, from the facts it needs, when the summary is first read. A
 * store that keeps the event's outcome knows all but the date already, and keeps only that
 * ({@link ExplanationSources}). Not public API.
 *
 * @param kind the event's kind
 * @param eventId the event's id
 * @param memberId the member
 * @param date the event's date in the member's zone
 * @param net the points the event changed the balance by
 * @param balance the balance after the event
 */
public record EventSummary(String kind, EventId eventId, MemberId memberId, LocalDate date, long net, long balance)
        implements Supplier<String> {

    @Override
    public String get() {
        return kind + " " + eventId + " of member " + memberId + " on " + date + " (" + date.getDayOfWeek() + "): "
                + (net >= 0 ? "+" : "") + net + " points, balance " + balance;
    }
}
