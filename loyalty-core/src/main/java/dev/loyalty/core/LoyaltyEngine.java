package dev.loyalty.core;

import dev.loyalty.core.event.Enrolment;
import dev.loyalty.core.event.LoyaltyEvent;
import dev.loyalty.core.event.OfferRedemption;
import dev.loyalty.core.internal.Checks;
import dev.loyalty.core.internal.EventProcessor;
import dev.loyalty.core.model.CampaignBudget;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.Hold;
import dev.loyalty.core.model.LedgerEntry;
import dev.loyalty.core.model.Lot;
import dev.loyalty.core.model.Member;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.Offer;
import dev.loyalty.core.model.Points;
import dev.loyalty.core.spi.LoyaltyStore;
import dev.loyalty.core.spi.MemberChanges;
import dev.loyalty.core.spi.RuleEngine;
import dev.loyalty.core.spi.RuleEngineProvider;
import dev.loyalty.core.spi.SweepCheckpoint;
import dev.loyalty.core.store.InMemoryStore;
import java.time.Clock;
import dev.loyalty.core.tier.MemberTier;
import dev.loyalty.core.tier.TierChange;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import dev.loyalty.core.internal.ReferralWork;
import dev.loyalty.core.referral.Referral;
import dev.loyalty.core.referral.ReferralPolicy;
import dev.loyalty.core.referral.ReferralStats;
import dev.loyalty.core.referral.ReferralStatus;

/**
 * The library's facade: processes loyalty events and answers questions about members.
 *
 * <pre>{@code
 * try (LoyaltyEngine engine = LoyaltyEngine.builder()
 *         .program(ProgramSettings.builder().currency("GBP").zone("Europe/London").build())
 *         .build()) {
 *     engine.process(Enrolment.of(EventId.of("enrol-42"), MemberId.of("42"), now));
 *     Outcome outcome = engine.process(purchase);
 *     System.out.println(outcome.explanation().toText());
 * }
 * }</pre>
 *
 * <p>{@link #process(LoyaltyEvent)} is idempotent by event id and thread-safe; events of one
 * member are applied one at a time, events of different members in parallel. When it throws,
 * nothing of the event was stored.
 */
public final class LoyaltyEngine implements AutoCloseable {

    private final ProgramSettings program;
    private final LoyaltyStore store;
    private final RuleEngine rules;
    private final boolean ownsRules;
    private final EventProcessor processor;
    private final Clock clock;
    private final ReferralWork referrals;
    private final EventIntake intake;

    private LoyaltyEngine(Builder builder, LoyaltyStore store, RuleEngine rules, boolean ownsRules) {
        this.program = builder.program;
        this.store = store;
        this.rules = rules;
        this.ownsRules = ownsRules;
        this.clock = builder.clock;
        this.processor = new EventProcessor(program, rules, builder.clock);
        this.referrals = new ReferralWork(store, program, rules, builder.referralPolicy);
        this.intake = new EventIntake(store, processor, referrals, clock);
    }

    /**
     * Starts configuring an engine.
     *
     * @return a builder; only the program settings are required
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Processes one event: evaluates the campaign rules, writes the ledger entries and returns
     * what happened. Processing an event id again with the same payload writes nothing and
     * returns the original outcome.
     *
     * @param event the event
     * @return the outcome
     * @throws InvalidInputException when the event is malformed or outside the program's limits, or is
     *         a return naming as its purchase another member's event or an event of its member that is
     *         not a purchase ({@link dev.loyalty.core.event.Return})
     * @throws UnknownMemberException when the member is not enrolled
     * @throws EventConflictException when the event id was already used with another payload
     * @throws RuleEvaluationException when a rule fails
     */
    public Outcome process(LoyaltyEvent event) {
        return intake.process(event);
    }

    /**
     * Redeems an offer for the point of sale: processes the {@link OfferRedemption} like
     * {@link #process(LoyaltyEvent)} (idempotent by event id) and returns the offer with the
     * outcome, so the point of sale knows what to give.
     *
     * @param redemption the redemption
     * @return the outcome and the offer as redeemed
     * @throws OfferNotRedeemableException when the offer is unknown, another member's, used or expired
     */
    public RedeemedOffer redeemOffer(OfferRedemption redemption) {
        Outcome outcome = process(redemption);
        Offer offer = store.findOffer(redemption.offerCode())
                .orElseThrow(() -> new IllegalStateException("offer " + redemption.offerCode() + " vanished after its redemption"));
        return new RedeemedOffer(outcome, offer);
    }

    /**
     * Returns a member's offers.
     *
     * @param memberId the member id
     * @return the offers in the order they were issued, whatever their status
     * @throws UnknownMemberException when the member is not enrolled
     */
    public List<Offer> offers(MemberId memberId) {
        requireMember(memberId);
        return store.offers(memberId);
    }

    /**
     * Processes a batch of events, with the same results as calling {@link #process(LoyaltyEvent)}
     * for each in list order, but evaluating the rules of many events at once where the rule
     * engine can ({@link RuleEngine#evaluateAll(List)}; the Drools engine fires once for
     * hundreds of events when every rule is a single pattern).
     *
     * <p>Semantics:
     * <ul>
     *   <li>Each event is still idempotent by id and atomic: a refused event stores nothing, and its
     *       {@link LoyaltyException} is returned in its {@link EventResult} instead of thrown, so
     *       one bad event does not stop the others.</li>
     *   <li>Events of one member, and events sharing an event id, are applied in list order, each
     *       seeing the state the earlier ones left (balance, daily cap, tier); a return is applied
     *       after the events listed before it under the purchase id it names, which tell whether it
     *       names another member's event or one that is not a purchase. So are, relative to
     *       every other event of the list, the events that may change another member: a purchase or
     *       return of a referee whose referral is still open (settling it rewards the referrer) and an
     *       enrolment with a referral code or identity fingerprints. When the rules can
     *       read the balance ({@link RuleEngine#usesBalance()}), only events of different members
     *       are evaluated together; when they cannot (the default pack), up to 1,024 consecutive
     *       events are, several of one member among them, since an earlier event's points cannot
     *       change what the rules decide for a later one. A campaign budget, which all members
     *       share, is drawn in list order: rules that read the balance and declare a budget have
     *       the events from the first batch that would overtake an earlier-listed one applied in
     *       list order, as for rules that cannot read it.</li>
     *   <li>Rules are evaluated before the member is locked, from the member's stored state; under
     *       the lock the engine checks that state is still what the rules saw (and that nothing
     *       fell due by the clock) and evaluates again when it is not, so a concurrent
     *       {@link #process(LoyaltyEvent)} on the same member stays correct. The events recorded
     *       under the ids of each batch of events evaluated together and under the purchase ids its
     *       returns name, and the members' stored state, are read with one call of the store each
     *       ({@link LoyaltyStore#findEvents}, {@link LoyaltyStore#memberSnapshots}), before any of
     *       them is applied.</li>
     *   <li>Then the events go to the store in runs ({@link LoyaltyStore#applyAll}), which the JDBC
     *       store applies in one transaction each, committing once per run instead of once per
     *       event. A run ends before a return or an enrolment (applied on their own: the engine
     *       settles a referral before a return and checks an enrolment's identity after it) and
     *       after a purchase whose member has an open referral, settled before the next event is
     *       applied.</li>
     *   <li>Each result says whether its event id was already recorded ({@link EventResult#replayed()}):
     *       by an earlier call, an earlier event of the list, or a call racing this one; of calls
     *       racing with one new event, exactly one answers that it recorded it.</li>
     *   <li>The batch as a whole is not atomic: a {@link LoyaltyException}, a {@link StoreException}
     *       included, refuses only its event, and the others go on; any other error (a rule
     *       engine or store bug, say) is thrown, and the events before it stay applied.</li>
     * </ul>
     *
     * @param events the events; null elements are refused with an {@link InvalidInputException}
     * @return one result per event, in the same order
     * @throws InvalidInputException when the list itself is null
     */
    public List<EventResult> processAll(List<? extends LoyaltyEvent> events) {
        return intake.processAll(events);
    }

    /**
     * Looks up a member.
     *
     * @param memberId the member id
     * @return the member, if enrolled
     */
    public Optional<Member> member(MemberId memberId) {
        return store.findMember(Checks.notNull(memberId, "memberId"));
    }

    /**
     * Returns a member's points balance.
     *
     * @param memberId the member id
     * @return the balance, the sum of the member's ledger entries
     * @throws UnknownMemberException when the member is not enrolled
     */
    public Points balance(MemberId memberId) {
        requireMember(memberId);
        return store.balance(memberId);
    }

    /**
     * Returns a member's ledger.
     *
     * @param memberId the member id
     * @return the entries in sequence order
     * @throws UnknownMemberException when the member is not enrolled
     */
    public List<LedgerEntry> ledger(MemberId memberId) {
        requireMember(memberId);
        return store.ledger(memberId);
    }

    /**
     * Returns a member's points lots.
     *
     * @param memberId the member id
     * @return the lots in the order they were earned
     * @throws UnknownMemberException when the member is not enrolled
     */
    public List<Lot> lots(MemberId memberId) {
        requireMember(memberId);
        return store.lots(memberId);
    }

    /**
     * Returns a member's points at a glance: balance, spendable, pending, held and debt, as of
     * the engine's clock (points due for release or expiry count as such even before a sweep).
     *
     * @param memberId the member id
     * @return the summary
     * @throws UnknownMemberException when the member is not enrolled
     */
    public PointsSummary summary(MemberId memberId) {
        requireMember(memberId);
        return summaryOf(memberId);
    }

    /**
     * Returns a member's statement: the ledger with running balance, lots, holds and summary, all
     * as they stood at one moment, even while the member's events are being processed.
     *
     * @param memberId the member id
     * @return the statement
     * @throws UnknownMemberException when the member is not enrolled
     */
    public Statement statement(MemberId memberId) {
        requireMember(memberId);
        StatementMoment[] moment = new StatementMoment[1];
        // the member, lots, holds and summary are read together under the member's lock, so that no event falls between them
        store.apply(memberId, view -> {
            moment[0] = new StatementMoment(view.member().orElseThrow(() -> new UnknownMemberException(memberId)), view.lots(), view.holds(),
                    processor.summary(view, clock.instant()), view.lastSequence());
            return new MemberChanges(null, null, List.of(), List.of());
        });
        // the ledger is append-only: its entries up to the last sequence seen under the lock are the ledger as it stood then
        List<Statement.Line> lines = new ArrayList<>();
        long running = 0;
        for (LedgerEntry entry : store.ledger(memberId)) {
            if (entry.sequence() > moment[0].lastSequence()) {
                break;
            }
            running = Points.add(running, entry.points().value());
            lines.add(new Statement.Line(entry, running));
        }
        return new Statement(moment[0].member(), lines, moment[0].lots(), moment[0].holds(), moment[0].summary());
    }

    /** What a statement reads of a member under the member's lock, with the last ledger sequence it stood at then. */
    private record StatementMoment(Member member, List<Lot> lots, List<Hold> holds, PointsSummary summary, long lastSequence) {
    }

    /**
     * Returns a member's holds.
     *
     * @param memberId the member id
     * @return the holds in the order they were placed, whatever their status
     * @throws UnknownMemberException when the member is not enrolled
     */
    public List<Hold> holds(MemberId memberId) {
        requireMember(memberId);
        return store.holds(memberId);
    }

    /**
     * Answers what a member gets now, as of the engine's clock: their tier, its benefits (earn
     * multiplier, checkout discount, perks), the qualifying totals of the current window and what
     * it takes to reach the next tier. Reviews that fell due count as done, even before a sweep.
     *
     * @param memberId the member id
     * @return the answer
     * @throws UnknownMemberException when the member is not enrolled
     */
    public MemberTier tier(MemberId memberId) {
        requireMember(memberId);
        MemberTier[] result = new MemberTier[1];
        store.apply(memberId, view -> {
            result[0] = processor.memberTier(view, clock.instant());
            return new MemberChanges(null, null, List.of(), List.of());
        });
        return result[0];
    }

    /**
     * Returns a member's tier history: enrolment, promotions, grace periods, demotions and
     * overrides, each with its reason.
     *
     * @param memberId the member id
     * @return the changes in the order they happened
     * @throws UnknownMemberException when the member is not enrolled
     */
    public List<TierChange> tierHistory(MemberId memberId) {
        requireMember(memberId);
        return store.tierHistory(memberId);
    }

    /**
     * Sets a member's tier by hand until a day, such as for a status match. It is recorded in the
     * tier history as an override; meanwhile the member has the higher of the override and the
     * tier they earn, and from {@code until} on the tier they earn. Due reviews run first.
     *
     * @param memberId the member id
     * @param tierCode the tier, on the program's ladder; surrounding white space is ignored
     * @param until the first day, in the member's zone, the override no longer applies; after today and
     *              no later than 9999-12-31
     * @param reason why, for the history, such as {@code status match with airline gold}; kept without surrounding white space
     * @return the member's tier afterwards
     * @throws UnknownMemberException when the member is not enrolled
     * @throws InvalidInputException when the rules define no tier policy, the tier is not on the
     *                               ladder, the day is not after today or is after 9999-12-31, or the
     *                               reason is blank
     */
    public MemberTier overrideTier(MemberId memberId, String tierCode, LocalDate until, String reason) {
        requireMember(memberId);
        Checks.notNull(until, "until");
        store.apply(memberId, view -> processor.overrideTier(view, tierCode, until, reason));
        return tier(memberId);
    }

    /**
     * Runs the time-based work for every member as of the engine's clock: releases pending
     * points whose return window closed, expires lots, holds and offers that are due, processes
     * due tier reviews, grace-period ends and override expiries (each review point once), and
     * issues birthday and win-back offers. Idempotent: running it again at the same instant
     * changes nothing. Release, expiry and tier reviews also happen for a member whenever one of
     * their events is processed, so a missed sweep loses nothing; offers are issued only by sweeps.
     *
     * @return what the sweep did
     */
    public SweepReport sweep() {
        return sweep(SweepRequest.builder().build());
    }

    /**
     * Runs the time-based work for the members of a request's range, streaming them from the
     * store one at a time, each under its own lock and in its own transaction. With a
     * checkpoint id, progress is saved every {@link SweepRequest#checkpointEvery()} members, and
     * a run with the same id resumes after the last saved member at the instant it started with
     * (members finished after the last save are visited again, which changes nothing). Several
     * instances may sweep disjoint ranges at once. Members enrolled after the run's instant are
     * visited and left as they are.
     *
     * <p>A member whose sweep work fails (the rules throw, or propose what the core refuses) does
     * not stop the run: nothing of that member's sweep is stored, the run goes on with the next
     * member, and the report lists the member with the cause in {@link SweepReport#failures()}.
     * A checkpointed run with a failure is not marked completed and its checkpoint stays at the
     * last member finished before the first failure, so running it again (once the rules are
     * fixed) sweeps the failed members, and those after them again, which changes nothing for
     * the latter; a run without a checkpoint is simply run again. A store failure
     * ({@link StoreException}) still stops the run.
     *
     * @param request what to sweep
     * @return what this run did, with the members whose sweep failed; a run whose checkpoint says it completed does nothing
     *         (unless that run finished no member: its range held none, and this run sweeps its range at the saved instant)
     * @throws InvalidInputException when the request is null, or asks for an instant later than the
     *         engine's clock allows an event ({@link ProgramSettings#maxClockSkew()} ahead): what a
     *         sweep expires, reviews and issues cannot be taken back from the ledger; or names a
     *         checkpoint whose last member lies outside the request's range (another partition's id)
     */
    public SweepReport sweep(SweepRequest request) {
        Checks.notNull(request, "request");
        String id = request.checkpointId();
        Instant asOf = request.asOf() != null ? request.asOf() : clock.instant();
        // expiries, reviews and offers of the future could not be taken back from an append-only ledger
        processor.notInTheFuture(asOf, "sweep.asOf");
        MemberId resumeAfter = null;
        long before = 0;
        if (id != null) {
            Optional<SweepCheckpoint> saved = store.findSweepCheckpoint(id);
            if (saved.isPresent()) {
                MemberId last = saved.get().lastMember();
                if (last != null && (request.from() != null && last.compareTo(request.from()) < 0
                        || request.to() != null && last.compareTo(request.to()) >= 0)) {
                    // another partition's id: resuming it would skip this range, or finish it as done, without sweeping anyone
                    throw new InvalidInputException("sweep.checkpointId", "checkpoint '" + id + "' was saved by a run over another member range:"
                            + " its last member " + last + " lies outside [" + (request.from() == null ? "" : request.from()) + ", "
                            + (request.to() == null ? "" : request.to()) + "); use one checkpoint id per run and partition");
                }
                // a completed run that finished no member (its range held none) names no range: taken for done, it would make
                // another partition given its id by mistake do nothing; its own range is run again (at its instant), which finds nothing
                if (saved.get().completed() && last != null) {
                    SweepReport nothing = new SweepReport(0, 0, 0, 0, 0, 0, 0);
                    request.listener().finished(nothing);
                    return nothing;
                }
                asOf = saved.get().asOf();
                resumeAfter = saved.get().lastMember();
                before = saved.get().members();
            } else {
                store.saveSweepCheckpoint(new SweepCheckpoint(id, asOf, null, 0, false));
            }
        }
        MemberId from = request.from();
        if (resumeAfter != null && (from == null || resumeAfter.compareTo(from) >= 0)) {
            from = resumeAfter;
        }
        SweepRun run = new SweepRun(store, processor, (referee, at) -> intake.settleReferral(referee, at, true), request, asOf, resumeAfter, before);
        store.forEachMember(from, request.to(), run::visit);
        if (id != null) {
            store.saveSweepCheckpoint(run.checkpoint(true));
        }
        if (run.counts[0] % request.progressEvery() != 0 || run.counts[0] == 0) {
            request.listener().progress(run.progress());
        }
        SweepReport report = run.report();
        request.listener().finished(report);
        return report;
    }

    /**
     * Returns how much of a campaign's total points budget has been used, as the store counts it:
     * the budget the rules declared at the last draw and the points awarded from it so far by all
     * members, never more than the budget.
     *
     * @param campaignId the campaign id, such as {@code SPRING-01}; surrounding white space is ignored
     * @return the budget, if the campaign has one and awarded points from it
     */
    public Optional<CampaignBudget> campaignBudget(String campaignId) {
        return store.campaignBudget(Checks.text(campaignId, "campaignId"));
    }

    /**
     * Returns the program settings.
     *
     * @return the settings the engine was built with
     */
    public ProgramSettings program() {
        return program;
    }

    /**
     * Returns the version of the active rule set.
     *
     * @return the rule engine's version
     */
    public String ruleSetVersion() {
        return rules.version();
    }

    /** Removes this engine's tier-policy check from the rule engine and closes the rule engine if this engine created it; a rule engine passed to the builder stays open. */
    @Override
    public void close() {
        processor.close();
        if (ownsRules) {
            rules.close();
        }
    }

    private PointsSummary summaryOf(MemberId memberId) {
        PointsSummary[] result = new PointsSummary[1];
        // read inside the member's lock for a consistent snapshot; nothing is written
        store.apply(memberId, view -> {
            result[0] = processor.summary(view, clock.instant());
            return new MemberChanges(null, null, List.of(), List.of());
        });
        return result[0];
    }

    private void requireMember(MemberId memberId) {
        if (store.findMember(Checks.notNull(memberId, "memberId")).isEmpty()) {
            throw new UnknownMemberException(memberId);
        }
    }

    /**
     * Gives a member a referral code, which new members can sign up with
     * ({@link Enrolment#withReferralCode(String)}). A member has at most one code; codes are unique.
     *
     * @param memberId the member
     * @param code the code
     * @throws UnknownMemberException when the member is not enrolled
     * @throws InvalidInputException when the code is blank, belongs to another member, or the member already has another
     * @throws UnsupportedOperationException when the store keeps no referrals
     */
    public void assignReferralCode(MemberId memberId, String code) {
        referrals.assignReferralCode(memberId, code);
    }

    /**
     * Returns a member's referral code.
     *
     * @param memberId the member
     * @return the code, if the member has one
     */
    public Optional<String> referralCode(MemberId memberId) {
        return store.referralCode(Checks.notNull(memberId, "memberId"));
    }

    /**
     * Returns the referral in which a member is the referee.
     *
     * @param refereeId the referee
     * @return the referral, if the member joined with a code
     */
    public Optional<Referral> referral(MemberId refereeId) {
        return store.findReferral(Checks.notNull(refereeId, "refereeId"));
    }

    /**
     * Returns the referrals a member made, in referee id order.
     *
     * @param referrerId the referrer
     * @return the referrals
     */
    public List<Referral> referralsMade(MemberId referrerId) {
        return store.referralsMadeBy(Checks.notNull(referrerId, "referrerId"));
    }

    /**
     * Returns a referrer's referral statistics.
     *
     * @param referrerId the referrer
     * @return signed up, qualified, rewarded and rejected by reason
     */
    public ReferralStats referralStats(MemberId referrerId) {
        ReferralStats stats = ReferralStats.NONE;
        for (Referral referral : referralsMade(referrerId)) {
            stats = stats.plus(referral);
        }
        return stats;
    }

    /**
     * Returns the program's referral statistics, streaming the referrals from the store.
     *
     * @return signed up, qualified, rewarded and rejected by reason, over every referral
     */
    public ReferralStats referralStats() {
        ReferralStats[] stats = {ReferralStats.NONE};
        store.forEachReferral(referral -> stats[0] = stats[0].plus(referral));
        return stats[0];
    }

    /**
     * Settles every referral whose time has come as of an instant (the sweep does this for the
     * members it visits; this is for a host that sweeps referrals on their own).
     *
     * @param asOf the instant
     * @throws InvalidInputException when the instant is null, before 1900, or later than the engine's clock allows
     *         an event ({@link ProgramSettings#maxClockSkew()} ahead): a referral qualified before its
     *         return window has really closed would pay for a purchase that may still be returned
     */
    public void settleReferrals(Instant asOf) {
        Checks.instant(asOf, "settleReferrals.asOf");
        processor.notInTheFuture(asOf, "settleReferrals.asOf");
        store.forEachReferral(referral -> {
            if (referral.status() == ReferralStatus.SIGNED_UP || referral.status() == ReferralStatus.QUALIFIED) {
                intake.settleReferral(referral.refereeId(), asOf, true);
            }
        });
    }

    /** Configures a {@link LoyaltyEngine}; every setter fails fast on null. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private LoyaltyStore store;
        private RuleEngine rules;
        private ProgramSettings program;
        private ReferralPolicy referralPolicy = ReferralPolicy.DEFAULT;

        private Builder() {
        }

        /**
         * Sets how referrals are guarded: the reward cap per referrer and period and the chain walk bound;
         * {@link ReferralPolicy#DEFAULT} by default.
         *
         * @param value the policy
         * @return this builder
         */
        public Builder referrals(ReferralPolicy value) {
            this.referralPolicy = Checks.notNull(value, "referrals");
            return this;
        }

        /**
         * Sets the clock; {@link Clock#systemUTC()} by default. Every time the engine records comes from it.
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = Checks.notNull(value, "clock");
            return this;
        }

        /**
         * Sets the store; a new {@link InMemoryStore} by default. A store records money in one
         * currency, the program currency of the first engine built on it: {@link #build()} binds
         * it ({@link LoyaltyStore#bindCurrency}) and refuses a store that already records money
         * in another.
         *
         * @param value the store
         * @return this builder
         */
        public Builder store(LoyaltyStore value) {
            this.store = Checks.notNull(value, "store");
            return this;
        }

        /**
         * Sets the rule engine. By default the engine asks {@link ServiceLoader} for a
         * {@link RuleEngineProvider} (such as the Drools one in {@code loyalty-rules}) and closes
         * what it creates; a rule engine set here is the caller's to close.
         *
         * @param value the rule engine
         * @return this builder
         */
        public Builder ruleEngine(RuleEngine value) {
            this.rules = Checks.notNull(value, "ruleEngine");
            return this;
        }

        /**
         * Sets the program settings; required.
         *
         * @param value the settings
         * @return this builder
         */
        public Builder program(ProgramSettings value) {
            this.program = Checks.notNull(value, "program");
            return this;
        }

        /**
         * Builds the engine.
         *
         * <p>First binds the store to the program currency: a store not yet used records it, a
         * store that records money in it accepts, and a store that records money in another
         * currency refuses, before any rule engine is made, and the store is left as it was.
         *
         * @return the engine
         * @throws LoyaltyConfigurationException when no program is set or no rule engine can be found
         * @throws CurrencyMismatchException when the store already records money in another currency than the program's
         * @throws StoreException when the store cannot read or record its currency
         */
        public LoyaltyEngine build() {
            if (program == null) {
                throw new LoyaltyConfigurationException("no program settings: call program(ProgramSettings.builder().currency(...).build())");
            }
            LoyaltyStore target = store != null ? store : new InMemoryStore();
            target.bindCurrency(program.currency());
            if (rules != null) {
                return new LoyaltyEngine(this, target, rules, false);
            }
            RuleEngineProvider provider = ServiceLoader.load(RuleEngineProvider.class).stream()
                    .map(ServiceLoader.Provider::get)
                    .max(Comparator.comparingInt(RuleEngineProvider::priority))
                    .orElseThrow(() -> new LoyaltyConfigurationException(
                            "no rule engine: add loyalty-rules to the classpath or call ruleEngine(...)"));
            return new LoyaltyEngine(this, target, provider.create(), true);
        }
    }
}
