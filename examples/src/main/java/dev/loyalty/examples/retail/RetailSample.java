package dev.loyalty.examples.retail;

import dev.loyalty.core.InvalidInputException;
import dev.loyalty.core.event.Enrolment;
import dev.loyalty.core.event.LoyaltyEvent;
import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.event.PurchaseLine;
import dev.loyalty.core.event.Return;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.Money;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * The "Online Retail" transactions (UCI Machine Learning Repository, CC BY 4.0) turned into
 * loyalty events: every customer id becomes a member enrolled at their first transaction,
 * every member invoice a purchase, every member return invoice (numbers starting with
 * {@code C}) a return of the refunded amount. The data does not link returns to their
 * purchases, so they are unlinked returns for the engine. Nothing is dropped silently: guest
 * rows (no customer id), adjustment rows (zero or negative quantity outside a return), returns
 * of zero value and malformed rows are counted.
 *
 * @param events the enrolments and purchases, in time order (enrolment first on a tie)
 * @param rows the data rows read
 * @param guestRows rows without a customer id: guests are not members
 * @param returnRows rows of return invoices
 * @param guestReturnRows return rows without a customer id, counted in both of the above
 * @param adjustmentRows rows with a zero or negative quantity outside a return invoice
 * @param zeroValueReturns member return invoices refunding nothing, not replayed
 * @param rejected malformed rows, each with its line number and reason
 */
record RetailSample(List<LoyaltyEvent> events, int rows, int guestRows, int returnRows, int guestReturnRows, int adjustmentRows,
                    int zeroValueReturns, List<String> rejected) {

    /** The sample's time zone: a UK retailer recording UK local time. */
    static final ZoneId ZONE = ZoneId.of("Europe/London");

    /** The sample's currency. */
    static final String CURRENCY = "GBP";

    /** Strict: a date that does not exist, such as 2011-02-29, is refused rather than moved to the month's last day. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);
    /** A whole number written as a decimal, such as {@code 17850.00}: its digits before the point. */
    private static final Pattern WHOLE_DECIMAL = Pattern.compile("([0-9]+)\\.0*");
    private static final String[] HEADER = {"InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID", "Country"};

    /**
     * Reads the sample's CSV format. Columns are found by the names in the header row, in any
     * order, extra columns ignored; a header lacking one of the eight columns, or naming one twice,
     * is rejected as {@code line 1} and nothing is read. A UTF-8 byte order mark is skipped.
     *
     * @param csv the CSV text, with its header row
     * @return the events and counts
     */
    static RetailSample read(Reader csv) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
                // blank lines are kept as records (and skipped below) so that the parser's line count gives each row's first line
                .setIgnoreEmptyLines(false).get();
        Map<String, Instant> firstSeen = new TreeMap<>();
        Map<String, InvoiceBuilder> invoices = new LinkedHashMap<>();
        Map<String, ReturnBuilder> refunds = new LinkedHashMap<>();
        List<String> rejected = new ArrayList<>();
        int rows = 0;
        int guests = 0;
        int returns = 0;
        int guestReturns = 0;
        int adjustments = 0;
        CSVParser opened;
        try {
            opened = format.parse(withoutByteOrderMark(csv));
        } catch (IllegalArgumentException e) {
            // commons-csv refuses a header with a blank or repeated column name this way
            return malformedHeader("the header is malformed: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the retail sample", e);
        }
        try (CSVParser parser = opened) {
            List<String> missing = Arrays.stream(HEADER).filter(column -> !parser.getHeaderMap().containsKey(column)).toList();
            if (!missing.isEmpty()) {
                return malformedHeader("the header lacks the columns " + String.join(", ", missing) + " (expected " + String.join(",", HEADER) + ")");
            }
            long nextLine = parser.getCurrentLineNumber() + 1;
            for (CSVRecord record : parser) {
                long line = nextLine;
                nextLine = parser.getCurrentLineNumber() + 1;
                if (record.size() == 1 && record.get(0).isBlank()) {
                    continue; // a blank line
                }
                rows++;
                try {
                    String invoice = record.get("InvoiceNo").strip();
                    Instant at = invoiceDate(record.get("InvoiceDate"));
                    String customer = customerId(record.get("CustomerID"));
                    int quantity = quantity(record.get("Quantity"));
                    boolean isReturn = invoice.startsWith("C");
                    returns += isReturn ? 1 : 0;
                    if (customer == null) {
                        guests++;
                        guestReturns += isReturn ? 1 : 0;
                        continue;
                    }
                    sameCustomer(invoice, customer, isReturn ? refunds.get(invoice) : invoices.get(invoice));
                    if (isReturn) {
                        BigDecimal refunded = unitPrice(record.get("UnitPrice")).multiply(BigDecimal.valueOf(Math.abs((long) quantity)));
                        firstSeen.merge(customer, at, (a, b) -> a.isBefore(b) ? a : b);
                        refunds.computeIfAbsent(invoice, id -> new ReturnBuilder(id, customer, line)).add(refunded, at);
                        continue;
                    }
                    if (quantity <= 0) {
                        firstSeen.merge(customer, at, (a, b) -> a.isBefore(b) ? a : b);
                        adjustments++;
                        continue;
                    }
                    String sku = record.get("StockCode").strip();
                    PurchaseLine purchaseLine = new PurchaseLine(sku, Categories.of(sku, record.get("Description").strip()), quantity,
                            new Money(unitPrice(record.get("UnitPrice")), Money.currency(CURRENCY)));
                    firstSeen.merge(customer, at, (a, b) -> a.isBefore(b) ? a : b);
                    invoices.computeIfAbsent(invoice, id -> new InvoiceBuilder(id, customer, line)).add(purchaseLine, at);
                } catch (DateTimeParseException | IllegalArgumentException | InvalidInputException e) {
                    rejected.add("line " + line + ": " + e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the retail sample", e);
        }
        List<LoyaltyEvent> events = new ArrayList<>(firstSeen.size() + invoices.size());
        firstSeen.forEach((customer, at) -> events.add(Enrolment.of(EventId.of("enrol-" + customer), MemberId.of(customer), at)));
        invoices.values().forEach(invoice -> events.add(invoice.build()));
        int zeroValueReturns = 0;
        for (ReturnBuilder refund : refunds.values()) {
            if (refund.amount.signum() > 0) {
                events.add(refund.build());
            } else {
                zeroValueReturns++;
            }
        }
        events.sort(Comparator.comparing(LoyaltyEvent::occurredAt)
                .thenComparing(event -> event instanceof Enrolment ? 0 : 1)
                .thenComparing(event -> event.eventId().value()));
        return new RetailSample(List.copyOf(events), rows, guests, returns, guestReturns, adjustments, zeroValueReturns, List.copyOf(rejected));
    }

    /**
     * The instant of an {@code InvoiceDate}, a UK local time (a time in the spring gap moves forward by the gap's length, as
     * {@link LocalDateTime#atZone} does), as written: spaces around it are refused.
     */
    private static Instant invoiceDate(String text) {
        try {
            return LocalDateTime.parse(text, TIME).atZone(ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("InvoiceDate", "is '" + text + "'; expected a date and time that exist, such as 2011-02-28 10:15:00");
        }
    }

    /**
     * Refuses a row of an invoice that an earlier row gave to another customer: the data's invoice
     * numbers name one customer's basket, and the row would otherwise be credited to the first.
     */
    private static void sameCustomer(String invoice, String customer, Invoice earlier) {
        if (earlier != null && !earlier.customer().equals(customer)) {
            throw new InvalidInputException("CustomerID", "is " + customer + " but invoice " + invoice + " began with customer "
                    + earlier.customer() + " at line " + earlier.firstLine());
        }
    }

    /** The rows of one invoice read so far: whose it is, where it began, and its earliest row's time. */
    private abstract static class Invoice {
        final String invoice;
        final String customer;
        final long firstLine;
        Instant at;

        Invoice(String invoice, String customer, long firstLine) {
            this.invoice = invoice;
            this.customer = customer;
            this.firstLine = firstLine;
        }

        String customer() {
            return customer;
        }

        long firstLine() {
            return firstLine;
        }

        /** Notes a row's time: the invoice happened at its earliest row's. */
        void seen(Instant time) {
            at = at == null || time.isBefore(at) ? time : at;
        }
    }

    /**
     * The {@code Quantity} of a row: a whole number, negative on a return, as written: spaces
     * around it or a {@code +} sign are refused, as no export writes them.
     */
    private static int quantity(String text) {
        if (!ascii(text)) {
            throw new InvalidInputException("Quantity", "is '" + text + "'; expected a whole number written with the digits 0 to 9, such as 6");
        }
        if (!PlainForms.WHOLE.matcher(text).matches()) {
            throw new InvalidInputException("Quantity", "is '" + text + "'; expected a whole number such as 6");
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("Quantity", "is '" + text + "'; expected a whole number such as 6");
        }
    }

    /**
     * The {@code UnitPrice} of a row in pounds: a plain decimal number. An exponent ({@code 1.5E+2}) is refused: it is what a
     * spreadsheet saves for a number it shows rounded in scientific notation. So are spaces around it, a {@code +} sign and a point
     * without a digit on each side ({@code .55}, {@code 2.}), which no export writes.
     */
    private static BigDecimal unitPrice(String text) {
        if (text.indexOf('e') >= 0 || text.indexOf('E') >= 0) {
            throw new InvalidInputException("UnitPrice", "is '" + text + "', a number with an exponent, as a spreadsheet saves a number it "
                    + "shows rounded in scientific notation; expected a plain decimal amount such as 2.95");
        }
        if (!ascii(text)) {
            throw new InvalidInputException("UnitPrice", "is '" + text + "'; expected a decimal amount written with the digits 0 to 9, such as 2.95");
        }
        if (!PlainForms.PLAIN_DECIMAL.matcher(text).matches()) {
            throw new InvalidInputException("UnitPrice", "is '" + text + "'; expected a decimal amount such as 2.95");
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("UnitPrice", "is '" + text + "'; expected a decimal amount such as 2.95");
        }
    }

    /** Whether the text is ASCII: Java's number parsers also read other scripts' digits, such as {@code \u0663} as 3. */
    private static boolean ascii(String text) {
        return text.chars().allMatch(c -> c < 0x80);
    }

    /** A sample of no events whose only rejection is its header's problem. */
    private static RetailSample malformedHeader(String problem) {
        return new RetailSample(List.of(), 0, 0, 0, 0, 0, 0, List.of("line 1: " + problem));
    }

    /** Skips the UTF-8 byte order mark a spreadsheet program may put first, so the first column is named {@code InvoiceNo}. */
    private static Reader withoutByteOrderMark(Reader csv) throws IOException {
        BufferedReader reader = csv instanceof BufferedReader buffered ? buffered : new BufferedReader(csv);
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }

    /**
     * Counts the enrolments among the events.
     *
     * @return the number of members
     */
    long members() {
        return events.stream().filter(Enrolment.class::isInstance).count();
    }

    /**
     * Counts the purchases among the events.
     *
     * @return the number of purchases
     */
    long purchases() {
        return events.stream().filter(Purchase.class::isInstance).count();
    }

    /**
     * Counts the returns among the events.
     *
     * @return the number of return invoices replayed
     */
    long returns() {
        return events.stream().filter(Return.class::isInstance).count();
    }

    /**
     * The member id of a {@code CustomerID}, or null for a guest: a whole number a spreadsheet saved as a decimal
     * ({@code 17850.0}, {@code 17850.00}) is the same customer as {@code 17850}.
     */
    private static String customerId(String raw) {
        String id = raw == null ? "" : raw.strip();
        if (id.isEmpty()) {
            return null;
        }
        Matcher whole = WHOLE_DECIMAL.matcher(id);
        return whole.matches() ? whole.group(1) : id;
    }

    /** Collects the rows of one return invoice into one refund of their total. */
    private static final class ReturnBuilder extends Invoice {
        private BigDecimal amount = BigDecimal.ZERO;

        ReturnBuilder(String invoice, String customer, long firstLine) {
            super(invoice, customer, firstLine);
        }

        void add(BigDecimal refunded, Instant time) {
            amount = amount.add(refunded);
            seen(time);
        }

        Return build() {
            return new Return(EventId.of("return-" + invoice), MemberId.of(customer), at, null, new Money(amount, Money.currency(CURRENCY)));
        }
    }

    /** Collects the rows of one invoice; the invoice happened at its earliest row's time. */
    private static final class InvoiceBuilder extends Invoice {
        private final List<PurchaseLine> lines = new ArrayList<>();

        InvoiceBuilder(String invoice, String customer, long firstLine) {
            super(invoice, customer, firstLine);
        }

        void add(PurchaseLine line, Instant time) {
            lines.add(line);
            seen(time);
        }

        Purchase build() {
            return new Purchase(EventId.of("invoice-" + invoice), MemberId.of(customer), at, lines, "web", null);
        }
    }
}
