package dev.loyalty.core.event;

import dev.loyalty.core.CurrencyMismatchException;
import dev.loyalty.core.InvalidInputException;
import dev.loyalty.core.internal.Checks;
import dev.loyalty.core.internal.Decimals;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * A member buys something. All lines are in one currency.
 *
 * <pre>{@code
 * Purchase purchase = Purchase.builder(EventId.of("order-1001"), MemberId.of("42"), now)
 *         .line("SKU-1", "garden", 2, Money.of("4.50", "GBP"))
 *         .channel("web")
 *         .build();
 * }</pre>
 *
 * @param eventId the idempotency key, typically the order or receipt id
 * @param memberId the buyer
 * @param occurredAt when the purchase was made
 * @param lines the purchased lines; at least one
 * @param channel the sales channel, such as {@code web} or {@code pos}, or null
 * @param store the store code, or null
 */
public record Purchase(EventId eventId, MemberId memberId, Instant occurredAt, List<PurchaseLine> lines,
                       String channel, String store) implements LoyaltyEvent {

    /** The largest number of lines accepted in one purchase. */
    public static final int MAX_LINES = 10_000;

    /**
     * Checks the components; the lines are copied.
     *
     * @param eventId the idempotency key, typically the order or receipt id
     * @param memberId the buyer
     * @param occurredAt when the purchase was made
     * @param lines the purchased lines; at least one
     * @param channel the sales channel, such as {@code web} or {@code pos}, or null
     * @param store the store code, or null
     */
    public Purchase {
        Checks.notNull(eventId, "purchase.eventId");
        Checks.notNull(memberId, "purchase.memberId");
        Checks.notNull(occurredAt, "purchase.occurredAt");
        Checks.notNull(lines, "purchase.lines");
        if (lines.isEmpty()) {
            throw new InvalidInputException("purchase.lines", "must not be empty");
        }
        if (lines.size() > MAX_LINES) {
            throw new InvalidInputException("purchase.lines", "has " + lines.size() + " lines; at most " + MAX_LINES + " are accepted");
        }
        Currency currency = null;
        for (int i = 0; i < lines.size(); i++) {
            PurchaseLine line = lines.get(i);
            if (line == null) {
                // the field name is written only when needed: purchases are made by the million
                throw new InvalidInputException("purchase.lines[" + i + "]", "must not be null");
            }
            if (currency == null) {
                currency = line.unitPrice().currency();
            } else if (!currency.equals(line.unitPrice().currency())) {
                throw new CurrencyMismatchException("purchase.lines[" + i + "].unitPrice", currency, line.unitPrice().currency());
            }
        }
        lines = List.copyOf(lines);
        channel = Checks.optionalText(channel, "purchase.channel");
        store = Checks.optionalText(store, "purchase.store");
    }

    /**
     * Starts a purchase.
     *
     * @param eventId the idempotency key
     * @param memberId the buyer
     * @param occurredAt when the purchase was made
     * @return a builder; add at least one line
     */
    public static Builder builder(EventId eventId, MemberId memberId, Instant occurredAt) {
        return new Builder(eventId, memberId, occurredAt);
    }

    /**
     * Returns the purchase's currency, that of its lines.
     *
     * @return the currency
     */
    public Currency currency() {
        return lines.get(0).unitPrice().currency();
    }

    /**
     * Returns the exact total of all lines.
     *
     * @return the sum of the line amounts
     */
    public Money total() {
        // in long arithmetic when every price has the same scale and the sum fits: the same value and scale
        long sum = 0;
        int scale = lines.get(0).unitPrice().amount().scale();
        for (int i = 0, n = lines.size(); i < n; i++) {
            // by index: the lines are an immutable random-access list, and no iterator is made
            PurchaseLine line = lines.get(i);
            BigDecimal price = line.unitPrice().amount();
            long unscaled = price.scale() == scale ? Decimals.unscaled(price) : Decimals.NO_FIT;
            if (unscaled == Decimals.NO_FIT || (sum = exactSum(sum, unscaled, line.quantity())) < 0) {
                return exactTotal();
            }
        }
        return new Money(BigDecimal.valueOf(sum, scale), currency());
    }

    /** Adds {@code unscaled x quantity} to a non-negative sum; -1 when it leaves the long range. */
    private static long exactSum(long sum, long unscaled, int quantity) {
        long product = unscaled * quantity;
        if (unscaled < 0 || product / quantity != unscaled || sum + product < 0) {
            return -1;
        }
        return sum + product;
    }

    private Money exactTotal() {
        BigDecimal total = BigDecimal.ZERO;
        for (PurchaseLine line : lines) {
            // exact sum first, normalised once: the same value and scale as adding normalised amounts
            total = total.add(line.unitPrice().amount().multiply(BigDecimal.valueOf(line.quantity())));
        }
        return new Money(total, currency());
    }

    @Override
    public String kind() {
        return "purchase";
    }

    /** Builds a {@link Purchase} line by line. */
    public static final class Builder {
        private final EventId eventId;
        private final MemberId memberId;
        private final Instant occurredAt;
        private final List<PurchaseLine> lines = new ArrayList<>();
        private String channel;
        private String store;

        private Builder(EventId eventId, MemberId memberId, Instant occurredAt) {
            this.eventId = eventId;
            this.memberId = memberId;
            this.occurredAt = occurredAt;
        }

        /**
         * Adds a line.
         *
         * @param sku the stock-keeping unit
         * @param category the product category
         * @param quantity how many items
         * @param unitPrice the price of one item
         * @return this builder
         */
        public Builder line(String sku, String category, int quantity, Money unitPrice) {
            lines.add(new PurchaseLine(sku, category, quantity, unitPrice));
            return this;
        }

        /**
         * Adds a line.
         *
         * @param line the line
         * @return this builder
         */
        public Builder line(PurchaseLine line) {
            lines.add(line);
            return this;
        }

        /**
         * Sets the sales channel.
         *
         * @param name the channel, such as {@code web}
         * @return this builder
         */
        public Builder channel(String name) {
            this.channel = name;
            return this;
        }

        /**
         * Sets the store code.
         *
         * @param code the store
         * @return this builder
         */
        public Builder store(String code) {
            this.store = code;
            return this;
        }

        /**
         * Builds the purchase.
         *
         * @return the purchase
         * @throws InvalidInputException when a field is missing or malformed
         */
        public Purchase build() {
            return new Purchase(eventId, memberId, occurredAt, lines, channel, store);
        }
    }
}
