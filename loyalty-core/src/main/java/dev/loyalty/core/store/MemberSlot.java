package dev.loyalty.core.store;

import dev.loyalty.core.model.Account;
import dev.loyalty.core.model.CampaignBudget;
import dev.loyalty.core.model.EntryType;
import dev.loyalty.core.model.Hold;
import dev.loyalty.core.model.LedgerEntry;
import dev.loyalty.core.model.Lot;
import dev.loyalty.core.model.LotReturn;
import dev.loyalty.core.model.Member;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.MemberSegment;
import dev.loyalty.core.model.Offer;
import dev.loyalty.core.model.OfferBook;
import dev.loyalty.core.model.Points;
import dev.loyalty.core.referral.Referral;
import dev.loyalty.core.spi.CampaignDraw;
import dev.loyalty.core.spi.LoyaltyStore;
import dev.loyalty.core.spi.MemberChanges;
import dev.loyalty.core.spi.MemberView;
import dev.loyalty.core.spi.TierUpdate;
import dev.loyalty.core.tier.Qualifying;
import dev.loyalty.core.tier.TierChange;
import dev.loyalty.core.tier.TierState;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One member's state in the {@link InMemoryStore}, and the member's view for the engine: guarded
 * by its lock, which the store holds while it reads or applies changes; the member and the
 * segment are also read without it.
 */
final class MemberSlot implements MemberView {
    final MemberId id;
    final ReentrantLock lock = new ReentrantLock();
    volatile Member member;
    /** The member's ledger entries; the store appends the changes' entries before {@link #apply}. */
    final LedgerColumns ledger;
    final KeyedValues<Lot> lots = new KeyedValues<>(Lot::id);
    /**
     * The debt lot ({@link Lot#DEBT_LOT}) as last put, kept apart because every credit asks for it: a probe of a
     * busy member's lot index misses the processor's caches, a field beside the balance does not.
     */
    Lot debtLot;
    /** The lots' return history, in the order the returns were recorded; null until the member's first return. */
    List<LotReturn> returns;
    /** Earned points by the instant their event happened, for daily caps without a ledger scan. */
    final EarnedPoints earnedAt = new EarnedPoints();
    /** The last range asked of {@link #pointsEarnedBetween} and its sum, kept up to date as points are earned. */
    Instant earnedFrom;
    Instant earnedTo;
    long earnedInRange;
    final KeyedValues<Hold> holds = new KeyedValues<>(Hold::id);
    /** How many lots and holds fall due at each instant, so an event needs no scan to know nothing is due. */
    final NavigableMap<Instant, Integer> dues = new TreeMap<>();
    Account account = Account.NEW;
    TierState tierState;
    /** Qualifying totals by the member's local day. */
    final QualifyingDays qualifyingDays = new QualifyingDays();
    final List<TierChange> tierHistory = new ArrayList<>();
    OfferBook offerBook = OfferBook.NEW;
    final Map<String, Offer> offers = new LinkedHashMap<>();
    /** Points earned from counted campaigns, by campaign id. */
    final Map<String, Long> campaignPoints = new HashMap<>();
    /** The store's budgets, for {@link #campaignBudgetSpent}. */
    final Map<String, CampaignBudget> budgets;
    /** The last segmentation run's scores; replaced whole, so read without the lock. */
    volatile MemberSegment segment;
    long balance;
    boolean removed;

    /** The store, for the member's referrals. */
    private final LoyaltyStore store;

    MemberSlot(MemberId id, Map<String, CampaignBudget> budgets, LoyaltyStore store) {
        this.id = id;
        this.ledger = new LedgerColumns(id);
        this.budgets = budgets;
        this.store = store;
    }

    /**
     * Writes the changes, all but their ledger entries, which the store appended to {@link #ledger}
     * already (under this slot's lock, as this).
     */
    void apply(MemberChanges changes, long newBalance) {
        if (changes.member() != null) {
            member = changes.member();
        }
        // every list by index, on every event: the changes' lists are immutable and random-access, and neither an
        // iterator (the allocation profile found more of them left here by escape analysis than anywhere else) nor the
        // array addAll copies is made
        List<LedgerEntry> added = changes.entries();
        for (int i = 0; i < added.size(); i++) {
            LedgerEntry entry = added.get(i);
            if (entry.type() == EntryType.EARN || entry.type() == EntryType.PENDING) {
                earnedAt.add(entry.occurredAt(), entry.points().value());
                if (earnedFrom != null && !entry.occurredAt().isBefore(earnedFrom) && entry.occurredAt().isBefore(earnedTo)) {
                    earnedInRange = EarnedPoints.plus(earnedInRange, entry.points().value());
                }
            }
        }
        List<Lot> changedLots = changes.lots();
        for (int i = 0; i < changedLots.size(); i++) {
            Lot lot = changedLots.get(i);
            Lot old = lots.put(lot);
            if (lot.id().equals(Lot.DEBT_LOT)) {
                debtLot = lot;
            }
            due(old == null ? null : old.dueAt(), lot.dueAt());
        }
        // no list for the many members who never return anything, nor an empty array copied from the changes' empty list
        if (!changes.returns().isEmpty()) {
            if (returns == null) {
                returns = new ArrayList<>(changes.returns());
            } else {
                returns.addAll(changes.returns());
            }
        }
        List<Hold> changedHolds = changes.holds();
        for (int i = 0; i < changedHolds.size(); i++) {
            Hold hold = changedHolds.get(i);
            Hold old = holds.put(hold);
            due(old == null ? null : old.dueAt(), hold.dueAt());
        }
        if (changes.account() != null) {
            account = changes.account();
        }
        TierUpdate tiers = changes.tiers();
        if (tiers != null) {
            tierState = tiers.state();
            List<TierUpdate.QualifyingDay> days = tiers.qualifying();
            for (int i = 0; i < days.size(); i++) {
                qualifyingDays.add(days.get(i).day(), days.get(i).amount());
            }
            if (!tiers.history().isEmpty()) {
                tierHistory.addAll(tiers.history());
            }
        }
        List<Offer> changedOffers = changes.offers();
        for (int i = 0; i < changedOffers.size(); i++) {
            offers.put(changedOffers.get(i).code(), changedOffers.get(i));
        }
        if (changes.offerBook() != null) {
            offerBook = changes.offerBook();
        }
        List<CampaignDraw> draws = changes.draws();
        for (int i = 0; i < draws.size(); i++) {
            // kept at most Long.MAX_VALUE, never thrown: the event is recorded already, and a member limit, the only
            // reader, leaves nothing to earn beyond Long.MAX_VALUE as beyond the true total
            campaignPoints.merge(draws.get(i).campaign(), draws.get(i).points(), EarnedPoints::plus);
        }
        balance = newBalance;
    }

    private void due(Instant was, Instant is) {
        if (was != null) {
            dues.computeIfPresent(was, (at, count) -> count == 1 ? null : count - 1);
        }
        if (is != null) {
            dues.merge(is, 1, Integer::sum);
        }
    }

    @Override
    public Instant nextDueAt() {
        return dues.isEmpty() ? null : dues.firstKey();
    }

    @Override
    public Optional<Member> member() {
        return Optional.ofNullable(member);
    }

    @Override
    public Points balance() {
        return Points.of(balance);
    }

    @Override
    public long lastSequence() {
        return ledger.lastSequence();
    }

    @Override
    public long pointsEarnedBetween(Instant fromInclusive, Instant toExclusive) {
        if (fromInclusive.equals(earnedFrom) && toExclusive.equals(earnedTo)) {
            return earnedInRange;
        }
        long sum = earnedAt.between(fromInclusive, toExclusive);
        earnedFrom = fromInclusive;
        earnedTo = toExclusive;
        earnedInRange = sum;
        return sum;
    }

    @Override
    public List<Lot> lots() {
        return lots.copy();
    }

    @Override
    public long owedOnDebtLot() {
        return debtLot == null ? 0 : -debtLot.remaining();
    }

    @Override
    public List<Hold> holds() {
        return holds.copy();
    }

    @Override
    public Account account() {
        return account;
    }

    @Override
    public TierState tierState() {
        return tierState;
    }

    @Override
    public Qualifying qualifying(LocalDate fromInclusive, LocalDate toInclusive) {
        return qualifyingDays.sum(fromInclusive, toInclusive);
    }

    @Override
    public OfferBook offerBook() {
        return offerBook;
    }

    @Override
    public List<Offer> offers() {
        return List.copyOf(offers.values());
    }

    @Override
    public Optional<MemberSegment> segment() {
        return Optional.ofNullable(segment);
    }

    @Override
    public long campaignPoints(String campaign) {
        return campaignPoints.getOrDefault(campaign, 0L);
    }

    @Override
    public long campaignBudgetSpent(String campaign) {
        CampaignBudget budget = budgets.get(campaign);
        return budget == null ? 0 : budget.spent();
    }

    @Override
    public Optional<Referral> referral() {
        return store.findReferral(id);
    }

    @Override
    public List<Referral> referralsMade() {
        return store.referralsMadeBy(id);
    }
}
