package dev.loyalty.rules.internal;

import java.util.Map;
import org.drools.base.base.EnabledBoolean;
import org.drools.base.base.ValueResolver;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.reteoo.BaseTuple;
import org.drools.base.rule.Declaration;
import org.drools.base.rule.EvalCondition;
import org.drools.base.rule.RuleConditionElement;
import org.drools.base.rule.accessor.Enabled;
import org.drools.base.rule.accessor.EvalExpression;
import org.drools.base.rule.accessor.Salience;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.Match;

/**
 * Wraps a {@code salience} or an {@code enabled} computed from the matched facts, and an
 * {@code eval}, so that their failures name their rule ({@link RuleFailures} locates it in the
 * DRL): Drools reports them without it. They are wrapped once at build time, as {@link Firings}
 * wraps consequences; a wrapper only catches. Not public API.
 */
final class RuleExpressions {

    private RuleExpressions() {
    }

    /**
     * Wraps every computed salience, {@code enabled} expression and {@code eval} of the rules so
     * that a failure names its rule.
     *
     * @param kieBase the compiled rules
     */
    static void name(KieBase kieBase) {
        for (RuleImpl impl : CampaignCatalog.rulesOf(kieBase)) {
            Salience salience = impl.getSalience();
            if (salience != null && salience.isDynamic() && !(salience instanceof NamedSalience)) {
                impl.setSalience(new NamedSalience(salience, impl));
            }
            Enabled enabled = impl.getEnabled();
            if (enabled != null && !(enabled instanceof EnabledBoolean) && !(enabled instanceof NamedEnabled)) {
                impl.setEnabled(new NamedEnabled(enabled, impl));
            }
            nameEvals(impl.getLhs(), impl);
        }
    }

    /** Wraps the evals in the element and below it, with the copies Drools made of them for its network. */
    private static void nameEvals(RuleConditionElement element, RuleImpl rule) {
        if (element instanceof EvalCondition eval) {
            nameEval(eval, rule);
        }
        for (RuleConditionElement nested : element.getNestedElements()) {
            nameEvals(nested, rule);
        }
    }

    private static void nameEval(EvalCondition eval, RuleImpl rule) {
        if (eval.getEvalExpression() != null && !(eval.getEvalExpression() instanceof NamedEval)) {
            eval.setEvalExpression(new NamedEval(eval.getEvalExpression(), rule));
        }
        for (EvalCondition clone : eval.getCloned()) {
            nameEval(clone, rule);
        }
    }

    /** A salience computed from the matched facts, whose failure names its rule. */
    private static final class NamedSalience implements Salience {
        private static final long serialVersionUID = 1L;
        private final Salience wrapped;
        private final RuleImpl rule;

        NamedSalience(Salience wrapped, RuleImpl rule) {
            this.wrapped = wrapped;
            this.rule = rule;
        }

        @Override
        public int getValue(Match match, Rule matched, ValueResolver resolver) {
            try {
                return wrapped.getValue(match, matched, resolver);
            } catch (RuntimeException e) {
                throw RuleFailures.failure(rule, "salience", e);
            }
        }

        @Override
        public int getValue() {
            return wrapped.getValue();
        }

        @Override
        public boolean isDynamic() {
            return wrapped.isDynamic();
        }

        @Override
        public boolean isDefault() {
            return wrapped.isDefault();
        }

        @Override
        public Declaration[] findDeclarations(Map<String, Declaration> declarations) {
            return wrapped.findDeclarations(declarations);
        }
    }

    /** An {@code enabled} expression, whose failure names its rule. */
    private static final class NamedEnabled implements Enabled {
        private static final long serialVersionUID = 1L;
        private final Enabled wrapped;
        private final RuleImpl rule;

        NamedEnabled(Enabled wrapped, RuleImpl rule) {
            this.wrapped = wrapped;
            this.rule = rule;
        }

        @Override
        public boolean getValue(BaseTuple tuple, Declaration[] declarations, RuleImpl matched, ValueResolver resolver) {
            try {
                return wrapped.getValue(tuple, declarations, matched, resolver);
            } catch (RuntimeException e) {
                throw RuleFailures.failure(rule, "enabled", e);
            }
        }

        @Override
        public Declaration[] findDeclarations(Map<String, Declaration> declarations) {
            return wrapped.findDeclarations(declarations);
        }
    }

    /** An {@code eval}, whose failure names its rule. */
    private static final class NamedEval implements EvalExpression {
        private final EvalExpression wrapped;
        private final RuleImpl rule;

        NamedEval(EvalExpression wrapped, RuleImpl rule) {
            this.wrapped = wrapped;
            this.rule = rule;
        }

        @Override
        public Object createContext() {
            return wrapped.createContext();
        }

        @Override
        public boolean evaluate(BaseTuple tuple, Declaration[] declarations, ValueResolver resolver, Object context) throws Exception {
            try {
                return wrapped.evaluate(tuple, declarations, resolver, context);
            } catch (Exception e) {
                throw RuleFailures.failure(rule, "eval", e);
            }
        }

        @Override
        public void replaceDeclaration(Declaration declaration, Declaration resolved) {
            wrapped.replaceDeclaration(declaration, resolved);
        }

        @Override
        public EvalExpression clone() {
            return new NamedEval(wrapped.clone(), rule);
        }

        @Override
        public EvalExpression clonePreservingDeclarations(EvalExpression original) {
            EvalExpression unwrapped = original instanceof NamedEval named ? named.wrapped : original;
            return new NamedEval(wrapped.clonePreservingDeclarations(unwrapped), rule);
        }

        @Override
        public boolean wrapsCompiledInvoker() {
            return wrapped.wrapsCompiledInvoker();
        }

        @Override
        public String toString() {
            return wrapped.toString();
        }
    }
}
