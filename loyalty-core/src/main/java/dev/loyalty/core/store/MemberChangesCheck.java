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
import java.util.ArrayList;
import java.util.List;

/**
 * The {@link JdbcStore}'s check of the changes a work returns, before anything is written: all
 * of them about the member whose row is locked, the ledger continuing its sequence, the outcome
 * listing exactly the event's entries, each return of a purchase written with its lot. A failed
 * check throws {@link IllegalArgumentException}.
 */
final class MemberChangesCheck {

    private MemberChangesCheck() {
    }

    /** Checks the changes against the locked member row and returns the balance after them. */
    static long balanceAfter(MemberId memberId, JdbcMapping.MemberRow row, MemberChanges changes) {
        require(changes != null, "the work for member " + memberId + " returned no changes");
        StoredEvent event = changes.event();
        Outcome outcome = event == null ? null : event.outcome();
        String name = event == null ? "the changes of member " + memberId : "event " + event.eventId() + " of member " + memberId;
        if (event != null) {
            require(event.memberId() != null && event.memberId().equals(memberId), name + " names member " + event.memberId());
            require(event.fingerprint() != null, name + " has no fingerprint");
            require(outcome != null && event.eventId().equals(outcome.eventId()) && memberId.equals(outcome.memberId()),
                    name + " needs an outcome for the same event and member");
            require(outcome.points() != null && outcome.balance() != null && outcome.explanation() != null,
                    name + " has an outcome without points, balance or explanation");
        }
        require(changes.member() == null || changes.member().id().equals(memberId), name + " changes member " + changes.member());
        require(row != null || changes.member() != null, name + ": the member is not enrolled and the changes enrol no one");
        long sequence = row == null ? 0 : row.lastSequence();
        long balance = row == null ? 0 : row.balance();
        List<LedgerEntry> ofEvent = new ArrayList<>();
        for (LedgerEntry entry : changes.entries()) {
            require(entry.memberId().equals(memberId), name + " writes an entry for member " + entry.memberId());
            require(entry.sequence() == ++sequence, name + " writes entry " + entry.sequence() + " where the ledger continues at " + sequence);
            balance = Points.add(balance, entry.points().value());
            if (event != null && entry.eventId().equals(event.eventId())) {
                ofEvent.add(entry);
            }
        }
        require(outcome == null || outcome.entries().equals(ofEvent), name + ": the outcome must list exactly the ledger entries the event writes");
        for (Lot lot : changes.lots()) {
            require(lot.memberId().equals(memberId), name + " writes lot " + lot.id() + " of member " + lot.memberId());
        }
        for (LotReturn value : changes.returns()) {
            require(value.memberId().equals(memberId), name + " writes a return of member " + value.memberId());
            // a return adds to its lot's returned amount, so the changes that record it write the lot too
            require(writesLot(changes, value.lotId()),
                    name + " writes a return of lot " + value.lotId() + " but not the lot, whose returned amount it changes");
        }
        for (Hold hold : changes.holds()) {
            require(hold.memberId().equals(memberId), name + " writes hold " + hold.id() + " of member " + hold.memberId());
        }
        if (changes.tiers() != null) {
            for (TierChange change : changes.tiers().history()) {
                require(change.memberId().equals(memberId), name + " writes a tier change of member " + change.memberId());
            }
        }
        for (Offer offer : changes.offers()) {
            require(offer.memberId().equals(memberId), name + " writes offer " + offer.code() + " of member " + offer.memberId());
        }
        return balance;
    }

    private static boolean writesLot(MemberChanges changes, String lotId) {
        for (Lot lot : changes.lots()) {
            if (lot.id().equals(lotId)) {
                return true;
            }
        }
        return false;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
