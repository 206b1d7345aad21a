package dev.loyalty.core.spi;

import dev.loyalty.core.model.Account;
import dev.loyalty.core.model.Hold;
import dev.loyalty.core.model.LedgerEntry;
import dev.loyalty.core.model.Lot;
import dev.loyalty.core.model.Member;
import java.util.List;

/**
 * What processing one event (or one member's sweep) changes for one member; the store applies
 * it atomically, all or nothing.
 *
 * @param member the member's new state, or null when unchanged
 * @param event the processed event, recorded under its id; null for changes without an event, such as a sweep's
 * @param entries the ledger entries to append, in sequence order
 * @param lots the lots to add or replace, by lot id
 * @param holds the holds to add or replace, by hold id
 * @param account the member's new account state, or null when unchanged
 * @param tiers the member's tier bookkeeping changes, or null when unchanged
 */
public record MemberChanges(Member member, StoredEvent event, List<LedgerEntry> entries, List<Lot> lots, List<Hold> holds,
                            Account account, TierUpdate tiers) {

    /** Copies the lists. */
    public MemberChanges {
        entries = List.copyOf(entries);
        lots = List.copyOf(lots);
        holds = List.copyOf(holds);
    }

    /**
     * Creates changes that touch no tier bookkeeping.
     *
     * @param member the member's new state, or null when unchanged
     * @param event the processed event, or null
     * @param entries the ledger entries to append
     * @param lots the lots to add or replace
     * @param holds the holds to add or replace
     * @param account the member's new account state, or null when unchanged
     */
    public MemberChanges(Member member, StoredEvent event, List<LedgerEntry> entries, List<Lot> lots, List<Hold> holds, Account account) {
        this(member, event, entries, lots, holds, account, null);
    }

    /**
     * Creates changes that touch no holds and no account state.
     *
     * @param member the member's new state, or null when unchanged
     * @param event the processed event, or null
     * @param entries the ledger entries to append
     * @param lots the lots to add or replace
     */
    public MemberChanges(Member member, StoredEvent event, List<LedgerEntry> entries, List<Lot> lots) {
        this(member, event, entries, lots, List.of(), null, null);
    }

    /**
     * Tells whether applying these changes would change nothing.
     *
     * @return true when there is no member, event, entry, lot, hold, account or tier change
     */
    public boolean isEmpty() {
        return member == null && event == null && entries.isEmpty() && lots.isEmpty() && holds.isEmpty() && account == null && tiers == null;
    }
}
