package dev.loyalty.rules.vocabulary;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One line of a purchase, as campaign rules see it: {@code PurchaseLine( category == "garden" )}.
 * It carries the purchase's date fields, so a campaign on lines of a given day needs no join
 * with the {@link Purchase}: {@code PurchaseLine( category == "garden", month == 4 )}.
 *
 * <p>Immutable. The date and the fields derived from it are in the member's time zone.
 */
public final class PurchaseLine extends DatedFact {

    private final int index;
    private final String sku;
    private final String category;
    private final int quantity;
    private final BigDecimal unitPrice;
    /** Computed on first use: the default pack's rules never read it, and a batch makes thousands of lines. */
    private BigDecimal amount;

    /**
     * Creates the fact; the engine does this for every line, tests of campaign rules may too.
     *
     * @param index the line's 0-based position in the purchase
     * @param sku the stock-keeping unit
     * @param category the product category
     * @param quantity how many items
     * @param unitPrice the price of one item
     * @param date the local date of the purchase
     */
    public PurchaseLine(int index, String sku, String category, int quantity, BigDecimal unitPrice, LocalDate date) {
        super(date);
        if (index < 0) {
            throw new IllegalArgumentException("index must be 0 or more, was " + index);
        }
        this.index = index;
        this.sku = Objects.requireNonNull(sku, "sku");
        this.category = Objects.requireNonNull(category, "category");
        this.quantity = quantity;
        this.unitPrice = Objects.requireNonNull(unitPrice, "unitPrice");
    }

    /**
     * Returns the line's 0-based position in the purchase; actions on the line use it.
     *
     * @return the index
     */
    public int getIndex() {
        return index;
    }

    /**
     * Returns the stock-keeping unit.
     *
     * @return the sku, such as {@code 85123A}
     */
    public String getSku() {
        return sku;
    }

    /**
     * Returns the product category.
     *
     * @return the category, such as {@code garden}
     */
    public String getCategory() {
        return category;
    }

    /**
     * Returns how many items the line holds.
     *
     * @return at least 1
     */
    public int getQuantity() {
        return quantity;
    }

    /**
     * Returns the exact price of one item.
     *
     * @return the unit price
     */
    public BigDecimal getUnitPrice() {
        return unitPrice;
    }

    /**
     * Returns the exact amount of the line, unit price times quantity.
     *
     * @return the amount
     */
    public BigDecimal getAmount() {
        BigDecimal computed = amount;
        if (computed == null) {
            // BigDecimal is immutable, so a thread that computes it again finds an equal value
            computed = unitPrice.multiply(BigDecimal.valueOf(quantity));
            amount = computed;
        }
        return computed;
    }

    /**
     * Returns the line's index, SKU, category, quantity, unit price and local date, as
     * {@code PurchaseLine[index=..., sku=..., ...]}.
     *
     * @return the text, for logs and rule test messages
     */
    @Override
    public String toString() {
        return "PurchaseLine[index=" + index + ", sku=" + sku + ", category=" + category + ", quantity=" + quantity
                + ", unitPrice=" + unitPrice.toPlainString() + ", date=" + getDate() + "]";
    }
}
