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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * A compiled rule set and a small pool of reusable stateful sessions over it ({@link SessionPool}). Thread-safe: each
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

    private final KieBase kieBase;
    private final boolean onePass;
    private final boolean sessionsReusable;
    /** Whether the rules' consequences announce their firings themselves (else a listener on each session does). */
    private final boolean announced;
    private final Facts.Types factTypes;
    /** Which purchase lines some rule could see; the others are not inserted. */
    private final LineFilter lines;
    private final String version;
    private final TierPolicy tierPolicy;
    private final CampaignCatalog catalog;
    private final SessionPool sessions;

    /**
     * Makes the rule set of compiled and checked rules ({@link RuleSetCompiler}).
     *
     * @throws RuleDefinitionException when the tier ladder the rules declare is not valid
     */
    RuleSet(KieBase kieBase, String version, int maxIdle, CampaignCatalog catalog) {
        this.kieBase = kieBase;
        this.catalog = catalog;
        boolean declaresEarn = kieBase.getKiePackages().stream()
                .anyMatch(p -> p.getGlobalVariables().stream().anyMatch(g -> g.getName().equals("earn")));
        boolean declaresOffers = kieBase.getKiePackages().stream()
                .anyMatch(p -> p.getGlobalVariables().stream().anyMatch(g -> g.getName().equals("offers")));
        this.version = version;
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
        this.sessions = new SessionPool(kieBase, declaresEarn, declaresOffers, announced, maxIdle);
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
            // only the matches of the ladder: a rule without conditions also fires here, and its actions are not the ladder's
            session.fireAllRules(match -> match.getObjects().stream().anyMatch(fact -> fact == ladder), MAX_FIRINGS);
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
     * Returns the campaigns of the rule set, read from the rules' metadata.
     *
     * @return the campaigns, sorted by id
     */
    public List<dev.loyalty.rules.Campaign> campaigns() {
        return catalog.campaigns();
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
        sessions.checkOpen();
        SessionPool.Session session = sessions.borrow();
        boolean reusable = false;
        try {
            session.collector.begin(eventId);
            List<FactHandle> handles = new ArrayList<>(facts.size());
            for (Object fact : facts) {
                handles.add(session.kieSession.insert(fact));
            }
            int fired;
            int[] guard = MvelNaNGuard.firing();
            try {
                fired = catalog.dated()
                        ? session.kieSession.fireAllRules(match -> catalog.firesOn(match.getRule(), date), MAX_FIRINGS)
                        : session.kieSession.fireAllRules(MAX_FIRINGS);
            } finally {
                MvelNaNGuard.done(guard);
            }
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
            throw RuleFailures.ofConsequence(e, session.collector.currentRule(), eventId);
        } catch (RuleEvaluationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw RuleFailures.whileMatching(e, kieBase, eventId);
        } finally {
            sessions.release(session, reusable);
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
        sessions.checkOpen();
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
        SessionPool.Session session = pooled ? sessions.borrow() : sessions.fresh();
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
            int fired;
            int[] guard = MvelNaNGuard.firing();
            try {
                fired = catalog.dated() ? session.kieSession.fireAllRules(filter, limit) : session.kieSession.fireAllRules(limit);
            } finally {
                MvelNaNGuard.done(guard);
            }
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
            throw RuleFailures.ofConsequence(e, session.collector.currentRule(), session.collector.currentEvent());
        } catch (RuleEvaluationException e) {
            throw e;
        } catch (RuntimeException e) {
            // a constraint that throws fails while the batch's facts propagate, before any firing says whose they are
            RuleEvaluationException alone = failureOfOne(contexts);
            throw alone != null ? alone : RuleFailures.whileMatching(e, kieBase, session.collector.currentEvent());
        } finally {
            session.collector.owners = null;
            if (pooled) {
                sessions.release(session, reusable);
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
        return sessions.idleSessions();
    }

    /** Disposes every idle session; sessions in use are disposed when returned. */
    @Override
    public void close() {
        sessions.close();
    }

    /**
     * Retires the rule set once a newer one has replaced it: evaluations that already hold it
     * finish on it, in sessions disposed when they are done; idle sessions are disposed now.
     */
    public void retire() {
        sessions.retire();
    }

    /**
     * Warms a new rule set before it goes live: one session made and pooled, so that the first
     * event does not pay for it.
     *
     * @throws RuleDefinitionException when no session can be made of the set, saying why
     */
    public void warm() {
        if (!sessionsReusable) {
            return;
        }
        try {
            sessions.warm();
        } catch (RuntimeException e) {
            throw new RuleDefinitionException(List.of(new RuleProblem("", 0, 0, "",
                    "the rule set could not make a session to warm up: " + e)), "", e);
        }
    }

}
