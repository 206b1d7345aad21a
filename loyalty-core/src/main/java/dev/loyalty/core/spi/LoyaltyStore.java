package dev.loyalty.core.spi;

import dev.loyalty.core.LoyaltyException;
import dev.loyalty.core.internal.Checks;
import dev.loyalty.core.model.Account;
import dev.loyalty.core.model.CampaignBudget;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.Hold;
import dev.loyalty.core.model.LedgerEntry;
import dev.loyalty.core.model.Lot;
import dev.loyalty.core.model.LotReturn;
import dev.loyalty.core.model.Member;
import dev.loyalty.core.model.Offer;
import dev.loyalty.core.model.OfferBook;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.MemberSegment;
import dev.loyalty.core.model.Points;
import dev.loyalty.core.tier.TierChange;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Where members, ledgers and processed events are kept. Implementations must be thread-safe
 * and must apply each {@link MemberChanges} atomically; every implementation passes the same
 * contract tests.
 */
public interface LoyaltyStore {

    /**
     * Binds the store to the currency it records money in: lot amounts, returns, redemption
     * values, the sums RFM scores add up. {@link dev.loyalty.core.LoyaltyEngine.Builder#build()}
     * calls it with the program currency before the engine exists, so an engine never runs on a
     * store whose amounts are in another currency.
     *
     * <p>What a store must do:
     * <ul>
     *   <li>The first call on the store's data records the currency, durably: a database store
     *       keeps it in the database, so that every store over the same data, in this process or
     *       another, and after a restart, sees it.</li>
     *   <li>A call with the recorded currency does nothing; engines may be built on a store again
     *       and again.</li>
     *   <li>A call with another currency throws
     *       {@link dev.loyalty.core.CurrencyMismatchException#storeRecords} naming both, and
     *       changes nothing: the recorded currency stays.</li>
     *   <li>First calls at once with different currencies, from any number of threads or
     *       processes over the same data: exactly one currency is recorded and every other call
     *       is refused.</li>
     *   <li>A store that wraps another passes the call on.</li>
     * </ul>
     *
     * <p>There is no default implementation, as for {@link #returns}: a default that did nothing
     * would compile, and silently let engines of any currency, and any wrapping store, share one
     * store's amounts. A store that really keeps no money may accept any currency, and says so.
     *
     * @param currency the engine's program currency
     * @throws dev.loyalty.core.CurrencyMismatchException when the store already records money in another currency
     * @throws dev.loyalty.core.InvalidInputException when the currency is null
     * @throws dev.loyalty.core.StoreException when the store cannot read or record its currency
     */
    void bindCurrency(Currency currency);

    /**
     * Looks up a processed event.
     *
     * @param eventId the event id
     * @return the stored event, if an event with this id was processed
     */
    Optional<StoredEvent> findEvent(EventId eventId);

    /**
     * Looks up a member.
     *
     * @param memberId the member id
     * @return the member, if enrolled
     */
    Optional<Member> findMember(MemberId memberId);

    /**
     * Looks up several processed events at once, as {@link #findEvent} does one. The engine's
     * {@code processAll} asks for a whole batch's ids before locking anyone; the default looks each
     * id up with {@link #findEvent}, and a database store overrides it to read them in a few queries.
     *
     * @param eventIds the event ids; an id given twice is looked up once
     * @return the stored events by id, for the ids under which an event was processed; the other ids are absent
     * @throws dev.loyalty.core.InvalidInputException when the collection or an id in it is null
     */
    default Map<EventId, StoredEvent> findEvents(Collection<EventId> eventIds) {
        Map<EventId, StoredEvent> found = new HashMap<>();
        for (EventId eventId : Checks.distinct(eventIds, "eventIds")) {
            findEvent(eventId).ifPresent(event -> found.put(eventId, event));
        }
        return Map.copyOf(found);
    }

    /**
     * Reads several members' stored state at once, without their locks: for each, what
     * {@link #findMember}, {@link #balance} and, when asked, {@link #segment} answer. The engine's
     * {@code processAll} reads a batch's members so before evaluating their rules together; the
     * default calls those three methods per member, and a database store overrides it to read
     * them in a few queries.
     *
     * @param memberIds the member ids; an id given twice is read once
     * @param withSegments whether to read the stored segments; without, every snapshot's segment is null
     * @return a snapshot for every distinct id, enrolled or not, by id
     * @throws dev.loyalty.core.InvalidInputException when the collection or an id in it is null
     */
    default Map<MemberId, MemberSnapshot> memberSnapshots(Collection<MemberId> memberIds, boolean withSegments) {
        Map<MemberId, MemberSnapshot> snapshots = new HashMap<>();
        for (MemberId memberId : Checks.distinct(memberIds, "memberIds")) {
            snapshots.put(memberId, MemberSnapshot.readFrom(this, memberId, withSegments));
        }
        return Map.copyOf(snapshots);
    }

    /**
     * Runs one event's work for one member under that member's lock and applies the changes it
     * returns atomically. The work may run more than once (after a lost race or a retried
     * transaction), so it must be free of side effects; it may throw to abort, leaving the
     * store unchanged.
     *
     * <p>When the changes carry {@link MemberChanges#draws() campaign draws}, the store adds
     * them to the member's campaign totals and draws the budgeted ones from the campaigns'
     * budgets in the same atomic step, never letting a budget's spent points exceed its total:
     * when a draw does not fit, nothing is applied and the work runs again, reading the new
     * spent points through {@link MemberView#campaignBudgetSpent(String)}.
     *
     * <p>The event id is unique across the store: when an event with the same id was recorded
     * first, by this or another member, nothing is applied and that earlier event is returned.
     * Changes without an event (a sweep's) are applied as they are.
     *
     * @param memberId the member to lock
     * @param work computes the changes from the member's current state
     * @return the event now recorded under the id of {@code changes.event()}: the new one, or the
     *         earlier one; null when the changes carry no event
     */
    StoredEvent apply(MemberId memberId, Function<MemberView, MemberChanges> work);

    /**
     * Applies several events' works in order, each as {@link #apply} would, and stops after the
     * first work whose {@link MemberWork#followUp()} answers true once it ran: the engine's
     * {@code processAll} hands over its batches so, then follows that event up and hands over the
     * rest. A work refused with a {@link LoyaltyException} leaves the store
     * unchanged for itself only, and the next one runs; any other exception is thrown, the works
     * before it staying applied.
     *
     * <p>The default calls {@link #apply} for each work, so each commits on its own. A database
     * store overrides it to apply a run of works in one transaction, and so commits once for them
     * all; it must answer exactly as the default would, and may fall back to it.
     *
     * @param works the works, in the order to apply them
     * @return one result per work applied, in order: all of them, or those up to and including
     *         the first that asked for a follow-up; never empty when {@code works} is not
     * @throws dev.loyalty.core.InvalidInputException when the list or a work in it is null
     */
    default List<AppliedWork> applyAll(List<MemberWork> works) {
        Checks.notNull(works, "works").forEach(work -> Checks.notNull(work, "works[]"));
        List<AppliedWork> results = new ArrayList<>(works.size());
        for (MemberWork work : works) {
            try {
                results.add(AppliedWork.applied(apply(work.memberId(), work.work())));
            } catch (LoyaltyException e) {
                results.add(AppliedWork.refused(e));
                continue;
            }
            if (work.followUp().getAsBoolean()) {
                break;
            }
        }
        return results;
    }

    /**
     * Returns a member's balance, the sum of their ledger entries.
     *
     * @param memberId the member
     * @return the balance; zero for an unknown member
     */
    Points balance(MemberId memberId);

    /**
     * Returns a member's ledger in sequence order.
     *
     * @param memberId the member
     * @return the entries; empty for an unknown member
     */
    List<LedgerEntry> ledger(MemberId memberId);

    /**
     * Returns a member's lots in creation order.
     *
     * @param memberId the member
     * @return the lots; empty for an unknown member
     */
    List<Lot> lots(MemberId memberId);

    /**
     * Returns the return history of a member's purchases: every return recorded on a purchase's
     * lot, in the order recorded. Figures as of a past date read it to count only the returns
     * made by then.
     *
     * @param memberId the member
     * @return the returns; empty for an unknown member
     */
    List<LotReturn> returns(MemberId memberId);

    /**
     * Returns a member's holds in the order they were placed.
     *
     * @param memberId the member
     * @return the holds, whatever their status; empty for an unknown member
     */
    List<Hold> holds(MemberId memberId);

    /**
     * Returns a member's account state.
     *
     * @param memberId the member
     * @return the account; {@link Account#NEW} for an unknown member
     */
    Account account(MemberId memberId);

    /**
     * Hands every enrolled member to the consumer, one at a time, without loading all at once.
     *
     * @param consumer receives each member, in member id order
     */
    void forEachMember(Consumer<Member> consumer);

    /**
     * Returns a member's tier history in sequence order.
     *
     * @param memberId the member
     * @return the tier changes; empty for an unknown member or without a tier policy
     */
    List<TierChange> tierHistory(MemberId memberId);

    /**
     * Hands the enrolled members whose id lies in a range to the consumer, one at a time, in
     * member id order, without loading all at once; a sweep partition.
     *
     * @param fromInclusive the smallest id, or null for no lower bound
     * @param toExclusive the id after the range, or null for no upper bound
     * @param consumer receives each member
     */
    void forEachMember(MemberId fromInclusive, MemberId toExclusive, Consumer<Member> consumer);

    /**
     * Looks up an offer by its code, whoever it was issued to.
     *
     * @param code the offer code
     * @return the offer, if one has this code
     */
    Optional<Offer> findOffer(String code);

    /**
     * Returns a member's offers in the order they were issued.
     *
     * @param memberId the member
     * @return the offers, whatever their status; empty for an unknown member
     */
    List<Offer> offers(MemberId memberId);

    /**
     * Returns a member's offer bookkeeping.
     *
     * @param memberId the member
     * @return the bookkeeping; {@link OfferBook#NEW} for an unknown member
     */
    OfferBook offerBook(MemberId memberId);

    /**
     * Looks up the checkpoint of a sweep run.
     *
     * @param sweepId the run's id
     * @return the checkpoint, if the run saved one
     */
    Optional<SweepCheckpoint> findSweepCheckpoint(String sweepId);

    /**
     * Saves a sweep run's checkpoint, replacing the one saved before under its id.
     *
     * @param checkpoint the checkpoint
     */
    void saveSweepCheckpoint(SweepCheckpoint checkpoint);

    /**
     * Stores the RFM scores and segments of a segmentation run, replacing each member's earlier
     * ones, all or nothing. The event path reads them back through {@link MemberView#segment()}.
     * The default refuses: a store that keeps segments overrides this and {@link #segment}.
     *
     * @param segments the members' scores and segments
     * @throws dev.loyalty.core.UnknownMemberException when a member is not enrolled; nothing is stored then
     * @throws UnsupportedOperationException when the store does not keep segments
     */
    default void saveSegments(List<MemberSegment> segments) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not keep member segments");
    }

    /**
     * Returns a member's stored RFM scores and segment.
     *
     * @param memberId the member
     * @return the scores and segment of the last segmentation run that scored the member, if any
     */
    default Optional<MemberSegment> segment(MemberId memberId) {
        return Optional.empty();
    }

    /**
     * Returns how much of a campaign's total budget has been drawn. The default has none, for
     * stores that keep no budgets.
     *
     * @param campaign the campaign id
     * @return the budget, if any points were drawn from it
     */
    default Optional<CampaignBudget> campaignBudget(String campaign) {
        return Optional.empty();
    }

    /**
     * Gives an enrolled member a referral code, unique across the store. The default refuses:
     * a store that keeps referrals overrides this and the other referral methods.
     *
     * @param memberId the member
     * @param code the code; white space around it is not kept
     * @throws dev.loyalty.core.UnknownMemberException when the member is not enrolled
     * @throws dev.loyalty.core.InvalidInputException when the code belongs to another member, or the member already has another code
     * @throws UnsupportedOperationException when the store does not keep referrals
     */
    default void saveReferralCode(MemberId memberId, String code) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not keep referrals");
    }

    /**
     * Looks up whose referral code this is.
     *
     * @param code the code
     * @return the member, if the code was given out
     */
    default Optional<MemberId> findReferralCodeOwner(String code) {
        return Optional.empty();
    }

    /**
     * Returns a member's referral code.
     *
     * @param memberId the member
     * @return the code, if the member has one
     */
    default Optional<String> referralCode(MemberId memberId) {
        return Optional.empty();
    }

    /**
     * Returns the members any of whose identity fingerprints is among the given ones.
     *
     * @param fingerprints the fingerprints to look for
     * @return the matching members, in id order
     * @throws dev.loyalty.core.InvalidInputException when the set or one of its fingerprints is null
     */
    default java.util.List<MemberId> findMembersByIdentity(java.util.Set<String> fingerprints) {
        return List.of();
    }

    /**
     * Returns a member's identity fingerprints.
     *
     * @param memberId the member
     * @return the fingerprints; empty for an unknown member
     */
    default java.util.Set<String> identity(MemberId memberId) {
        return java.util.Set.of();
    }

    /**
     * Looks up the referral in which a member is the referee.
     *
     * @param refereeId the referee
     * @return the referral, if the member joined with a code
     */
    default Optional<dev.loyalty.core.referral.Referral> findReferral(MemberId refereeId) {
        return Optional.empty();
    }

    /**
     * Returns the referrals a member made, in referee id order.
     *
     * @param referrerId the referrer
     * @return the referrals; empty for an unknown member
     */
    default List<dev.loyalty.core.referral.Referral> referralsMadeBy(MemberId referrerId) {
        return List.of();
    }

    /**
     * Hands every referral to the consumer, one at a time, in referee id order, without loading all at once.
     *
     * @param consumer receives each referral
     */
    default void forEachReferral(Consumer<dev.loyalty.core.referral.Referral> consumer) {
    }
}
