package dev.loyalty.examples.shop;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads the times and dates of a request body from ISO text only: an instant ({@code occurredAt},
 * {@code asOf}) with an offset, such as {@code 2026-03-03T10:15:00Z}, and a date
 * ({@code birthday}) such as {@code 1990-04-01}. The text is taken as sent, in exactly these
 * forms: a date is a four-digit year, a two-digit month and a two-digit day, each of ASCII digits,
 * joined by {@code -}; an instant is such a date, an upper-case {@code T}, hours and minutes
 * ({@code 10:15}), optionally seconds and optionally a fraction of up to nine digits
 * ({@code 10:15:00.5}), then the offset {@code Z} or {@code +HH:MM} / {@code -HH:MM}. Text with
 * spaces around or inside it ({@code " 2026-03-03T10:15:00Z "}), lower-case letters, an offset
 * of hours alone or with seconds ({@code +01}, {@code +01:00:30}), a sign or more than four digits
 * in the year, each of which Java's ISO parsers accept or the shop once trimmed, is refused like
 * any other malformed value. Jackson's own readers also take a JSON number:
 * for an instant seconds since 1970 (and a number no instant can hold, such as {@code 1e400}, as
 * 1970-01-01, which would date a purchase decades back without a word), for a date days since 1970
 * ({@code "birthday": 7000} would enrol a member born on 1989-03-02). Here any value but ISO text
 * is an invalid-input problem naming the field.
 *
 * @param <T> the type read
 */
final class IsoText<T> extends StdScalarDeserializer<T> {

    private static final long serialVersionUID = 1L;
    /** A date: four, two and two ASCII digits joined by {@code -}. */
    private static final String DATE = "[0-9]{4}-[0-9]{2}-[0-9]{2}";
    /** An ISO date. */
    private static final Pattern ISO_DATE = Pattern.compile(DATE);
    /** An ISO date-time with an offset: {@code T}, hours, minutes, optional seconds and fraction, {@code Z} or {@code ±HH:MM}. */
    private static final Pattern ISO_INSTANT = Pattern.compile(DATE + "T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?(Z|[+-][0-9]{2}:[0-9]{2})");

    private final transient Pattern form;
    private final transient Function<String, T> parse;
    private final String expected;

    private IsoText(Class<T> type, Pattern form, Function<String, T> parse, String expected) {
        super(type);
        this.form = form;
        this.parse = parse;
        this.expected = expected;
    }

    /**
     * Returns a Jackson module that reads every {@link Instant} and {@link LocalDate} of a request this way.
     *
     * @return the module
     */
    static SimpleModule module() {
        return new SimpleModule("iso-text")
                .addDeserializer(Instant.class, new IsoText<>(Instant.class, ISO_INSTANT, text -> OffsetDateTime.parse(text).toInstant(),
                        "expected an ISO date-time with an offset"))
                .addDeserializer(LocalDate.class, new IsoText<>(LocalDate.class, ISO_DATE, LocalDate::parse,
                        "expected an ISO date such as 1990-04-01"));
    }

    @Override
    public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        Class<?> type = handledType();
        if (!parser.hasToken(JsonToken.VALUE_STRING)) {
            return cast(context.handleUnexpectedToken(type, parser));
        }
        String text = parser.getText();
        if (!form.matcher(text).matches()) {
            return cast(context.handleWeirdStringValue(type, text, expected));
        }
        try {
            return parse.apply(text);
        } catch (DateTimeParseException e) {
            return cast(context.handleWeirdStringValue(type, text, expected));
        }
    }

    @SuppressWarnings("unchecked")
    private T cast(Object value) {
        return (T) value;
    }
}
