package dev.loyalty.core;

import dev.loyalty.core.event.LoyaltyEvent;
import dev.loyalty.core.internal.Checks;
import dev.loyalty.core.internal.EventProcessor;
import dev.loyalty.core.internal.Fingerprints;
import dev.loyalty.core.model.EntryType;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.Hold;
import dev.loyalty.core.model.LedgerEntry;
import dev.loyalty.core.model.Lot;
import dev.loyalty.core.model.Member;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.Points;
import dev.loyalty.core.spi.LoyaltyStore;
import dev.loyalty.core.spi.Evaluation;
import dev.loyalty.core.spi.MemberChanges;
import dev.loyalty.core.spi.RuleContext;
import dev.loyalty.core.spi.RuleEngine;
import dev.loyalty.core.spi.RuleEngineProvider;
import dev.loyalty.core.spi.StoredEvent;
import dev.loyalty.core.store.InMemoryStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

    private static final Logger LOG = LoggerFactory.getLogger(LoyaltyEngine.class);

    /** The most events whose rules {@link #processAll(List)} evaluates in one call of the rule engine. */
    private static final int MAX_BATCH = 1_024;

    private final ProgramSettings program;
    private final LoyaltyStore store;
    private final RuleEngine rules;
    private final boolean ownsRules;
    private final EventProcessor processor;
    private final Clock clock;

    private LoyaltyEngine(Builder builder, RuleEngine rules, boolean ownsRules) {
        this.program = builder.program;
        this.store = builder.store != null ? builder.store : new InMemoryStore();
        this.rules = rules;
        this.ownsRules = ownsRules;
        this.clock = builder.clock;
        this.processor = new EventProcessor(program, rules, builder.clock);
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
     * @throws InvalidInputException when the event is malformed or outside the program's limits
     * @throws UnknownMemberException when the member is not enrolled
     * @throws EventConflictException when the event id was already used with another payload
     * @throws RuleEvaluationException when a rule fails
     */
    public Outcome process(LoyaltyEvent event) {
        Checks.notNull(event, "event");
        String fingerprint = Fingerprints.of(event);
        Optional<StoredEvent> earlier = store.findEvent(event.eventId());
        if (earlier.isPresent()) {
            // a replay answers with the recorded outcome even if limits or the clock have moved since
            return replay(earlier.get(), event, fingerprint);
        }
        processor.validate(event);
        return apply(event, fingerprint, null);
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
     *       seeing the state the earlier ones left (balance, daily cap, tier). Only events of
     *       different members with different ids are evaluated together; they cannot affect each
     *       other.</li>
     *   <li>Rules are evaluated before the member is locked, from the member's stored state; under
     *       the lock the engine checks that state is still what the rules saw (and that nothing
     *       fell due by the clock) and evaluates again when it is not, so a concurrent
     *       {@link #process(LoyaltyEvent)} on the same member stays correct.</li>
     *   <li>The batch as a whole is not atomic: an error that is not a {@link LoyaltyException}
     *       (a store failure, say) is thrown, and the events before it stay applied.</li>
     * </ul>
     *
     * @param events the events; null elements are refused with an {@link InvalidInputException}
     * @return one result per event, in the same order
     * @throws InvalidInputException when the list itself is null
     */
    public List<EventResult> processAll(List<? extends LoyaltyEvent> events) {
        Checks.notNull(events, "events");
        int count = events.size();
        EventResult[] results = new EventResult[count];
        for (List<Integer> batch : independentBatches(events)) {
            processTogether(events, batch, results);
        }
        return Arrays.asList(results);
    }

    /**
     * Splits the events into batches applied one after another: an event goes into the batch
     * after the last one holding its member or its event id, and every batch holds at most
     * {@value #MAX_BATCH} events, in list order. Null events form no batch.
     */
    private static List<List<Integer>> independentBatches(List<? extends LoyaltyEvent> events) {
        Map<MemberId, Integer> memberRound = new HashMap<>();
        Map<EventId, Integer> idRound = new HashMap<>();
        List<List<Integer>> rounds = new ArrayList<>();
        List<Integer> nulls = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            LoyaltyEvent event = events.get(i);
            if (event == null) {
                nulls.add(i);
                continue;
            }
            int round = Math.max(memberRound.getOrDefault(event.memberId(), -1), idRound.getOrDefault(event.eventId(), -1)) + 1;
            memberRound.put(event.memberId(), round);
            idRound.put(event.eventId(), round);
            if (round == rounds.size()) {
                rounds.add(new ArrayList<>());
            }
            rounds.get(round).add(i);
        }
        List<List<Integer>> batches = new ArrayList<>();
        if (!nulls.isEmpty()) {
            batches.add(nulls);
        }
        for (List<Integer> round : rounds) {
            for (int from = 0; from < round.size(); from += MAX_BATCH) {
                batches.add(round.subList(from, Math.min(round.size(), from + MAX_BATCH)));
            }
        }
        return batches;
    }

    /** Processes independent events: checks each, evaluates their rules together, then applies each. */
    private void processTogether(List<? extends LoyaltyEvent> events, List<Integer> batch, EventResult[] results) {
        String[] fingerprints = new String[batch.size()];
        RuleContext[] contexts = new RuleContext[batch.size()];
        List<RuleContext> toEvaluate = new ArrayList<>(batch.size());
        for (int k = 0; k < batch.size(); k++) {
            int i = batch.get(k);
            LoyaltyEvent event = events.get(i);
            try {
                if (event == null) {
                    throw new InvalidInputException("events[" + i + "]", "must not be null");
                }
                fingerprints[k] = Fingerprints.of(event);
                Optional<StoredEvent> earlier = store.findEvent(event.eventId());
                if (earlier.isPresent()) {
                    results[i] = new EventResult(event, replay(earlier.get(), event, fingerprints[k]), null);
                    continue;
                }
                processor.validate(event);
                contexts[k] = processor.earlyContext(store.findMember(event.memberId()), store.balance(event.memberId()), event,
                        store.segment(event.memberId()).orElse(null));
                if (contexts[k] != null) {
                    toEvaluate.add(contexts[k]);
                }
            } catch (LoyaltyException e) {
                results[i] = new EventResult(event, null, e);
            }
        }
        List<Evaluation> evaluations = toEvaluate.isEmpty() ? List.of() : processor.evaluateAll(toEvaluate);
        int evaluated = 0;
        for (int k = 0; k < batch.size(); k++) {
            int i = batch.get(k);
            if (results[i] != null) {
                continue;
            }
            LoyaltyEvent event = events.get(i);
            EventProcessor.EarlyEvaluation early = null;
            if (contexts[k] != null) {
                early = new EventProcessor.EarlyEvaluation(contexts[k], evaluations == null ? null : evaluations.get(evaluated));
                evaluated++;
            }
            try {
                results[i] = new EventResult(event, apply(event, fingerprints[k], early), null);
            } catch (LoyaltyException e) {
                results[i] = new EventResult(event, null, e);
            }
        }
    }

    /** Applies a checked event under its member's lock and answers with the outcome now recorded under its id. */
    private Outcome apply(LoyaltyEvent event, String fingerprint, EventProcessor.EarlyEvaluation early) {
        StoredEvent stored;
        try {
            stored = store.apply(event.memberId(), view -> processor.process(view, event, fingerprint, early));
        } catch (LoyaltyException e) {
            // a concurrent call may have recorded this event id first: answer as a replay (or a conflict), not with the
            // error the already-changed state causes, such as "already enrolled"
            Optional<StoredEvent> winner = store.findEvent(event.eventId());
            if (winner.isPresent()) {
                return replay(winner.get(), event, fingerprint);
            }
            throw e;
        }
        Outcome outcome = replay(stored, event, fingerprint);
        if (LOG.isDebugEnabled()) {
            LOG.debug(outcome.explanation().toText());
        }
        return outcome;
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
     * Returns a member's statement: the ledger with running balance, lots, holds and summary.
     *
     * @param memberId the member id
     * @return the statement
     * @throws UnknownMemberException when the member is not enrolled
     */
    public Statement statement(MemberId memberId) {
        Member member = store.findMember(Checks.notNull(memberId, "memberId")).orElseThrow(() -> new UnknownMemberException(memberId));
        List<Statement.Line> lines = new ArrayList<>();
        long running = 0;
        for (LedgerEntry entry : store.ledger(memberId)) {
            running = Points.add(running, entry.points().value());
            lines.add(new Statement.Line(entry, running));
        }
        return new Statement(member, lines, store.lots(memberId), store.holds(memberId), summaryOf(memberId));
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
     * Runs the time-based work for every member as of the engine's clock: releases pending
     * points whose return window closed, expires lots and holds that are due. Idempotent:
     * running it again at the same instant changes nothing. The same work also happens for a
     * member whenever one of their events is processed, so a missed sweep loses nothing.
     *
     * @return what the sweep did
     */
    public SweepReport sweep() {
        Instant asOf = clock.instant();
        long[] counts = new long[5];
        store.forEachMember(member -> {
            counts[0]++;
            long[] seen = new long[3];
            store.apply(member.id(), view -> {
                MemberChanges changes = processor.sweep(view, asOf);
                seen[0] = changes.entries().stream().filter(e -> e.type() == EntryType.RELEASE).count();
                seen[1] = -changes.entries().stream().filter(e -> e.type() == EntryType.EXPIRE).mapToLong(e -> e.points().value()).sum();
                seen[2] = changes.holds().size();
                return changes;
            });
            if (seen[0] + seen[1] + seen[2] > 0) {
                counts[1]++;
            }
            counts[2] += seen[0];
            counts[3] += seen[1];
            counts[4] += seen[2];
        });
        return new SweepReport(counts[0], counts[1], counts[2], counts[3], counts[4]);
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

    /** Closes the rule engine if this engine created it; a rule engine passed to the builder stays open. */
    @Override
    public void close() {
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

    private static Outcome replay(StoredEvent stored, LoyaltyEvent event, String fingerprint) {
        if (!stored.fingerprint().equals(fingerprint)) {
            String was = stored.memberId().equals(event.memberId()) ? "" : " of member " + stored.memberId();
            throw new EventConflictException(event.eventId(), "first processed as a " + stored.outcome().eventKind() + was
                    + ", now received as a " + event.kind() + " of member " + event.memberId() + " with other details");
        }
        return stored.outcome();
    }

    /** Configures a {@link LoyaltyEngine}; every setter fails fast on null. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private LoyaltyStore store;
        private RuleEngine rules;
        private ProgramSettings program;

        private Builder() {
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
         * Sets the store; a new {@link InMemoryStore} by default.
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
         * @return the engine
         * @throws LoyaltyConfigurationException when no program is set or no rule engine can be found
         */
        public LoyaltyEngine build() {
            if (program == null) {
                throw new LoyaltyConfigurationException("no program settings: call program(ProgramSettings.builder().currency(...).build())");
            }
            if (rules != null) {
                return new LoyaltyEngine(this, rules, false);
            }
            RuleEngineProvider provider = ServiceLoader.load(RuleEngineProvider.class).stream()
                    .map(ServiceLoader.Provider::get)
                    .max(Comparator.comparingInt(RuleEngineProvider::priority))
                    .orElseThrow(() -> new LoyaltyConfigurationException(
                            "no rule engine: add loyalty-rules to the classpath or call ruleEngine(...)"));
            return new LoyaltyEngine(this, provider.create(), true);
        }
    }
}
