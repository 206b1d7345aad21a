package dev.loyalty.core;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when campaign rules cannot be built. It carries every problem found, each with its
 * resource, line and rule, so a campaign author sees them all at once.
 */
public final class RuleDefinitionException extends LoyaltyException {

    /** Every problem found; never empty. */
    private final List<RuleProblem> problems;

    /**
     * Creates the exception.
     *
     * @param problems every problem found; at least one
     * @param note an extra remark for the reader, or an empty string
     */
    public RuleDefinitionException(List<RuleProblem> problems, String note) {
        super(render(problems, note));
        this.problems = List.copyOf(problems);
    }

    /**
     * Creates the exception with what the rule compiler or the JVM threw, kept as its cause.
     *
     * @param problems every problem found; at least one
     * @param note an extra remark for the reader, or an empty string
     * @param cause what was thrown, or null when nothing was
     */
    public RuleDefinitionException(List<RuleProblem> problems, String note, Throwable cause) {
        super(render(problems, note), cause);
        this.problems = List.copyOf(problems);
    }

    /**
     * Returns every problem found, in resource and line order.
     *
     * @return the problems; never empty
     */
    public List<RuleProblem> problems() {
        return problems;
    }

    private static String render(List<RuleProblem> problems, String note) {
        String head = problems.size() == 1 ? "1 problem in campaign rules" : problems.size() + " problems in campaign rules";
        String body = problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
        return head + ":\n" + body + (note == null || note.isEmpty() ? "" : "\n" + note);
    }
}
