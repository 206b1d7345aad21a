package dev.loyalty.core.event;

import dev.loyalty.core.InvalidInputException;
import dev.loyalty.core.internal.Checks;
import dev.loyalty.core.model.Money;
import java.math.BigInteger;
import java.util.Optional;

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
            throw new InvalidInputException("line.quantity", tooFew(Integer.toString(quantity)));
        }
        if (quantity > MAX_QUANTITY) {
            throw new InvalidInputException("line.quantity", tooMany(Integer.toString(quantity)));
        }
        Checks.notNull(unitPrice, "line.unitPrice");
        if (unitPrice.signum() < 0) {
            throw new InvalidInputException("line.unitPrice", "must not be negative, was " + unitPrice);
        }
    }

    /**
     * Says why a quantity is refused, in the words a line refuses it with, for a host that reads quantities wider than an
     * {@code int} (a JSON or CSV number of any size) and would tell its client the same as the engine does.
     *
     * @param quantity the quantity, a whole number of any size
     * @return the reason, such as {@code is 2000000; at most 1000000 are accepted}, or empty when a line accepts the
     *         quantity
     * @throws InvalidInputException when the quantity is null
     */
    public static Optional<String> quantityProblem(BigInteger quantity) {
        Checks.notNull(quantity, "quantity");
        if (quantity.signum() < 1) {
            return Optional.of(tooFew(quantity.toString()));
        }
        if (quantity.compareTo(BigInteger.valueOf(MAX_QUANTITY)) > 0) {
            return Optional.of(tooMany(quantity.toString()));
        }
        return Optional.empty();
    }

    private static String tooFew(String quantity) {
        return "must be at least 1, was " + quantity + " (returns are separate events)";
    }

    private static String tooMany(String quantity) {
        return "is " + quantity + "; at most " + MAX_QUANTITY + " are accepted";
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
