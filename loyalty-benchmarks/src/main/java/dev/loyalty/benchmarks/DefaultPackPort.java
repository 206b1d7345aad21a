package dev.loyalty.benchmarks;

import dev.loyalty.core.spi.RuleEngine;
import dev.loyalty.core.tier.TierPolicy;
import java.util.Optional;

/**
 * What every port of the default campaign pack answers as the Drools engine does for the pack:
 * no rule reads a member's segment or balance, and the tier ladder is the pack's. The ports
 * differ only in how they evaluate the rules.
 */
public abstract class DefaultPackPort implements RuleEngine {

    /** For subclasses. */
    protected DefaultPackPort() {
    }

    /**
     * Says that no rule of the default pack reads a member's segment, as the Drools engine does for it.
     *
     * @return false
     */
    @Override
    public final boolean usesSegments() {
        return false;
    }

    /**
     * Says that no rule of the default pack reads a member's balance, as the Drools engine does for it.
     *
     * @return false
     */
    @Override
    public final boolean usesBalance() {
        return false;
    }

    /**
     * Returns the default pack's tier ladder.
     *
     * @return the ladder
     */
    @Override
    public final Optional<TierPolicy> tierPolicy() {
        return Optional.of(DefaultTierLadder.POLICY);
    }
}
