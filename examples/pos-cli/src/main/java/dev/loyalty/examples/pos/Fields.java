package dev.loyalty.examples.pos;

import dev.loyalty.core.model.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Named text fields of one line of an events file (a JSON object or a CSV row), converted to
 * the engine's types with messages that name the field. The event types are the same in every
 * format: {@code enrol}, {@code purchase}, {@code return}, {@code redeem}.
 */
final class Fields {

    private final Function<String, String> values;
    private final Predicate<String> fractional;
    /** Whether an amount written with an exponent is refused, as in CSV text. */
    private final boolean plainAmounts;

    /**
     * Wraps a lookup of field values that are text only, as in CSV. An amount written with an
     * exponent ({@code 1.5E+2}) is refused: it is what a spreadsheet saves for a number it shows
     * in scientific notation, rounded to the digits shown.
     *
     * @param values answers a field's text, or null or blank when the field is absent
     */
    Fields(Function<String, String> values) {
        this(values, name -> false, true);
    }

    /**
     * Wraps a lookup of field values, some of which may be typed numbers, as in JSON.
     *
     * @param values answers a field's text, or null or blank when the field is absent
     * @param fractional answers whether a field holds a number written with a fraction or an
     *                   exponent (such as {@code 2.0} or {@code 1e2}), which no whole-number field
     *                   takes even when its value is whole
     */
    Fields(Function<String, String> values, Predicate<String> fractional) {
        this(values, fractional, false);
    }

    private Fields(Function<String, String> values, Predicate<String> fractional, boolean plainAmounts) {
        this.values = values;
        this.fractional = fractional;
        this.plainAmounts = plainAmounts;
    }

    /** A malformed line: the message names the field and what is wrong. */
    static final class LineProblem extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LineProblem(String message) {
            super(message);
        }
    }

    String required(String name) {
        String value = optional(name);
        if (value == null) {
            throw new LineProblem("field '" + name + "' is missing");
        }
        return value;
    }

    String optional(String name) {
        String value = values.apply(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    String type() {
        String type = required("type").toLowerCase(Locale.ROOT);
        return switch (type) {
            case "enrol", "enrolment", "enroll" -> "enrol";
            case "purchase", "return", "redeem" -> type;
            case "redemption" -> "redeem";
            default -> throw new LineProblem("field 'type' is '" + type + "'; expected enrol, purchase, return or redeem");
        };
    }

    Instant instant(String name) {
        String text = required(name);
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new LineProblem("field '" + name + "' is '" + text + "'; expected an ISO date-time with an offset, such as 2026-03-03T10:15:00Z");
        }
    }

    LocalDate date(String name) {
        String text = optional(name);
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new LineProblem("field '" + name + "' is '" + text + "'; expected a date such as 1990-04-01");
        }
    }

    ZoneId zone(String name) {
        String text = optional(name);
        try {
            return text == null ? null : ZoneId.of(text);
        } catch (java.time.DateTimeException e) {
            throw new LineProblem("field '" + name + "' is '" + text + "'; expected a time zone such as Europe/London");
        }
    }

    long whole(String name) {
        String text = required(name);
        if (fractional.test(name)) {
            throw new LineProblem("field '" + name + "' is a number written with a fraction or an exponent; expected a whole number such as 2");
        }
        if (!ascii(text)) {
            throw new LineProblem("field '" + name + "' is '" + text + "'; expected a whole number written with the digits 0 to 9");
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new LineProblem("field '" + name + "' is '" + text + "'; expected a whole number");
        }
    }

    int quantity(String name) {
        long value = whole(name);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new LineProblem("field '" + name + "' is " + value + "; too large for a quantity");
        }
        return (int) value;
    }

    /** A money amount from a decimal field and the {@code currency} field (or the given default). */
    Money money(String name, String currencyField) {
        String text = required(name);
        if (plainAmounts && (text.indexOf('e') >= 0 || text.indexOf('E') >= 0)) {
            throw new LineProblem("field '" + name + "' is '" + text + "', a number with an exponent, as a spreadsheet saves a number it shows "
                    + "rounded in scientific notation; expected a plain decimal amount such as 2.95");
        }
        if (!ascii(text)) {
            throw new LineProblem("field '" + name + "' is '" + text + "'; expected a decimal amount written with the digits 0 to 9, such as 2.95");
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new LineProblem("field '" + name + "' is '" + text + "'; expected a decimal amount such as 2.95");
        }
        return Money.of(amount, required(currencyField));
    }

    /** Whether the text is ASCII: Java's number parsers also read other scripts' digits, such as {@code \u0663} as 3. */
    private static boolean ascii(String text) {
        return text.chars().allMatch(c -> c < 0x80);
    }

    Money optionalMoney(String name, String currencyField) {
        return optional(name) == null ? null : money(name, currencyField);
    }
}
