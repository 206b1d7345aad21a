package dev.loyalty.core;

import java.io.Serializable;

/**
 * One problem found in a campaign rule file.
 *
 * @param resource the file or resource name, as given when the rules were loaded
 * @param line the 1-based line, or 0 when the rule engine did not report one
 * @param column the 1-based column, or 0 when the rule engine did not report one
 * @param rule the rule's name, or an empty string when the problem is outside a rule
 * @param message the problem in plain words
 */
public record RuleProblem(String resource, int line, int column, String rule, String message) implements Serializable {

    /**
     * Checks the components; strings may be empty but not null.
     *
     * @param resource the file or resource name, as given when the rules were loaded
     * @param line the 1-based line, or 0 when the rule engine did not report one
     * @param column the 1-based column, or 0 when the rule engine did not report one
     * @param rule the rule's name, or an empty string when the problem is outside a rule
     * @param message the problem in plain words
     */
    public RuleProblem {
        resource = resource == null ? "" : resource;
        rule = rule == null ? "" : rule;
        message = message == null ? "" : message.strip();
    }

    /**
     * Renders the problem as {@code resource:line:column [rule "name"] message}.
     *
     * @return one line for a report or a compiler-style error list
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(resource);
        if (line > 0) {
            text.append(':').append(line);
            if (column > 0) {
                text.append(':').append(column);
            }
        }
        if (!rule.isEmpty()) {
            text.append(" [rule \"").append(rule).append("\"]");
        }
        return text.append(' ').append(message).toString();
    }
}
