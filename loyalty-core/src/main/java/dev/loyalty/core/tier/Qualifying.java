package dev.loyalty.core.tier;

import dev.loyalty.core.internal.Checks;
import dev.loyalty.core.model.Points;
import java.math.BigDecimal;

/**
 * Qualifying totals, of one day or summed over a window: spend, points and purchases. A day's
 * totals may be negative when a return lands on a day other than its purchase's.
 *
 * @param spend qualifying spend in the program currency
 * @param points qualifying points
 * @param purchases number of purchases
 */
public record Qualifying(BigDecimal spend, long points, long purchases) {

    /** Nothing qualifying. */
    public static final Qualifying ZERO = new Qualifying(BigDecimal.ZERO, 0, 0);

    /**
     * Checks the components.
     *
     * @param spend qualifying spend in the program currency
     * @param points qualifying points
     * @param purchases number of purchases
     */
    public Qualifying {
        Checks.notNull(spend, "qualifying.spend");
    }

    /**
     * Adds other totals.
     *
     * @param other the totals to add
     * @return the sum
     */
    public Qualifying plus(Qualifying other) {
        return new Qualifying(spend.add(other.spend), Points.add(points, other.points), Points.add(purchases, other.purchases));
    }

    /**
     * Returns the value a metric reads.
     *
     * @param metric the metric
     * @return spend, points or purchases, as a decimal
     */
    public BigDecimal valueOf(QualifyingMetric metric) {
        return switch (metric) {
            case SPEND -> spend;
            case POINTS -> BigDecimal.valueOf(points);
            case PURCHASES -> BigDecimal.valueOf(purchases);
        };
    }
}
