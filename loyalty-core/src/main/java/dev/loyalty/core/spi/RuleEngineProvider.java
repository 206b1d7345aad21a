package dev.loyalty.core.spi;

/**
 * Creates the default {@link RuleEngine} when the engine builder is given none. Found with
 * {@link java.util.ServiceLoader}: an implementation module lists its provider in
 * {@code META-INF/services/dev.loyalty.core.spi.RuleEngineProvider}.
 */
public interface RuleEngineProvider {

    /**
     * Creates a rule engine with the provider's default campaigns.
     *
     * @return a new rule engine; the caller closes it
     */
    RuleEngine create();

    /**
     * Returns the provider's priority; when several are found, the highest wins.
     *
     * @return the priority; 0 by default
     */
    default int priority() {
        return 0;
    }
}
