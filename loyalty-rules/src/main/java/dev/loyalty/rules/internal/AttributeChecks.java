package dev.loyalty.rules.internal;

import dev.loyalty.core.RuleProblem;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.RuleDescr;

/**
 * The checks of a rule's attributes as written: Drools' wall-clock attributes, a salience written
 * as text or as a number that is not a whole {@code int} (1.5, 2147483648, NaN), and an agenda
 * group or ruleflow group that never gets the focus. Part of
 * {@link CampaignChecks#beforeBuild(List)}. Not public API.
 */
final class AttributeChecks {

    /** Drools' attributes that read the wall clock instead of the event's date. */
    private static final Set<String> WALL_CLOCK = Set.of("date-effective", "date-expires", "timer", "calendars", "duration");
    /** A salience written as text, which Drools reads as a duration when the rule matches, not as a number. */
    private static final Pattern TEXT_SALIENCE = Pattern.compile("\\s*([\"'])(?!\\s*-?\\d+\\s*\\1)(.*)\\1\\s*", Pattern.DOTALL);
    /** A salience written as a number literal: a whole one in {@code int}'s range is what Drools takes as written. */
    private static final Pattern NUMBER_SALIENCE =
            Pattern.compile("\\s*[-+]?(?:\\d+\\.?\\d*(?:[eE][-+]?\\d+)?|\\.\\d+(?:[eE][-+]?\\d+)?|NaN|Infinity)\\s*");
    private static final String AGENDA_GROUP = "agenda-group";
    private static final String RULEFLOW_GROUP = "ruleflow-group";

    private AttributeChecks() {
    }

    /**
     * Checks one rule's attributes.
     *
     * @param source the rule's source
     * @param rule the rule as parsed
     * @param problems receives the problems found
     */
    static void check(DrlSource source, RuleDescr rule, List<RuleProblem> problems) {
        for (AttributeDescr attribute : rule.getAttributes().values()) {
            if (WALL_CLOCK.contains(attribute.getName())) {
                problems.add(new RuleProblem(source.name(), attribute.getLine(), 0, rule.getName(),
                        "'" + attribute.getName() + "' follows the wall clock, not the event's date; use @activeFrom(\"YYYY-MM-DD\") "
                                + "and @activeUntil(\"YYYY-MM-DD\"), which the engine checks against the event's date in the member's zone"));
            } else if (attribute.getName().equals("salience") && attribute.getValue() != null
                    && TEXT_SALIENCE.matcher(attribute.getValue()).matches()) {
                problems.add(new RuleProblem(source.name(), attribute.getLine(), 0, rule.getName(),
                        "salience " + attribute.getValue().strip() + " is not a number, so every event fails when this rule matches; "
                                + "write a whole number without quotes (higher fires first), such as salience 10"));
            } else if (attribute.getName().equals("salience") && attribute.getValue() != null
                    && NUMBER_SALIENCE.matcher(attribute.getValue()).matches() && !wholeInt(attribute.getValue().strip())) {
                problems.add(new RuleProblem(source.name(), attribute.getLine(), 0, rule.getName(), "salience " + attribute.getValue().strip()
                        + " is not a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE
                        + "; write one (higher fires first), such as salience 10"));
            }
        }
        checkFocus(source, rule, problems);
    }

    /**
     * Tells whether a number literal is a whole number in {@code int}'s range, however written (1e3
     * is 1000); one whose exponent is past what a decimal holds ({@code 1e99999999999}) is none.
     */
    private static boolean wholeInt(String literal) {
        if (literal.endsWith("NaN") || literal.endsWith("Infinity")) {
            return false;
        }
        try {
            new BigDecimal(literal).intValueExact();
            return true;
        } catch (ArithmeticException | NumberFormatException e) {
            return false;
        }
    }

    /**
     * Tells whether a problem Drools reported only says again, in its own words, that a salience
     * this class refused is not a number it can take: it is at the refused attribute's line or in
     * its rule (Drools names the rule's first line), and quotes its value.
     *
     * @param problem a problem of Drools' build
     * @param refused the problems these checks found before the build
     * @return whether the problem repeats one of them
     */
    static boolean repeatsRefusedSalience(RuleProblem problem, List<RuleProblem> refused) {
        return refused.stream().anyMatch(r -> r.resource().equals(problem.resource())
                && (r.line() == problem.line() || !r.rule().isEmpty() && r.rule().equals(problem.rule()))
                && refusedSalience(r).map(problem.message()::contains).orElse(false));
    }

    /** The value of a salience these checks refused, as written, or empty for any other problem. */
    private static Optional<String> refusedSalience(RuleProblem problem) {
        int end = problem.message().indexOf(" is not ");
        return problem.message().startsWith("salience ") && end > "salience ".length()
                ? Optional.of(problem.message().substring("salience ".length(), end)) : Optional.empty();
    }

    /**
     * Reports a rule in a group other than MAIN without auto-focus: the engine never focuses a
     * group and runs no process, so it never fires. Drools 10 puts a rule with a ruleflow-group
     * in the agenda group of that name, whatever its agenda-group says, so the ruleflow-group is
     * the one judged when the rule has both.
     */
    private static void checkFocus(DrlSource source, RuleDescr rule, List<RuleProblem> problems) {
        AttributeDescr group = rule.getAttributes().get(RULEFLOW_GROUP);
        if (groupName(group).isEmpty()) {
            group = rule.getAttributes().get(AGENDA_GROUP);
        }
        String name = groupName(group);
        AttributeDescr focus = rule.getAttributes().get("auto-focus");
        if (name.isEmpty() || name.equals("MAIN") || focus != null && focus.getValue() != null && "true".equals(focus.getValue().strip())) {
            return;
        }
        String message = group.getName().equals(RULEFLOW_GROUP)
                ? "ruleflow-group \"" + name + "\" is never given the focus: the engine runs no process, so this rule would never fire; "
                        + "add auto-focus true or remove the ruleflow-group"
                : "agenda-group \"" + name + "\" is never given the focus by the engine, so this rule would never fire; "
                        + "add auto-focus true or remove the agenda-group";
        problems.add(new RuleProblem(source.name(), group.getLine(), 0, rule.getName(), message));
    }

    /** Returns the group an attribute names, without quotes; empty when there is none. */
    private static String groupName(AttributeDescr group) {
        return group == null || group.getValue() == null ? "" : group.getValue().strip().replaceAll("^\"(.*)\"$", "$1");
    }
}
