package dev.loyalty.examples.retail;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Gives the retail sample's products a category, which the data set lacks: non-product stock
 * codes (postage, fees, manual adjustments) become {@code service}, which the default
 * campaigns exclude from earning; other lines are sorted by a keyword of their description.
 */
final class Categories {

    /** Stock codes that are not products: postage, carriage, fees, discounts, manual lines, samples. */
    static final Set<String> SERVICE_CODES = Set.of("POST", "DOT", "C2", "M", "D", "S", "B", "CRUK", "AMAZONFEE", "BANK CHARGES", "PADS");

    private static final List<String[]> KEYWORDS = List.of(
            new String[] {"GARDEN", "garden"},
            new String[] {"CHRISTMAS", "christmas"},
            new String[] {"BAG", "bags"},
            new String[] {"T-LIGHT", "lighting"},
            new String[] {"LANTERN", "lighting"},
            new String[] {"CANDLE", "lighting"},
            new String[] {"MUG", "kitchen"},
            new String[] {"CAKE", "kitchen"},
            new String[] {"TEA", "kitchen"},
            new String[] {"JAR", "kitchen"});

    private Categories() {
    }

    /**
     * Returns the category of a line.
     *
     * @param stockCode the stock code
     * @param description the product description, possibly empty
     * @return {@code service}, a keyword category, or {@code gifts}
     */
    static String of(String stockCode, String description) {
        if (SERVICE_CODES.contains(stockCode.toUpperCase(Locale.ROOT))) {
            return "service";
        }
        String text = description.toUpperCase(Locale.ROOT);
        for (String[] keyword : KEYWORDS) {
            if (text.contains(keyword[0])) {
                return keyword[1];
            }
        }
        return "gifts";
    }
}
