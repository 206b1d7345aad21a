package dev.loyalty.examples.shop;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Reads the money amounts of a request body ({@code unitPrice}, {@code amount}, {@code value})
 * as exact decimals from a JSON number, such as {@code 2.95} or {@code 1e2} (JSON's own grammar,
 * exponent included), or from text holding a plain decimal: ASCII digits, optionally a
 * {@code .} and more digits, such as {@code "2.95"}, {@code "3"} or {@code "0.50"}, as a till
 * that keeps prices as text sends them. Jackson's own reader also takes text with spaces around
 * it ({@code " 2.95 "}), a sign ({@code "+2.95"}), an exponent ({@code "2.95e0"}) or no digit on
 * one side of the point ({@code "2."}, {@code ".95"}), and reads empty text as no amount; here
 * such text is an invalid-input problem naming the field, as any other malformed amount is. The
 * text takes no {@code -}: no amount of the shop may be negative (a negative JSON number reaches
 * the engine, which refuses it naming the field).
 */
final class MoneyText extends StdScalarDeserializer<BigDecimal> {

    private static final long serialVersionUID = 1L;
    /** A plain decimal: digits, then optionally a point and digits. */
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("[0-9]+(\\.[0-9]+)?");

    private MoneyText() {
        super(BigDecimal.class);
    }

    /**
     * Returns a Jackson module that reads every {@link BigDecimal} of a request this way.
     *
     * @return the module
     */
    static SimpleModule module() {
        return new SimpleModule("money-text").addDeserializer(BigDecimal.class, new MoneyText());
    }

    @Override
    public BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.hasToken(JsonToken.VALUE_NUMBER_INT) || parser.hasToken(JsonToken.VALUE_NUMBER_FLOAT)) {
            return parser.getDecimalValue();
        }
        if (!parser.hasToken(JsonToken.VALUE_STRING)) {
            return (BigDecimal) context.handleUnexpectedToken(BigDecimal.class, parser);
        }
        String text = parser.getText();
        if (!PLAIN_DECIMAL.matcher(text).matches()) {
            return (BigDecimal) context.handleWeirdStringValue(BigDecimal.class, text, "expected a plain decimal such as 2.95");
        }
        return new BigDecimal(text);
    }
}
