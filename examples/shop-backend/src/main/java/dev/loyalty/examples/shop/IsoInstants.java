package dev.loyalty.examples.shop;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Reads an instant in a request body ({@code occurredAt}, {@code asOf}) from ISO text with an
 * offset only, such as {@code 2026-03-03T10:15:00Z}. Jackson's own reader also takes a JSON
 * number, or text of digits, as seconds since 1970 and reads a number no instant can hold (such
 * as {@code 1e400}) as 1970-01-01, which would date a purchase decades back without a word;
 * here either is an invalid-input problem naming the field.
 */
final class IsoInstants extends StdScalarDeserializer<Instant> {

    private static final long serialVersionUID = 1L;

    private IsoInstants() {
        super(Instant.class);
    }

    /**
     * Returns a Jackson module that reads every {@link Instant} of a request this way.
     *
     * @return the module
     */
    static SimpleModule module() {
        return new SimpleModule("iso-instants").addDeserializer(Instant.class, new IsoInstants());
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (!parser.hasToken(JsonToken.VALUE_STRING)) {
            return (Instant) context.handleUnexpectedToken(Instant.class, parser);
        }
        String text = parser.getText().strip();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return (Instant) context.handleWeirdStringValue(Instant.class, text, "expected an ISO date-time with an offset");
        }
    }
}
