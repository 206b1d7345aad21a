package dev.loyalty.rules.internal;

import dev.loyalty.core.RuleEvaluationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.mvel.ConstraintEvaluationException;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.Resource;
import org.kie.api.runtime.rule.ConsequenceException;

/**
 * Finds whose expression failed while the rules were matched, and where in the DRL: the rule of a
 * wrapped {@code salience}, {@code enabled} or {@code eval} ({@link RuleExpressions}), of a
 * constraint (Drools names it), of an MVEL expression Drools quotes (by its text), of Java code
 * compiled from a rule (by its class), and the {@code then} line of a consequence. The DRL is read
 * only when something failed; and turns what failed into the {@link RuleEvaluationException} an
 * evaluation throws, naming the rule and the event. Not public API.
 */
final class RuleFailures {

    /** Drools' message for a constraint that throws: its text and the first rule it belongs to. */
    private static final Pattern CONSTRAINT = Pattern.compile("^Error evaluating constraint '(.*)' in \\[Rule \"([^\"]+)\"", Pattern.DOTALL);

    /** MVEL's quote of an expression it failed to evaluate, as in {@code [Near : {... $m.getBirthday().getMonth() ....}]}. */
    private static final Pattern NEAR = Pattern.compile("\\[Near : \\{\\.\\.\\. (.+?) \\.\\.\\.\\.}]");

    /** Drools names a rule this way in the message of a failed constraint. */
    private static final Pattern RULE_IN_MESSAGE = Pattern.compile("[Rr]ule \"([^\"]+)\"");

    /**
     * MVEL's message when a typed local's conversion to a whole number throws, as {@link MvelNaNGuard}'s
     * refusal of NaN does; it replaces the refusal, without a cause.
     */
    private static final Pattern NOT_CONVERTED = Pattern.compile(
            "cannot convert value of java\\.lang\\.(Double|Float) to: (long|int|java\\.lang\\.Long|java\\.lang\\.Integer)\\b");

    /** What Drools appends to a rule's class name for the class of its Java consequence. */
    private static final String CONSEQUENCE_SUFFIX = "DefaultConsequenceInvoker";
    private RuleFailures() {
    }

    /**
     * Returns the failure of a rule's expression that the exception is or wraps, or null when it
     * is none: a wrapped expression's, or a constraint's, named by its first rule and located.
     *
     * @param e what the session threw
     * @param kieBase the compiled rules, to find a failed constraint's rule
     * @return the failure naming the rule, or null
     */
    static Failure failureIn(Throwable e, KieBase kieBase) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof Failure failure) {
                return failure;
            }
            if (t instanceof ConstraintEvaluationException && t.getMessage() != null) {
                Matcher constraint = CONSTRAINT.matcher(t.getMessage());
                if (constraint.find()) {
                    RuleImpl rule = rule(kieBase, constraint.group(2));
                    String where = rule == null ? "" : where(rule, drl -> DrlLines.lineOfText(drl.text(), drl.ruleLine(), constraint.group(1)));
                    return new Failure(constraint.group(2), "constraint", where, t);
                }
            }
            Matcher near = t.getMessage() == null ? null : NEAR.matcher(t.getMessage());
            if (near != null && near.find()) {
                Failure quoted = quotedBy(kieBase, near.group(1).strip(), t);
                if (quoted != null) {
                    return quoted;
                }
            }
        }
        return compiledIn(e, kieBase);
    }

    /**
     * Finds the rule whose compiled Java code threw, such as an {@code accumulate} function's
     * expression, from the stack: Drools compiles a rule's Java parts into classes named after
     * the rule's class, whose name its consequence's class starts with. Null when no frame is a
     * rule's, as with rules in the MVEL dialect.
     */
    private static Failure compiledIn(Throwable e, KieBase kieBase) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (StackTraceElement frame : t.getStackTrace()) {
                String frameClass = frame.getClassName();
                if (!frameClass.substring(frameClass.lastIndexOf('.') + 1).startsWith("Rule_")) {
                    continue;
                }
                RuleImpl owner = ruleOfClass(kieBase, frameClass);
                if (owner != null) {
                    boolean accumulate = (frameClass + '.' + frame.getMethodName()).toLowerCase(Locale.ROOT).contains("accumulate");
                    String word = accumulate ? "accumulate" : "expression";
                    return failure(owner, word, t);
                }
            }
        }
        return null;
    }

    /** The rule a generated class belongs to: its consequence's class is the rule's class and a suffix, and so is the class. */
    private static RuleImpl ruleOfClass(KieBase kieBase, String generated) {
        for (RuleImpl impl : CampaignCatalog.rulesOf(kieBase)) {
            String consequence = Firings.compiled(impl) == null ? "" : Firings.compiled(impl).getClass().getName();
            int suffix = consequence.indexOf(CONSEQUENCE_SUFFIX);
            if (suffix <= 0) {
                continue;
            }
            String ruleClass = consequence.substring(0, suffix);
            // the rule's class ends in digits: what follows them in a part's class is a name, never another digit
            if (generated.equals(ruleClass) || generated.startsWith(ruleClass) && !Character.isDigit(generated.charAt(ruleClass.length()))) {
                return impl;
            }
        }
        return null;
    }

    /**
     * Finds the rules whose DRL holds an expression MVEL quoted in its failure (one after
     * {@code from}, say, which Drools reports without its rule) and locates each at the line that
     * holds it (the rule's line when it holds it on several); null when no rule holds it. When
     * several do, the failure names no rule and lists where each holds it. Each file is read once.
     */
    private static Failure quotedBy(KieBase kieBase, String expression, Throwable cause) {
        if (expression.isEmpty()) {
            return null;
        }
        Set<String> read = new HashSet<>();
        Map<String, String> found = new LinkedHashMap<>();
        for (RuleImpl impl : CampaignCatalog.rulesOf(kieBase)) {
            String resource = CampaignCatalog.resourceOf(impl);
            String text = read.add(resource) ? text(impl.getResource()) : null;
            if (text == null) {
                continue;
            }
            String prefix = resource.isEmpty() ? "line " : resource + ":";
            String[] lines = DrlCode.lines(text);
            String declared = null;
            for (int i = 0; i < lines.length; i++) {
                String name = DrlLines.declaredRule(lines[i]);
                declared = name != null ? name : declared;
                if (declared == null || !lines[i].contains(expression)) {
                    continue;
                }
                String rule = declared;
                found.merge(rule, prefix + (i + 1), (first, again) -> prefix + CampaignCatalog.lineOfRule(text, rule));
            }
        }
        if (found.size() <= 1) {
            return found.isEmpty() ? null : new Failure(found.keySet().iterator().next(), "expression", found.values().iterator().next(), cause);
        }
        List<String> places = new ArrayList<>();
        found.forEach((rule, at) -> places.add(at + " (rule \"" + rule + "\")"));
        return new Failure("", "the expression", String.join(" or ", places), cause);
    }

    private static RuleImpl rule(KieBase kieBase, String name) {
        for (RuleImpl impl : CampaignCatalog.rulesOf(kieBase)) {
            if (impl.getName().equals(name)) {
                return impl;
            }
        }
        return null;
    }

    /** Returns the failure of the rule's expression the word names, such as {@code salience}, located at the line that holds the word. */
    static Failure failure(RuleImpl rule, String word, Throwable cause) {
        return new Failure(rule.getName(), word, where(rule, drl -> DrlLines.lineOfWord(drl.text(), drl.ruleLine(), word)), cause);
    }

    /**
     * Returns the failure of a rule's consequence, located at its {@code then} line, such as
     * {@code consequence at spring.drl:7 failed: java.lang.NullPointerException}.
     *
     * @param rule the rule whose consequence threw
     * @param cause what it threw
     * @return the failure naming the rule
     */
    static Failure consequence(RuleImpl rule, Throwable cause) {
        return new Failure(rule.getName(), "consequence", where(rule, drl -> DrlLines.lineOfWord(drl.text(), drl.ruleLine(), "then")), cause);
    }

    /** A rule's DRL text and the line that declares it. */
    private record Drl(String text, int ruleLine) {
    }

    /** Returns the rule's file and the line the finder picks in the rule, as {@code file:line}; the file alone when the text cannot be read. */
    private static String where(RuleImpl rule, ToIntFunction<Drl> line) {
        String resource = CampaignCatalog.resourceOf(rule);
        String text = text(rule.getResource());
        int ruleLine = text == null ? 0 : CampaignCatalog.lineOfRule(text, rule.getName());
        if (ruleLine <= 0) {
            return resource;
        }
        return (resource.isEmpty() ? "line " : resource + ":") + line.applyAsInt(new Drl(text, ruleLine));
    }

    /** Returns the DRL the rule was compiled from, which Drools keeps with the rule, or null. */
    private static String text(Resource resource) {
        if (resource == null) {
            return null;
        }
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Reports what failed outside a consequence, while the rules were matched: the rule and DRL
     * line of a salience, {@code enabled}, {@code eval} or constraint that threw, else the rule the
     * message names, else no rule. Not the rule that fired last: Drools matches a rule's joins just
     * before it fires, after other rules have fired, so that one has nothing to do with the failure.
     */
    static RuleEvaluationException whileMatching(RuntimeException e, KieBase kieBase, String eventId) {
        Failure named = failureIn(e, kieBase);
        return named != null ? evaluationFailure(named.rule(), eventId, named) : evaluationFailure(ruleOf(e), eventId, e);
    }

    /** Reports a consequence that threw: its rule, and the DRL file and line of its {@code then} when Drools kept the text. */
    static RuleEvaluationException ofConsequence(ConsequenceException e, String firing, String eventId) {
        Throwable cause = refusal(e.getCause() != null ? e.getCause() : e);
        if (e.getMatch() != null && e.getMatch().getRule() instanceof RuleImpl rule) {
            return evaluationFailure(rule.getName(), eventId, consequence(rule, cause));
        }
        return evaluationFailure(e.getMatch() != null ? e.getMatch().getRule().getName() : firing, eventId, cause);
    }

    /**
     * Returns the vocabulary's refusal of a decision the exception wraps, such as negative points,
     * else the exception: MVEL wraps what a call in its consequence throws in its own quoting error.
     * When MVEL replaced a refusal of NaN with its "cannot convert" message, as it does for a typed
     * local ({@link MvelNaNGuard}), the refusal is returned, MVEL's exception suppressed in it.
     */
    private static Throwable refusal(Throwable thrown) {
        RuleEvaluationException nan = MvelNaNGuard.takeRefusal();
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RuleEvaluationException) {
                return t;
            }
            if (nan != null && t.getMessage() != null && NOT_CONVERTED.matcher(t.getMessage()).find()) {
                nan.addSuppressed(thrown);
                return nan;
            }
        }
        return thrown;
    }

    /** The exception an evaluation throws for a failed rule: the rule, the event, and what failed, with its root cause. */
    private static RuleEvaluationException evaluationFailure(String rule, String eventId, Throwable cause) {
        String message = cause instanceof Failure ? cause.getMessage() : describe(cause);
        String prefix = "rule \"" + rule + "\": ";
        if (message.startsWith(prefix)) {
            message = message.substring(prefix.length());
        }
        // what a located expression threw may name the rule again
        message = message.replace(" failed: " + prefix, " failed: ");
        // a failed expression has already described what it threw
        Throwable described = cause instanceof Failure && cause.getCause() != null ? cause.getCause() : cause;
        Throwable root = described;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != described) {
            message = message + ", caused by " + root;
        }
        String who = rule.isEmpty() ? "a rule" : "rule \"" + rule + "\"";
        return new RuleEvaluationException(who + " failed on event " + eventId + ": " + DroolsMessages.plain(message), cause);
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

    /**
     * A rule's expression that threw while matching, such as {@code salience at spring.drl:5
     * failed: java.lang.ArithmeticException: Division by zero}; its cause is what it threw.
     */
    static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String rule;

        Failure(String rule, String expression, String where, Throwable cause) {
            super(expression + (where.isEmpty() ? "" : " at " + where) + " failed: " + DroolsMessages.plain(describe(cause)), cause);
            this.rule = rule;
        }

        /** Returns the name of the rule whose expression failed. */
        String rule() {
            return rule;
        }
    }
}
