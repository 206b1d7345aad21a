package dev.loyalty.examples.pos;

import dev.loyalty.core.event.PurchaseLine;
import dev.loyalty.core.model.Money;
import dev.loyalty.examples.retail.PlainForms;
import java.math.BigDecimal;
import java.math.BigInteger;
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
 *
 * <p>Instants, dates, counts and amounts written as text are read as written, in one form each:
 * an instant as {@code 2026-03-03T10:15:00Z} (seconds and a fraction optional, the offset
 * {@code Z} or {@code +HH:MM}/{@code -HH:MM}), a date as {@code 1990-04-01}, a count as ASCII
 * digits ({@code 2}), an amount as ASCII digits with an optional {@code .} and more digits
 * ({@code 2.95}); a count or amount may start with {@code -}, for the engine to refuse naming the
 * field. Spaces around or inside such text, a {@code +} sign, an amount with no digit on one side
 * of its point ({@code .95}, {@code 2.}), lower-case {@code t}/{@code z}, an offset of hours
 * alone ({@code +01}) or a year of other than four digits are refused naming the field, not
 * trimmed or read leniently. Other text (ids, codes, names) is taken without the spaces around
 * it, as the engine takes it.
 */
final class Fields {

    private final Function<String, String> values;
    private final Predicate<String> fractional;
    /** Whether a field holds a typed number (JSON), whose text is the number's, not as written. */
    private final Predicate<String> number;
    /** Whether an amount written with an exponent is refused, as in CSV text. */
    private final boolean plainAmounts;
    /** Whether empty text means the field is absent, as an empty CSV column does; in JSON a field is absent when left out or null. */
    private final boolean emptyIsAbsent;

    /**
     * Wraps a lookup of field values that are text only, as in CSV. An amount written with an
     * exponent ({@code 1.5E+2}) is refused: it is what a spreadsheet saves for a number it shows
     * in scientific notation, rounded to the digits shown.
     *
     * @param values answers a field's text as written, or null or empty when the field is absent
     */
    Fields(Function<String, String> values) {
        this(values, name -> false, name -> false, true);
    }

    /**
     * Wraps a lookup of field values, some of which may be typed numbers, as in JSON.
     *
     * @param values answers a field's text (a number's as plain digits), or null when the field is absent
     * @param fractional answers whether a field holds a number written with a fraction or an
     *                   exponent (such as {@code 2.0} or {@code 1e2}), which no whole-number field
     *                   takes even when its value is whole
     * @param number answers whether a field holds a number rather than text: only text must be
     *               written in the forms above
     */
    Fields(Function<String, String> values, Predicate<String> fractional, Predicate<String> number) {
        this(values, fractional, number, false);
    }

    private Fields(Function<String, String> values, Predicate<String> fractional, Predicate<String> number, boolean csv) {
        this.values = values;
        this.fractional = fractional;
        this.number = number;
        this.plainAmounts = csv;
        this.emptyIsAbsent = csv;
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

    /** A field's text as written, or null when the field is absent. */
    private String written(String name) {
        String value = values.apply(name);
        return value == null || value.isEmpty() && emptyIsAbsent ? null : value;
    }

    private String requiredWritten(String name) {
        String value = written(name);
        if (value == null) {
            throw new LineProblem("field '" + name + "' is missing");
        }
        return value;
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
        String text = requiredWritten(name);
        try {
            if (!PlainForms.ISO_INSTANT.matcher(text).matches()) {
                throw new DateTimeParseException("not in the ISO form", text, 0);
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new LineProblem("field '" + name + "' is '" + text + "'; expected an ISO date-time with an offset, such as 2026-03-03T10:15:00Z");
        }
    }

    LocalDate date(String name) {
        String text = written(name);
        try {
            if (text != null && !PlainForms.ISO_DATE.matcher(text).matches()) {
                throw new DateTimeParseException("not in the ISO form", text, 0);
            }
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
        BigInteger value = wholeNumber(name);
        if (value.bitLength() > Long.SIZE - 1) {
            throw new LineProblem("field '" + name + "' is " + value + ", outside the whole numbers accepted here ("
                    + (value.signum() < 0 ? "down to " + Long.MIN_VALUE : "up to " + Long.MAX_VALUE) + ")");
        }
        return value.longValue();
    }

    int quantity(String name) {
        BigInteger value = wholeNumber(name);
        // past what the engine can be given: refused in the engine's own words, with its limits
        if (value.bitLength() > Integer.SIZE - 1) {
            throw new LineProblem("field '" + name + "' " + PurchaseLine.quantityProblem(value).orElseThrow());
        }
        return value.intValue();
    }

    /** A whole number of any size, written as digits alone. */
    private BigInteger wholeNumber(String name) {
        String text = requiredWritten(name);
        if (fractional.test(name)) {
            throw new LineProblem("field '" + name + "' is a number written with a fraction or an exponent; expected a whole number such as 2");
        }
        if (!ascii(text)) {
            throw new LineProblem("field '" + name + "' is '" + text + "'; expected a whole number written with the digits 0 to 9");
        }
        if (!number.test(name) && !PlainForms.WHOLE.matcher(text).matches()) {
            throw new LineProblem("field '" + name + "' is '" + text + "'; expected a whole number written as digits alone, such as 2");
        }
        try {
            return new BigInteger(text);
        } catch (NumberFormatException e) {
            throw new LineProblem("field '" + name + "' is '" + text + "'; expected a whole number");
        }
    }

    /** A money amount from a decimal field and the {@code currency} field (or the given default). */
    Money money(String name, String currencyField) {
        String text = requiredWritten(name);
        if (plainAmounts && (text.indexOf('e') >= 0 || text.indexOf('E') >= 0)) {
            throw new LineProblem("field '" + name + "' is '" + text + "', a number with an exponent, as a spreadsheet saves a number it shows "
                    + "rounded in scientific notation; expected a plain decimal amount such as 2.95");
        }
        if (!ascii(text)) {
            throw new LineProblem("field '" + name + "' is '" + text + "'; expected a decimal amount written with the digits 0 to 9, such as 2.95");
        }
        if (!number.test(name) && !PlainForms.PLAIN_DECIMAL.matcher(text).matches()) {
            throw new LineProblem("field '" + name + "' is '" + text + "'; expected a plain decimal amount, digits with an optional '.' and "
                    + "more digits, such as 2.95");
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
        return written(name) == null ? null : money(name, currencyField);
    }
}
