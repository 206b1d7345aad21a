package dev.loyalty.core.tier;

import dev.loyalty.core.spi.Decision;
import dev.loyalty.core.InvalidInputException;
import dev.loyalty.core.internal.Checks;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a tier gives its members: an earn multiplier the rules apply to purchases, a discount a
 * POS applies at checkout, and other perks as data (such as {@code free-delivery=yes}).
 *
 * @param earnMultiplier multiplies the points a purchase earns; at least 1, at most 18 digits before the point and 34
 *                       significant digits, as a rule's multiplier
 * @param discountPercent the checkout discount in percent, 0 to 100; at least 1E-18 above zero, at most 34 significant digits
 * @param perks other perks by name, sorted; empty when none
 */
public record TierBenefits(BigDecimal earnMultiplier, BigDecimal discountPercent, Map<String, String> perks) {

    /** No benefits: multiplier 1, no discount, no perks. */
    public static final TierBenefits NONE = new TierBenefits(BigDecimal.ONE, BigDecimal.ZERO, Map.of());

    /**
     * Checks the components and copies the perks in name order.
     *
     * @param earnMultiplier multiplies the points a purchase earns; at least 1, at most 18 digits before the point and 34
     *                       significant digits, as a rule's multiplier
     * @param discountPercent the checkout discount in percent, 0 to 100; at least 1E-18 above zero, at most 34 significant digits
     * @param perks other perks by name, sorted; empty when none
     */
    public TierBenefits {
        Checks.notNull(earnMultiplier, "tierBenefits.earnMultiplier");
        Checks.notNull(discountPercent, "tierBenefits.discountPercent");
        Checks.notNull(perks, "tierBenefits.perks");
        digits(earnMultiplier, "tierBenefits.earnMultiplier");
        digits(discountPercent, "tierBenefits.discountPercent");
        if (earnMultiplier.compareTo(BigDecimal.ONE) < 0) {
            throw new InvalidInputException("tierBenefits.earnMultiplier", "must be at least 1, was " + earnMultiplier.toPlainString());
        }
        if (discountPercent.signum() < 0 || discountPercent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new InvalidInputException("tierBenefits.discountPercent", "must be 0 to 100, was " + discountPercent.toPlainString());
        }
        Map<String, String> sorted = new TreeMap<>();
        perks.forEach((name, value) -> sorted.put(Checks.text(name, "tierBenefits.perks name"), Checks.notNull(value, "tierBenefits.perks[" + name + "]")));
        perks = java.util.Collections.unmodifiableMap(sorted);
    }

    /** Refuses a number beyond the digits a rule's multiplier may have, before any message writes it out. */
    private static void digits(BigDecimal value, String field) {
        String problem = Decision.digitsProblem(value);
        if (problem != null) {
            throw new InvalidInputException(field, problem);
        }
    }
}
