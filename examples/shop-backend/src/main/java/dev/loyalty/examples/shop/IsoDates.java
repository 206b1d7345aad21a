package dev.loyalty.examples.shop;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Reads a date in a request body ({@code birthday}) from ISO text only, such as
 * {@code 1990-04-01}. Jackson's own reader also takes a JSON number as days since 1970, so
 * {@code "birthday": 7000} would enrol a member born on 1989-03-02 without a word (and
 * {@code 19900201} would be refused as a birthday in the year 56454); here any value but ISO
 * text is an invalid-input problem naming the field.
 */
final class IsoDates extends StdScalarDeserializer<LocalDate> {

    private static final long serialVersionUID = 1L;

    private IsoDates() {
        super(LocalDate.class);
    }

    /**
     * Returns a Jackson module that reads every {@link LocalDate} of a request this way.
     *
     * @return the module
     */
    static SimpleModule module() {
        return new SimpleModule("iso-dates").addDeserializer(LocalDate.class, new IsoDates());
    }

    @Override
    public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (!parser.hasToken(JsonToken.VALUE_STRING)) {
            return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
        }
        String text = parser.getText().strip();
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return (LocalDate) context.handleWeirdStringValue(LocalDate.class, text, "expected an ISO date such as 1990-04-01");
        }
    }
}
