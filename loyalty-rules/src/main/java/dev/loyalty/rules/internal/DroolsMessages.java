package dev.loyalty.rules.internal;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Rewrites what Drools and MVEL say of a problem as one plain line: an MVEL consequence that calls
 * an unknown action is said as the Java one is, an unknown field is named with its type, a
 * {@code $variable} no pattern binds and a sliding window over a fact that is not an event are said
 * so in the author's words, a syntax
 * error and a consequence that does not compile are said so, an unknown action on {@code earn}
 * lists the actions there are, a long quoted input is cut short, the class Drools generates for a
 * consequence is called the rule, and the rule's name, which the problem gives, is left out. Not
 * public API.
 */
final class DroolsMessages {

    private static final Pattern UNKNOWN_FIELD = Pattern.compile("unable to resolve method using strict-mode: ([\\w.$]+)\\.([^\\s()]+)\\(\\)");
    /** A money amount written with a currency sign, such as {@code £100}: MVEL reads it as a field's name. */
    private static final Pattern CURRENCY_AMOUNT = Pattern.compile("^\\p{Sc}\\d+(?:\\.\\d+)?$");
    /** A comparison whose right side is a bare word: {@code channel == web}. */
    private static final Pattern COMPARED_WITH_WORD = Pattern.compile("^\\s*[\\w$.]+\\s*(?:==|!=)\\s*([A-Za-z_]\\w*)\\s*$");
    /** A {@code $name} that no earlier pattern binds, which MVEL looks for as a method of the pattern's type. */
    private static final Pattern UNBOUND_VARIABLE = Pattern.compile("unable to resolve method using strict-mode: ([\\w.$]+)\\.(\\$[\\w$]*)\\(\\)");
    /** An accumulate function Drools does not know, with its advice to register one. */
    static final Pattern UNKNOWN_ACCUMULATE = Pattern.compile("^Unknown accumulate function: '([^']*)'");
    /** The accumulate functions Drools 10 registers by default (its settings, kie.default.properties.conf), its typed variants such as sumBD left out. */
    private static final List<String> ACCUMULATE_FUNCTIONS = List.of("average", "collectList", "collectSet", "count", "max", "min",
            "standardDeviation", "sum", "variance");
    /** A constraint that is a field or value alone, not a condition, with MVEL's place of it. */
    private static final Pattern NOT_BOOLEAN = Pattern.compile("^Predicate '(.*?)' must be a Boolean expression");
    /** A fact's field read by name in a Java consequence, which the compiler refuses as not visible. */
    private static final Pattern HIDDEN_FIELD = Pattern.compile("The field \\w+\\.(\\w+) is not visible");
    /** A pattern's type that resolves to no class, as Drools reports it. */
    private static final Pattern UNKNOWN_TYPE = Pattern.compile("^Unable to resolve ObjectType '([\\w.$]+)'");
    private static final String VOCABULARY = dev.loyalty.rules.vocabulary.Purchase.class.getPackageName();
    /** The facts the engine inserts, which a rule's patterns match. */
    private static final List<String> FACTS = List.of("Purchase", "PurchaseLine", "Member", "Enrolment", "ProfileChange", "Today",
            "Program", "BirthdayDue", "Dormant", "ReferralQualified", "Segment", "TierLadder");
    /** What MVEL says of an expression it could not analyse: the expression, its reason, then where its parser stood. */
    private static final Pattern ANALYSED = Pattern.compile("Unable to Analyse Expression (.*?): (?:\\[Error: ([^\\]]+)\\]|[^\\[]*$)");
    /** A type of the JDK or the vocabulary as MVEL names it, {@code class java.math.BigDecimal}; said by its simple name. */
    private static final Pattern JAVA_TYPE = Pattern.compile("(?:class |interface )?(?:java\\.(?:lang|math|time|util)|dev\\.loyalty\\.rules\\.vocabulary)\\.(\\w+)");
    /** A sliding window over a fact that is not an event, with Drools' name of the type. */
    private static final Pattern WINDOW_ON_FACT = Pattern.compile("^A Sliding Window can only be assigned to types declared with @role\\( event \\)\\. "
            + "The type '\\[ClassObjectType class=([\\w.$]+)\\]'");
    /** How an MVEL consequence that calls an action the global does not have is reported. */
    static final Pattern MVEL_UNKNOWN_ACTION = Pattern.compile("^Unable to Analyse Expression .*?\\[Error: unable to resolve method "
            + "using strict-mode: dev\\.loyalty\\.rules\\.vocabulary\\.(Earn|Offers)\\.(\\w+)\\(([^)]*)\\)\\]");
    /** How a consequence that does not compile is reported, before what the Java compiler says. */
    static final String CONSEQUENCE_PROBLEM = "the consequence (then part) does not compile: ";
    private static final Pattern UNKNOWN_ACTION = Pattern.compile("The method (\\w+)\\([^)]*\\) is undefined for the type Earn");
    /** How Drools' own {@code rule} variable is said. */
    private static final String DROOLS_RULE = "Drools' rule variable (the word 'rule' names the rule itself, not a field)";
    /** Drools' own {@code rule} variable, which MVEL names by its type when a constraint or salience uses the word. */
    private static final Pattern RULE_VARIABLE = Pattern.compile("(?:interface |class )?org\\.kie\\.api\\.definition\\.rule\\.Rule\\b");
    /** The class Drools generates for a rule's consequence, which the Java compiler names. */
    private static final Pattern GENERATED_CLASS = Pattern.compile("the type Rule_[\\w$]+");
    /** A syntax error's quoted input, when it is long: an unclosed quote makes the parser read on over many lines. */
    private static final Pattern LONG_INPUT =
            Pattern.compile("(mismatched input|extraneous input|no viable alternative at input) '(.{60,}?)'( expecting|$| in )");
    /** The names of the actions on {@code earn}, for the hint given when a rule calls one that does not exist. */
    private static final SortedSet<String> EARN_ACTIONS = Arrays.stream(dev.loyalty.rules.vocabulary.Earn.class.getMethods())
            .map(Method::getName).collect(Collectors.toCollection(TreeSet::new));

    private DroolsMessages() {
    }

    /** Rewrites Drools' message as one plain line, without what the problem's other fields already say. */
    static String readable(String message, String rule) {
        String text = plain(message);
        Matcher mvelAction = MVEL_UNKNOWN_ACTION.matcher(text);
        if (mvelAction.find()) {
            // an MVEL consequence: say it as the Java one is said, without MVEL's parser trace
            String arguments = Arrays.stream(mvelAction.group(3).split(",")).map(String::strip).filter(a -> !a.isEmpty())
                    .map(a -> a.substring(a.lastIndexOf('.') + 1)).collect(Collectors.joining(", "));
            text = "Rule Compilation error The method " + mvelAction.group(2) + "(" + arguments + ") is undefined for the type "
                    + mvelAction.group(1);
        }
        Matcher unbound = UNBOUND_VARIABLE.matcher(text);
        if (unbound.find()) {
            String type = unbound.group(1).substring(unbound.group(1).lastIndexOf('.') + 1);
            Matcher expression = ANALYSED.matcher(text);
            return unbound.group(2) + " is not bound" + (expression.find() ? " where constraint " + expression.group(1) + " uses it" : "")
                    + ": bind it in an earlier pattern, to a fact (" + unbound.group(2) + " : Purchase( )) or a field (Purchase( " + unbound.group(2)
                    + " : total )), or name a field of " + type;
        }
        Matcher accumulate = UNKNOWN_ACCUMULATE.matcher(text);
        if (accumulate.find()) {
            return unknownAccumulate(accumulate.group(1));
        }
        Matcher predicate = NOT_BOOLEAN.matcher(text);
        if (predicate.find()) {
            String alone = predicate.group(1);
            if (alone.matches("\\d+")) {
                // "total > 10,5": the comma ends the constraint, and 5 stands alone
                return "constraint " + alone + " is not true or false: a comma separates constraints, so a decimal is written with a "
                        + "point, such as total > 10.5";
            }
            return "constraint " + alone + " is not true or false; compare a field with a value, such as reward == \"star\" "
                    + "for text or total > 100 for a number";
        }
        Matcher objectType = UNKNOWN_TYPE.matcher(text);
        if (objectType.find()) {
            return unknownType(objectType.group(1));
        }
        Matcher window = WINDOW_ON_FACT.matcher(text);
        if (window.find()) {
            String type = window.group(1).substring(window.group(1).lastIndexOf('.') + 1);
            return "a sliding window (over window:time or window:length) needs facts declared as events, and " + type + " is not one: "
                    + "the rules see one event at a time, with the member as a fact; read the member's history from Member, such as "
                    + "Member( pointsBalance > 100 )";
        }
        Matcher field = UNKNOWN_FIELD.matcher(text);
        if (field.find()) {
            String type = field.group(1).substring(field.group(1).lastIndexOf('.') + 1);
            String name = field.group(2);
            Matcher expression = ANALYSED.matcher(text);
            String constraint = expression.find() ? expression.group(1) : null;
            if (CURRENCY_AMOUNT.matcher(name).matches()) {
                return name + " is an amount with a currency sign, which a constraint cannot read; write the number alone, such as "
                        + name.substring(1) + " (amounts are in the program's currency)";
            }
            Matcher word = constraint == null ? null : COMPARED_WITH_WORD.matcher(constraint);
            String quoted = word != null && word.find() && word.group(1).equals(name)
                    ? "; to compare with the text " + name + ", quote it: " + constraint.strip().replaceFirst(Pattern.quote(name) + "$", "\"" + name + "\"")
                    : "";
            return type + " has no field '" + name + "'" + (constraint != null ? " in constraint: " + constraint : "") + quoted;
        }
        Matcher analysed = ANALYSED.matcher(text);
        if (analysed.find()) {
            // any other expression MVEL could not analyse: the expression and MVEL's reason, without its parser's window and place;
            // without a reason when MVEL itself failed (a class cast inside it), which tells the author nothing
            String constraint = analysed.group(1).replace(" ~= ", " matches ");
            if (analysed.group(2) == null) {
                return "constraint " + constraint + " cannot be read";
            }
            String reason = JAVA_TYPE.matcher(RULE_VARIABLE.matcher(analysed.group(2).strip()).replaceAll(DROOLS_RULE)).replaceAll("$1");
            return "constraint " + constraint + " cannot be read: " + Character.toLowerCase(reason.charAt(0)) + reason.substring(1);
        }
        text = text.replaceFirst("^\\[ERR \\d+\\] Line \\d+:\\d+ ", "syntax error: ");
        Matcher input = LONG_INPUT.matcher(text);
        if (input.find()) {
            String quoted = input.group(2);
            text = text.substring(0, input.start(2)) + quoted.substring(0, 40) + "..." + text.substring(input.end(2));
            if (quoted.startsWith("\"")) {
                text = text.replaceFirst("\\.$", "") + "; is a closing quote missing? The text from that quote on was read as one string";
            }
        }
        text = GENERATED_CLASS.matcher(text).replaceAll("this rule");
        text = RULE_VARIABLE.matcher(text).replaceAll(DROOLS_RULE);
        text = text.replaceFirst("^Rule Compilation error ", CONSEQUENCE_PROBLEM);
        Matcher hidden = HIDDEN_FIELD.matcher(text);
        if (hidden.find()) {
            // a consequence is Java: a fact's field is read through its getter, as a constraint reads it by name
            String name = hidden.group(1);
            text = text + "; in a consequence, read it through its getter: get" + Character.toUpperCase(name.charAt(0)) + name.substring(1) + "()";
        }
        Matcher action = UNKNOWN_ACTION.matcher(text);
        if (action.find() && !EARN_ACTIONS.contains(action.group(1))) {
            text = text + " (earn's actions are " + String.join(", ", EARN_ACTIONS) + ")";
        }
        if (!rule.isEmpty()) {
            text = text.replace(" in rule \"" + rule + "\"", "").replace(" in rule '" + rule + "'", "");
        }
        return text;
    }

    /**
     * Says a pattern's type the rules do not know: an action of {@code earn} or {@code offers}
     * read as one is a consequence among the conditions; a name close to a fact's is a typo.
     */
    private static String unknownType(String type) {
        if (type.startsWith("earn.") || type.startsWith("offers.")) {
            return "'" + type + "' stands among the conditions, where a fact belongs: an action goes after 'then'";
        }
        String closest = CampaignChecks.likelyMeant(type, FACTS);
        return "'" + type + "' is not a type the rules know" + (closest != null ? "; did you mean " + closest + "?"
                : ": match the facts of " + VOCABULARY + " (" + String.join(", ", FACTS) + "), or import or declare the type");
    }

    /** Says an accumulate function Drools does not know, with the one it is likely a typo of, or those there are. */
    private static String unknownAccumulate(String function) {
        String known = CampaignChecks.likelyMeant(function, ACCUMULATE_FUNCTIONS);
        return "accumulate function " + function + " is not known; " + (known != null ? "did you mean " + known + "?"
                : "the functions are " + String.join(", ", ACCUMULATE_FUNCTIONS));
    }

    /** Makes Drools' message one readable line. */
    static String plain(String message) {
        return message.replaceAll("\\s+", " ").strip();
    }
}
