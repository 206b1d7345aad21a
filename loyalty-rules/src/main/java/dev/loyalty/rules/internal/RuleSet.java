package dev.loyalty.rules.internal;

import dev.loyalty.core.RuleDefinitionException;
import dev.loyalty.core.spi.SweepContext;
import dev.loyalty.core.RuleEvaluationException;
import dev.loyalty.core.RuleProblem;
import dev.loyalty.core.tier.TierPolicy;
import dev.loyalty.rules.vocabulary.TierLadder;
import dev.loyalty.core.spi.CampaignLimits;
import dev.loyalty.core.spi.Decision;
import dev.loyalty.core.spi.RuleContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.base.ObjectType;
import org.drools.base.rule.GroupElement;
import org.drools.core.common.InternalFactHandle;
import org.drools.core.impl.InternalRuleBase;
import org.drools.core.reteoo.ObjectTypeNode;
import org.kie.api.KieBase;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.ConsequenceException;
import org.kie.api.runtime.rule.FactHandle;

/**
 * A compiled rule set and a small pool of reusable stateful sessions over it. Thread-safe: each
 * evaluation borrows a session, inserts the event's facts, fires, collects the decisions and
 * deletes the facts again; a session that failed or was left dirty is disposed instead of
 * returned. Not public API.
 */
public final class RuleSet implements AutoCloseable {

    /** Firing more often than this for one event means a rule keeps re-activating itself. */
    static final int MAX_FIRINGS = 10_000;

    /**
     * Below this many events a batch fires in a pooled session whose facts are deleted afterwards;
     * from this many, in a fresh session that is disposed. Profiled with the default pack, making
     * a fresh session costs about as much as deleting the facts of a hundred events.
     */
    static final int MIN_FRESH_SESSION = 64;

    private static final Pattern RULE_IN_MESSAGE = Pattern.compile("[Rr]ule \"([^\"]+)\"");

    private final KieBase kieBase;
    private final boolean declaresEarn;
    private final boolean declaresOffers;
    private final boolean onePass;
    private final boolean sessionsReusable;
    /** Whether the rules' consequences announce their firings themselves (else a listener on each session does). */
    private final boolean announced;
    private final Facts.Types factTypes;
    /** Which purchase lines some rule could see; the others are not inserted. */
    private final LineFilter lines;
    private final String version;
    private final TierPolicy tierPolicy;
    private final int maxIdle;
    private final CampaignCatalog catalog;
    private final ConcurrentLinkedDeque<Session> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger idleCount = new AtomicInteger();
    private volatile boolean closed;
    /** Replaced by a newer set: evaluations still run, but sessions are no longer pooled. */
    private volatile boolean retired;

    private RuleSet(KieBase kieBase, String version, int maxIdle, CampaignCatalog catalog) {
        this.kieBase = kieBase;
        this.catalog = catalog;
        this.declaresEarn = kieBase.getKiePackages().stream()
                .anyMatch(p -> p.getGlobalVariables().stream().anyMatch(g -> g.getName().equals("earn")));
        this.declaresOffers = kieBase.getKiePackages().stream()
                .anyMatch(p -> p.getGlobalVariables().stream().anyMatch(g -> g.getName().equals("offers")));
        this.version = version;
        this.maxIdle = maxIdle;
        this.onePass = kieBase.getKiePackages().stream().flatMap(p -> p.getRules().stream()).allMatch(RuleSet::matchesOneFact);
        List<ObjectTypeNode> typeNodes = kieBase instanceof InternalRuleBase base ? base.getRete().getObjectTypeNodes() : null;
        List<ObjectType> matched = typeNodes == null ? null : typeNodes.stream().map(ObjectTypeNode::getObjectType).toList();
        this.lines = typeNodes == null ? LineFilter.EVERY_LINE : LineFilter.of(typeNodes);
        this.factTypes = matched == null ? Facts.Types.ALL
                : Facts.Types.matchedBy(type -> matched.stream().anyMatch(objectType -> objectType.isAssignableFrom(type)));
        this.sessionsReusable = kieBase.getKiePackages().stream().flatMap(p -> p.getRules().stream()).allMatch(RuleSet::matchesOnlyFacts);
        RuleExpressions.name(kieBase);
        boolean laddered = matched == null || matched.stream().anyMatch(objectType -> objectType.isAssignableFrom(TierLadder.class));
        this.tierPolicy = laddered ? ladder(kieBase, declaresEarn) : null;
        this.announced = Firings.announce(kieBase, declaresEarn);
    }

    /**
     * Fires the rules that match {@link TierLadder} once, in a session of its own, and returns the
     * policy they declare (null when none declares one).
     */
    private static TierPolicy ladder(KieBase kieBase, boolean declaresEarn) {
        TierLadder ladder = new TierLadder();
        KieSession session = kieBase.newKieSession();
        String[] rule = {""};
        try {
            if (declaresEarn) {
                session.setGlobal("earn", new DecisionCollector());
            }
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void beforeMatchFired(BeforeMatchFiredEvent event) {
                    rule[0] = event.getMatch().getRule().getName();
                }
            });
            session.insert(ladder);
            session.fireAllRules(MAX_FIRINGS);
            return ladder.toPolicy();
        } catch (ConsequenceException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new RuleDefinitionException(List.of(new RuleProblem("", 0, 0, e.getMatch().getRule().getName(),
                    "the tier ladder is not valid: " + cause.getMessage())), "");
        } catch (RuntimeException e) {
            RuleFailures.Failure named = RuleFailures.failureIn(e, kieBase);
            throw new RuleDefinitionException(List.of(new RuleProblem("", 0, 0, named != null ? named.rule() : rule[0],
                    "the tier ladder is not valid: " + (named != null ? named : e).getMessage())), "");
        } finally {
            session.dispose();
        }
    }

    /**
     * Tells whether some rule matches the {@code Member} fact, the only one that carries the balance.
     *
     * @return true when a rule may read the member's balance
     */
    public boolean usesBalance() {
        return factTypes.member();
    }

    /**
     * Tells whether some rule matches the {@code Segment} fact.
     *
     * @return true when a rule may read the member's segment
     */
    public boolean usesSegments() {
        return factTypes.segment();
    }

    /**
     * Returns the tier policy the rules declare on the {@link TierLadder}.
     *
     * @return the policy, or null when no rule declares one
     */
    public TierPolicy tierPolicy() {
        return tierPolicy;
    }

    /**
     * Tells whether a rule only joins facts, so that a session it ran in can be cleaned by
     * deleting the facts. A rule with no pattern, or with {@code not}, {@code exists}, {@code eval},
     * {@code from} or {@code accumulate}, keeps state that deleting facts does not undo (Drools
     * nets a deletion against the next event's insertion and may not fire again), so its rule
     * set gets a fresh session for every evaluation.
     */
    private static boolean matchesOnlyFacts(org.kie.api.definition.rule.Rule rule) {
        if (!(rule instanceof RuleImpl impl)) {
            return false;
        }
        if (impl.isQuery()) {
            return true;
        }
        GroupElement lhs = impl.getLhs();
        return lhs.isAnd() && !lhs.getChildren().isEmpty() && lhs.getChildren().stream()
                .allMatch(child -> child instanceof org.drools.base.rule.Pattern pattern && pattern.getSource() == null);
    }

    /**
     * Tells whether a rule's firings each concern one fact, and so one event, whatever else is in
     * the session: a single pattern with no {@code from}, {@code accumulate} or {@code collect},
     * no {@code not}, {@code exists} or {@code eval} around it, and no activation group (which
     * would let one event's firing cancel another's).
     */
    private static boolean matchesOneFact(org.kie.api.definition.rule.Rule rule) {
        if (!(rule instanceof RuleImpl impl)) {
            return false;
        }
        if (impl.isQuery()) {
            return true;
        }
        String activationGroup = impl.getActivationGroup();
        if (activationGroup != null && !activationGroup.isEmpty()) {
            return false;
        }
        GroupElement lhs = impl.getLhs();
        return lhs.isAnd() && lhs.getChildren().size() == 1 && lhs.getChildren().get(0) instanceof org.drools.base.rule.Pattern pattern
                && pattern.getSource() == null;
    }

    /**
     * Compiles the sources into a rule set.
     *
     * @param sources the DRL sources; at least one, names unique
     * @param classLoader the class loader the rules' types are resolved with
     * @param maxIdle how many idle sessions to keep for reuse
     * @return the rule set
     * @throws dev.loyalty.core.RuleDefinitionException when the DRL does not compile
     */
    public static RuleSet compile(List<DrlSource> sources, ClassLoader classLoader, int maxIdle) {
        List<RuleProblem> problems = new ArrayList<>();
        String[] note = {""};
        RuleSet rules = build(sources, classLoader, maxIdle, null, problems, note);
        if (rules == null) {
            throw new RuleDefinitionException(sorted(problems), note[0]);
        }
        return rules;
    }

    /**
     * Compiles the sources and checks them, collecting every problem instead of throwing: the
     * errors Drools reports, the vocabulary checks of {@link CampaignChecks}, malformed campaign
     * metadata and, given a date, campaigns that ended before it.
     *
     * @param sources the DRL sources
     * @param classLoader the class loader the rules' types are resolved with
     * @param today the date to find expired campaigns by, or null to skip that check
     * @return every problem, in resource and line order; empty when the sources are sound
     */
    public static List<RuleProblem> validate(List<DrlSource> sources, ClassLoader classLoader, LocalDate today) {
        List<RuleProblem> problems = new ArrayList<>();
        RuleSet rules = build(sources, classLoader, 0, today, problems, new String[] {""});
        if (rules != null) {
            rules.close();
        }
        return sorted(problems);
    }

    /** Compiles and checks; returns null, with the problems and any note filled in, when there are problems. */
    private static RuleSet build(List<DrlSource> sources, ClassLoader classLoader, int maxIdle, LocalDate today,
                                 List<RuleProblem> problems, String[] note) {
        problems.addAll(CampaignChecks.beforeBuild(sources));
        KieBase kieBase;
        try {
            kieBase = DrlCompiler.compile(sources, classLoader);
        } catch (RuleDefinitionException e) {
            problems.addAll(0, e.problems());
            note[0] = e.getMessage().endsWith(DrlCompiler.SYNTAX_NOTE) ? DrlCompiler.SYNTAX_NOTE : "";
            return null;
        }
        problems.addAll(CampaignChecks.afterBuild(kieBase, sources));
        CampaignCatalog catalog = CampaignCatalog.of(kieBase, sources, problems);
        if (today != null) {
            problems.addAll(CampaignChecks.expired(kieBase, catalog.campaigns(), sources, today));
        }
        if (!problems.isEmpty()) {
            return null;
        }
        try {
            return new RuleSet(kieBase, version(sources), maxIdle, catalog);
        } catch (RuleDefinitionException e) {
            // the tier ladder is read by firing its rule: point its problems at that rule's file and line
            Map<String, DrlSource> byName = DrlSource.byName(sources);
            for (RuleProblem problem : e.problems()) {
                problems.add(kieBase.getKiePackages().stream().flatMap(p -> p.getRules().stream())
                        .filter(r -> r.getName().equals(problem.rule())).findFirst()
                        .map(r -> CampaignCatalog.problem(r, byName, problem.message())).orElse(problem));
            }
            return null;
        }
    }

    /** Orders problems by resource, then line; problems of one line keep their order. */
    private static List<RuleProblem> sorted(List<RuleProblem> problems) {
        List<RuleProblem> sorted = new ArrayList<>();
        for (RuleProblem problem : problems) {
            if (!sorted.contains(problem)) {
                sorted.add(problem);
            }
        }
        sorted.sort(Comparator.comparing(RuleProblem::resource).thenComparingInt(RuleProblem::line));
        return sorted;
    }

    /**
     * Returns the campaigns of the rule set, read from the rules' metadata.
     *
     * @return the campaigns, sorted by id
     */
    public List<dev.loyalty.rules.Campaign> campaigns() {
        return catalog.campaigns();
    }

    /**
     * Returns the first 12 hex digits of the SHA-256 over the sources' keys and contents, sorted by
     * key then content. Keys are location-independent, so the same campaign files give the same
     * version wherever their directory lies.
     *
     * @param sources the DRL sources
     * @return the version
     */
    public static String version(List<DrlSource> sources) {
        List<DrlSource> sorted = new ArrayList<>(sources);
        sorted.sort(Comparator.comparing(DrlSource::key).thenComparing(DrlSource::content));
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (DrlSource source : sorted) {
                // length prefixes keep ("ab","c") apart from ("a","bc")
                byte[] name = source.key().getBytes(StandardCharsets.UTF_8);
                byte[] content = source.content().getBytes(StandardCharsets.UTF_8);
                digest.update((name.length + ":").getBytes(StandardCharsets.UTF_8));
                digest.update(name);
                digest.update((content.length + ":").getBytes(StandardCharsets.UTF_8));
                digest.update(content);
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /**
     * Returns the limits of the limited campaigns by rule name, handed to every evaluation.
     *
     * @return the limits; one unmodifiable map
     */
    public Map<String, CampaignLimits> limits() {
        return catalog.limits();
    }

    /**
     * Returns the rule set's version.
     *
     * @return 12 hex digits
     */
    public String version() {
        return version;
    }

    /**
     * Returns the names of the compiled rules, sorted.
     *
     * @return the rule names
     */
    public List<String> ruleNames() {
        List<String> names = new ArrayList<>();
        kieBase.getKiePackages().forEach(p -> p.getRules().forEach(r -> names.add(r.getName())));
        names.sort(null);
        return names;
    }

    /**
     * Evaluates one event.
     *
     * @param context the event with its member
     * @return the decisions in firing order
     * @throws RuleEvaluationException when a rule fails, naming the rule and the event
     */
    public List<Decision> evaluate(RuleContext context) {
        return fire(context.event().eventId().value(), context.date(), Facts.of(context, factTypes, lines, tierPolicy));
    }

    /**
     * Evaluates one member in a sweep: inserts the member, today, the program and the occasions,
     * fires, and returns the offer decisions (whatever else the rules propose is dropped).
     *
     * @param context the member and the occasions
     * @return the offer decisions in firing order
     * @throws RuleEvaluationException when a rule fails, naming the rule and the member
     */
    public List<Decision> evaluateSweep(SweepContext context) {
        List<Decision> all = fire("sweep of member " + context.member().id().value(), context.date(), Facts.ofSweep(context, factTypes));
        List<Decision> offers = new ArrayList<>(2);
        for (Decision decision : all) {
            if (decision instanceof Decision.IssueOffer) {
                offers.add(decision);
            }
        }
        return offers;
    }

    /**
     * Evaluates one reward of a qualified referral: inserts the {@code ReferralQualified} fact
     * alone, fires, and returns the fixed points for the whole event and the offers (whatever
     * else the rules propose is dropped).
     *
     * @param context the referral and the reward asked for
     * @return the decisions in firing order
     * @throws RuleEvaluationException when a rule fails, naming the rule and the referral
     */
    public List<Decision> evaluateReferral(dev.loyalty.core.spi.ReferralContext context) {
        List<Decision> all = fire("referral of member " + context.refereeId().value(), context.date(), Facts.ofReferral(context));
        List<Decision> kept = new ArrayList<>(2);
        for (Decision decision : all) {
            if (decision instanceof Decision.IssueOffer
                    || (decision instanceof Decision.FixedPoints fixed && fixed.line() == Decision.WHOLE_EVENT)) {
                kept.add(decision);
            }
        }
        return kept;
    }

    private List<Decision> fire(String eventId, LocalDate date, List<Object> facts) {
        if (closed) {
            throw new IllegalStateException("the rule engine is closed");
        }
        Session session = borrow();
        boolean reusable = false;
        try {
            session.collector.begin(eventId);
            List<FactHandle> handles = new ArrayList<>(facts.size());
            for (Object fact : facts) {
                handles.add(session.kieSession.insert(fact));
            }
            int fired = catalog.dated()
                    ? session.kieSession.fireAllRules(match -> catalog.firesOn(match.getRule(), date), MAX_FIRINGS)
                    : session.kieSession.fireAllRules(MAX_FIRINGS);
            if (fired >= MAX_FIRINGS) {
                throw new RuleEvaluationException("rules fired " + fired + " times on event " + eventId
                        + "; rule \"" + session.collector.currentRule() + "\" may keep re-activating itself");
            }
            List<Decision> decisions = session.collector.finish();
            for (FactHandle handle : handles) {
                session.kieSession.delete(handle);
            }
            reusable = sessionsReusable && session.kieSession.getFactCount() == 0;
            return decisions;
        } catch (ConsequenceException e) {
            throw consequenceFailure(e, session.collector.currentRule(), eventId);
        } catch (RuleEvaluationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw matchingFailure(e, eventId);
        } finally {
            release(session, reusable);
        }
    }

    /**
     * Tells whether {@link #evaluateAll(List)} evaluates many events in one firing: true when
     * every rule matches a single fact (see the module's README), so that no rule can match facts
     * of two events together.
     *
     * @return true when events can share a firing
     */
    public boolean evaluatesInOnePass() {
        return onePass;
    }

    /**
     * Evaluates several independent events. When every rule matches a single fact, all events'
     * facts go into one session and fire once, and each firing's decisions are routed to the
     * event its fact belongs to: a pooled session when there are fewer than {@value #MIN_FRESH_SESSION}
     * events (and sessions can be reused), a fresh one otherwise. Else the events are evaluated
     * one after another.
     *
     * @param contexts the events with their members; the events must not depend on each other
     * @return the decisions of each event in firing order, in the order of the contexts
     * @throws RuleEvaluationException when a rule fails on any of the events, naming the rule and that event
     */
    public List<List<Decision>> evaluateAll(List<RuleContext> contexts) {
        if (closed) {
            throw new IllegalStateException("the rule engine is closed");
        }
        if (!onePass || contexts.size() < 2 || contexts.size() < MIN_FRESH_SESSION && !sessionsReusable) {
            List<List<Decision>> results = new ArrayList<>(contexts.size());
            for (RuleContext context : contexts) {
                results.add(evaluate(context));
            }
            return results;
        }
        int count = contexts.size();
        String[] eventIds = new String[count];
        for (int i = 0; i < count; i++) {
            eventIds[i] = contexts.get(i).event().eventId().value();
        }
        // a few events fire together in a pooled session and their facts are deleted again, as one event's are;
        // many fire in a fresh session, disposed afterwards: cheaper than deleting thousands of facts one by one
        boolean pooled = count < MIN_FRESH_SESSION;
        Session session = pooled ? borrow() : new Session(kieBase.newKieSession(), declaresEarn, declaresOffers, announced);
        boolean reusable = false;
        try {
            session.collector.beginBatch(eventIds);
            List<FactHandle> handles = pooled ? new ArrayList<>(count * 8) : null;
            Owners.Builder owners = new Owners.Builder(count * 4);
            for (int i = 0; i < count; i++) {
                for (Object fact : Facts.of(contexts.get(i), factTypes, lines, tierPolicy)) {
                    FactHandle handle = session.kieSession.insert(fact);
                    if (handles != null) {
                        handles.add(handle);
                    }
                    owners.add(((InternalFactHandle) handle).getId(), i);
                }
            }
            session.collector.owners = owners.build();
            int limit = (int) Math.min(Integer.MAX_VALUE, (long) MAX_FIRINGS * count);
            Owners owned = session.collector.owners;
            AgendaFilter filter = match -> match.getFactHandles().isEmpty() || catalog.firesOn(match.getRule(),
                    contexts.get(owned.eventOf(Firings.firstFact(match).getId())).date());
            int fired = catalog.dated() ? session.kieSession.fireAllRules(filter, limit) : session.kieSession.fireAllRules(limit);
            if (fired >= limit) {
                throw new RuleEvaluationException("rules fired " + fired + " times on a batch of " + count + " events; rule \""
                        + session.collector.currentRule() + "\" may keep re-activating itself");
            }
            List<List<Decision>> decisions = session.collector.finishBatch();
            if (handles != null) {
                for (FactHandle handle : handles) {
                    session.kieSession.delete(handle);
                }
                reusable = session.kieSession.getFactCount() == 0;
            }
            return decisions;
        } catch (ConsequenceException e) {
            throw consequenceFailure(e, session.collector.currentRule(), session.collector.currentEvent());
        } catch (RuleEvaluationException e) {
            throw e;
        } catch (RuntimeException e) {
            // a constraint that throws fails while the batch's facts propagate, before any firing says whose they are
            RuleEvaluationException alone = failureOfOne(contexts);
            throw alone != null ? alone : matchingFailure(e, session.collector.currentEvent());
        } finally {
            session.collector.owners = null;
            if (pooled) {
                release(session, reusable);
            } else {
                session.kieSession.dispose();
            }
        }
    }

    /** Evaluates a failed batch's events one at a time and returns the first one's failure, naming its event; null if none fails alone. */
    private RuleEvaluationException failureOfOne(List<RuleContext> contexts) {
        for (RuleContext context : contexts) {
            try {
                evaluate(context);
            } catch (RuleEvaluationException e) {
                return e;
            }
        }
        return null;
    }

    /** Tells whether the rules' consequences announce their firings, so sessions need no listener; for tests. */
    boolean announcesFirings() {
        return announced;
    }

    /** Returns which purchase lines the sessions are given; for tests. */
    LineFilter lineFilter() {
        return lines;
    }

    /** Returns how many sessions wait in the pool; for tests. */
    int idleSessions() {
        return idle.size();
    }

    /** Disposes every idle session; sessions in use are disposed when returned. */
    @Override
    public void close() {
        closed = true;
        drain();
    }

    /**
     * Retires the rule set once a newer one has replaced it: evaluations that already hold it
     * finish on it, in sessions disposed when they are done; idle sessions are disposed now.
     */
    public void retire() {
        retired = true;
        drain();
    }

    /**
     * Warms a new rule set before it goes live: one session made and pooled, so that the first
     * event does not pay for it.
     */
    public void warm() {
        if (sessionsReusable && !closed && !retired) {
            release(new Session(kieBase.newKieSession(), declaresEarn, declaresOffers, announced), true);
        }
    }

    private Session borrow() {
        Session session = idle.pollFirst();
        if (session != null) {
            idleCount.decrementAndGet();
            return session;
        }
        return new Session(kieBase.newKieSession(), declaresEarn, declaresOffers, announced);
    }

    private void release(Session session, boolean reusable) {
        if (reusable && !closed && !retired) {
            if (idleCount.incrementAndGet() <= maxIdle) {
                idle.offerFirst(session);
                if (closed || retired) {
                    drain();
                }
                return;
            }
            idleCount.decrementAndGet();
        }
        session.kieSession.dispose();
    }

    private void drain() {
        Session session;
        while ((session = idle.pollFirst()) != null) {
            idleCount.decrementAndGet();
            session.kieSession.dispose();
        }
    }

    /**
     * Reports what failed outside a consequence, while the rules were matched: the rule and DRL
     * line of a salience, {@code enabled}, {@code eval} or constraint that threw, else the rule the
     * message names, else no rule. Not the rule that fired last: Drools matches a rule's joins just
     * before it fires, after other rules have fired, so that one has nothing to do with the failure.
     */
    private RuleEvaluationException matchingFailure(RuntimeException e, String eventId) {
        RuleFailures.Failure named = RuleFailures.failureIn(e, kieBase);
        return named != null ? failure(named.rule(), eventId, named) : failure(ruleOf(e), eventId, e);
    }

    /** Reports a consequence that threw: its rule, and the DRL file and line of its {@code then} when Drools kept the text. */
    private static RuleEvaluationException consequenceFailure(ConsequenceException e, String firing, String eventId) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        if (e.getMatch() != null && e.getMatch().getRule() instanceof RuleImpl rule) {
            return failure(rule.getName(), eventId, RuleFailures.consequence(rule, cause));
        }
        return failure(e.getMatch() != null ? e.getMatch().getRule().getName() : firing, eventId, cause);
    }

    private static RuleEvaluationException failure(String rule, String eventId, Throwable cause) {
        String message = cause instanceof RuleFailures.Failure ? cause.getMessage() : describe(cause);
        String prefix = "rule \"" + rule + "\": ";
        if (message.startsWith(prefix)) {
            message = message.substring(prefix.length());
        }
        // what a located expression threw may name the rule again
        message = message.replace(" failed: " + prefix, " failed: ");
        // a failed expression has already described what it threw
        Throwable described = cause instanceof RuleFailures.Failure && cause.getCause() != null ? cause.getCause() : cause;
        Throwable root = described;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != described) {
            message = message + ", caused by " + root;
        }
        String who = rule.isEmpty() ? "a rule" : "rule \"" + rule + "\"";
        return new RuleEvaluationException(who + " failed on event " + eventId + ": " + DrlCompiler.plain(message), cause);
    }

    /** Describes what a rule threw: Drools' own message, else the exception's type and message. */
    static String describe(Throwable cause) {
        String type = cause.getClass().getName();
        boolean plain = cause instanceof RuleEvaluationException || type.startsWith("org.drools.") || type.startsWith("org.kie.");
        return plain && cause.getMessage() != null ? cause.getMessage() : cause.toString();
    }

    /** Finds the rule a matching failure names, or an empty text; Drools puts it in the message of a failed constraint. */
    private static String ruleOf(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null) {
                Matcher matcher = RULE_IN_MESSAGE.matcher(message);
                if (matcher.find()) {
                    return matcher.group(1);
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return "";
    }

    /** A stateful session with its own {@code earn} and {@code offers} globals. */
    private static final class Session {
        final KieSession kieSession;
        final DecisionCollector collector = new DecisionCollector();

        Session(KieSession kieSession, boolean declaresEarn, boolean declaresOffers, boolean announced) {
            this.kieSession = kieSession;
            if (kieSession instanceof org.drools.core.WorkingMemory memory) {
                memory.setGlobalResolver(new SessionGlobals());
            }
            if (declaresEarn) {
                kieSession.setGlobal("earn", collector);
            }
            if (declaresOffers) {
                kieSession.setGlobal("offers", collector);
            }
            if (announced) {
                return;
            }
            kieSession.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void beforeMatchFired(BeforeMatchFiredEvent event) {
                    collector.firing(event.getMatch().getRule().getName());
                    if (collector.batching()) {
                        collector.firingFor(collector.owners.eventOf(Firings.firstFact(event.getMatch()).getId()));
                    }
                }
            });
        }
    }
}
