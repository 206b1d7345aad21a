package dev.loyalty.core;

import dev.loyalty.core.event.Enrolment;
import dev.loyalty.core.event.LoyaltyEvent;
import dev.loyalty.core.event.OfferRedemption;
import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.event.Return;
import dev.loyalty.core.internal.Checks;
import dev.loyalty.core.internal.EventProcessor;
import dev.loyalty.core.internal.Fingerprints;
import dev.loyalty.core.internal.ReferralWork;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.Offer;
import dev.loyalty.core.referral.ReferralStatus;
import dev.loyalty.core.spi.AppliedWork;
import dev.loyalty.core.spi.CampaignLimits;
import dev.loyalty.core.spi.Evaluation;
import dev.loyalty.core.spi.LoyaltyStore;
import dev.loyalty.core.spi.MemberChanges;
import dev.loyalty.core.spi.MemberSnapshot;
import dev.loyalty.core.spi.MemberView;
import dev.loyalty.core.spi.MemberWork;
import dev.loyalty.core.spi.RuleContext;
import dev.loyalty.core.spi.StoredEvent;
import dev.loyalty.core.tier.TierPolicy;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How {@link LoyaltyEngine} takes events in, one at a time or in batches: the replay of a known
 * event id, the checks, the rules evaluated early for a batch, the member's work under the
 * store's lock, the answer from what the store recorded, and what follows an event (referral
 * settlement, identity checks). The semantics are documented on {@link LoyaltyEngine#process}
 * and {@link LoyaltyEngine#processAll}.
 */
final class EventIntake {

    private static final Logger LOG = LoggerFactory.getLogger(LoyaltyEngine.class);

    private final LoyaltyStore store;
    private final EventProcessor processor;
    private final ReferralWork referrals;
    private final Clock clock;

    EventIntake(LoyaltyStore store, EventProcessor processor, ReferralWork referrals, Clock clock) {
        this.store = store;
        this.processor = processor;
        this.referrals = referrals;
        this.clock = clock;
    }

    /** Processes one event; see {@link LoyaltyEngine#process}. */
    Outcome process(LoyaltyEvent event) {
        Checks.notNull(event, "event");
        String fingerprint = Fingerprints.of(event);
        Optional<StoredEvent> earlier = store.findEvent(event.eventId());
        if (earlier.isPresent()) {
            // a replay answers with the recorded outcome even if limits or the clock have moved since
            return replay(earlier.get(), event, fingerprint);
        }
        processor.validate(event);
        if (event instanceof Return refund && refund.purchaseId() != null) {
            ReturnedPurchases.check(refund, store.findEvent(refund.purchaseId()));
        }
        checkOfferOwner(event);
        return apply(event, fingerprint, null).outcome();
    }

    /** Processes a batch of events; see {@link LoyaltyEngine#processAll}. */
    List<EventResult> processAll(List<? extends LoyaltyEvent> events) {
        Checks.notNull(events, "events");
        int count = events.size();
        EventResult[] results = new EventResult[count];
        ReturnedPurchases returns = ReturnedPurchases.of(events, results);
        if (!processor.readsBalances()) {
            for (List<Integer> batch : EventBatches.inOrder(events)) {
                processTogether(events, returns, batch, results, false);
            }
            return Arrays.asList(results);
        }
        List<List<Integer>> batches = EventBatches.independent(events, this::mayBeOpenReferee);
        boolean[] overtaking = EventBatches.overtaking(batches);
        for (int b = 0; b < batches.size(); b++) {
            if (!processTogether(events, returns, batches.get(b), results, overtaking[b])) {
                // the rules draw on a campaign budget, which all members share: the events left are applied in list order
                for (List<Integer> batch : EventBatches.inOrder(events, unanswered(results))) {
                    processTogether(events, returns, batch, results, false);
                }
                break;
            }
        }
        return Arrays.asList(results);
    }

    /** The indices of the events without a result yet, ascending. */
    private static List<Integer> unanswered(EventResult[] results) {
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < results.length; i++) {
            if (results[i] == null) {
                indices.add(i);
            }
        }
        return indices;
    }

    /**
     * Tells whether an event of a batch may draw on a campaign budget: its rules declare a campaign
     * with a budget (whether or not one of its decisions is of it: evaluated again under the lock, on
     * a balance that moved, the event may earn from it), or the rules were not asked early (they
     * failed, or were reloaded meanwhile).
     */
    private static boolean mayDrawOnBudget(List<Evaluation> evaluations, int asked) {
        if (evaluations == null) {
            return asked > 0;
        }
        Map<String, CampaignLimits> seen = null;
        for (Evaluation evaluation : evaluations) {
            // the evaluations of one rule set share its one map of limits: each map is looked through once
            if (evaluation.limits() == seen) {
                continue;
            }
            seen = evaluation.limits();
            for (CampaignLimits limits : seen.values()) {
                if (limits.budgeted()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Tells whether a member may be the referee of a referral still to settle, whose purchase or
     * return may then reward another member: a batch keeps such an event ahead of the events
     * listed after it. When the store cannot say, the answer is yes.
     */
    private boolean mayBeOpenReferee(MemberId member) {
        try {
            return store.findReferral(member)
                    .map(referral -> referral.status() == ReferralStatus.SIGNED_UP || referral.status() == ReferralStatus.QUALIFIED)
                    .orElse(false);
        } catch (LoyaltyException e) {
            return true;
        }
    }

    /** Refuses to redeem another member's offer before locking anyone; a member's own offers are checked under the lock. */
    private void checkOfferOwner(LoyaltyEvent event) {
        if (event instanceof OfferRedemption redemption) {
            Optional<Offer> offer = store.findOffer(redemption.offerCode());
            if (offer.isPresent() && !offer.get().memberId().equals(redemption.memberId())) {
                throw new OfferNotRedeemableException(OfferNotRedeemableException.Reason.OTHER_MEMBER, redemption.offerCode(),
                        "offer " + redemption.offerCode() + " was issued to another member, not to member " + redemption.memberId());
            }
        }
    }

    /**
     * Processes independent events: checks each, evaluates their rules together, then applies each.
     * A batch that overtakes an event listed before one of its own is not applied when one of its
     * events may draw on a campaign budget, which it would then draw on before the event it
     * overtakes: its events are left without a result, and false is returned.
     */
    private boolean processTogether(List<? extends LoyaltyEvent> events, ReturnedPurchases returns, List<Integer> batch,
                                    EventResult[] results, boolean overtakes) {
        String[] fingerprints = new String[batch.size()];
        boolean[] pending = new boolean[batch.size()];
        RuleContext[] contexts = checkAll(events, returns, batch, results, fingerprints, pending);
        List<RuleContext> toEvaluate = new ArrayList<>(batch.size());
        for (RuleContext context : contexts) {
            if (context != null) {
                toEvaluate.add(context);
            }
        }
        TierPolicy ladder = processor.tierPolicy();
        List<Evaluation> evaluations = toEvaluate.isEmpty() ? List.of() : processor.evaluateAll(toEvaluate);
        if (!Objects.equals(processor.tierPolicy(), ladder)) {
            // a reload while the rules evaluated: which set's ladder goes with the evaluations is unknown; each event is
            // evaluated again under its member's lock
            evaluations = null;
        }
        if (overtakes && mayDrawOnBudget(evaluations, toEvaluate.size())) {
            for (int i : batch) {
                results[i] = null;
            }
            return false;
        }
        EventProcessor.EarlyEvaluation[] earlies = new EventProcessor.EarlyEvaluation[batch.size()];
        int evaluated = 0;
        for (int k = 0; k < batch.size(); k++) {
            if (contexts[k] != null) {
                earlies[k] = new EventProcessor.EarlyEvaluation(contexts[k], evaluations == null ? null : evaluations.get(evaluated), ladder);
                evaluated++;
            }
        }
        // consecutive events go to the store together; a return and an enrolment, which the engine acts on before or
        // after the store, are applied on their own
        List<Integer> run = new ArrayList<>(batch.size());
        for (int k = 0; k < batch.size(); k++) {
            int i = batch.get(k);
            if (results[i] != null) {
                continue;
            }
            LoyaltyEvent event = events.get(i);
            if (!(event instanceof Return) && !(event instanceof Enrolment)) {
                run.add(k);
                continue;
            }
            applyRun(events, batch, run, fingerprints, earlies, results);
            run.clear();
            try {
                if (pending[k]) {
                    returns.checkDeferred((Return) event, i);
                }
                results[i] = apply(event, fingerprints[k], earlies[k]).of(event);
            } catch (LoyaltyException e) {
                results[i] = new EventResult(event, null, e);
            }
        }
        applyRun(events, batch, run, fingerprints, earlies, results);
        return true;
    }

    /**
     * Applies a run of checked events through {@link LoyaltyStore#applyAll}, which stops after an
     * event to follow up (a purchase that may settle its member's referral): that event is
     * followed up before the rest of the run goes to the store.
     */
    private void applyRun(List<? extends LoyaltyEvent> events, List<Integer> batch, List<Integer> run, String[] fingerprints,
                          EventProcessor.EarlyEvaluation[] earlies, EventResult[] results) {
        int from = 0;
        while (from < run.size()) {
            List<MemberWork> works = new ArrayList<>(run.size() - from);
            List<Work> produced = new ArrayList<>(run.size() - from);
            for (int r = from; r < run.size(); r++) {
                int k = run.get(r);
                LoyaltyEvent event = events.get(batch.get(k));
                Work work = new Work(event, fingerprints[k], earlies[k]);
                produced.add(work);
                works.add(new MemberWork(event.memberId(), work, work));
            }
            List<AppliedWork> applied = store.applyAll(works);
            if (applied.isEmpty() || applied.size() > works.size()) {
                throw new IllegalStateException("the store answered " + applied.size() + " results for " + works.size() + " works");
            }
            for (int a = 0; a < applied.size(); a++) {
                int k = run.get(from + a);
                int i = batch.get(k);
                LoyaltyEvent event = events.get(i);
                AppliedWork result = applied.get(a);
                try {
                    Answer answer = result.refusal() != null ? refused(event, fingerprints[k], result.refusal())
                            : answer(event, fingerprints[k], result.event(), produced.get(a).openReferral,
                            result.event() != produced.get(a).produced);
                    results[i] = answer.of(event);
                } catch (LoyaltyException e) {
                    results[i] = new EventResult(event, null, e);
                }
            }
            from += applied.size();
        }
    }

    /**
     * Checks a batch's events in order (replays answered, refusals recorded in {@code results}) and
     * returns the rule context of each event the rules can be asked about early, from its member's
     * stored state. The recorded events and the members' state are read for the whole batch, one
     * call of the store each ({@link BatchReads}), before any event of the batch is applied.
     */
    private RuleContext[] checkAll(List<? extends LoyaltyEvent> events, ReturnedPurchases returns, List<Integer> batch,
                                   EventResult[] results, String[] fingerprints, boolean[] pending) {
        BatchReads reads = BatchReads.lookUp(store, events, batch);
        // repeats and all: the store reads each member once (memberSnapshots takes any collection)
        List<MemberId> members = new ArrayList<>(batch.size());
        for (int k = 0; k < batch.size(); k++) {
            int i = batch.get(k);
            LoyaltyEvent event = events.get(i);
            try {
                if (event == null) {
                    throw new InvalidInputException("events[" + i + "]", "must not be null");
                }
                fingerprints[k] = Fingerprints.of(event);
                Optional<StoredEvent> earlier = reads.recorded(event.eventId());
                if (earlier.isPresent()) {
                    results[i] = new EventResult(event, replay(earlier.get(), event, fingerprints[k]), null, true);
                    continue;
                }
                processor.validate(event);
                if (event instanceof Return refund && refund.purchaseId() != null) {
                    // deferred when an event listed before it, in this batch, may record the id: checked once that is applied
                    pending[k] = !returns.checkOrDefer(refund, i, reads.recorded(refund.purchaseId()));
                }
                checkOfferOwner(event);
                members.add(event.memberId());
            } catch (LoyaltyException e) {
                results[i] = new EventResult(event, null, e);
            }
        }
        reads.readMembers(members, processor.readsSegments());
        RuleContext[] contexts = new RuleContext[batch.size()];
        for (int k = 0; k < batch.size(); k++) {
            int i = batch.get(k);
            if (results[i] == null) {
                LoyaltyEvent event = events.get(i);
                try {
                    MemberSnapshot member = reads.member(event.memberId());
                    contexts[k] = processor.earlyContext(member.memberIfEnrolled(), member.balance(), event, member.segment());
                } catch (LoyaltyException e) {
                    results[i] = new EventResult(event, null, e);
                }
            }
        }
        return contexts;
    }

    /** Applies a checked event under its member's lock and answers with the outcome now recorded under its id. */
    private Answer apply(LoyaltyEvent event, String fingerprint, EventProcessor.EarlyEvaluation early) {
        // read in the event's own transaction: only a referee with an open referral pays for settling after it
        Work work = new Work(event, fingerprint, early);
        if (event instanceof Return && refereeSignedUp(event.memberId())) {
            // a referral whose window closed before the return occurred qualifies first, but only for a return the store
            // accepts: a refused event changes nothing, so the return's work is tried first and rolled back
            try {
                store.apply(event.memberId(), view -> {
                    work.apply(view);
                    throw new AcceptedOnTrial();
                });
            } catch (AcceptedOnTrial accepted) {
                // the return would be stored: settle what fell due before it
            } catch (LoyaltyException e) {
                return refused(event, fingerprint, e);
            }
            // due by the return's time, written at the clock's: offers issued now are valid from now; a store failure stops the return
            Instant now = clock.instant();
            settleReferral(event.memberId(), event.occurredAt(), now.isAfter(event.occurredAt()) ? now : event.occurredAt(), false);
        }
        StoredEvent stored;
        try {
            stored = store.apply(event.memberId(), work);
        } catch (LoyaltyException e) {
            return refused(event, fingerprint, e);
        }
        // the store answers with the event this work made when it recorded it, else with the one recorded before
        return answer(event, fingerprint, stored, work.openReferral, stored != work.produced);
    }

    /** Tells whether a member is the referee of a referral not yet qualified, which a return may settle first. */
    private boolean refereeSignedUp(MemberId member) {
        return store.findReferral(member).map(referral -> referral.status() == ReferralStatus.SIGNED_UP).orElse(false);
    }

    /** Thrown by a return's trial work once it succeeded, so that the store rolls it back and writes nothing. */
    private static final class AcceptedOnTrial extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AcceptedOnTrial() {
            super("trial only", null, false, false);
        }
    }

    /**
     * The work an event does under its member's lock; it tells whether the member's referral is open after a purchase or
     * return (its {@link MemberWork#followUp}), and keeps the event it made last, which the store answers with when it
     * recorded that one. Plain fields, not atomics: the work runs on the caller's thread, or on one the store hands it to
     * and back from (which orders the writes before the reads); a volatile write per event cost a memory fence each.
     */
    private final class Work implements Function<MemberView, MemberChanges>, BooleanSupplier {
        private final LoyaltyEvent event;
        private final String fingerprint;
        private final EventProcessor.EarlyEvaluation early;
        private final UnaryOperator<MemberChanges> signUp;
        /** Whether the member's referral is open after the work's last run. */
        private boolean openReferral;
        /** The event the work's last run made. */
        private StoredEvent produced;

        Work(LoyaltyEvent event, String fingerprint, EventProcessor.EarlyEvaluation early) {
            this.event = event;
            this.fingerprint = fingerprint;
            this.early = early;
            this.signUp = event instanceof Enrolment enrolment ? referrals.signUp(enrolment) : null;
        }

        @Override
        public MemberChanges apply(MemberView view) {
            MemberChanges changes = processor.process(view, event, fingerprint, early);
            openReferral = (event instanceof Purchase || event instanceof Return) && ReferralWork.isOpen(view);
            if (signUp != null) {
                changes = signUp.apply(changes);
            }
            produced = changes.event();
            return changes;
        }

        @Override
        public boolean getAsBoolean() {
            return openReferral;
        }
    }

    /**
     * Answers an event the store refused: a concurrent call may have recorded this event id first, so the answer is
     * that event as a replay (or a conflict), not the error the already-changed state causes, such as "already enrolled".
     * A refused offer redemption is checked against the offer's owner again: the offer may have been issued to another
     * member since the check before the lock (by an earlier event of a batch settling a referral), which
     * {@link #process} would have refused as such.
     */
    private Answer refused(LoyaltyEvent event, String fingerprint, LoyaltyException refusal) {
        Optional<StoredEvent> winner = store.findEvent(event.eventId());
        if (winner.isPresent()) {
            return new Answer(replay(winner.get(), event, fingerprint), true);
        }
        checkOfferOwner(event);
        throw refusal;
    }

    /** Answers with the outcome recorded under the event's id, then does what follows the event: identity checks, referral settlement. */
    private Answer answer(LoyaltyEvent event, String fingerprint, StoredEvent stored, boolean openReferral, boolean replayed) {
        Outcome outcome = replay(stored, event, fingerprint);
        if (event instanceof Enrolment enrolment && !enrolment.identity().isEmpty()) {
            // with a code or without: a plain enrolment may be the earlier member a racing sign-up's guard missed
            rejectSharedIdentity(enrolment.memberId());
        }
        if (openReferral) {
            settleReferral(event.memberId(), clock.instant(), true);
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug(outcome.explanation().toText());
        }
        return new Answer(outcome, replayed);
    }

    /**
     * Settles a referee's referral. A rule failure is logged and left to the next event or sweep,
     * which retry it; so is a store failure when {@code quiet}, else it is thrown.
     */
    void settleReferral(MemberId referee, Instant asOf, boolean quiet) {
        settleReferral(referee, asOf, asOf, quiet);
    }

    /** Settles a referee's referral due by one instant as of another, as {@link #settleReferral(MemberId, Instant, boolean)} does. */
    private void settleReferral(MemberId referee, Instant dueBy, Instant asOf, boolean quiet) {
        try {
            referrals.settle(referee, dueBy, asOf);
        } catch (StoreException e) {
            if (!quiet) {
                throw e;
            }
            LOG.warn("could not settle the referral of member {}; the next sweep retries: {}", referee, e.toString());
        } catch (RuntimeException e) {
            LOG.warn("could not settle the referral of member {}; the next sweep retries: {}", referee, e.toString());
        }
    }

    /**
     * Rejects the referrals of sign-ups that raced past the guards beside an earlier member sharing
     * an identity fingerprint, with a referral code or without ({@link ReferralWork#rejectSharedIdentity}).
     * A failure is logged: settling a referral runs the same check again before it qualifies.
     */
    private void rejectSharedIdentity(MemberId member) {
        try {
            referrals.rejectSharedIdentity(member);
        } catch (RuntimeException e) {
            LOG.warn("could not check member {} against the members sharing its identity; settling a referral checks again: {}",
                    member, e.toString());
        }
    }

    /** Answers with a recorded outcome when the payload matches, else refuses the reused event id. */
    private static Outcome replay(StoredEvent stored, LoyaltyEvent event, String fingerprint) {
        if (!stored.fingerprint().equals(fingerprint)) {
            String was = stored.memberId().equals(event.memberId()) ? "" : " of member " + stored.memberId();
            throw new EventConflictException(event.eventId(), "first processed as a " + stored.outcome().eventKind() + was
                    + ", now received as a " + event.kind() + " of member " + event.memberId() + " with other details");
        }
        return stored.outcome();
    }

    /** An event's outcome, and whether it is the one recorded for its id before (a replay). */
    private record Answer(Outcome outcome, boolean replayed) {

        EventResult of(LoyaltyEvent event) {
            return new EventResult(event, outcome, null, replayed);
        }
    }
}
