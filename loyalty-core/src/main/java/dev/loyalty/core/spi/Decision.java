package dev.loyalty.core.spi;

import dev.loyalty.core.RuleEvaluationException;
import java.math.BigDecimal;

/**
 * What a rule proposes for one event. Rules only propose; the core combines the decisions
 * with the documented stacking formula, enforces caps and writes the ledger. Every decision
 * names the rule that made it and a reason a member could read.
 *
 * <p>Decisions that concern a purchase line carry the line's 0-based index, or
 * {@link #WHOLE_EVENT} for every line of the purchase.
 */
public sealed interface Decision {

    /** The line index meaning "every line of the purchase", or "the event" for fixed points. */
    int WHOLE_EVENT = -1;

    /**
     * Returns the name of the rule that made the decision.
     *
     * @return the rule name
     */
    String rule();

    /**
     * Returns the reason, readable by a member or a support agent.
     *
     * @return the reason
     */
    String reason();

    /**
     * Base earning: {@code pointsPerUnit} points per currency unit of the covered lines. When
     * several base rates cover a line, the highest applies and the others are superseded.
     *
     * @param rule the rule's name
     * @param reason the reason
     * @param line the line index, or {@link #WHOLE_EVENT}
     * @param pointsPerUnit points per currency unit; zero or more
     */
    record BaseRate(String rule, String reason, int line, BigDecimal pointsPerUnit) implements Decision {
        /** Checks the components. */
        public BaseRate {
            check(rule, reason, line);
            nonNegative(rule, "base rate", pointsPerUnit);
        }
    }

    /**
     * Bonus earning: extra points per currency unit of the covered lines; bonuses add up.
     *
     * @param rule the rule's name
     * @param reason the reason
     * @param line the line index, or {@link #WHOLE_EVENT}
     * @param pointsPerUnit extra points per currency unit; zero or more
     */
    record BonusRate(String rule, String reason, int line, BigDecimal pointsPerUnit) implements Decision {
        /** Checks the components. */
        public BonusRate {
            check(rule, reason, line);
            nonNegative(rule, "bonus rate", pointsPerUnit);
        }
    }

    /**
     * Fixed points: {@code points} once for the event, or per item of one line.
     *
     * @param rule the rule's name
     * @param reason the reason
     * @param line the line index (points per item of that line), or {@link #WHOLE_EVENT} (points once)
     * @param points the points; zero or more
     */
    record FixedPoints(String rule, String reason, int line, long points) implements Decision {
        /** Checks the components. */
        public FixedPoints {
            check(rule, reason, line);
            if (points < 0) {
                throw new RuleEvaluationException("rule \"" + rule + "\": fixed points must not be negative, was " + points);
            }
        }
    }

    /**
     * Promotion multiplier on the base points of the covered lines. Promotion multipliers do not
     * stack: for each line the highest applies and the others are superseded.
     *
     * @param rule the rule's name
     * @param reason the reason
     * @param line the line index, or {@link #WHOLE_EVENT}
     * @param factor the multiplier; at least 1
     */
    record Multiplier(String rule, String reason, int line, BigDecimal factor) implements Decision {
        /** Checks the components. */
        public Multiplier {
            check(rule, reason, line);
            atLeastOne(rule, factor);
        }
    }

    /**
     * Tier multiplier on everything else the event earned. Only the highest applies.
     *
     * @param rule the rule's name
     * @param reason the reason
     * @param factor the multiplier; at least 1
     */
    record TierMultiplier(String rule, String reason, BigDecimal factor) implements Decision {
        /** Checks the components. */
        public TierMultiplier {
            check(rule, reason, WHOLE_EVENT);
            atLeastOne(rule, factor);
        }
    }

    /**
     * Excludes a line from all earning, such as postage or gift cards.
     *
     * @param rule the rule's name
     * @param reason the reason
     * @param line the line index; not {@link #WHOLE_EVENT}
     */
    record Exclusion(String rule, String reason, int line) implements Decision {
        /** Checks the components. */
        public Exclusion {
            check(rule, reason, line);
            if (line < 0) {
                throw new RuleEvaluationException("rule \"" + rule + "\": an exclusion names one line, not " + line);
            }
        }
    }

    /**
     * A ceiling on the points one event may earn, or a member may earn in one local day.
     * When several caps of a period apply, the lowest binds.
     *
     * @param rule the rule's name
     * @param reason the reason
     * @param period what the cap limits
     * @param points the most points allowed; zero or more
     */
    record Cap(String rule, String reason, CapPeriod period, long points) implements Decision {
        /** Checks the components. */
        public Cap {
            check(rule, reason, WHOLE_EVENT);
            if (period == null) {
                throw new RuleEvaluationException("rule \"" + rule + "\": a cap needs a period");
            }
            if (points < 0) {
                throw new RuleEvaluationException("rule \"" + rule + "\": a cap must not be negative, was " + points);
            }
        }
    }

    /** What a {@link Cap} limits. */
    enum CapPeriod {
        /** The points of one event. */
        EVENT,
        /** The points a member earns in one day of the member's zone. */
        DAY
    }

    private static void check(String rule, String reason, int line) {
        if (rule == null || rule.isBlank()) {
            throw new RuleEvaluationException("a decision must name its rule");
        }
        if (reason == null || reason.isBlank()) {
            throw new RuleEvaluationException("rule \"" + rule + "\": a decision needs a reason a member can read");
        }
        if (line < WHOLE_EVENT) {
            throw new RuleEvaluationException("rule \"" + rule + "\": line index " + line + " is not valid");
        }
    }

    private static void nonNegative(String rule, String what, BigDecimal value) {
        if (value == null || value.signum() < 0) {
            throw new RuleEvaluationException("rule \"" + rule + "\": " + what + " must be zero or more, was " + value);
        }
    }

    private static void atLeastOne(String rule, BigDecimal factor) {
        if (factor == null || factor.compareTo(BigDecimal.ONE) < 0) {
            throw new RuleEvaluationException("rule \"" + rule + "\": a multiplier must be at least 1, was " + factor);
        }
    }
}
