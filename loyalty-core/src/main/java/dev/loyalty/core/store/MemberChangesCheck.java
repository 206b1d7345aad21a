package dev.loyalty.core.store;

import dev.loyalty.core.Outcome;
import dev.loyalty.core.model.Hold;
import dev.loyalty.core.model.LedgerEntry;
import dev.loyalty.core.model.Lot;
import dev.loyalty.core.model.LotReturn;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.Offer;
import dev.loyalty.core.model.Points;
import dev.loyalty.core.spi.MemberChanges;
import dev.loyalty.core.spi.StoredEvent;
import dev.loyalty.core.tier.TierChange;
import java.util.List;

/**
 * Every store's check of the changes a work returns, before anything is written: all of them
 * about the member being applied (whose lock or row lock is held), the ledger continuing its
 * sequence, the outcome listing exactly the event's entries, each return of a purchase written
 * with its lot. A failed check throws {@link IllegalArgumentException}, and the store writes
 * nothing. Used by {@link JdbcStore} and {@link InMemoryStore}.
 *
 * <p>It runs on every event, so it allocates nothing while the changes pass: the lists (immutable
 * and random-access, see {@link MemberChanges}) are walked by index, and a message is only built
 * for a check that fails.
 */
final class MemberChangesCheck {

    private MemberChangesCheck() {
    }

    /**
     * Checks the changes against the member's stored state and returns the balance after them.
     *
     * @param memberId the member being applied
     * @param enrolled whether the member is enrolled (stored) before the changes
     * @param lastSequence the sequence number of the member's last ledger entry, 0 for none
     * @param balance the member's balance before the changes
     * @param changes what the work returned
     * @return the balance after the changes' entries
     * @throws IllegalArgumentException when the changes do not fit the member: nothing may be written then
     * @throws dev.loyalty.core.PointsOverflowException when the balance after them passes what a long holds
     */
    static long balanceAfter(MemberId memberId, boolean enrolled, long lastSequence, long balance, MemberChanges changes) {
        if (changes == null) {
            throw new IllegalArgumentException("the work for member " + memberId + " returned no changes");
        }
        StoredEvent event = changes.event();
        Outcome outcome = event == null ? null : event.outcome();
        if (event != null) {
            if (event.memberId() == null || !event.memberId().equals(memberId)) {
                throw refused(memberId, event, " names member " + event.memberId());
            }
            if (event.fingerprint() == null) {
                throw refused(memberId, event, " has no fingerprint");
            }
            if (outcome == null || !event.eventId().equals(outcome.eventId()) || !memberId.equals(outcome.memberId())) {
                throw refused(memberId, event, " needs an outcome for the same event and member");
            }
            if (outcome.points() == null || outcome.balance() == null || outcome.explanation() == null) {
                throw refused(memberId, event, " has an outcome without points, balance or explanation");
            }
        }
        if (changes.member() != null && !changes.member().id().equals(memberId)) {
            throw refused(memberId, event, " changes member " + changes.member());
        }
        if (!enrolled && changes.member() == null) {
            throw refused(memberId, event, ": the member is not enrolled and the changes enrol no one");
        }
        long sequence = lastSequence;
        long after = balance;
        // the outcome's entries are compared, by index, with the event's entries as they come: the outcome must list
        // exactly those, in order; the verdict waits for the loop, so that an entry's own fault is told first
        List<LedgerEntry> listed = outcome == null ? null : outcome.entries();
        int matched = 0;
        boolean outcomeMatches = true;
        List<LedgerEntry> entries = changes.entries();
        for (int i = 0; i < entries.size(); i++) {
            LedgerEntry entry = entries.get(i);
            if (!entry.memberId().equals(memberId)) {
                throw refused(memberId, event, " writes an entry for member " + entry.memberId());
            }
            if (entry.sequence() != ++sequence) {
                throw refused(memberId, event, " writes entry " + entry.sequence() + " where the ledger continues at " + sequence);
            }
            after = Points.add(after, entry.points().value());
            if (listed != null && outcomeMatches && entry.eventId().equals(event.eventId())) {
                outcomeMatches = matched < listed.size() && listed.get(matched).equals(entry);
                matched++;
            }
        }
        if (listed != null && (!outcomeMatches || matched != listed.size())) {
            throw refused(memberId, event, ": the outcome must list exactly the ledger entries the event writes");
        }
        List<Lot> lots = changes.lots();
        for (int i = 0; i < lots.size(); i++) {
            Lot lot = lots.get(i);
            if (!lot.memberId().equals(memberId)) {
                throw refused(memberId, event, " writes lot " + lot.id() + " of member " + lot.memberId());
            }
        }
        List<LotReturn> returns = changes.returns();
        for (int i = 0; i < returns.size(); i++) {
            LotReturn value = returns.get(i);
            if (!value.memberId().equals(memberId)) {
                throw refused(memberId, event, " writes a return of member " + value.memberId());
            }
            // a return adds to its lot's returned amount, so the changes that record it write the lot too
            if (!writesLot(lots, value.lotId())) {
                throw refused(memberId, event, " writes a return of lot " + value.lotId() + " but not the lot, whose returned amount it changes");
            }
        }
        List<Hold> holds = changes.holds();
        for (int i = 0; i < holds.size(); i++) {
            Hold hold = holds.get(i);
            if (!hold.memberId().equals(memberId)) {
                throw refused(memberId, event, " writes hold " + hold.id() + " of member " + hold.memberId());
            }
        }
        if (changes.tiers() != null) {
            List<TierChange> history = changes.tiers().history();
            for (int i = 0; i < history.size(); i++) {
                TierChange change = history.get(i);
                if (!change.memberId().equals(memberId)) {
                    throw refused(memberId, event, " writes a tier change of member " + change.memberId());
                }
            }
        }
        List<Offer> offers = changes.offers();
        for (int i = 0; i < offers.size(); i++) {
            Offer offer = offers.get(i);
            if (!offer.memberId().equals(memberId)) {
                throw refused(memberId, event, " writes offer " + offer.code() + " of member " + offer.memberId());
            }
        }
        return after;
    }

    private static boolean writesLot(List<Lot> lots, String lotId) {
        for (int i = 0; i < lots.size(); i++) {
            if (lots.get(i).id().equals(lotId)) {
                return true;
            }
        }
        return false;
    }

    /** The refusal of a failed check, its message naming the changes (the event's, or the member's without one) first. */
    private static IllegalArgumentException refused(MemberId memberId, StoredEvent event, String problem) {
        String name = event == null ? "the changes of member " + memberId : "event " + event.eventId() + " of member " + memberId;
        return new IllegalArgumentException(name + problem);
    }
}
