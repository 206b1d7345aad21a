package dev.loyalty.core.store;

import dev.loyalty.core.model.Account;
import dev.loyalty.core.model.CampaignBudget;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.Hold;
import dev.loyalty.core.model.LedgerEntry;
import dev.loyalty.core.model.Lot;
import dev.loyalty.core.model.LotReturn;
import dev.loyalty.core.model.Member;
import dev.loyalty.core.UnknownMemberException;
import dev.loyalty.core.internal.Checks;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.Offer;
import dev.loyalty.core.model.OfferBook;
import dev.loyalty.core.model.MemberSegment;
import dev.loyalty.core.model.Points;
import dev.loyalty.core.spi.CampaignDraw;
import dev.loyalty.core.spi.LoyaltyStore;
import dev.loyalty.core.spi.MemberChanges;
import dev.loyalty.core.spi.MemberSnapshot;
import dev.loyalty.core.spi.MemberView;
import dev.loyalty.core.spi.StoredEvent;
import dev.loyalty.core.tier.TierChange;
import dev.loyalty.core.spi.SweepCheckpoint;
import dev.loyalty.core.CurrencyMismatchException;
import dev.loyalty.core.InvalidInputException;
import dev.loyalty.core.referral.Referral;
import java.util.Currency;
import java.util.concurrent.atomic.AtomicReference;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The embedded default store: everything in memory, thread-safe, lost when the process ends.
 * Each member has a lock; one member's events are applied one at a time, different members'
 * in parallel. Event ids are unique across the store.
 */
public final class InMemoryStore implements LoyaltyStore {

    /** The currency the store records money in: the first engine's, set once. */
    private final AtomicReference<Currency> currency = new AtomicReference<>();
    /** Members in id order, for {@link #forEachMember}. */
    private final ConcurrentSkipListMap<MemberId, MemberSlot> slots = new ConcurrentSkipListMap<>();
    /** The same slots by hash, for the lookups every event makes. */
    private final ConcurrentHashMap<MemberId, MemberSlot> byId = new ConcurrentHashMap<>();
    /** Every recorded event by id, packed ({@link KeptEvent}): the store keeps one for every event it ever recorded. */
    private final ConcurrentHashMap<EventId, KeptEvent> events = new ConcurrentHashMap<>();
    /** Every member's offers by code, for {@link #findOffer}. */
    private final ConcurrentHashMap<String, Offer> offers = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, SweepCheckpoint> checkpoints = new ConcurrentHashMap<>();
    /** The campaigns' budgets; read without a lock, drawn on under {@link #budgetLock}. */
    private final ConcurrentHashMap<String, CampaignBudget> budgets = new ConcurrentHashMap<>();
    private final Object budgetLock = new Object();
    /** Referrals by referee, in referee order; written under the lock of the member whose changes carry them. */
    private final ConcurrentSkipListMap<MemberId, Referral> referrals = new ConcurrentSkipListMap<>();
    /** Referees by referrer. */
    private final ConcurrentHashMap<MemberId, Set<MemberId>> referees = new ConcurrentHashMap<>();
    /** Referral codes to their owners, and back; both written under one monitor. */
    private final Map<String, MemberId> codes = new HashMap<>();
    private final Map<MemberId, String> codesByMember = new HashMap<>();
    /** Identity fingerprints to the members who gave them, and back. */
    private final ConcurrentHashMap<String, Set<MemberId>> identities = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<MemberId, Set<String>> identityByMember = new ConcurrentHashMap<>();

    /** Creates an empty store. */
    public InMemoryStore() {
    }

    /**
     * {@inheritDoc}
     *
     * <p>Kept in memory, set once atomically: an in-memory store shared by engines of two
     * currencies serves only the first built.
     */
    @Override
    public void bindCurrency(Currency currency) {
        Checks.notNull(currency, "currency");
        Currency recorded = this.currency.compareAndExchange(null, currency);
        if (recorded != null && !recorded.equals(currency)) {
            throw CurrencyMismatchException.storeRecords(currency, recorded);
        }
    }

    @Override
    public Optional<StoredEvent> findEvent(EventId eventId) {
        KeptEvent event = events.get(Checks.notNull(eventId, "eventId"));
        return event == null ? Optional.empty() : Optional.of(written(event));
    }

    /**
     * Returns a recorded event once its changes are written. {@link #apply} claims an event's id before it writes the
     * member, offers and referrals (see there), under the member's lock: a reader that found the id waits for that lock
     * once, so that what it reads next (the member, an offer the event redeemed) is the state after the event. Only a
     * lookup that finds something pays for it; the calling thread never waits for a lock it holds.
     */
    private StoredEvent written(KeptEvent event) {
        MemberSlot slot = slots.get(event.memberId);
        if (slot != null && !slot.lock.isHeldByCurrentThread()) {
            slot.lock.lock();
            slot.lock.unlock();
        }
        return event.event();
    }

    /** Looks the ids up in the event index directly, without the default's copies. */
    @Override
    public Map<EventId, StoredEvent> findEvents(Collection<EventId> eventIds) {
        Checks.notNull(eventIds, "eventIds");
        Map<EventId, StoredEvent> found = new HashMap<>();
        for (EventId eventId : eventIds) {
            KeptEvent event = events.get(Checks.notNull(eventId, "eventIds[]"));
            if (event != null) {
                found.put(eventId, written(event));
            }
        }
        return Collections.unmodifiableMap(found);
    }

    /** Reads each member's slot once, its member and balance under its lock, so that the two belong together. */
    @Override
    public Map<MemberId, MemberSnapshot> memberSnapshots(Collection<MemberId> memberIds, boolean withSegments) {
        Checks.notNull(memberIds, "memberIds");
        Map<MemberId, MemberSnapshot> snapshots = new HashMap<>();
        for (MemberId memberId : memberIds) {
            if (snapshots.containsKey(Checks.notNull(memberId, "memberIds[]"))) {
                continue;
            }
            MemberSlot slot = byId.get(memberId);
            MemberSnapshot snapshot;
            if (slot == null) {
                snapshot = new MemberSnapshot(memberId, null, Points.ZERO, null);
            } else {
                slot.lock.lock();
                try {
                    snapshot = new MemberSnapshot(memberId, slot.member, Points.of(slot.balance), withSegments ? slot.segment : null);
                } finally {
                    slot.lock.unlock();
                }
            }
            snapshots.put(memberId, snapshot);
        }
        return Collections.unmodifiableMap(snapshots);
    }

    @Override
    public Optional<Member> findMember(MemberId memberId) {
        MemberSlot slot = byId.get(Checks.notNull(memberId, "memberId"));
        return slot == null ? Optional.empty() : Optional.ofNullable(slot.member);
    }

    @Override
    public StoredEvent apply(MemberId memberId, Function<MemberView, MemberChanges> work) {
        while (true) {
            MemberSlot slot = byId.get(memberId);
            if (slot == null) {
                slot = slots.computeIfAbsent(memberId, id -> new MemberSlot(id, budgets, this));
                byId.putIfAbsent(memberId, slot);
            }
            slot.lock.lock();
            try {
                if (slot.removed) {
                    // a slot removed after this thread found it: make sure the hash index forgets it too
                    byId.remove(memberId, slot);
                    continue;
                }
                try {
                    MemberChanges changes = work.apply(slot);
                    // the same check as the JdbcStore's, before anything is written: every entry, lot, return, hold, tier
                    // change and offer the member's, the ledger's sequence continued, the outcome listing the event's entries
                    long newBalance = changes != null && changes.isEmpty() ? slot.balance
                            : MemberChangesCheck.balanceAfter(memberId, slot.member != null, slot.lastSequence(), slot.balance, changes);
                    List<Offer> changedOffers = changes.offers();
                    for (int i = 0; i < changedOffers.size(); i++) {
                        // each offer is the member's (checked above); its code must not be another member's
                        Offer offer = changedOffers.get(i);
                        Offer other = offers.get(offer.code());
                        if (other != null && !other.memberId().equals(memberId)) {
                            throw new IllegalArgumentException("offer " + offer.code() + " of member " + offer.memberId()
                                    + " cannot be written for member " + memberId + ": the code belongs to member " + other.memberId());
                        }
                    }
                    checkReferrals(memberId, changes);
                    // the entries go into the member's ledger before the event's id is claimed, so that whoever finds the
                    // claim reads them there (KeptEvent, LedgerColumns); they are cut back when the claim is lost
                    int mark = slot.ledger.size();
                    slot.ledger.append(changes.entries());
                    Claim claim;
                    try {
                        claim = claim(changes, slot.ledger, mark);
                    } catch (RuntimeException | Error e) {
                        slot.ledger.truncate(mark);
                        throw e;
                    }
                    if (claim != Claim.CLAIMED) {
                        slot.ledger.truncate(mark);
                        if (claim == Claim.RETRY) {
                            // another member's event drew on the budget first: compute again with what remains
                            continue;
                        }
                        return claim.earlier().event();
                    }
                    slot.apply(changes, newBalance);
                    changes.offers().forEach(offer -> offers.put(offer.code(), offer));
                    writeReferrals(memberId, changes);
                    return changes.event();
                } finally {
                    if (slot.member == null) {
                        slot.removed = true;
                        slots.remove(memberId, slot);
                        byId.remove(memberId, slot);
                    }
                }
            } finally {
                slot.lock.unlock();
            }
        }
    }

    /**
     * What claiming a changes' event id gave: the claim (or no event to claim), an event recorded
     * under the id first (then nothing is written), or a budget another event drew on first (then the
     * work runs again).
     */
    private record Claim(KeptEvent earlier, boolean retry) {
        static final Claim CLAIMED = new Claim(null, false);
        static final Claim RETRY = new Claim(null, true);
    }

    /**
     * Claims the changes' event id, drawing their points from the budgets with it. The id is claimed
     * before the rest of the slot is written, on purpose: another member's event may claim the same
     * id outside this lock, and only the claim's winner may write. Everything that can refuse the
     * changes ran before; the writes after never throw (QualifyingDays.add, EarnedPoints and
     * KeyedValues are built so), which is what makes the claim and the writes one step. The entries
     * stand in the member's ledger already, from {@code mark}, so that whoever finds the claim reads
     * them there.
     */
    private Claim claim(MemberChanges changes, LedgerColumns ledger, int mark) {
        StoredEvent event = changes.event();
        if (!changes.draws().isEmpty()) {
            KeptEvent recorded = event == null ? null : events.get(event.eventId());
            return recorded != null ? new Claim(recorded, false) : draw(changes, ledger, mark);
        }
        KeptEvent earlier = event == null ? null : events.putIfAbsent(event.eventId(), KeptEvent.of(event, ledger, mark, changes.entries()));
        return earlier != null ? new Claim(earlier, false) : Claim.CLAIMED;
    }

    /**
     * Records the event and draws the changes' points from the budgets, all or nothing, under the
     * budget lock; refuses when a draw does not fit what remains ({@link Claim#RETRY}), or when
     * another member's event took the event id since it was looked up (answering with that one);
     * nothing is recorded or drawn then. Events of other members record their ids outside this
     * lock, so the id is only known to be free once it is taken.
     */
    private Claim draw(MemberChanges changes, LedgerColumns ledger, int mark) {
        synchronized (budgetLock) {
            for (CampaignDraw draw : changes.draws()) {
                CampaignBudget budget = budgets.get(draw.campaign());
                long spent = budget == null ? 0 : budget.spent();
                // what remains, not spent + points: that sum may pass what a long holds
                if (draw.budgeted() && draw.points() > draw.budget() - spent) {
                    return Claim.RETRY;
                }
            }
            KeptEvent earlier = changes.event() == null ? null
                    : events.putIfAbsent(changes.event().eventId(), KeptEvent.of(changes.event(), ledger, mark, changes.entries()));
            if (earlier != null) {
                return new Claim(earlier, false);
            }
            for (CampaignDraw draw : changes.draws()) {
                if (draw.budgeted()) {
                    CampaignBudget budget = budgets.get(draw.campaign());
                    long spent = budget == null ? 0 : budget.spent();
                    budgets.put(draw.campaign(), new CampaignBudget(draw.campaign(), draw.budget(), Points.add(spent, draw.points())));
                }
            }
            return Claim.CLAIMED;
        }
    }

    @Override
    public Optional<CampaignBudget> campaignBudget(String campaign) {
        Checks.notNull(campaign, "campaign");
        return Optional.ofNullable(budgets.get(campaign));
    }

    @Override
    public Points balance(MemberId memberId) {
        return read(memberId, Points.ZERO, slot -> Points.of(slot.balance));
    }

    @Override
    public List<LedgerEntry> ledger(MemberId memberId) {
        return read(memberId, List.of(), slot -> slot.ledger.copy());
    }

    @Override
    public List<Lot> lots(MemberId memberId) {
        return read(memberId, List.of(), slot -> slot.lots.copy());
    }

    @Override
    public List<LotReturn> returns(MemberId memberId) {
        return read(memberId, List.of(), slot -> slot.returns == null ? List.of() : List.copyOf(slot.returns));
    }

    @Override
    public List<Hold> holds(MemberId memberId) {
        return read(memberId, List.of(), slot -> slot.holds.copy());
    }

    @Override
    public Account account(MemberId memberId) {
        return read(memberId, Account.NEW, slot -> slot.account);
    }

    @Override
    public List<TierChange> tierHistory(MemberId memberId) {
        return read(memberId, List.of(), slot -> List.copyOf(slot.tierHistory));
    }

    @Override
    public void forEachMember(Consumer<Member> consumer) {
        forEachMember(null, null, consumer);
    }

    @Override
    public void forEachMember(MemberId fromInclusive, MemberId toExclusive, Consumer<Member> consumer) {
        NavigableMap<MemberId, MemberSlot> range = slots;
        if (fromInclusive != null && toExclusive != null && fromInclusive.compareTo(toExclusive) >= 0) {
            return;
        } else if (fromInclusive != null && toExclusive != null) {
            range = slots.subMap(fromInclusive, true, toExclusive, false);
        } else if (fromInclusive != null) {
            range = slots.tailMap(fromInclusive, true);
        } else if (toExclusive != null) {
            range = slots.headMap(toExclusive, false);
        }
        for (MemberSlot slot : range.values()) {
            Member member = slot.member;
            if (member != null) {
                consumer.accept(member);
            }
        }
    }

    @Override
    public Optional<Offer> findOffer(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(offers.get(code));
    }

    @Override
    public List<Offer> offers(MemberId memberId) {
        return read(memberId, List.of(), MemberSlot::offers);
    }

    @Override
    public OfferBook offerBook(MemberId memberId) {
        return read(memberId, OfferBook.NEW, slot -> slot.offerBook);
    }

    @Override
    public Optional<SweepCheckpoint> findSweepCheckpoint(String sweepId) {
        return Optional.ofNullable(checkpoints.get(sweepId));
    }

    @Override
    public void saveSweepCheckpoint(SweepCheckpoint checkpoint) {
        checkpoints.put(checkpoint.sweepId(), checkpoint);
    }

    @Override
    public void saveSegments(List<MemberSegment> segments) {
        Checks.notNull(segments, "segments");
        List<MemberSlot> targets = new ArrayList<>(segments.size());
        for (MemberSegment segment : segments) {
            Checks.notNull(segment, "segment");
            MemberSlot slot = byId.get(segment.memberId());
            if (slot == null || slot.member == null) {
                throw new UnknownMemberException(segment.memberId());
            }
            targets.add(slot);
        }
        for (int i = 0; i < targets.size(); i++) {
            targets.get(i).segment = segments.get(i);
        }
    }

    @Override
    public Optional<MemberSegment> segment(MemberId memberId) {
        MemberSlot slot = byId.get(Checks.notNull(memberId, "memberId"));
        return slot == null ? Optional.empty() : Optional.ofNullable(slot.segment);
    }

    /** Refuses referral changes that do not concern the member whose changes carry them. */
    private static void checkReferrals(MemberId memberId, MemberChanges changes) {
        if (changes.referrals() == null) {
            return;
        }
        for (Referral referral : changes.referrals().referrals()) {
            if (!referral.refereeId().equals(memberId) && !referral.referrerId().equals(memberId)) {
                throw new IllegalArgumentException("the referral of " + referral.refereeId() + " by " + referral.referrerId()
                        + " cannot be written with the changes of member " + memberId);
            }
        }
    }

    private void writeReferrals(MemberId memberId, MemberChanges changes) {
        if (changes.referrals() == null) {
            return;
        }
        for (Referral referral : changes.referrals().referrals()) {
            referees.computeIfAbsent(referral.referrerId(), id -> new ConcurrentSkipListSet<>()).add(referral.refereeId());
            referrals.put(referral.refereeId(), referral);
        }
        for (String fingerprint : changes.referrals().identity()) {
            identities.computeIfAbsent(fingerprint, f -> ConcurrentHashMap.newKeySet()).add(memberId);
            identityByMember.computeIfAbsent(memberId, id -> ConcurrentHashMap.newKeySet()).add(fingerprint);
        }
    }

    @Override
    public void saveReferralCode(MemberId memberId, String given) {
        Checks.notNull(memberId, "memberId");
        String code = Checks.text(given, "code");
        if (findMember(memberId).isEmpty()) {
            throw new UnknownMemberException(memberId);
        }
        synchronized (codes) {
            MemberId owner = codes.get(code);
            if (owner != null && !owner.equals(memberId)) {
                throw new InvalidInputException("code", "'" + code + "' is the referral code of another member");
            }
            String own = codesByMember.get(memberId);
            if (own != null && !own.equals(code)) {
                throw new InvalidInputException("code", "member " + memberId + " already has the referral code '" + own + "'");
            }
            codes.put(code, memberId);
            codesByMember.put(memberId, code);
        }
    }

    @Override
    public Optional<MemberId> findReferralCodeOwner(String code) {
        synchronized (codes) {
            return Optional.ofNullable(codes.get(code));
        }
    }

    @Override
    public Optional<String> referralCode(MemberId memberId) {
        synchronized (codes) {
            return Optional.ofNullable(codesByMember.get(memberId));
        }
    }

    @Override
    public List<MemberId> findMembersByIdentity(Set<String> fingerprints) {
        TreeSet<MemberId> found = new TreeSet<>();
        for (String fingerprint : Checks.notNull(fingerprints, "fingerprints")) {
            found.addAll(identities.getOrDefault(Checks.notNull(fingerprint, "fingerprints[]"), Set.of()));
        }
        return List.copyOf(found);
    }

    @Override
    public Set<String> identity(MemberId memberId) {
        return Set.copyOf(identityByMember.getOrDefault(memberId, Set.of()));
    }

    @Override
    public Optional<Referral> findReferral(MemberId refereeId) {
        return Optional.ofNullable(referrals.get(refereeId));
    }

    @Override
    public List<Referral> referralsMadeBy(MemberId referrerId) {
        List<Referral> made = new ArrayList<>();
        for (MemberId referee : referees.getOrDefault(referrerId, Set.of())) {
            Referral referral = referrals.get(referee);
            if (referral != null) {
                made.add(referral);
            }
        }
        return made;
    }

    @Override
    public void forEachReferral(Consumer<Referral> consumer) {
        referrals.values().forEach(consumer);
    }

    private <T> T read(MemberId memberId, T absent, Function<MemberSlot, T> reader) {
        MemberSlot slot = byId.get(Checks.notNull(memberId, "memberId"));
        if (slot == null) {
            return absent;
        }
        slot.lock.lock();
        try {
            return reader.apply(slot);
        } finally {
            slot.lock.unlock();
        }
    }
}
