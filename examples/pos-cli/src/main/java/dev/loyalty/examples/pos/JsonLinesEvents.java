package dev.loyalty.examples.pos;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loyalty.core.LoyaltyException;
import dev.loyalty.core.event.Enrolment;
import dev.loyalty.core.event.LoyaltyEvent;
import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.event.Redemption;
import dev.loyalty.core.event.Return;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.MemberId;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Events as JSON lines: one object per line, blank lines skipped. Every object has
 * {@code type}, {@code eventId}, {@code member} and {@code occurredAt}; then by type:
 *
 * <pre>
 * {"type":"enrol","eventId":"e-1","member":"alice","occurredAt":"2026-03-01T10:00:00Z","zone":"Europe/London","birthday":"1990-04-01","tier":"silver","channel":"pos"}
 * {"type":"purchase","eventId":"p-1","member":"alice","occurredAt":"2026-03-02T10:00:00Z","currency":"GBP","channel":"pos","store":"S-1",
 *  "lines":[{"sku":"85123A","category":"home","quantity":2,"unitPrice":"2.95"}]}
 * {"type":"return","eventId":"r-1","member":"alice","occurredAt":"2026-03-05T10:00:00Z","purchaseId":"p-1","amount":"2.95","currency":"GBP"}
 * {"type":"redeem","eventId":"x-1","member":"alice","occurredAt":"2026-03-06T10:00:00Z","reward":"VOUCHER-5","points":500,"value":"5.00","currency":"GBP"}
 * </pre>
 *
 * Amounts may be JSON strings or numbers; both are read as exact decimals. Counts
 * ({@code quantity}, {@code points}) are whole JSON numbers or text of digits: a number written
 * with a fraction or an exponent ({@code 2.0}, {@code 1e2}) is refused naming the field, as the
 * shop backend refuses it, even when its value is whole. A line holds one
 * object: anything after it on the line (two events pasted onto one line) makes the line invalid,
 * as does a field named twice.
 */
final class JsonLinesEvents {

    /**
     * Reads one value per line: what follows it on the line (a second object pasted on) makes the
     * line invalid, not ignored, and so does a field named twice (not read as its last value).
     */
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** The most digits a JSON number is written out with; more than any amount the engine accepts. */
    private static final int PLAIN_DIGITS = 1_000;

    private JsonLinesEvents() {
    }

    static List<EventFile.SourcedEvent> read(Reader reader, String name, List<String> problems) throws IOException {
        List<EventFile.SourcedEvent> events = new ArrayList<>();
        BufferedReader lines = new BufferedReader(reader);
        int number = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            String where = name + ":" + number;
            try {
                JsonNode node = JSON.readTree(line);
                if (node == null || !node.isObject()) {
                    throw new Fields.LineProblem("expected a JSON object");
                }
                events.add(new EventFile.SourcedEvent(event(node), where));
            } catch (JsonProcessingException e) {
                problems.add(where + ": not valid JSON: " + e.getOriginalMessage());
            } catch (Fields.LineProblem | LoyaltyException e) {
                problems.add(where + ": " + e.getMessage());
            }
        }
        return events;
    }

    private static LoyaltyEvent event(JsonNode node) {
        Fields fields = fields(node, null);
        EventId id = EventId.of(fields.required("eventId"));
        MemberId member = MemberId.of(fields.required("member"));
        return switch (fields.type()) {
            case "enrol" -> new Enrolment(id, member, fields.instant("occurredAt"), fields.date("birthday"), fields.zone("zone"),
                    fields.optional("tier"), fields.optional("channel"));
            case "purchase" -> purchase(node, fields, id, member);
            case "return" -> new Return(id, member, fields.instant("occurredAt"),
                    fields.optional("purchaseId") == null ? null : EventId.of(fields.optional("purchaseId")), fields.money("amount", "currency"));
            case "redeem" -> new Redemption(id, member, fields.instant("occurredAt"), fields.required("reward"), fields.whole("points"),
                    fields.optionalMoney("value", "currency"));
            default -> throw new IllegalStateException("Fields.type() answers only known types");
        };
    }

    private static Purchase purchase(JsonNode node, Fields fields, EventId id, MemberId member) {
        JsonNode lines = node.get("lines");
        if (lines == null || !lines.isArray() || lines.isEmpty()) {
            throw new Fields.LineProblem("field 'lines' must be a non-empty array of {sku, category, quantity, unitPrice}");
        }
        Purchase.Builder purchase = Purchase.builder(id, member, fields.instant("occurredAt"))
                .channel(fields.optional("channel")).store(fields.optional("store"));
        for (int i = 0; i < lines.size(); i++) {
            Fields line = fields(lines.get(i), fields.optional("currency"));
            String prefix = "lines[" + i + "].";
            try {
                purchase.line(line.required("sku"), line.required("category"), line.quantity("quantity"), line.money("unitPrice", "currency"));
            } catch (Fields.LineProblem e) {
                throw new Fields.LineProblem(e.getMessage().replace("field '", "field '" + prefix));
            }
        }
        return purchase.build();
    }

    /**
     * A JSON number as text that reads back as the same decimal: written out ({@code 100} for
     * {@code 1e2}) unless that takes more than {@value #PLAIN_DIGITS} digits, as for {@code 1e2147483640},
     * whose digits no string can hold; such a number keeps its exponent, and the engine refuses it as too large
     * or too fine, naming the field.
     */
    private static String text(BigDecimal number) {
        return Math.abs((long) number.scale()) > PLAIN_DIGITS ? number.toString() : number.toPlainString();
    }

    /** The object's scalar fields as text; {@code currency} falls back to the purchase's. */
    private static Fields fields(JsonNode node, String defaultCurrency) {
        return new Fields(name -> {
            JsonNode value = node.get(name);
            if ((value == null || value.isNull()) && name.equals("currency")) {
                return defaultCurrency;
            }
            if (value == null || value.isNull() || value.isContainerNode()) {
                return null;
            }
            return value.isBigDecimal() ? text(value.decimalValue()) : value.asText();
        }, name -> node.has(name) && node.get(name).isFloatingPointNumber(), name -> node.has(name) && node.get(name).isNumber());
    }
}
