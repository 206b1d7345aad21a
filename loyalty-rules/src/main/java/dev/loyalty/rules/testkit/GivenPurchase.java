package dev.loyalty.rules.testkit;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;

/** A purchase in a scenario: when, which lines, through which channel and store. */
public final class GivenPurchase {

    record Line(String sku, String category, int quantity, String unitPrice) {
    }

    final LocalDateTime at;
    final List<Line> lines = new ArrayList<>();
    String channel;
    String store;

    private GivenPurchase(LocalDateTime at) {
        this.at = at;
    }

    GivenPurchase(String localDateTime) {
        try {
            this.at = LocalDateTime.parse(Objects.requireNonNull(localDateTime, "localDateTime"));
        } catch (NullPointerException | DateTimeParseException e) {
            throw new IllegalArgumentException("a purchase needs a local date and time such as 2026-04-07T11:00, was "
                    + (localDateTime == null ? "null" : "'" + localDateTime + "'"), e);
        }
    }

    /**
     * Adds a line.
     *
     * @param sku the product code
     * @param category the category, such as {@code garden}
     * @param quantity the quantity, at least 1
     * @param unitPrice the unit price in the program's currency, such as {@code "2.55"}
     * @return this purchase
     * @throws IllegalArgumentException when the product code, category or unit price is null or blank
     */
    public GivenPurchase line(String sku, String category, int quantity, String unitPrice) {
        lines.add(new Line(Arguments.text("line", "sku", "a product code such as 85123A", sku),
                Arguments.text("line", "category", "a category such as garden", category), quantity,
                Arguments.text("line", "unitPrice", "a price such as 2.55", unitPrice)));
        return this;
    }

    /**
     * Sets the sales channel, such as {@code web}.
     *
     * @param name the channel
     * @return this purchase
     */
    public GivenPurchase channel(String name) {
        this.channel = name;
        return this;
    }

    /**
     * Sets the store code.
     *
     * @param code the store
     * @return this purchase
     */
    public GivenPurchase store(String code) {
        this.store = code;
        return this;
    }

    // a scenario keeps an earlier purchase as it was when given: the same description may go on to describe another
    GivenPurchase copy() {
        GivenPurchase copy = new GivenPurchase(at);
        copy.lines.addAll(lines);
        copy.channel = channel;
        copy.store = store;
        return copy;
    }

    /**
     * Returns the purchase as the scenario gives it: its local date and time, the channel and the
     * store when given, and its lines, such as {@code purchase at 2024-03-01T10:00 (channel web) of [...]}.
     * A failed check of {@link Then} names the purchase this way.
     *
     * @return the text
     */
    @Override
    public String toString() {
        StringJoiner where = new StringJoiner(", ", " (", ")").setEmptyValue("");
        if (channel != null) {
            where.add("channel " + channel);
        }
        if (store != null) {
            where.add("store " + store);
        }
        return "purchase at " + at + where + " of " + lines;
    }
}
