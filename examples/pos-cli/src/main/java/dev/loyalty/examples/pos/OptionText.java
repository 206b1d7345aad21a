package dev.loyalty.examples.pos;

import dev.loyalty.examples.retail.PlainForms;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads the amounts, instants and dates of command-line options ({@code --point-value},
 * {@code --unlinked-return-points}, {@code --as-of}, {@code --from}/{@code --to}) in the forms an
 * events file takes them ({@link Fields}): an amount as ASCII digits with an optional {@code .}
 * and more digits, after an optional {@code -} for the command to refuse naming the option; an
 * instant as {@code 2026-07-01T00:00:00Z} (seconds and a fraction optional, the offset {@code Z}
 * or {@code +HH:MM}/{@code -HH:MM}); a date as {@code 2026-01-01}. Picocli's own converters also
 * take {@code +0.01}, {@code 1e-2}, {@code .01}, lower-case {@code t}/{@code z} and years of more
 * than four digits; here such a value is a usage error naming the option and quoting the value.
 */
final class OptionText {

    private OptionText() {
    }

    /**
     * Registers the converters with a command line and its subcommands.
     *
     * @param commandLine the command line, its subcommands added
     */
    static void register(CommandLine commandLine) {
        commandLine.registerConverter(BigDecimal.class, OptionText::decimal);
        commandLine.registerConverter(Instant.class, text -> parse(text, PlainForms.ISO_INSTANT, t -> OffsetDateTime.parse(t).toInstant(),
                "an ISO date-time with an offset, such as 2026-07-01T00:00:00Z"));
        commandLine.registerConverter(LocalDate.class, text -> parse(text, PlainForms.ISO_DATE, LocalDate::parse, "an ISO date such as 2026-01-01"));
    }

    private static BigDecimal decimal(String text) {
        if (!PlainForms.PLAIN_DECIMAL.matcher(text).matches()) {
            throw new TypeConversionException("'" + text + "' is not a plain decimal; expected digits with an optional '.' and more digits, such as 0.01");
        }
        return new BigDecimal(text);
    }

    private static <T> T parse(String text, Pattern form, ITypeConverter<T> parser, String expected) throws Exception {
        try {
            if (form.matcher(text).matches()) {
                return parser.convert(text);
            }
        } catch (DateTimeParseException e) {
            // a form that names no real date, such as 2026-02-30: refused below
        }
        throw new TypeConversionException("'" + text + "' is not " + expected);
    }
}
