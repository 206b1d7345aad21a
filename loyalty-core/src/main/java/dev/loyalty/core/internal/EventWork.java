package dev.loyalty.core.internal;

import dev.loyalty.core.Explanation;
import dev.loyalty.core.InvalidInputException;
import dev.loyalty.core.LoyaltyException;
import dev.loyalty.core.MemberAlreadyEnrolledException;
import dev.loyalty.core.MemberNotActiveException;
import dev.loyalty.core.Outcome;
import dev.loyalty.core.ProgramSettings;
import dev.loyalty.core.UnknownMemberException;
import dev.loyalty.core.event.Enrolment;
import dev.loyalty.core.event.HoldCapture;
import dev.loyalty.core.event.LoyaltyEvent;
import dev.loyalty.core.event.OfferRedemption;
import dev.loyalty.core.event.PointsHold;
import dev.loyalty.core.event.ProfileChange;
import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.event.Redemption;
import dev.loyalty.core.event.Return;
import dev.loyalty.core.model.EntryType;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.LedgerEntry;
import dev.loyalty.core.model.Lot;
import dev.loyalty.core.model.Member;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.MemberSegment;
import dev.loyalty.core.model.MemberStatus;
import dev.loyalty.core.model.Points;
import dev.loyalty.core.spi.CampaignDraw;
import dev.loyalty.core.spi.Evaluation;
import dev.loyalty.core.spi.MemberChanges;
import dev.loyalty.core.spi.MemberView;
import dev.loyalty.core.spi.ReadAhead;
import dev.loyalty.core.spi.RuleContext;
import dev.loyalty.core.spi.RuleEngine;
import dev.loyalty.core.spi.StoredEvent;
import dev.loyalty.core.tier.Qualifying;
import dev.loyalty.core.tier.TierPolicy;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The work of one event under the member's lock, for {@link EventProcessor}: the member the
 * event leaves, the reviews due by its date, the rules (reusing an early evaluation when its
 * context still holds), the points composed and credited, the tier's qualifying amounts, and the
 * ledger entries, outcome and explanation. Pure given the member's state and the ladder passed in.
 */
final class EventWork {

    private final ProgramSettings program;
    private final RuleEngine rules;
    private final Clock clock;
    private final DailySweep sweeps;

    /**
     * Creates the event work.
     *
     * @param program the program settings
     * @param rules the rule engine
     * @param clock the clock for recording times and pending windows
     * @param sweeps the sweep, for the day tracking of a member without tier state begins
     */
    EventWork(ProgramSettings program, RuleEngine rules, Clock clock, DailySweep sweeps) {
        this.program = program;
        this.rules = rules;
        this.clock = clock;
        this.sweeps = sweeps;
    }

    /**
     * Computes the member's changes for one event under one tier ladder, as
     * {@link EventProcessor#process(MemberView, LoyaltyEvent, String, EventProcessor.EarlyEvaluation)} describes.
     *
     * @param view the member's state, locked by the store
     * @param event the event, already validated
     * @param fingerprint the event's payload hash
     * @param early an evaluation made before the member was locked, or null
     * @param tiers the tier ladder in force, or null without one
     * @return the changes to apply atomically
     */
    MemberChanges process(MemberView view, LoyaltyEvent event, String fingerprint, EventProcessor.EarlyEvaluation early, TierPolicy tiers) {
        Member before = view.member().orElse(null);
        Member after = memberAfter(before, event);
        ZoneId zone = after.zoneOr(program.zone());
        LocalDate date = LocalDays.dateOf(event.occurredAt(), zone);
        if (before != null) {
            Member member = after;
            view.readAhead(() -> readAhead(tiers, member, zone, date, event));
        }
        // the stored member's id, not the event's: what the store keeps of the event (outcome, entries, lot) then shares
        // one id object per member instead of holding the one each parsed request brought
        MemberId memberId = after.id();
        MemberLedger ledger = new MemberLedger(view, memberId, program, zone, clock.instant());
        ledger.housekeep();
        List<Explanation.Step> steps = new ArrayList<>(ledger.housekeepingSteps());
        TierKeeper keeper = null;
        if (tiers != null) {
            // reviews due by the event's date come first, so the rules see the tier the member has on that day
            keeper = new TierKeeper(tiers, program, view, after, zone, event instanceof Enrolment ? date : sweeps.trackedFrom(view, date, zone),
                    event instanceof Enrolment);
            keeper.advance(date);
            after = keeper.member(after);
            steps.addAll(keeper.drainSteps());
        }
        Supplier<List<Explanation.Step>> composed = List::of;
        List<Explanation.Step> afterRules = new ArrayList<>(1);
        long balanceBefore = ledger.balance();
        String version = Outcome.NO_RULES;
        List<CampaignDraw> draws = List.of();
        if (event instanceof Enrolment || event instanceof Purchase || event instanceof ProfileChange) {
            boolean segmentRead = readsSegmentFor(event);
            MemberSegment read = segmentRead ? view.segment().orElse(null) : null;
            // compared field by field: the context is made only when the rules must evaluate again
            Evaluation evaluation = early != null && early.evaluation() != null && Objects.equals(early.tiers(), tiers)
                    && sameContext(early.context(), after, balanceBefore, event, date, zone, read, early.evaluation())
                    ? early.evaluation() : evaluate(new RuleContext(after, Points.of(balanceBefore), event, date, zone, program, read));
            if (!segmentRead && readsSegmentFor(event)) {
                // a reload swapped in rules that match segments after the segment was skipped: the set that evaluated the
                // event may be the new one, which must see the member's segment; evaluated again with it
                MemberSegment segment = view.segment().orElse(null);
                if (segment != null) {
                    evaluation = evaluate(new RuleContext(after, Points.of(balanceBefore), event, date, zone, program, segment));
                }
            }
            version = evaluation.ruleSetVersion();
            ledger.ruleSetVersion(version);
            LongSupplier earnedToday =
                    () -> view.pointsEarnedBetween(LocalDays.startOf(date, zone), LocalDays.startOf(date.plusDays(1), zone));
            PointsComposer.Composition composition = PointsComposer.compose(event, evaluation.decisions(), program.pointsRounding(),
                    earnedToday, program.currency().getCurrencyCode());
            if (!evaluation.limits().isEmpty()) {
                CampaignGuards.Guarded guarded = CampaignGuards.apply(evaluation.decisions(), evaluation.limits(), composition,
                        kept -> PointsComposer.compose(event, kept, program.pointsRounding(), earnedToday, program.currency().getCurrencyCode()),
                        view);
                composition = guarded.composition();
                draws = guarded.draws();
            }
            composed = composition.stepSource();
            if (event instanceof Enrolment) {
                // joining starts the inactivity clock, so points of a member who never buys can still expire
                ledger.account(ledger.account().activeAt(event.occurredAt()));
            }
            if (after.birthday() != null && (before == null || !after.birthday().equals(before.birthday()))) {
                // a birthday given or changed shortly before it does not trigger that year's offers
                ledger.offerBook(ledger.offerBook().birthdaySetAt(event.occurredAt()));
            }
            if (before != null && !zone.equals(before.zoneOr(program.zone()))) {
                // a move east across midnight can make the daily sweep skip a local date: kept so that a birthday on it still counts;
                // dated when sweeps start to see the new zone, now, not when the change occurred (it may arrive late)
                LocalDate left = LocalDays.dateOf(ledger.now(), before.zoneOr(program.zone()));
                LocalDate taken = LocalDays.dateOf(ledger.now(), zone);
                if (taken.isAfter(left)) {
                    ledger.offerBook(ledger.offerBook().zoneMoved(left, taken));
                }
            }
            // a purchase's total is summed once here, for its lot and its qualifying spend
            BigDecimal spent = event instanceof Purchase purchase ? purchase.total().amount() : null;
            long credited = credit(ledger, event, composition, zone, afterRules, spent);
            if (keeper != null && spent != null) {
                // the purchase's lot, a multiplier offer's extra points included: a return claws back in proportion of those
                keeper.purchase(date, event.occurredAt(), event.eventId(), new Qualifying(spent, credited, 1));
                after = keeper.member(after);
                afterRules.addAll(keeper.drainSteps());
            }
        } else if (event instanceof OfferRedemption redemption) {
            OfferWork.redeem(ledger, redemption, program, zone, steps);
        } else {
            Lot returnedLot = keeper != null && event instanceof Return refund && refund.purchaseId() != null
                    ? ledger.lot(refund.purchaseId().value()) : null;
            Lifecycle.apply(ledger, event, program, steps);
            if (keeper != null && event instanceof Return refund) {
                returned(keeper, ledger, refund, returnedLot, date);
            }
        }

        long change = 0;
        for (LedgerEntry entry : ledger.eventEntries()) {
            change = Points.add(change, entry.points().value());
        }
        // the summary keeps the balance as a long: a Points past the shared small values would be one more object kept
        long balanceAfter = ledger.balance();
        Points balance = Points.of(balanceAfter);
        long net = change;
        Supplier<List<Explanation.Step>> rules = composed;
        // the explanation keeps only what its text needs, not the event
        String kind = event.kind();
        EventId eventId = event.eventId();
        // the outcome is kept for replays: empty lists are not kept with it, nor a wrapper around the rules' steps alone
        List<Explanation.Step> first = steps.isEmpty() ? List.of() : steps;
        List<Explanation.Step> last = afterRules.isEmpty() ? List.of() : afterRules;
        Supplier<List<Explanation.Step>> all = first.isEmpty() && last.isEmpty() ? rules : () -> {
            List<Explanation.Step> written = new ArrayList<>(first);
            written.addAll(rules.get());
            written.addAll(last);
            return written;
        };
        Explanation explanation = Explanation.lazy(new EventSummary(kind, eventId, memberId, date, net, balanceAfter), all);
        Outcome outcome = new Outcome(event.eventId(), memberId, event.kind(), Points.of(change), balance, ledger.eventEntries(),
                explanation, version);
        MemberChanges changes = ledger.changes(after.equals(before) ? null : after,
                new StoredEvent(event.eventId(), memberId, fingerprint, outcome), keeper == null ? null : keeper.update());
        return draws.isEmpty() ? changes : changes.withDraws(draws);
    }

    /**
     * What processing an event of an enrolled member reads from the view: for a purchase, the
     * qualifying window that decides a promotion; for the events the rules can cap, the points
     * earned on the event's day; the segment when a rule can match it.
     */
    private ReadAhead readAhead(TierPolicy tiers, Member member, ZoneId zone, LocalDate date, LoyaltyEvent event) {
        boolean ruled = event instanceof Purchase || event instanceof ProfileChange;
        if (!ruled) {
            return ReadAhead.NOTHING;
        }
        LocalDate windowStart = tiers != null && event instanceof Purchase
                ? TierKeeper.windowStart(tiers, member, zone, date) : null;
        return new ReadAhead(windowStart, windowStart == null ? null : date, LocalDays.startOf(date, zone),
                LocalDays.startOf(date.plusDays(1), zone), rules.usesSegments());
    }

    /**
     * Takes a return's amounts off the qualifying totals: of its purchase's day (no further than the days it can have been
     * counted on count) when linked, else of the return's day.
     */
    private static void returned(TierKeeper keeper, MemberLedger ledger, Return refund, Lot before, LocalDate date) {
        if (before != null && before.sourceAmount() != null) {
            Lot after = ledger.lot(before.id());
            BigDecimal source = before.sourceAmount();
            BigDecimal spend = after.returnedAmount().min(source).subtract(before.returnedAmount().min(source));
            long points = after.clawedBack() - before.clawedBack();
            // returned in full by this return: a purchase of free items (a total of zero) by the first return of it
            boolean whole = !returnedInFull(before.returnedAmount(), source) && returnedInFull(after.returnedAmount(), source);
            keeper.takeOff(before.earnedAt(), new Qualifying(spend.negate(), -points, whole ? -1 : 0));
            return;
        }
        long taken = 0;
        for (LedgerEntry entry : ledger.eventEntries()) {
            taken = Points.add(taken, entry.points().value());
        }
        keeper.add(date, new Qualifying(refund.amount().amount().negate(), taken, 0));
    }

    /** Whether returns of so much in all return the whole of a purchase of the given total: something returned, and no less than it. */
    private static boolean returnedInFull(BigDecimal returned, BigDecimal source) {
        return returned.signum() > 0 && returned.compareTo(source) >= 0;
    }

    /** Credits an event's points (a purchase's with its armed multiplier offer) as one lot; returns the points credited. */
    private long credit(MemberLedger ledger, LoyaltyEvent event, PointsComposer.Composition composition, ZoneId zone,
                        List<Explanation.Step> steps, BigDecimal spent) {
        Purchase purchase = event instanceof Purchase p ? p : null;
        long total = composition.total();
        List<PointsComposer.Award> awards = composition.awards();
        if (purchase != null) {
            PointsComposer.Award offer = OfferWork.purchase(ledger, purchase.occurredAt(), total, program.pointsRounding(), steps);
            if (offer != null) {
                awards = new ArrayList<>(awards);
                awards.add(offer);
                total = Points.add(total, offer.points());
            }
        }
        if (total == 0 && purchase == null) {
            return 0;
        }
        Instant pendingUntil = null;
        int window = program.points().returnWindowDays();
        if (purchase != null && window > 0) {
            Instant until = event.occurredAt().atZone(zone).plusDays(window).toInstant();
            pendingUntil = until.isAfter(clock.instant()) ? until : null;
        }
        Lot lot = Lot.earned(event.eventId(), ledger.memberId(), event.occurredAt(), pendingUntil,
                program.points().expiry().lotExpiry(event.occurredAt(), zone), total,
                spent);
        ledger.credit(lot, pendingUntil != null ? EntryType.PENDING : EntryType.EARN, awards, event.occurredAt(), steps);
        if (purchase != null) {
            ledger.account(ledger.account().activeAt(event.occurredAt()));
        }
        return total;
    }

    /**
     * Returns the member as the event leaves them before any points: enrolled by an enrolment, with the new profile after a
     * profile change, else as stored; refuses an event the member's state does not allow.
     *
     * @param before the member as stored, or null when not enrolled
     * @param event the event, already validated
     * @return the member after the event
     * @throws LoyaltyException when the member is enrolled already, unknown, not active, or the event precedes the enrolment
     */
    Member memberAfter(Member before, LoyaltyEvent event) {
        if (event instanceof Enrolment enrolment) {
            if (before != null) {
                throw new MemberAlreadyEnrolledException(enrolment.memberId());
            }
            String tier = enrolment.tierCode() != null ? enrolment.tierCode() : program.entryTier().code();
            return new Member(enrolment.memberId(), enrolment.occurredAt(), tier, MemberStatus.ACTIVE, enrolment.birthday(), enrolment.zone());
        }
        if (before == null) {
            throw new UnknownMemberException(event.memberId());
        }
        if (event.occurredAt().isBefore(before.enrolledAt())) {
            throw new InvalidInputException(event.kind() + ".occurredAt", event.occurredAt() + " precedes the enrolment of member "
                    + before.id() + " at " + before.enrolledAt());
        }
        if (event instanceof ProfileChange change) {
            return before.withProfile(change.birthday(), change.zone(), change.status());
        }
        boolean spendsOrEarns = event instanceof Purchase || event instanceof Redemption || event instanceof PointsHold
                || event instanceof HoldCapture || event instanceof OfferRedemption;
        if (spendsOrEarns && before.status() != MemberStatus.ACTIVE) {
            throw new MemberNotActiveException(before.id(), before.status());
        }
        return before;
    }

    /**
     * Tells whether an evaluation made from an earlier context holds for the context now: the same
     * event, member, date, zone, program and segment, and the same balance unless the rules that
     * made it cannot read the balance.
     */
    private boolean sameContext(RuleContext early, Member member, long balance, LoyaltyEvent event, LocalDate date, ZoneId zone,
                                MemberSegment segment, Evaluation evaluation) {
        return early.event() == event && early.member().equals(member)
                && (!evaluation.readsBalance() || early.balance().value() == balance)
                && early.date().equals(date) && early.zone().equals(zone) && early.program() == program
                && Objects.equals(early.segment(), segment);
    }

    /**
     * Tells whether the rules get the member's stored segment for an event: read from the view
     * (cheap: no scoring on the event path), none at enrolment, and not read at all when no rule
     * can match it.
     */
    private boolean readsSegmentFor(LoyaltyEvent event) {
        return !(event instanceof Enrolment) && rules.usesSegments();
    }

    private Evaluation evaluate(RuleContext context) {
        EventId id = context.event().eventId();
        return RuleCalls.evaluated(() -> rules.evaluate(context), "event " + id, "on event " + id);
    }
}
