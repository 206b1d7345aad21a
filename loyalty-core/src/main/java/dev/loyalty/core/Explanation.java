package dev.loyalty.core;

import java.util.List;

/**
 * Why an event earned what it earned, readable by a support agent: one step per rule
 * decision, in the order the rules fired, then any cap that cut the total.
 *
 * @param summary one line naming the event, the member, the date and the result
 * @param steps the steps; a rule that fired but earned nothing has a step with zero points and a note why
 */
public record Explanation(String summary, List<Step> steps) {

    /** Copies the steps. */
    public Explanation {
        steps = List.copyOf(steps);
    }

    /**
     * One rule's part in an outcome.
     *
     * @param rule the rule's name
     * @param reason the rule's reason
     * @param points the whole points this step added (negative for a cap's cut)
     * @param detail how the points were computed, such as {@code 2 x 45.20 GBP}
     */
    public record Step(String rule, String reason, long points, String detail) {
    }

    /**
     * Renders the explanation as plain text, one step a line.
     *
     * @return the text
     */
    public String toText() {
        StringBuilder text = new StringBuilder(summary);
        for (Step step : steps) {
            text.append("\n  ").append(step.points() >= 0 ? "+" : "").append(step.points())
                    .append("  ").append(step.rule()).append(": ").append(step.reason());
            if (!step.detail().isEmpty()) {
                text.append(" (").append(step.detail()).append(')');
            }
        }
        return text.toString();
    }
}
