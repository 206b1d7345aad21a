package dev.loyalty.benchmarks;

import dev.loyalty.core.spi.RuleEngine;
import dev.loyalty.rules.DroolsRuleEngine;

/** The rule engines the benchmarks compare, by the name their {@code rules} parameter uses. */
public final class RuleEngines {

    /** The default pack in DRL, evaluated by Drools. */
    public static final String DROOLS = "drools";
    /** The default pack written by hand in plain Java: the baseline. */
    public static final String PLAIN_JAVA = "plain-java";
    /** The default pack ported to Evrete, the peer rule engine. */
    public static final String EVRETE = "evrete";

    private RuleEngines() {
    }

    /**
     * Creates a rule engine holding the default campaign pack.
     *
     * @param name {@value #DROOLS}, {@value #PLAIN_JAVA} or {@value #EVRETE}
     * @return the engine; the caller closes it
     * @throws IllegalArgumentException for another name
     */
    public static RuleEngine create(String name) {
        return switch (name) {
            case DROOLS -> DroolsRuleEngine.builder().defaultCampaigns().build();
            case PLAIN_JAVA -> new PlainJavaCampaigns();
            case EVRETE -> new EvreteCampaigns();
            default -> throw new IllegalArgumentException("no rule engine called '" + name + "'; use drools, plain-java or evrete");
        };
    }
}
