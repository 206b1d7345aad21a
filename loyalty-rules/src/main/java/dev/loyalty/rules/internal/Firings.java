package dev.loyalty.rules.internal;

import java.util.ArrayList;
import java.util.List;
import org.drools.base.base.ValueResolver;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.consequence.Consequence;
import org.drools.base.rule.consequence.ConsequenceContext;
import org.drools.core.common.InternalFactHandle;
import org.drools.core.rule.consequence.InternalMatch;
import org.kie.api.KieBase;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.runtime.rule.Match;

/**
 * How a firing reaches the session's collector: which rule fires and, in a batch, for which
 * event (the event of the first fact its match joined). Not public API.
 */
final class Firings {

    private Firings() {
    }

    /**
     * Returns the first fact a match joined: with one pattern, its tuple's own fact handle, read
     * without the list {@code Match.getFactHandles()} makes.
     */
    static InternalFactHandle firstFact(Match match) {
        if (match instanceof InternalMatch internal && internal.getTuple() != null && internal.getTuple().size() == 1
                && internal.getTuple().getFactHandle() != null) {
            return internal.getTuple().getFactHandle();
        }
        List<? extends FactHandle> handles = match.getFactHandles();
        if (handles.isEmpty()) {
            throw new IllegalStateException("rule \"" + match.getRule().getName() + "\" matched no fact of the batch");
        }
        return (InternalFactHandle) handles.get(0);
    }

    /**
     * Wraps every rule's consequence in one that first tells the session's collector which rule
     * fires and, in a batch, for which event, so that sessions need no agenda listener (which
     * makes an event object per firing). Returns false, leaving the rule base as it was, when a
     * rule cannot be wrapped (no {@code earn} global, named consequences, an unexpected rule type).
     */
    static boolean announce(KieBase kieBase, boolean declaresEarn) {
        if (!declaresEarn) {
            return false;
        }
        List<RuleImpl> rules = new ArrayList<>();
        for (org.kie.api.definition.KiePackage kiePackage : kieBase.getKiePackages()) {
            for (org.kie.api.definition.rule.Rule rule : kiePackage.getRules()) {
                if (!(rule instanceof RuleImpl impl) || impl.hasNamedConsequences() || !impl.isQuery() && impl.getConsequence() == null) {
                    return false;
                }
                if (!impl.isQuery()) {
                    rules.add(impl);
                }
            }
        }
        for (RuleImpl rule : rules) {
            if (!(rule.getConsequence() instanceof Announcing)) {
                rule.setConsequence(new Announcing(rule.getConsequence(), rule.getName()));
            }
        }
        return true;
    }

    /** Returns the consequence the rule was compiled with: the one {@link #announce} wrapped, else the rule's own. */
    static Consequence<?> compiled(RuleImpl rule) {
        Consequence<?> consequence = rule.getConsequence();
        return consequence instanceof Announcing announcing ? announcing.wrapped : consequence;
    }

    /** A rule's consequence that announces the firing to the session's collector first. */
    private static final class Announcing implements Consequence<ConsequenceContext> {
        private final Consequence<ConsequenceContext> wrapped;
        private final String rule;

        @SuppressWarnings("unchecked")
        Announcing(Consequence<?> wrapped, String rule) {
            this.wrapped = (Consequence<ConsequenceContext>) wrapped;
            this.rule = rule;
        }

        @Override
        public String getName() {
            return wrapped.getName();
        }

        @Override
        public void evaluate(ConsequenceContext context, ValueResolver resolver) throws Exception {
            if (resolver.getGlobal("earn") instanceof DecisionCollector collector) {
                collector.firing(rule);
                if (collector.batching()) {
                    collector.firingFor(collector.owners.eventOf(firstFact(context.getMatch()).getId()));
                }
            }
            wrapped.evaluate(context, resolver);
        }
    }
}
