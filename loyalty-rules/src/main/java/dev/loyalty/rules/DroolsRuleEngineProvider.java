package dev.loyalty.rules;

import dev.loyalty.core.spi.RuleEngine;
import dev.loyalty.core.spi.RuleEngineProvider;

/**
 * Lets {@code LoyaltyEngine.builder()} find the Drools engine through {@link java.util.ServiceLoader}
 * when no rule engine is set: it creates a {@link DroolsRuleEngine} with the default campaign pack.
 */
public final class DroolsRuleEngineProvider implements RuleEngineProvider {

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public DroolsRuleEngineProvider() {
    }

    /**
     * Creates a Drools engine with the default campaign pack.
     *
     * @return a new engine; the caller closes it
     */
    @Override
    public RuleEngine create() {
        return DroolsRuleEngine.builder().defaultCampaigns().build();
    }
}
