package dev.loyalty.core;

import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.LedgerEntry;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.Points;
import java.util.List;

/**
 * What processing one event did. Processing the same event again returns an equal outcome.
 *
 * <p>Housekeeping that fell due before the event and was written while processing it (points
 * released at the end of a return window, points expired) is in the {@code balance} and comes
 * first in the {@code explanation}, with its points, but not in {@code points} nor in
 * {@code entries}: its entries belong to the earning event of the lot they release or expire.
 *
 * @param eventId the event
 * @param memberId the member
 * @param eventKind the event's kind, such as {@code purchase}
 * @param points the net change the event's own entries made to the member's balance
 * @param balance the member's balance right after the event
 * @param entries the ledger entries the event wrote, in sequence order
 * @param explanation why, step by step
 * @param ruleSetVersion the version of the rules that evaluated the event; {@link #NO_RULES} when no rules did (a return, a redemption)
 */
public record Outcome(EventId eventId, MemberId memberId, String eventKind, Points points, Points balance,
                      List<LedgerEntry> entries, Explanation explanation, String ruleSetVersion) {

    /** The rule-set version of an outcome no rules evaluated, and of its ledger entries: a return, a redemption, a hold. */
    public static final String NO_RULES = "-";

    /**
     * Copies the entries.
     *
     * @param eventId the event
     * @param memberId the member
     * @param eventKind the event's kind, such as {@code purchase}
     * @param points the net change the event's own entries made to the member's balance
     * @param balance the member's balance right after the event
     * @param entries the ledger entries the event wrote, in sequence order
     * @param explanation why, step by step
     * @param ruleSetVersion the version of the rules that evaluated the event
     */
    public Outcome {
        entries = List.copyOf(entries);
    }
}
