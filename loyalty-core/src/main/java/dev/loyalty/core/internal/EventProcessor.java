package dev.loyalty.core.internal;

import dev.loyalty.core.InvalidInputException;
import dev.loyalty.core.LoyaltyException;
import dev.loyalty.core.PointsSummary;
import dev.loyalty.core.ProgramSettings;
import dev.loyalty.core.event.Enrolment;
import dev.loyalty.core.event.LoyaltyEvent;
import dev.loyalty.core.event.ProfileChange;
import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.model.Member;
import dev.loyalty.core.model.MemberSegment;
import dev.loyalty.core.model.Points;
import dev.loyalty.core.spi.Evaluation;
import dev.loyalty.core.spi.MemberChanges;
import dev.loyalty.core.spi.MemberView;
import dev.loyalty.core.spi.RuleContext;
import dev.loyalty.core.spi.RuleEngine;
import dev.loyalty.core.tier.MemberTier;
import dev.loyalty.core.tier.TierPolicy;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns one event into the member's changes: checks it, evaluates the rules, composes the
 * points and builds the ledger entries, lot and outcome. Pure given the member's state, so a
 * store may run it again after a lost race. Not public API.
 *
 * <p>The facade its callers use: it reads the tier ladder in force and retries under a swapped
 * one, and leaves the work to {@link EventChecks}, {@link EventWork}, {@link DailySweep} and
 * {@link TierRequests}.
 */
public final class EventProcessor {

    private final ProgramSettings program;
    private final RuleEngine rules;
    private final EventChecks checks;
    private final DailySweep sweeps;
    private final TierRequests tierRequests;
    private final EventWork eventWork;
    /** The last tier policy found to fit the program, so a policy is checked once, not per event. */
    private volatile TierPolicy checked;
    private final Runnable unguard;

    /**
     * Creates a processor.
     *
     * @param program the program settings
     * @param rules the rule engine
     * @param clock the clock for recording times and rejecting future events
     */
    public EventProcessor(ProgramSettings program, RuleEngine rules, Clock clock) {
        this.program = program;
        this.rules = rules;
        this.checks = new EventChecks(program, clock);
        this.sweeps = new DailySweep(program, rules, clock);
        this.tierRequests = new TierRequests(program, clock);
        this.eventWork = new EventWork(program, rules, clock, sweeps);
        // a rule engine that swaps its rules (a reload) refuses a set whose ladder does not fit this program; guarded
        // before the ladder in force is checked, so that no reload can slip in between the check and the guard
        this.unguard = rules.guardTierPolicy(policy -> policy.check(program));
        try {
            tiers();
        } catch (RuntimeException e) {
            unguard.run();
            throw e;
        }
    }

    /**
     * Returns the tier policy of the rules as they are now: read from the rule engine on every
     * event and sweep, so a reload that changes the ladder takes effect at once in the core too.
     * A policy not seen before is checked against the program first.
     *
     * @throws dev.loyalty.core.LoyaltyConfigurationException when the policy does not fit the program
     */
    private TierPolicy tiers() {
        TierPolicy policy = rules.tierPolicy().orElse(null);
        if (policy != null && policy != checked) {
            policy.check(program);
            checked = policy;
        }
        return policy;
    }

    /** Removes this processor's check from the rule engine; called when the engine is closed. */
    public void close() {
        unguard.run();
    }

    /**
     * Refuses an instant later than the engine's clock allows, the program's clock skew ahead:
     * an event's time, or the instant a sweep is asked for.
     *
     * @param at the instant
     * @param field the field path for the message
     * @throws InvalidInputException when the instant is further ahead of the clock than the skew
     */
    public void notInTheFuture(Instant at, String field) {
        checks.notInTheFuture(at, field);
    }

    /**
     * Checks what can be checked without the member's state: currency, limits, the clock, and
     * that the event is dated from {@link Checks#EARLIEST_INSTANT} to {@link Checks#LATEST_INSTANT}.
     *
     * @param event the event
     * @throws InvalidInputException when the event is unacceptable
     */
    public void validate(LoyaltyEvent event) {
        checks.validate(event);
    }

    /**
     * Computes the member's changes for one event: first what is due by the clock (pending
     * points released, lots and holds expired), then the event itself.
     *
     * @param view the member's state, locked by the store
     * @param event the event, already validated
     * @param fingerprint the event's payload hash
     * @return the changes to apply atomically
     */
    public MemberChanges process(MemberView view, LoyaltyEvent event, String fingerprint) {
        return process(view, event, fingerprint, null);
    }

    /**
     * Computes the member's changes for one event, reusing an evaluation made ahead of time when
     * its context is the one the member's current state gives (else evaluating afresh).
     *
     * @param view the member's state, locked by the store
     * @param event the event, already validated
     * @param fingerprint the event's payload hash
     * @param early an evaluation made before the member was locked, or null
     * @return the changes to apply atomically
     */
    public MemberChanges process(MemberView view, LoyaltyEvent event, String fingerprint, EarlyEvaluation early) {
        // an early evaluation made under another ladder than the one of a second try is not used (see below)
        return underOneLadder(tiers -> eventWork.process(view, event, fingerprint, early, tiers));
    }

    /**
     * Works out a member's changes under the ladder in force, and again under the new one when a
     * reload swapped the ladder meanwhile: the rules, read after the ladder, may have been the new
     * set's, which must not be reviewed by the old set's ladder. The work only reads the member's
     * view, so a second try starts from the same state.
     */
    private MemberChanges underOneLadder(Function<TierPolicy, MemberChanges> work) {
        TierPolicy tiers = tiers();
        while (true) {
            MemberChanges changes = work.apply(tiers);
            TierPolicy now = tiers();
            if (Objects.equals(now, tiers)) {
                return changes;
            }
            tiers = now;
        }
    }

    /**
     * Computes what is due for a member at an instant, without an event: pending points
     * released, lots and holds expired, offers expired, birthday and win-back offers issued.
     * This is the one place the sweep's time-based steps are composed. Applying the result
     * twice changes nothing the second time.
     *
     * @param view the member's state, locked by the store
     * @param asOf the instant to sweep at
     * @return the changes; empty when nothing is due, or the member is not enrolled or enrolled after {@code asOf}
     */
    public MemberChanges sweep(MemberView view, Instant asOf) {
        return underOneLadder(tiers -> sweeps.sweep(view, asOf, tiers));
    }

    /**
     * Answers what a member gets as of an instant, counting the reviews due by then as done.
     *
     * @param view the member's state, locked by the store
     * @param asOf the instant
     * @return the answer; without a tier policy, the member's tier with no benefits and no progress
     */
    public MemberTier memberTier(MemberView view, Instant asOf) {
        return tierRequests.memberTier(view, asOf, tiers());
    }

    /**
     * Sets a manual tier override (a status match, say) until a day, after the reviews due by the clock.
     *
     * @param view the member's state, locked by the store
     * @param tierCode the tier, on the program's ladder
     * @param until the first day the override no longer applies; after today
     * @param reason why, for the tier history
     * @return the changes
     * @throws InvalidInputException when the program has no tier policy, or the tier or date is not acceptable
     */
    public MemberChanges overrideTier(MemberView view, String tierCode, LocalDate until, String reason) {
        return tierRequests.overrideTier(view, tierCode, until, reason, tiers());
    }

    /**
     * Returns the tier policy the rules define.
     *
     * @return the policy, or null without one
     */
    public TierPolicy tierPolicy() {
        return tiers();
    }

    /**
     * Computes a member's points at a glance as of an instant, counting what is due then as done.
     *
     * @param view the member's state, locked by the store
     * @param asOf the instant
     * @return the summary
     */
    public PointsSummary summary(MemberView view, Instant asOf) {
        Member member = view.member().orElseThrow(() -> new IllegalStateException("summary of a member who is not enrolled"));
        MemberLedger ledger = new MemberLedger(view, member.id(), program, member.zoneOr(program.zone()), asOf);
        ledger.housekeep();
        return ledger.summary();
    }

    /**
     * An evaluation made before the member was locked, from a context read without the lock.
     *
     * @param context the context the rules saw
     * @param evaluation what they decided, or null when evaluating ahead failed
     * @param tiers the tier ladder in force while the rules evaluated (read before and after them,
     *              equal both times), or null without one; the evaluation is used only under that ladder
     */
    public record EarlyEvaluation(RuleContext context, Evaluation evaluation, TierPolicy tiers) {
    }

    /**
     * Returns the rule context an event would get from the member's state as read now, without
     * the member's lock, so that the rules of many events can be evaluated together first. The
     * guess is checked under the lock: when the member changed meanwhile, or time-based work
     * changes the balance first, the event is evaluated again.
     *
     * @param before the member as stored, if enrolled
     * @param balance the member's stored balance
     * @param event the event, already validated
     * @return the context, or null when the rules would not be asked or the event will fail anyway
     */
    public RuleContext earlyContext(Optional<Member> before, Points balance, LoyaltyEvent event) {
        return earlyContext(before, balance, event, null);
    }

    /**
     * Returns the rule context an event would get, as {@link #earlyContext(Optional, Points, LoyaltyEvent)}
     * does, with the member's stored segment as read now.
     *
     * @param before the member as stored, if enrolled
     * @param balance the member's stored balance
     * @param event the event, already validated
     * @param segment the member's stored segment, or null
     * @return the context, or null when the rules would not be asked or the event will fail anyway
     */
    public RuleContext earlyContext(Optional<Member> before, Points balance, LoyaltyEvent event, MemberSegment segment) {
        if (!(event instanceof Enrolment || event instanceof Purchase || event instanceof ProfileChange)) {
            return null;
        }
        Member after;
        try {
            after = eventWork.memberAfter(before.orElse(null), event);
        } catch (LoyaltyException e) {
            return null;
        }
        ZoneId zone = after.zoneOr(program.zone());
        return new RuleContext(after, balance, event, LocalDays.dateOf(event.occurredAt(), zone), zone, program,
                event instanceof Enrolment ? null : segment);
    }

    /**
     * Evaluates the rules of several independent events together.
     *
     * @param contexts the events' contexts, of different members
     * @return one evaluation per context, or null when the rules failed on any of them (each is then evaluated on its own)
     */
    public List<Evaluation> evaluateAll(List<RuleContext> contexts) {
        try {
            List<Evaluation> evaluations = rules.evaluateAll(contexts);
            if (evaluations == null || evaluations.size() != contexts.size()) {
                return null;
            }
            for (Evaluation evaluation : evaluations) {
                if (evaluation == null) {
                    return null;
                }
            }
            return evaluations;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Tells whether the rules can read members' balances, so that a batch evaluates several
     * events of one member together only when they cannot.
     *
     * @return true when some rule may read the balance
     */
    public boolean readsBalances() {
        return rules.usesBalance();
    }

    /**
     * Tells whether the rules can read members' segments, so that callers read them only then.
     *
     * @return true when some rule may match the segment
     */
    public boolean readsSegments() {
        return rules.usesSegments();
    }
}
