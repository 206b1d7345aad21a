package dev.loyalty.examples.retail;

import java.util.regex.Pattern;

/**
 * The one form each of the numbers and times the examples read from text (an Online Retail
 * export, an events file, a command-line option), so that text a spreadsheet or a hand may
 * loosen (spaces around it, a {@code +} sign, {@code .50}, an exponent, lower-case {@code t})
 * is refused naming the field rather than read leniently. ASCII digits only.
 */
public final class PlainForms {

    /** A whole number: digits, after an optional {@code -} (for the reader to refuse naming the field where no negative is meaningful). */
    public static final Pattern WHOLE = Pattern.compile("-?[0-9]+");
    /** A plain decimal: digits, optionally a point and more digits, after an optional {@code -}. */
    public static final Pattern PLAIN_DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
    private static final String DATE = "[0-9]{4}-[0-9]{2}-[0-9]{2}";
    /** An ISO date: four, two and two digits joined by {@code -}. */
    public static final Pattern ISO_DATE = Pattern.compile(DATE);
    /** An ISO date-time with an offset: {@code T}, hours, minutes, optional seconds and fraction, {@code Z} or {@code ±HH:MM}. */
    public static final Pattern ISO_INSTANT = Pattern.compile(DATE + "T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?(Z|[+-][0-9]{2}:[0-9]{2})");

    private PlainForms() {
    }
}
