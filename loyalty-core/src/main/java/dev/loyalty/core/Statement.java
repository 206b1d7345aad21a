package dev.loyalty.core;

import dev.loyalty.core.model.Hold;
import dev.loyalty.core.model.LedgerEntry;
import dev.loyalty.core.model.Lot;
import dev.loyalty.core.model.Member;
import java.util.List;

/**
 * A member's points statement: every ledger entry with the running balance, the lots with their
 * expiry dates and what is pending, the holds, and the summary.
 *
 * @param member the member
 * @param lines the ledger in sequence order, each with the balance after it
 * @param lots the lots in the order they were earned
 * @param holds the holds in the order they were placed
 * @param summary the points at a glance
 */
public record Statement(Member member, List<Line> lines, List<Lot> lots, List<Hold> holds, PointsSummary summary) {

    /**
     * Copies the lists.
     *
     * @param member the member
     * @param lines the ledger in sequence order, each with the balance after it
     * @param lots the lots in the order they were earned
     * @param holds the holds in the order they were placed
     * @param summary the points at a glance
     */
    public Statement {
        lines = List.copyOf(lines);
        lots = List.copyOf(lots);
        holds = List.copyOf(holds);
    }

    /**
     * One ledger entry with the balance after it.
     *
     * @param entry the entry: its event, rule, reason and lot
     * @param runningBalance the balance after the entry
     */
    public record Line(LedgerEntry entry, long runningBalance) {
    }

    /**
     * Renders the statement as plain text, one entry a line.
     *
     * @return the text
     */
    public String toText() {
        StringBuilder text = new StringBuilder("Statement of member ").append(member.id()).append('\n');
        for (Line line : lines) {
            LedgerEntry e = line.entry();
            text.append(String.format("%5d  %-8s %+8d  %10d  %s  %s (%s)%n", e.sequence(), e.type(), e.points().value(), line.runningBalance(),
                    e.occurredAt(), e.reason(), e.eventId()));
        }
        for (Lot lot : lots) {
            text.append(String.format("lot %-20s %8d of %8d left%s%s%n", lot.id(), lot.remaining(), lot.points(),
                    lot.isPending() ? ", pending until " + lot.pendingUntil() : "",
                    lot.expiresAt() != null ? ", expires " + lot.expiresAt() : ""));
        }
        return text.append("balance ").append(summary.balance()).append(", spendable ").append(summary.spendable())
                .append(", pending ").append(summary.pending()).append(", held ").append(summary.held())
                .append(", debt ").append(summary.debt()).append('\n').toString();
    }
}
