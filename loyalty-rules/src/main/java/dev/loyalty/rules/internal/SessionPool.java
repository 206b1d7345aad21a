package dev.loyalty.rules.internal;

import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import org.kie.api.KieBase;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;

/**
 * The stateful sessions of one rule set: made with the set's globals, lent out and taken back
 * clean for reuse, at most {@code maxIdle} of them waiting; a session handed back dirty, or once
 * the set is closed or retired, is disposed instead. Thread-safe. Not public API.
 */
final class SessionPool {

    private final KieBase kieBase;
    private final boolean declaresEarn;
    private final boolean declaresOffers;
    /** Whether the rules' consequences announce their firings themselves (else a listener on each session does). */
    private final boolean announced;
    private final int maxIdle;
    private final ConcurrentLinkedDeque<Session> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger idleCount = new AtomicInteger();
    private volatile boolean closed;
    /** Replaced by a newer set: sessions are still lent, but no longer pooled. */
    private volatile boolean retired;

    SessionPool(KieBase kieBase, boolean declaresEarn, boolean declaresOffers, boolean announced, int maxIdle) {
        this.kieBase = kieBase;
        this.declaresEarn = declaresEarn;
        this.declaresOffers = declaresOffers;
        this.announced = announced;
        this.maxIdle = maxIdle;
    }

    /** Throws when the pool was closed: its rule set no longer evaluates. */
    void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the rule engine is closed");
        }
    }

    /** Lends an idle session, or a new one when none waits. */
    Session borrow() {
        Session session = idle.pollFirst();
        if (session != null) {
            idleCount.decrementAndGet();
            return session;
        }
        return fresh();
    }

    /** Makes a session that is not pooled: dispose it when done. A session whose set-up fails is disposed. */
    Session fresh() {
        KieSession kieSession = kieBase.newKieSession();
        try {
            return new Session(kieSession, declaresEarn, declaresOffers, announced);
        } catch (RuntimeException | Error e) {
            kieSession.dispose();
            throw e;
        }
    }

    /** Takes a session back: pooled when it is clean and there is room, else disposed. */
    void release(Session session, boolean reusable) {
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

    /** Makes one session and pools it, so that the first evaluation does not pay for it. */
    void warm() {
        if (!closed && !retired) {
            release(fresh(), true);
        }
    }

    /** Disposes every idle session and pools no more; sessions lent out are disposed when returned. */
    void close() {
        closed = true;
        drain();
    }

    /** Disposes every idle session and pools no more, while sessions are still lent. */
    void retire() {
        retired = true;
        drain();
    }

    /** Returns how many sessions wait. */
    int idleSessions() {
        return idle.size();
    }

    private void drain() {
        Session session;
        while ((session = idle.pollFirst()) != null) {
            idleCount.decrementAndGet();
            session.kieSession.dispose();
        }
    }

    /** A stateful session with its own {@code earn} and {@code offers} globals. */
    static final class Session {
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
