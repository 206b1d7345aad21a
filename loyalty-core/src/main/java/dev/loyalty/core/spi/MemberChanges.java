package dev.loyalty.core.spi;

import dev.loyalty.core.model.Account;
import dev.loyalty.core.model.Hold;
import dev.loyalty.core.model.LedgerEntry;
import dev.loyalty.core.model.Lot;
import dev.loyalty.core.model.LotReturn;
import dev.loyalty.core.model.Member;
import dev.loyalty.core.model.Offer;
import dev.loyalty.core.model.OfferBook;
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
 * @param offers the offers to add or replace, by offer code
 * @param offerBook the member's new offer bookkeeping, or null when unchanged
 * @param draws the points awarded from counted campaigns, to add to the member's campaign totals and
 *              to draw from the campaigns' budgets, all or nothing (see {@link LoyaltyStore#apply})
 * @param referrals the referral records and identity fingerprints to write, or null when unchanged
 * @param returns the returns of purchases to append to their lots' return history, in the order they happened
 */
public record MemberChanges(Member member, StoredEvent event, List<LedgerEntry> entries, List<Lot> lots, List<Hold> holds,
                            Account account, TierUpdate tiers, List<Offer> offers, OfferBook offerBook, List<CampaignDraw> draws,
                            ReferralUpdate referrals, List<LotReturn> returns) {

    /**
     * Copies the lists.
     *
     * @param member the member's new state, or null when unchanged
     * @param event the processed event, recorded under its id; null for changes without an event, such as a sweep's
     * @param entries the ledger entries to append, in sequence order
     * @param lots the lots to add or replace, by lot id
     * @param holds the holds to add or replace, by hold id
     * @param account the member's new account state, or null when unchanged
     * @param tiers the member's tier bookkeeping changes, or null when unchanged
     * @param offers the offers to add or replace, by offer code
     * @param offerBook the member's new offer bookkeeping, or null when unchanged
     * @param draws the points awarded from counted campaigns, to add to the member's campaign totals and
     *                  to draw from the campaigns' budgets, all or nothing (see {@link LoyaltyStore#apply})
     * @param referrals the referral records and identity fingerprints to write, or null when unchanged
     * @param returns the returns of purchases to append to their lots' return history, in the order they happened
     */
    public MemberChanges {
        entries = List.copyOf(entries);
        lots = List.copyOf(lots);
        holds = List.copyOf(holds);
        offers = List.copyOf(offers);
        draws = draws == null ? List.of() : List.copyOf(draws);
        returns = returns == null ? List.of() : List.copyOf(returns);
    }

    /**
     * Creates changes that record no return of a purchase.
     *
     * @param member the member's new state, or null when unchanged
     * @param event the processed event, recorded under its id; null for changes without an event, such as a sweep's
     * @param entries the ledger entries to append, in sequence order
     * @param lots the lots to add or replace, by lot id
     * @param holds the holds to add or replace, by hold id
     * @param account the member's new account state, or null when unchanged
     * @param tiers the member's tier bookkeeping changes, or null when unchanged
     * @param offers the offers to add or replace, by offer code
     * @param offerBook the member's new offer bookkeeping, or null when unchanged
     * @param draws the points awarded from counted campaigns (see {@link LoyaltyStore#apply})
     * @param referrals the referral records and identity fingerprints to write, or null when unchanged
     */
    public MemberChanges(Member member, StoredEvent event, List<LedgerEntry> entries, List<Lot> lots, List<Hold> holds,
                         Account account, TierUpdate tiers, List<Offer> offers, OfferBook offerBook, List<CampaignDraw> draws,
                         ReferralUpdate referrals) {
        this(member, event, entries, lots, holds, account, tiers, offers, offerBook, draws, referrals, List.of());
    }

    /**
     * Creates changes that draw on no campaign.
     *
     * @param member the member's new state, or null when unchanged
     * @param event the processed event, or null
     * @param entries the ledger entries to append
     * @param lots the lots to add or replace
     * @param holds the holds to add or replace
     * @param account the member's new account state, or null when unchanged
     * @param tiers the member's tier bookkeeping changes, or null when unchanged
     * @param offers the offers to add or replace
     * @param offerBook the member's new offer bookkeeping, or null when unchanged
     */
    public MemberChanges(Member member, StoredEvent event, List<LedgerEntry> entries, List<Lot> lots, List<Hold> holds,
                         Account account, TierUpdate tiers, List<Offer> offers, OfferBook offerBook) {
        this(member, event, entries, lots, holds, account, tiers, offers, offerBook, List.of(), null);
    }

    /**
     * Returns these changes with the given campaign draws.
     *
     * @param value the draws
     * @return the changes
     */
    public MemberChanges withDraws(List<CampaignDraw> value) {
        return new MemberChanges(member, event, entries, lots, holds, account, tiers, offers, offerBook, value, referrals, returns);
    }

    /**
     * Returns a copy with referral changes.
     *
     * @param update the referral records and fingerprints to write
     * @return the changed copy
     */
    public MemberChanges withReferrals(ReferralUpdate update) {
        return new MemberChanges(member, event, entries, lots, holds, account, tiers, offers, offerBook, draws, update, returns);
    }

    /**
     * Creates changes that touch no tier or offer bookkeeping.
     *
     * @param member the member's new state, or null when unchanged
     * @param event the processed event, or null
     * @param entries the ledger entries to append
     * @param lots the lots to add or replace
     * @param holds the holds to add or replace
     * @param account the member's new account state, or null when unchanged
     */
    public MemberChanges(Member member, StoredEvent event, List<LedgerEntry> entries, List<Lot> lots, List<Hold> holds, Account account) {
        this(member, event, entries, lots, holds, account, null, List.of(), null, List.of(), null);
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
        this(member, event, entries, lots, List.of(), null, null, List.of(), null, List.of(), null);
    }

    /**
     * Tells whether applying these changes would change nothing.
     *
     * @return true when there is no member, event, entry, lot, hold, account, tier, offer, offer bookkeeping, campaign, referral or return change
     */
    public boolean isEmpty() {
        return member == null && event == null && entries.isEmpty() && lots.isEmpty() && holds.isEmpty() && account == null
                && tiers == null && offers.isEmpty() && offerBook == null && draws.isEmpty() && referrals == null && returns.isEmpty();
    }
}
