package dev.loyalty.core.spi;

import dev.loyalty.core.model.LedgerEntry;
import dev.loyalty.core.model.Lot;
import dev.loyalty.core.model.Member;
import java.util.List;

/**
 * What processing one event changes for one member; the store applies it atomically, all or nothing.
 *
 * @param member the member's new state, or null when unchanged
 * @param event the processed event, recorded under its id
 * @param entries the ledger entries to append, in sequence order
 * @param lots the lots to add or replace, by lot id
 */
public record MemberChanges(Member member, StoredEvent event, List<LedgerEntry> entries, List<Lot> lots) {

    /** Copies the lists. */
    public MemberChanges {
        entries = List.copyOf(entries);
        lots = List.copyOf(lots);
    }
}
