package dev.loyalty.core.internal;

import dev.loyalty.core.CoreRules;
import dev.loyalty.core.Explanation;
import dev.loyalty.core.PointsOverflowException;
import dev.loyalty.core.ExpiryPolicy;
import dev.loyalty.core.Outcome;
import dev.loyalty.core.PointsSummary;
import dev.loyalty.core.ProgramSettings;
import dev.loyalty.core.RuleEvaluationException;
import dev.loyalty.core.model.Account;
import dev.loyalty.core.model.EntryType;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.Hold;
import dev.loyalty.core.model.HoldStatus;
import dev.loyalty.core.model.LedgerEntry;
import dev.loyalty.core.model.Lot;
import dev.loyalty.core.model.LotReturn;
import dev.loyalty.core.model.Member;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.Offer;
import dev.loyalty.core.model.OfferBook;
import dev.loyalty.core.model.OfferKind;
import dev.loyalty.core.model.Points;
import dev.loyalty.core.spi.MemberChanges;
import dev.loyalty.core.spi.MemberView;
import dev.loyalty.core.spi.StoredEvent;
import dev.loyalty.core.spi.TierUpdate;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A working copy of one member's points inside a store transaction: it appends entries, moves
 * points between lots and collects everything as one {@link MemberChanges}. Invariants kept
 * here: every entry names a lot; a lot's remainder is the sum of its entries; the balance is
 * the sum of all entries and of all lots' remainders; a positive lot's remainder never goes
 * below zero. Not public API.
 */
final class MemberLedger {

    /** Spending and expiry order: the soonest-expiring lot first, then the oldest, then by id. */
    private static final Comparator<Lot> SPENDING_ORDER = Comparator
            .comparing(Lot::expiresAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Lot::earnedAt)
            .thenComparing(Lot::id);

    private final MemberId memberId;
    private final ProgramSettings program;
    private final ZoneId zone;
    private final Instant now;
    private final MemberView view;
    private final KeyedWorkingCopy<Lot> lots;
    /** Null until the event reads or writes a hold (most never do), as {@link #offers} until it touches an offer. */
    private KeyedWorkingCopy<Hold> holds;
    /** Presized: an event writes two or three entries, and the default first array holds ten. */
    private final List<LedgerEntry> entries = new ArrayList<>(4);
    private final List<LedgerEntry> eventEntries = new ArrayList<>(4);
    /** The returns of purchases recorded, for the lots' return history; null until one is (most events return nothing). */
    private List<LotReturn> returns;
    /** Null until housekeeping did something. */
    private List<Explanation.Step> housekeeping;
    private Account account;
    private boolean accountChanged;
    private OfferBook offerBook;
    private boolean offerBookChanged;
    private KeyedWorkingCopy<Offer> offers;
    private long balance;
    private long sequence;
    private String version = Outcome.NO_RULES;

    MemberLedger(MemberView view, MemberId memberId, ProgramSettings program, ZoneId zone, Instant now) {
        this.memberId = memberId;
        this.program = program;
        this.zone = zone;
        this.now = now;
        this.view = view;
        this.lots = new KeyedWorkingCopy<>(view, MemberView::lots, Lot::id);
        this.account = view.account();
        this.offerBook = view.offerBook();
        this.balance = view.balance().value();
        this.sequence = view.lastSequence();
    }

    /** Returns the instant this working copy judges what is due at: the engine's clock for an event, the sweep's instant. */
    Instant now() {
        return now;
    }

    /** Sets the rule-set version recorded on the entries written from now on. */
    void ruleSetVersion(String value) {
        this.version = value;
    }

    /**
     * Releases due pending lots, expires due lots and holds; records what it did as explanation steps. A due lot keeps
     * the points active holds reserve (the soonest-expiring points, those a capture would spend) and stays due; they
     * expire at a later housekeeping once no active hold needs them, dated at the lot's expiry or, when later, at the
     * latest expiry written while they were kept.
     * Its entries carry the lot's source event, not the event being processed, and are the only
     * RELEASE and EXPIRE entries written: the JDBC store relies on that to read back an event's own
     * entries for a replay.
     */
    void housekeep() {
        Instant inactive = program.points().expiry().inactivityExpiry(account.lastActivityAt(), zone);
        Instant due = view.nextDueAt();
        if ((inactive == null || inactive.isAfter(now)) && (due == null || due.isAfter(now))) {
            return;
        }
        for (Lot lot : List.copyOf(lots().values())) {
            if (lot.isPending() && !lot.pendingUntil().isAfter(now)) {
                write(lot.sourceEventId(), EntryType.RELEASE, 0, lot.id(), CoreRules.RELEASE, "Return window closed: points spendable",
                        lot.pendingUntil(), false);
                put(lot.released());
                step(new Explanation.Step(CoreRules.RELEASE, "Points of " + lot.id() + " became spendable", 0, "return window closed"));
            }
        }
        // points active holds reserve do not expire: a granted hold's capture must find them. They are the points a capture
        // would spend, the soonest-expiring first; what is left of a due lot beyond them expires, but never so much that the
        // spendable points (less claw-back debt) no longer cover the holds. Without active holds, every due lot expires whole
        long toKeep = held();
        long free = toKeep == 0 ? Long.MAX_VALUE : Math.max(0, spendable());
        boolean inactivityPolicy = program.points().expiry().kind() == ExpiryPolicy.Kind.INACTIVITY_MONTHS;
        List<Kept> kept = null;
        Instant latestWritten = null;
        // a due lot keeps points only for the holds placed before it fell due: a later hold was granted on other points
        long assigned = 0;
        for (Lot lot : spendableLots()) {
            boolean byDate = lot.expiresAt() != null && !lot.expiresAt().isAfter(now);
            boolean byInactivity = inactive != null && !inactive.isAfter(now);
            long reserved = toKeep == 0 ? 0 : byDate ? heldBefore(lot.expiresAt()) : byInactivity ? heldBefore(inactive) : toKeep;
            long keep = Math.min(Math.max(0, reserved - assigned), lot.remaining());
            assigned = Saturating.add(assigned, keep);
            if (byDate || byInactivity) {
                long expired = Math.min(lot.remaining() - keep, free);
                free -= expired;
                // points earned after the inactivity deadline (a bonus, an offer, a referral reward: no activity) expire as they
                // are earned, not before: an expiry dated before its lot's earning would sit before it in the ledger and reports
                Instant at = byDate ? lot.expiresAt() : inactive.isBefore(lot.earnedAt()) ? lot.earnedAt() : inactive;
                Lot after = lot.withRemaining(lot.remaining() - expired);
                if (expired > 0) {
                    write(lot.sourceEventId(), EntryType.EXPIRE, -expired, lot.id(), CoreRules.EXPIRY,
                            byDate && !inactivityPolicy ? "Expired unspent" : "Expired after inactivity", at, false);
                    step(new Explanation.Step(CoreRules.EXPIRY, "Points of " + lot.id() + " expired", -expired,
                            "at " + at + (after.remaining() > 0 ? "; " + after.remaining() + " kept for active holds" : "")));
                    put(after);
                    latestWritten = latestWritten == null || at.isAfter(latestWritten) ? at : latestWritten;
                }
                if (after.remaining() > 0) {
                    if (kept == null) {
                        kept = new ArrayList<>(2);
                    }
                    kept.add(new Kept(after, at));
                }
            }
        }
        for (int i = 0; kept != null && i < kept.size(); i++) {
            // points kept past their expiry stay due: they expire once no active hold needs them, dated no earlier than any
            // expiry written meanwhile (the ledger's expiries stay in date order), and an inactivity deadline's stays even if
            // activity after it (the capture of another hold) moves the deadline
            Lot lot = kept.get(i).lot();
            Instant keptSince = kept.get(i).due();
            Instant stillDue = latestWritten != null && latestWritten.isAfter(keptSince) ? latestWritten : keptSince;
            if (lot.expiresAt() == null || lot.expiresAt().isBefore(stillDue)) {
                put(lot.withExpiresAt(stillDue));
            }
        }
        for (Hold hold : List.copyOf(holds().values())) {
            if (hold.status() == HoldStatus.ACTIVE && !hold.expiresAt().isAfter(now)) {
                putHold(hold.withStatus(HoldStatus.EXPIRED));
                step(new Explanation.Step(CoreRules.HOLD, "Hold " + hold.id() + " lapsed", 0, hold.points() + " points released"));
            }
        }
    }

    /**
     * Returns the points the member can spend now: spendable lots, less the debt lot's shortfall, the debt kept off the
     * balance and the active holds; {@link Long#MIN_VALUE} when that is less than a long holds (what is owed and what is
     * held together pass it), which spends nothing, as the true count would not.
     */
    long spendable() {
        // a debt kept off the balance is owed too: without this, points released or unheld after a return that ran
        // into debt could be spent while the debt stays unpaid
        long sum = -account.debt();
        for (Lot lot : lots().values()) {
            if (!lot.isPending()) {
                sum = Points.add(sum, lot.remaining());
            }
        }
        for (Hold hold : holds().values()) {
            if (hold.reservesAt(now)) {
                // held points are positive: only an overflow below the long range makes the difference larger
                long less = sum - hold.points();
                sum = less > sum ? Long.MIN_VALUE : less;
            }
        }
        return sum;
    }

    /**
     * Returns the points the active holds reserve now; {@link Long#MAX_VALUE} when that is more than a long holds (which
     * keeps every point from expiring, as the true count would).
     */
    private long held() {
        return heldBefore(null);
    }

    /** Returns the points the active holds placed before an instant (any active hold for null) reserve now, counted as {@link #held()}. */
    private long heldBefore(Instant instant) {
        long sum = 0;
        for (Hold hold : holds().values()) {
            if (hold.reservesAt(now) && (instant == null || hold.createdAt().isBefore(instant))) {
                sum = Saturating.add(sum, hold.points());
            }
        }
        return sum;
    }

    /** Returns the member's points at a glance. */
    PointsSummary summary() {
        long held = held();
        Lot debtLot = lots().get(Lot.DEBT_LOT);
        long owed = account.debt() + (debtLot == null ? 0 : -debtLot.remaining());
        return new PointsSummary(Points.of(balance), Points.of(Math.max(0, spendable())), Points.of(pending()), Points.of(held), Points.of(owed));
    }

    /** Returns the points still pending. */
    long pending() {
        return lots().values().stream().filter(Lot::isPending).mapToLong(Lot::remaining).sum();
    }

    /** Returns a lot by id, or null. */
    Lot lot(String id) {
        return lots().get(id);
    }

    /** Returns a hold by id, or null. */
    Hold hold(String id) {
        return holds().get(id);
    }

    /** Returns the account state as changed so far. */
    Account account() {
        return account;
    }

    /** Returns the balance after everything written so far. */
    long balance() {
        return balance;
    }

    /**
     * Credits a new lot with the given entries and repays claw-back debt from it first.
     *
     * @param steps the event's explanation steps so far, a list this adds to: a repayment adds its step
     */
    void credit(Lot lot, EntryType type, List<PointsComposer.Award> awards, Instant occurredAt, List<Explanation.Step> steps) {
        if (lot.points() > program.points().maxPointsPerCredit()) {
            PointsComposer.Award largest = awards.stream().max(Comparator.comparingLong(PointsComposer.Award::points)).orElseThrow();
            throw aboveCreditLimit(largest.rule(), "credit " + lot.points() + " points to member " + memberId + " for event "
                    + lot.sourceEventId() + " (" + largest.points() + " of them its own)");
        }
        put(lot);
        for (PointsComposer.Award award : awards) {
            write(lot.sourceEventId(), type, award.points(), lot.id(), award.rule(), award.reason(), occurredAt, true);
        }
        // what is owed is repaid under either policy, whichever policy left it: the debt kept off the balance (a program that
        // switched to the negative balance still has it) and the debt lot's shortfall (a program that switched to the debt
        // policy still has it). Unpaid, either would keep the member from spending for good, and points earned meanwhile
        // would expire in its place. The account is read anyway; the debt lot's shortfall is asked of the view, which
        // answers it without reading the member's lots, so that a purchase with nothing owed reads no lots
        repay(lot, account.debt(), false, occurredAt, steps);
        repay(lot, owedOnDebtLot(), true, occurredAt, steps);
    }

    /** Returns what is owed on the debt lot: from the working copy when it has the lot or read the lots, else from the view. */
    private long owedOnDebtLot() {
        Lot debt = lots.known(Lot.DEBT_LOT);
        if (debt != null) {
            return -debt.remaining();
        }
        return lots.read() ? 0 : view.owedOnDebtLot();
    }

    /** Repays from a newly credited lot what is owed: the debt kept off the balance, or the debt lot's shortfall. */
    private void repay(Lot credited, long owed, boolean debtLot, Instant occurredAt, List<Explanation.Step> steps) {
        if (owed <= 0) {
            // checked first: the working copy's lots are read from the store only when something is owed
            return;
        }
        long repaid = Math.min(owed, lots().get(credited.id()).remaining());
        if (repaid <= 0) {
            return;
        }
        write(credited.sourceEventId(), EntryType.REPAY, -repaid, credited.id(), CoreRules.REPAYMENT, "Repays points clawed back earlier", occurredAt,
                true);
        put(lots().get(credited.id()).spending(repaid));
        if (debtLot) {
            Lot debt = lots().get(Lot.DEBT_LOT);
            write(credited.sourceEventId(), EntryType.REPAY, repaid, Lot.DEBT_LOT, CoreRules.REPAYMENT, "Repays points clawed back earlier", occurredAt,
                    true);
            put(debt.withRemaining(debt.remaining() + repaid));
        } else {
            account(account.withDebt(account.debt() - repaid));
        }
        steps.add(new Explanation.Step(CoreRules.REPAYMENT, "Repays points clawed back earlier", -repaid, owed + " points were owed"));
    }

    /**
     * Takes points from spendable lots, soonest-expiring first, writing one entry per lot; each lot
     * counts them as spent (a return of its purchase charges the member for them). Points kept past
     * their lot's expiry for active holds are taken only by a hold's capture: anything else spending
     * them would leave the member's unexpired points to outlive the holds in their place. A capture
     * takes them first only from lots that expired after its hold was placed: a hold placed later was
     * granted on the unexpired points, and kept points go to it only when those no longer suffice.
     *
     * @param heldSince when the hold a capture takes the points for was placed; null when no capture takes them
     * @return the points taken; less than asked when the lots hold less
     */
    long take(long points, EventId eventId, EntryType type, String rule, String reason, Instant occurredAt, Instant heldSince) {
        long left = points;
        for (int pass = heldSince == null ? 1 : 0; pass < 2 && left > 0; pass++) {
            for (Lot lot : spendableLots()) {
                if (left == 0) {
                    break;
                }
                boolean kept = lot.expiresAt() != null && !lot.expiresAt().isAfter(now);
                // pass 0: a capture's unexpired points and those kept for its hold; pass 1: the rest, kept points for a capture only
                boolean eligible = pass == 0 ? !kept || lot.expiresAt().isAfter(heldSince) : heldSince != null || !kept;
                if (!eligible || lot.remaining() == 0) {
                    // kept points not this taker's (due, yet left after housekeeping for active holds), or taken in pass 0
                    continue;
                }
                long taken = Math.min(left, lot.remaining());
                write(eventId, type, -taken, lot.id(), rule, reason, occurredAt, true);
                put(lot.spending(taken));
                left -= taken;
            }
        }
        return points - left;
    }

    /** Writes one of the event's own entries against a lot and changes the lot's remainder with it. */
    void debit(Lot lot, long points, EventId eventId, EntryType type, String rule, String reason, Instant occurredAt) {
        write(eventId, type, -points, lot.id(), rule, reason, occurredAt, true);
        put(lots().get(lot.id()).withRemaining(lots().get(lot.id()).remaining() - points));
    }

    /** Writes a shortfall against the debt lot, creating it if needed (negative-balance policy). */
    void owe(long points, EventId eventId, String rule, String reason, Instant occurredAt) {
        Lot debt = lots().get(Lot.DEBT_LOT);
        if (debt == null) {
            debt = new Lot(Lot.DEBT_LOT, memberId, eventId, occurredAt, null, null, 0, 0, null, null, 0, 0);
        }
        // what is owed in all, checked: the balance may still fit a long (other lots offset the debt) when the debt does not,
        // and the debt lot's remainder is negated where it is repaid and reported, so it stays within -Long.MAX_VALUE
        long owed = Points.add(-debt.remaining(), points);
        put(debt);
        write(eventId, EntryType.REVERSE, -points, Lot.DEBT_LOT, rule, reason, occurredAt, true);
        put(debt.withRemaining(-owed));
    }

    /** Replaces a lot in the working copy. */
    void put(Lot lot) {
        lots.put(lot);
    }

    /** Adds or replaces a hold in the working copy. */
    void putHold(Hold hold) {
        holdsCopy().put(hold);
    }

    /** Replaces the account state. */
    void account(Account value) {
        if (value != account && !value.equals(account)) {
            account = value;
            accountChanged = true;
        }
    }

    /** Returns the offer bookkeeping as changed so far. */
    OfferBook offerBook() {
        return offerBook;
    }

    /** Replaces the offer bookkeeping. */
    void offerBook(OfferBook value) {
        if (value != offerBook && !value.equals(offerBook)) {
            offerBook = value;
            offerBookChanged = true;
        }
    }

    /** Returns every offer of the member by code, reading the stored ones on first use. */
    Map<String, Offer> offers() {
        return offersCopy().all();
    }

    /** Adds or replaces an offer in the working copy. */
    void putOffer(Offer offer) {
        offersCopy().put(offer);
    }

    /**
     * Adds a newly issued offer, refusing a points offer worth more than one credit may add: its
     * redemption would be refused, so it is not issued.
     */
    void issueOffer(Offer offer) {
        if (offer.kind() == OfferKind.POINTS && offer.value().compareTo(BigDecimal.valueOf(program.points().maxPointsPerCredit())) > 0) {
            throw aboveCreditLimit(offer.rule(), "issue offer " + offer.template() + " of " + offer.value().toPlainString()
                    + " points to member " + memberId);
        }
        offersCopy().put(offer);
    }

    /** The refusal of a rule that would credit more than the program allows at once: a campaign's mistake. */
    private RuleEvaluationException aboveCreditLimit(String rule, String would) {
        return new RuleEvaluationException("rule \"" + rule + "\" would " + would + ", more than the program's "
                + program.points().maxPointsPerCredit() + " per credit (program.maxPointsPerCredit): most likely a mistake in the campaign");
    }

    /** Records a return of a purchase in its lot's return history. */
    void recordReturn(LotReturn value) {
        if (returns == null) {
            returns = new ArrayList<>(1);
        }
        returns.add(value);
    }

    /** Returns the member whose ledger this is. */
    MemberId memberId() {
        return memberId;
    }

    /** Returns the entries the event itself wrote, in sequence order. */
    List<LedgerEntry> eventEntries() {
        return eventEntries;
    }

    /** Returns the explanation steps of the housekeeping done before the event. */
    List<Explanation.Step> housekeepingSteps() {
        return housekeeping == null ? List.of() : housekeeping;
    }

    /** Collects everything changed as one set of changes. */
    MemberChanges changes(Member member, StoredEvent event) {
        return changes(member, event, null);
    }

    /** Collects everything changed as one set of changes, with the member's tier update (null for none). */
    MemberChanges changes(Member member, StoredEvent event, TierUpdate tiers) {
        return new MemberChanges(member, event, entries, lots.changed(), holds == null ? List.of() : holds.changed(),
                accountChanged ? account : null, tiers, offers == null ? List.of() : offers.changed(),
                offerBookChanged ? offerBook : null, List.of(), null,
                returns == null ? List.of() : returns);
    }

    /** Returns the lots that can be spent or expire, soonest-expiring first: not pending, not the debt lot, points left. */
    private List<Lot> spendableLots() {
        List<Lot> candidates = new ArrayList<>();
        for (Lot lot : lots().values()) {
            if (lot.remaining() > 0 && !lot.id().equals(Lot.DEBT_LOT) && !lot.isPending()) {
                candidates.add(lot);
            }
        }
        candidates.sort(SPENDING_ORDER);
        return candidates;
    }

    /** Returns every lot of the member, reading the stored ones on first use; order as stored, then new ones. */
    private Map<String, Lot> lots() {
        return lots.all();
    }

    /** Returns every hold of the member, reading the stored ones on first use. */
    private Map<String, Hold> holds() {
        return holdsCopy().all();
    }

    private KeyedWorkingCopy<Hold> holdsCopy() {
        if (holds == null) {
            holds = new KeyedWorkingCopy<>(view, MemberView::holds, Hold::id);
        }
        return holds;
    }

    private KeyedWorkingCopy<Offer> offersCopy() {
        if (offers == null) {
            offers = new KeyedWorkingCopy<>(view, MemberView::offers, Offer::code);
        }
        return offers;
    }

    private void step(Explanation.Step step) {
        if (housekeeping == null) {
            housekeeping = new ArrayList<>(2);
        }
        housekeeping.add(step);
    }

    private void write(EventId eventId, EntryType type, long points, String lotId, String rule, String reason, Instant occurredAt,
                       boolean ofEvent) {
        long after;
        try {
            after = Points.add(balance, points);
        } catch (PointsOverflowException e) {
            // the sum alone does not say whose points they were: a rule engine of one's own may decide any long
            throw new PointsOverflowException("points overflow: rule \"" + rule + "\" adds " + points + " points for event " + eventId
                    + " to the balance of " + balance + " of member " + memberId + ", which leaves the range of long");
        }
        sequence++;
        balance = after;
        LedgerEntry entry = new LedgerEntry(memberId, sequence, eventId, type, Points.of(points), lotId, rule, reason, version, occurredAt, now);
        entries.add(entry);
        if (ofEvent) {
            eventEntries.add(entry);
        }
    }

    /** A due lot whose remaining points active holds keep, and when they were due. */
    private record Kept(Lot lot, Instant due) {
    }
}
