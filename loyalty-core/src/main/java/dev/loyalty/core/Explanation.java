package dev.loyalty.core;

import dev.loyalty.core.internal.ExplanationSources;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Why an event earned what it earned, readable by a support agent: one step per rule
 * decision, in the order the rules fired, then any cap that cut the total.
 *
 * <p>The engine writes an explanation's text only when it is first read ({@link #lazy}), so
 * events nobody asks about cost no string building; reading it gives the same text every time,
 * and equal explanations are equal however they were made. (It locks on itself the first time
 * its text is written: outcomes kept for replays hold millions of explanations, so it carries no
 * lock object of its own.)
 */
public final class Explanation {

    static {
        // the engine's stores keep a lazy explanation's facts rather than the explanation; the sources stay private to them
        ExplanationSources.register(new ExplanationSources.Access() {
            @Override
            public Supplier<String> summary(Explanation explanation) {
                return explanation.summarySource;
            }

            @Override
            public Supplier<List<Step>> steps(Explanation explanation) {
                return explanation.stepsSource;
            }
        });
    }

    private Supplier<String> summarySource;
    private Supplier<List<Step>> stepsSource;
    private volatile String summary;
    private volatile List<Step> steps;

    /**
     * Creates an explanation.
     *
     * @param summary one line naming the event, the member, the date and the result
     * @param steps the steps; a rule that fired but earned nothing has a step with zero points and a note why
     */
    public Explanation(String summary, List<Step> steps) {
        this.summary = summary;
        this.steps = List.copyOf(steps);
    }

    private Explanation(Supplier<String> summary, Supplier<List<Step>> steps) {
        this.summarySource = Objects.requireNonNull(summary, "summary");
        this.stepsSource = Objects.requireNonNull(steps, "steps");
    }

    /**
     * Creates an explanation whose text is written on first use, once, by the given functions.
     * They must be pure and thread-safe, and give the same text whenever called.
     *
     * @param summary writes the summary line
     * @param steps writes the steps
     * @return the explanation
     */
    public static Explanation lazy(Supplier<String> summary, Supplier<List<Step>> steps) {
        return new Explanation(summary, steps);
    }

    /**
     * Returns the summary.
     *
     * @return one line naming the event, the member, the date and the result
     */
    public String summary() {
        String value = summary;
        if (value == null) {
            synchronized (this) {
                if (summary == null) {
                    summary = Objects.requireNonNull(summarySource.get(), "summary");
                    summarySource = null;
                }
                value = summary;
            }
        }
        return value;
    }

    /**
     * Returns the steps.
     *
     * @return the steps; a rule that fired but earned nothing has a step with zero points and a note why
     */
    public List<Step> steps() {
        List<Step> value = steps;
        if (value == null) {
            synchronized (this) {
                if (steps == null) {
                    steps = List.copyOf(stepsSource.get());
                    stepsSource = null;
                }
                value = steps;
            }
        }
        return value;
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
        StringBuilder text = new StringBuilder(summary());
        for (Step step : steps()) {
            text.append("\n  ").append(step.points() >= 0 ? "+" : "").append(step.points())
                    .append("  ").append(step.rule()).append(": ").append(step.reason());
            if (!step.detail().isEmpty()) {
                text.append(" (").append(step.detail()).append(')');
            }
        }
        return text.toString();
    }

    /** Equal when the summaries and the steps are equal. */
    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof Explanation that && summary().equals(that.summary()) && steps().equals(that.steps());
    }

    /**
     * Hashes the summary and the steps, consistently with {@link #equals}; like them, it writes a
     * lazy explanation's text first.
     *
     * @return the hash
     */
    @Override
    public int hashCode() {
        return 31 * summary().hashCode() + steps().hashCode();
    }

    /**
     * Returns the summary and the steps as {@code Explanation[summary=..., steps=[...]]}, for logs
     * and debugging; it writes a lazy explanation's text first. For a support agent, use
     * {@link #toText}.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return "Explanation[summary=" + summary() + ", steps=" + steps() + "]";
    }
}
