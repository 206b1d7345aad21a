package dev.loyalty.rules.simulation;

import dev.loyalty.core.InvalidInputException;
import dev.loyalty.core.LoyaltyConfigurationException;
import dev.loyalty.core.LoyaltyEngine;
import dev.loyalty.core.LoyaltyException;
import dev.loyalty.core.Outcome;
import dev.loyalty.core.ProgramSettings;
import dev.loyalty.core.SweepReport;
import dev.loyalty.core.event.LoyaltyEvent;
import dev.loyalty.core.model.EntryType;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.LedgerEntry;
import dev.loyalty.core.model.Member;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.store.InMemoryStore;
import dev.loyalty.rules.CampaignSet;
import dev.loyalty.rules.DroolsRuleEngine;
import dev.loyalty.rules.internal.SteppingClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Replays historical events against a candidate campaign set and the current one, side by side,
 * each in a fresh in-memory store of its own: the live store is never read or written. Events
 * are processed in the order given (sort them by time), each under a clock at its own time (as
 * the live engine's clock stood when it came in: points pending in the return window and lots
 * not yet expired then are treated as they were), and the report is read under a clock a day
 * after the last one (the last one the engine can take: one dated after 9999-12-31 is
 * rejected), so a simulation gives the same report every time. After the events, each side reads
 * its liability and members per tier, then runs one closing sweep at that clock and counts the
 * offers it issued per template (birthdays in their window then, members dormant by then).
 * Campaign budgets start unspent on each side. An event whose id was already processed is, as in
 * the engine, a repeat that writes nothing: it is counted once, its points too.
 * A running engine given as a side must not be reloaded during the run; if it is, the run fails
 * rather than report two sets' work under one version.
 *
 * <pre>{@code
 * SimulationReport report = CampaignSimulation.builder()
 *         .program(program)
 *         .current(liveRules)                                   // a DroolsRuleEngine, left open
 *         .candidate(DroolsRuleEngine.builder().defaultCampaigns().directory(Path.of("candidate")))
 *         .build()
 *         .run(events);
 * System.out.println(report.toText());
 * }</pre>
 */
public final class CampaignSimulation {

    private final ProgramSettings program;
    private final DroolsRuleEngine current;
    private final DroolsRuleEngine.Builder currentSource;
    private final DroolsRuleEngine candidate;
    private final DroolsRuleEngine.Builder candidateSource;

    private CampaignSimulation(Builder builder) {
        this.program = builder.program;
        this.current = builder.current;
        this.currentSource = builder.currentSource;
        this.candidate = builder.candidate;
        this.candidateSource = builder.candidateSource;
    }

    /**
     * Starts configuring a simulation.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Replays the events against both campaign sets.
     *
     * @param events the events, in time order
     * @return the report
     * @throws dev.loyalty.core.RuleDefinitionException when a set given as a builder does not build
     * @throws InvalidInputException when the list holds null, naming its index; nothing is replayed then
     * @throws IllegalStateException when a running engine given as a side is reloaded during the run: its events would be
     *         evaluated partly by one set and partly by another, under the first one's version
     * @throws LoyaltyException when the closing sweep fails for a member (a rule throws, or proposes
     *         what the core refuses): the first such failure, naming the member and the rule
     */
    public SimulationReport run(List<? extends LoyaltyEvent> events) {
        Objects.requireNonNull(events, "events");
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) == null) {
                throw new InvalidInputException("events[" + i + "]", "is null");
            }
        }
        // an event dated beyond what the engine takes is refused, counted as rejected: it neither moves the clock nor overflows it
        Instant last = events.stream().map(LoyaltyEvent::occurredAt).filter(at -> !at.isAfter(LATEST))
                .max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
        Instant dayAfter = last.plus(Duration.ofDays(1));
        Instant end = dayAfter.isAfter(LATEST) ? LATEST : dayAfter;
        return new SimulationReport(side(current, currentSource, events, end), side(candidate, candidateSource, events, end));
    }

    private SimulationReport.Side side(DroolsRuleEngine given, DroolsRuleEngine.Builder source, List<? extends LoyaltyEvent> events, Instant end) {
        DroolsRuleEngine rules = given != null ? given : source.build();
        try {
            return replay(rules, events, end);
        } finally {
            if (given == null) {
                rules.close();
            }
        }
    }

    private SimulationReport.Side replay(DroolsRuleEngine rules, List<? extends LoyaltyEvent> events, Instant end) {
        // as the live engine took them: its clock at each event's time as it comes in (never back), so that what is due by then
        // (pending points released, lots expired) and no more is done before the event, and a purchase's points are pending
        // for its return window; then at the end, a day after the last event, for the liability and the closing sweep
        SteppingClock clock = new SteppingClock(Instant.EPOCH);
        CampaignSet set = rules.campaignSet();
        Map<String, String> campaignOfRule = new TreeMap<>();
        set.campaigns().forEach(c -> c.rules().forEach(r -> campaignOfRule.put(r, c.id())));
        Map<String, Long> byCampaign = new TreeMap<>();
        Set<MemberId> members = new LinkedHashSet<>();
        Set<EventId> done = new HashSet<>();
        long processed = 0;
        long rejected = 0;
        long issued = 0;
        long removed = 0;
        try (LoyaltyEngine engine = LoyaltyEngine.builder().program(program).clock(clock).store(new InMemoryStore()).ruleEngine(rules).build()) {
            for (LoyaltyEvent event : events) {
                reach(clock, event.occurredAt());
                Outcome outcome;
                try {
                    outcome = engine.process(event);
                } catch (LoyaltyException e) {
                    rejected++;
                    continue;
                }
                if (!done.add(event.eventId())) {
                    // the engine is idempotent by event id: a repeat returns the first outcome and writes nothing
                    continue;
                }
                if (!Outcome.NO_RULES.equals(outcome.ruleSetVersion()) && !outcome.ruleSetVersion().equals(set.version())) {
                    throw reloaded(set, "event " + event.eventId() + " was evaluated by version " + outcome.ruleSetVersion());
                }
                processed++;
                members.add(event.memberId());
                // credits are the earned and pending entries, as the KPIs count them; what else the event wrote is taken
                // back, net: a repayment of clawed-back points moves them between the member's own lots (-x and +x)
                long credited = 0;
                long net = 0;
                for (LedgerEntry entry : outcome.entries()) {
                    long points = entry.points().value();
                    net = Math.addExact(net, points);
                    if (entry.type() == EntryType.EARN || entry.type() == EntryType.PENDING) {
                        credited = Math.addExact(credited, points);
                        byCampaign.merge(campaignOfRule.getOrDefault(entry.rule(), entry.rule()), points, Long::sum);
                    }
                }
                issued = Math.addExact(issued, credited);
                removed = Math.addExact(removed, Math.subtractExact(credited, net));
            }
            reach(clock, end);
            long liability = 0;
            Map<String, Long> byTier = new TreeMap<>();
            for (MemberId member : members) {
                Member found = engine.member(member).orElse(null);
                if (found != null) {
                    liability = Math.addExact(liability, engine.balance(member).value());
                    // points expired while an event was processed are written to the earning event's lot, not in the outcome of the
                    // event that found them due: they are read from the ledger (the closing sweep's come after, as the liability)
                    for (LedgerEntry entry : engine.ledger(member)) {
                        if (entry.type() == EntryType.EXPIRE) {
                            removed = Math.subtractExact(removed, entry.points().value());
                        }
                    }
                    byTier.merge(found.tierCode(), 1L, Long::sum);
                }
            }
            // the closing sweep, after the liability and tiers are read: it issues the birthday and win-back offers due then
            SweepReport closing = engine.sweep();
            if (!closing.failures().isEmpty()) {
                // a sweep goes on past a member whose rules fail; a simulation that did would report too few offers
                throw closing.failures().get(0).cause();
            }
            if (!rules.version().equals(set.version())) {
                throw reloaded(set, "the closing sweep ran on version " + rules.version());
            }
            Map<String, Long> offersByTemplate = new TreeMap<>();
            for (MemberId member : members) {
                if (engine.member(member).isPresent()) {
                    engine.offers(member).forEach(offer -> offersByTemplate.merge(offer.template(), 1L, Long::sum));
                }
            }
            return new SimulationReport.Side(set.id(), set.version(), processed, rejected, issued, removed, liability, byCampaign, byTier,
                    offersByTemplate);
        }
    }

    /** Moves the replay's clock forward to an instant: an event dated beyond what the engine takes, or earlier than one before it, leaves it where it is. */
    private static void reach(SteppingClock clock, Instant at) {
        if (at.isAfter(clock.instant()) && !at.isAfter(LATEST)) {
            clock.moveTo(at);
        }
    }

    /** The latest instant the engine takes an event at, or sweeps at. */
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    /** A running engine given as a side was reloaded mid-run: its side would mix two sets under one version. */
    private static IllegalStateException reloaded(CampaignSet set, String detail) {
        return new IllegalStateException("the campaign set " + set.id() + "@" + set.version() + " was reloaded during the simulation ("
                + detail + "); run the simulation again");
    }

    /** Configures a {@link CampaignSimulation}: the program and both campaign sets are required. */
    public static final class Builder {

        private ProgramSettings program;
        private DroolsRuleEngine current;
        private DroolsRuleEngine.Builder currentSource;
        private DroolsRuleEngine candidate;
        private DroolsRuleEngine.Builder candidateSource;

        private Builder() {
        }

        /**
         * Sets the program the events are replayed under.
         *
         * @param settings the program
         * @return this builder
         */
        public Builder program(ProgramSettings settings) {
            this.program = Objects.requireNonNull(settings, "program");
            return this;
        }

        /**
         * Sets the current campaign set as a running engine (the live one, say); it is only
         * evaluated, never closed, and its store is not involved.
         *
         * @param rules the engine
         * @return this builder
         */
        public Builder current(DroolsRuleEngine rules) {
            this.current = Objects.requireNonNull(rules, "current");
            this.currentSource = null;
            return this;
        }

        /**
         * Sets the current campaign set as a configuration, built for the run and closed after it.
         *
         * @param rules the configuration
         * @return this builder
         */
        public Builder current(DroolsRuleEngine.Builder rules) {
            this.currentSource = Objects.requireNonNull(rules, "current");
            this.current = null;
            return this;
        }

        /**
         * Sets the candidate campaign set as a running engine, left open.
         *
         * @param rules the engine
         * @return this builder
         */
        public Builder candidate(DroolsRuleEngine rules) {
            this.candidate = Objects.requireNonNull(rules, "candidate");
            this.candidateSource = null;
            return this;
        }

        /**
         * Sets the candidate campaign set as a configuration, built for the run and closed after it.
         *
         * @param rules the configuration
         * @return this builder
         */
        public Builder candidate(DroolsRuleEngine.Builder rules) {
            this.candidateSource = Objects.requireNonNull(rules, "candidate");
            this.candidate = null;
            return this;
        }

        /**
         * Checks the configuration and creates the simulation.
         *
         * @return the simulation
         * @throws LoyaltyConfigurationException when the program or a campaign set is missing
         */
        public CampaignSimulation build() {
            if (program == null) {
                throw new LoyaltyConfigurationException("a simulation needs program(...)");
            }
            if (current == null && currentSource == null) {
                throw new LoyaltyConfigurationException("a simulation needs current(...): the campaign set to compare against");
            }
            if (candidate == null && candidateSource == null) {
                throw new LoyaltyConfigurationException("a simulation needs candidate(...): the campaign set to try");
            }
            return new CampaignSimulation(this);
        }
    }
}
