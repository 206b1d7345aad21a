package dev.loyalty.examples.pos;

import dev.loyalty.core.LoyaltyException;
import dev.loyalty.core.event.Enrolment;
import dev.loyalty.core.event.LoyaltyEvent;
import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.event.Redemption;
import dev.loyalty.core.event.Return;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.MemberId;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * Events as CSV with a header row naming the columns, with the same field names as
 * {@link JsonLinesEvents}: {@code type,eventId,member,occurredAt} and, as the types need them,
 * {@code sku,category,quantity,unitPrice,currency,channel,store} (purchase),
 * {@code purchaseId,amount,currency} (return), {@code reward,points,value,currency} (redeem),
 * {@code zone,birthday,tier,channel} (enrol). A purchase takes one row per line: consecutive
 * purchase rows with the same {@code eventId} form one purchase, and must agree on its member,
 * {@code occurredAt}, {@code channel} and {@code store} (a later row may leave the last two blank). Columns a file does not use
 * may be left out, but a row may not hold more values than the header names columns, and a header may
 * not name a column twice or leave one unnamed. Blank lines are skipped; a problem names the line its row starts on.
 * Column names are taken without the spaces around them, and so are text values (ids, codes);
 * instants, dates, counts and amounts are read as written, so that spaces around them are
 * refused naming the field ({@link Fields}). An empty value is an absent field.
 */
final class CsvEvents {

    private static final Set<String> REQUIRED = Set.of("type", "eventId", "member", "occurredAt");

    private CsvEvents() {
    }

    static List<EventFile.SourcedEvent> read(Reader reader, String name, List<String> problems) throws IOException {
        // blank lines are kept as records (and skipped below) so that the parser's line count gives each row's first line
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(false).setTrim(false)
                .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW).get();
        List<EventFile.SourcedEvent> events = new ArrayList<>();
        CSVParser opened;
        try {
            opened = format.parse(reader);
        } catch (IllegalArgumentException e) {
            // commons-csv refuses a header with a blank or repeated column name this way
            problems.add(name + ":1: the header is malformed: " + e.getMessage());
            return events;
        }
        long nextLine = 2;
        try (CSVParser parser = opened) {
            List<String> names = parser.getHeaderNames();
            int columns = names.size();
            Map<String, Integer> indexes = new HashMap<>();
            for (int i = 0; i < columns; i++) {
                String column = names.get(i).strip();
                if (indexes.putIfAbsent(column, i) != null) {
                    // commons-csv compares the names as written: " type" and "type" are the same column here
                    problems.add(name + ":1: the header is malformed: it names the column '" + column + "' twice");
                    return events;
                }
            }
            List<String> missing = REQUIRED.stream().filter(column -> !indexes.containsKey(column)).sorted().toList();
            if (!missing.isEmpty()) {
                problems.add(name + ":1: the header lacks the columns " + String.join(", ", missing)
                        + " (expected type,eventId,member,occurredAt,... or the Online Retail header InvoiceNo,StockCode,...)");
                return events;
            }
            OpenPurchase open = null;
            nextLine = parser.getCurrentLineNumber() + 1;
            for (CSVRecord record : parser) {
                long line = nextLine;
                nextLine = parser.getCurrentLineNumber() + 1;
                if (record.size() == 1 && record.get(0).isBlank()) {
                    continue; // a blank line
                }
                String where = name + ":" + line;
                try {
                    if (record.size() > columns) {
                        throw new Fields.LineProblem("the row has " + record.size() + " values but the header names " + columns
                                + " columns (quote a value that holds a comma)");
                    }
                    Fields fields = new Fields(column -> {
                        Integer index = indexes.get(column);
                        return index != null && index < record.size() ? record.get(index) : null;
                    });
                    String type = fields.type();
                    EventId id = EventId.of(fields.required("eventId"));
                    MemberId member = MemberId.of(fields.required("member"));
                    if (type.equals("purchase") && open != null && open.id.equals(id)) {
                        open.add(fields, member);
                        continue;
                    }
                    if (open != null) {
                        events.add(open.build());
                        open = null;
                    }
                    if (type.equals("purchase")) {
                        OpenPurchase purchase = new OpenPurchase(id, member, fields.instant("occurredAt"), fields.optional("channel"),
                                fields.optional("store"), where);
                        purchase.add(fields, member);
                        open = purchase;
                    } else {
                        events.add(new EventFile.SourcedEvent(event(type, fields, id, member), where));
                    }
                } catch (Fields.LineProblem | LoyaltyException e) {
                    problems.add(where + ": " + e.getMessage());
                }
            }
            if (open != null) {
                try {
                    events.add(open.build());
                } catch (LoyaltyException e) {
                    problems.add(open.where + ": " + e.getMessage());
                }
            }
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw e; // text that is not UTF-8: the file's reader names the line of its first such byte
            }
            // commons-csv reports a malformed row (an unclosed quote) this way
            problems.add(name + ":" + nextLine + ": malformed CSV: " + e.getCause().getMessage());
        }
        return events;
    }

    private static LoyaltyEvent event(String type, Fields fields, EventId id, MemberId member) {
        return switch (type) {
            case "enrol" -> new Enrolment(id, member, fields.instant("occurredAt"), fields.date("birthday"), fields.zone("zone"),
                    fields.optional("tier"), fields.optional("channel"));
            case "return" -> new Return(id, member, fields.instant("occurredAt"),
                    fields.optional("purchaseId") == null ? null : EventId.of(fields.optional("purchaseId")), fields.money("amount", "currency"));
            case "redeem" -> new Redemption(id, member, fields.instant("occurredAt"), fields.required("reward"), fields.whole("points"),
                    fields.optionalMoney("value", "currency"));
            default -> throw new IllegalStateException("purchases are built row by row");
        };
    }

    /**
     * The rows of a purchase read so far. A row that continues it must repeat its member,
     * {@code occurredAt}, {@code channel} and {@code store} (or leave the last two blank to mean
     * the same): a row that differs is another purchase given the same id by mistake.
     */
    private static final class OpenPurchase {
        private final EventId id;
        private final MemberId member;
        private final Instant at;
        private final String channel;
        private final String store;
        private final Purchase.Builder builder;
        private final String where;

        OpenPurchase(EventId id, MemberId member, Instant at, String channel, String store, String where) {
            this.id = id;
            this.member = member;
            this.at = at;
            this.channel = channel;
            this.store = store;
            this.builder = Purchase.builder(id, member, at).channel(channel).store(store);
            this.where = where;
        }

        void add(Fields fields, MemberId rowMember) {
            if (!rowMember.equals(member)) {
                throw new Fields.LineProblem("purchase " + id + " continues with member " + rowMember + " but began with " + member + " at " + where);
            }
            Instant rowAt = fields.instant("occurredAt");
            if (!rowAt.equals(at)) {
                throw new Fields.LineProblem("purchase " + id + " continues with occurredAt " + rowAt + " but began with " + at + " at " + where);
            }
            same("channel", channel, fields.optional("channel"));
            same("store", store, fields.optional("store"));
            builder.line(fields.required("sku"), fields.required("category"), fields.quantity("quantity"), fields.money("unitPrice", "currency"));
        }

        private void same(String field, String first, String row) {
            if (row != null && !row.equals(first)) {
                throw new Fields.LineProblem("purchase " + id + " continues with " + field + " " + row + " but began with "
                        + (first == null ? "none" : first) + " at " + where);
            }
        }

        EventFile.SourcedEvent build() {
            return new EventFile.SourcedEvent(builder.build(), where);
        }
    }
}
