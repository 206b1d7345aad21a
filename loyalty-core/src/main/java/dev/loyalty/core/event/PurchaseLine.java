package dev.loyalty.core.event;

import dev.loyalty.core.InvalidInputException;
import dev.loyalty.core.internal.Checks;
import dev.loyalty.core.model.Money;

/**
 * One line of a purchase.
 *
 * @param sku the stock-keeping unit
 * @param category the product category campaigns match on, such as {@code garden}
 * @param quantity how many items; at least 1
 * @param unitPrice the price of one item; zero or more
 */
public record PurchaseLine(String sku, String category, int quantity, Money unitPrice) {

    /** The largest quantity accepted on one line. */
    public static final int MAX_QUANTITY = 1_000_000;

    /**
     * Checks the components.
     *
     * @param sku the stock-keeping unit
     * @param category the product category campaigns match on, such as {@code garden}
     * @param quantity how many items; at least 1
     * @param unitPrice the price of one item; zero or more
     */
    public PurchaseLine {
        sku = Checks.text(sku, "line.sku");
        category = Checks.text(category, "line.category");
        if (quantity < 1) {
            throw new InvalidInputException("line.quantity", "must be at least 1, was " + quantity + " (returns are separate events)");
        }
        if (quantity > MAX_QUANTITY) {
            throw new InvalidInputException("line.quantity", "is " + quantity + "; at most " + MAX_QUANTITY + " are accepted");
        }
        Checks.notNull(unitPrice, "line.unitPrice");
        if (unitPrice.signum() < 0) {
            throw new InvalidInputException("line.unitPrice", "must not be negative, was " + unitPrice);
        }
    }

    /**
     * Returns the exact amount of the line, unit price times quantity.
     *
     * @return the line amount
     */
    public Money amount() {
        return quantity == 1 ? unitPrice : unitPrice.times(quantity);
    }
}
