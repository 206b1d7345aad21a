package dev.loyalty.core.spi;

import dev.loyalty.core.RuleEvaluationException;
import dev.loyalty.core.internal.Checks;
import dev.loyalty.core.model.Money;
import dev.loyalty.core.model.OfferKind;
import dev.loyalty.core.model.OfferTrigger;
import java.math.BigDecimal;

/**
 * What a rule proposes for one event. Rules only propose; the core combines the decisions
 * with the documented stacking formula, enforces caps and writes the ledger. Every decision
 * names the rule that made it and a reason a member could read.
 *
 * <p>Decisions that concern a purchase line carry the line's 0-based index, or
 * {@link #WHOLE_EVENT} for every line of the purchase.
 *
 * <p>Rates and multipliers are bounded in digits: at most {@link #MAX_SIGNIFICANT_DIGITS} significant
 * digits (trailing zeros included), at most {@link Money#MAX_INTEGER_DIGITS} digits before the decimal point,
 * as money amounts, and, above zero, at least {@code 1E-18}. A number beyond, such as {@code 1E+1000000000},
 * {@code 1E-1000000000} or the largest double, is no campaign's and composing it would mean writing out its
 * digits; it is refused naming the rule, checked on precision and scale alone.
 */
public sealed interface Decision {

    /** The line index meaning "every line of the purchase", or "the event" for fixed points. */
    int WHOLE_EVENT = -1;

    /**
     * The most significant digits of a rate or multiplier, trailing zeros included: a decimal128's, what a
     * division in the MVEL dialect gives ({@code 10 / 3}) and more than a double's decimal text has.
     */
    int MAX_SIGNIFICANT_DIGITS = 34;

    /**
     * Says what is wrong with a rate, multiplier or percentage beyond the digits the core accepts (a rule engine or a
     * ladder can check a number with it before making a decision of it): more than
     * {@link Money#MAX_INTEGER_DIGITS} digits before the decimal point, below {@code 1E-18}
     * above zero, or more than {@link #MAX_SIGNIFICANT_DIGITS} significant digits
     * (trailing zeros included). Checked on precision and scale alone, and the text does not write the number out:
     * {@code 1E+1000000000} has a billion digits in plain text.
     *
     * @param value the number
     * @return the problem, such as {@code has 19 digits before the decimal point; at most 18 are allowed}, or null
     */
    static String digitsProblem(BigDecimal value) {
        if (value.signum() == 0) {
            return null;
        }
        int most = Money.MAX_INTEGER_DIGITS;
        long integerDigits = (long) value.precision() - value.scale();
        if (integerDigits > most) {
            return "has " + integerDigits + " digits before the decimal point; at most " + most + " are allowed";
        }
        if (integerDigits < 1 - most) {
            return "is below 1E-" + most + ", the smallest allowed above zero: its first digit is at decimal place " + (1 - integerDigits);
        }
        int significant = MAX_SIGNIFICANT_DIGITS;
        if (value.precision() > significant) {
            return "has " + value.precision() + " significant digits (trailing zeros included); at most " + significant + " are allowed";
        }
        return null;
    }

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
     * @param pointsPerUnit points per currency unit; zero or more, at most 34 significant digits and 18 before the point,
     *                      and at least 1E-18 above zero
     */
    record BaseRate(String rule, String reason, int line, BigDecimal pointsPerUnit) implements Decision {
        /**
         * Checks the components.
         *
         * @param rule the rule's name
         * @param reason the reason
         * @param line the line index, or {@link #WHOLE_EVENT}
         * @param pointsPerUnit points per currency unit; zero or more, at most 34 significant digits and 18 before the point,
         *                    and at least 1E-18 above zero
         */
        public BaseRate {
            check(rule, reason, line);
            nonNegative(rule, "base rate", pointsPerUnit);
            digits(rule, "base rate", pointsPerUnit);
        }
    }

    /**
     * Bonus earning: extra points per currency unit of the covered lines; bonuses add up.
     *
     * @param rule the rule's name
     * @param reason the reason
     * @param line the line index, or {@link #WHOLE_EVENT}
     * @param pointsPerUnit extra points per currency unit; zero or more, at most 34 significant digits and 18 before the point,
     *                      and at least 1E-18 above zero
     */
    record BonusRate(String rule, String reason, int line, BigDecimal pointsPerUnit) implements Decision {
        /**
         * Checks the components.
         *
         * @param rule the rule's name
         * @param reason the reason
         * @param line the line index, or {@link #WHOLE_EVENT}
         * @param pointsPerUnit extra points per currency unit; zero or more, at most 34 significant digits and 18 before the point,
         *                    and at least 1E-18 above zero
         */
        public BonusRate {
            check(rule, reason, line);
            nonNegative(rule, "bonus rate", pointsPerUnit);
            digits(rule, "bonus rate", pointsPerUnit);
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
        /**
         * Checks the components.
         *
         * @param rule the rule's name
         * @param reason the reason
         * @param line the line index (points per item of that line), or {@link #WHOLE_EVENT} (points once)
         * @param points the points; zero or more
         */
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
     * @param factor the multiplier; at least 1, at most 34 significant digits and 18 before the point
     */
    record Multiplier(String rule, String reason, int line, BigDecimal factor) implements Decision {
        /**
         * Checks the components.
         *
         * @param rule the rule's name
         * @param reason the reason
         * @param line the line index, or {@link #WHOLE_EVENT}
         * @param factor the multiplier; at least 1, at most 34 significant digits and 18 before the point
         */
        public Multiplier {
            check(rule, reason, line);
            atLeastOne(rule, factor);
            digits(rule, "multiplier", factor);
        }
    }

    /**
     * Tier multiplier on everything else the event earned. Only the highest applies.
     *
     * @param rule the rule's name
     * @param reason the reason
     * @param factor the multiplier; at least 1, at most 34 significant digits and 18 before the point
     */
    record TierMultiplier(String rule, String reason, BigDecimal factor) implements Decision {
        /**
         * Checks the components.
         *
         * @param rule the rule's name
         * @param reason the reason
         * @param factor the multiplier; at least 1, at most 34 significant digits and 18 before the point
         */
        public TierMultiplier {
            check(rule, reason, WHOLE_EVENT);
            atLeastOne(rule, factor);
            digits(rule, "multiplier", factor);
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
        /**
         * Checks the components.
         *
         * @param rule the rule's name
         * @param reason the reason
         * @param line the line index; not {@link #WHOLE_EVENT}
         */
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
        /**
         * Checks the components.
         *
         * @param rule the rule's name
         * @param reason the reason
         * @param period what the cap limits
         * @param points the most points allowed; zero or more
         */
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

    /**
     * An offer to issue in a sweep, for an occasion the sweep presented (a birthday or a
     * dormancy spell). The core issues each template at most once per occasion, gives it a code
     * and a validity of {@code validDays} local days starting on the sweep's date, and ignores
     * proposals for occasions the sweep did not present.
     *
     * @param rule the rule's name
     * @param reason the reason, readable by the member
     * @param trigger the occasion it is for
     * @param template the template code, such as {@code BDAY-01}; letters, digits, '-' and '_'
     * @param kind what it gives
     * @param value points (a whole number, at least 1), a discount percentage (above 0, at most 100),
     *              a multiplier (above 1) or, for a free item, 1; at most 34 significant digits and 34 decimal places
     * @param itemCode the free item's code, at most 128 characters; null for other kinds
     * @param validDays how many local days it stays valid, counting the day of issue; 1 to 366
     */
    record IssueOffer(String rule, String reason, OfferTrigger trigger, String template, OfferKind kind, BigDecimal value,
                      String itemCode, int validDays) implements Decision {

        /** The longest item code of a free-item offer, in characters: what every store can keep. */
        private static final int MAX_ITEM_CODE_LENGTH = 128;

        /** The most significant digits of an offer's value, trailing zeros included (a decimal128's): what every store keeps exactly. */
        private static final int MAX_OFFER_VALUE_DIGITS = 34;

        /**
         * Checks the components.
         *
         * @param rule the rule's name
         * @param reason the reason, readable by the member
         * @param trigger the occasion it is for
         * @param template the template code, such as {@code BDAY-01}; letters, digits, '-' and '_'
         * @param kind what it gives
         * @param value points (a whole number, at least 1), a discount percentage (above 0, at most 100),
         *                  a multiplier (above 1) or, for a free item, 1; at most 34 significant digits and 34 decimal places
         * @param itemCode the free item's code, at most 128 characters; null for other kinds
         * @param validDays how many local days it stays valid, counting the day of issue; 1 to 366
         */
        public IssueOffer {
            check(rule, reason, WHOLE_EVENT);
            if (trigger == null || kind == null) {
                throw new RuleEvaluationException("rule \"" + rule + "\": an offer needs an occasion and a kind");
            }
            if (template == null || !template.matches("[A-Za-z0-9_-]{1,64}")) {
                throw new RuleEvaluationException("rule \"" + rule + "\": offer template code '" + template
                        + "' must be 1 to 64 letters, digits, '-' or '_'");
            }
            if (validDays < 1 || validDays > 366) {
                throw new RuleEvaluationException("rule \"" + rule + "\": offer " + template + " must be valid 1 to 366 days, was " + validDays);
            }
            if (kind == OfferKind.FREE_ITEM) {
                if (itemCode == null || itemCode.isBlank()) {
                    throw new RuleEvaluationException("rule \"" + rule + "\": free-item offer " + template + " needs an item code");
                }
                storable(rule, itemCode, "item code");
                if (itemCode.length() > MAX_ITEM_CODE_LENGTH) {
                    // what every store can keep: the JDBC store's column holds 128 characters
                    throw new RuleEvaluationException("rule \"" + rule + "\": free-item offer " + template + " has an item code of "
                            + itemCode.length() + " characters; at most " + MAX_ITEM_CODE_LENGTH + " are allowed");
                }
                value = BigDecimal.ONE;
            } else {
                if (itemCode != null) {
                    throw new RuleEvaluationException("rule \"" + rule + "\": only a free-item offer has an item code, " + template + " is " + kind);
                }
                offerValue(rule, template, kind, value);
            }
        }
    }

    private static void offerValue(String rule, String template, OfferKind kind, BigDecimal value) {
        if (value != null && value.precision() > IssueOffer.MAX_OFFER_VALUE_DIGITS) {
            // checked first, before stripping trailing zeros, which costs time in the number of digits
            throw new RuleEvaluationException("rule \"" + rule + "\": offer " + template + " has a value of " + value.precision()
                    + " significant digits (trailing zeros included); at most " + IssueOffer.MAX_OFFER_VALUE_DIGITS + " are allowed");
        }
        if (value != null && value.scale() > IssueOffer.MAX_OFFER_VALUE_DIGITS) {
            // such as 1E-1000000000: few digits, but a billion of them written out in plain text
            throw new RuleEvaluationException("rule \"" + rule + "\": offer " + template + " has a value of " + value.scale()
                    + " decimal places; at most " + IssueOffer.MAX_OFFER_VALUE_DIGITS + " are allowed");
        }
        boolean ok = value != null && switch (kind) {
            case POINTS -> value.signum() > 0 && value.stripTrailingZeros().scale() <= 0 && value.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0;
            case DISCOUNT -> value.signum() > 0 && value.compareTo(BigDecimal.valueOf(100)) <= 0;
            case MULTIPLIER -> value.compareTo(BigDecimal.ONE) > 0 && value.compareTo(BigDecimal.valueOf(100)) <= 0;
            case FREE_ITEM -> true;
        };
        if (!ok) {
            throw new RuleEvaluationException("rule \"" + rule + "\": offer " + template + " of kind " + kind + " cannot have the value " + value
                    + " (points: a whole number of at least 1; discount: a percentage above 0 up to 100; multiplier: above 1 up to 100)");
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
        storable(rule, rule, "name");
        storable(rule, reason, "reason");
        if (line < WHOLE_EVENT) {
            throw new RuleEvaluationException("rule \"" + rule + "\": line index " + line + " is not valid");
        }
    }

    /**
     * Refuses a text no store can keep as it is: a NUL, which PostgreSQL refuses in text, or a
     * lone surrogate, which UTF-8 cannot encode (PostgreSQL's driver would keep a '?' in its
     * place, so the stores would disagree). One pass over the characters.
     */
    private static void storable(String rule, String text, String what) {
        String problem = Checks.unstorable(text, false);
        if (problem != null) {
            throw new RuleEvaluationException("rule \"" + printable(rule) + "\": its " + what + " " + problem);
        }
    }

    /** The rule's name for a message about its own bad characters: NULs and lone surrogates shown as '?'. */
    private static String printable(String rule) {
        StringBuilder shown = new StringBuilder(rule.length());
        for (int i = 0, n = rule.length(); i < n; i++) {
            char c = rule.charAt(i);
            if (Character.isSurrogate(c) && !Checks.unpaired(rule, i)) {
                shown.append(c).append(rule.charAt(++i));
            } else {
                shown.append(c == '\0' || Character.isSurrogate(c) ? '?' : c);
            }
        }
        return shown.toString();
    }

    private static void nonNegative(String rule, String what, BigDecimal value) {
        if (value == null || value.signum() < 0) {
            throw new RuleEvaluationException("rule \"" + rule + "\": " + what + " must be zero or more, was " + value);
        }
    }

    /**
     * Refuses a rate or factor of more than {@link #MAX_SIGNIFICANT_DIGITS} significant digits, more than
     * {@link Money#MAX_INTEGER_DIGITS} digits before the decimal point, or below {@code 1E-18}, checked on precision
     * and scale only: a number such as {@code 1E+1000000000} or {@code 1E-1000000000} would be written out in a
     * billion digits when composed, or rounded. The message does not write the number out.
     */
    private static void digits(String rule, String what, BigDecimal value) {
        String problem = digitsProblem(value);
        if (problem != null) {
            throw new RuleEvaluationException("rule \"" + rule + "\": " + what + " " + problem);
        }
    }

    private static void atLeastOne(String rule, BigDecimal factor) {
        if (factor == null || factor.compareTo(BigDecimal.ONE) < 0) {
            throw new RuleEvaluationException("rule \"" + rule + "\": a multiplier must be at least 1, was " + factor);
        }
    }
}
