package dev.loyalty.core.model;

import dev.loyalty.core.InvalidInputException;
import dev.loyalty.core.internal.Checks;

/**
 * A rung on the program's tier ladder, as data: rules match on the code, the ladder orders by rank.
 *
 * @param code the stable code rules match on, such as {@code gold}
 * @param name the display name, such as {@code Gold}
 * @param rank the position on the ladder; 0 is the entry tier, higher is better
 */
public record Tier(String code, String name, int rank) {

    /**
     * Checks the components.
     *
     * @param code the stable code rules match on, such as {@code gold}
     * @param name the display name, such as {@code Gold}
     * @param rank the position on the ladder; 0 is the entry tier, higher is better
     */
    public Tier {
        code = Checks.text(code, "tier.code");
        name = Checks.text(name, "tier.name");
        if (rank < 0) {
            throw new InvalidInputException("tier.rank", "must not be negative, was " + rank);
        }
    }
}
