package dev.loyalty.benchmarks;

import dev.loyalty.core.LoyaltyEngine;
import dev.loyalty.core.spi.RuleEngine;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The state the end-to-end benchmarks share: a rule engine chosen by the {@code rules}
 * parameter (Drools, the plain-Java baseline, the Evrete port), a seeded {@link SyntheticShop},
 * and a fresh in-memory engine with the shop's members enrolled for every iteration, so ledgers
 * do not grow without bound, one per benchmark thread. Subclasses add the benchmarks.
 */
@State(Scope.Thread)
public abstract class ShopEngineState {

    /** Which rule engine evaluates the campaigns. */
    @Param({RuleEngines.DROOLS, RuleEngines.PLAIN_JAVA, RuleEngines.EVRETE})
    public String rules;

    /**
     * How many members the shop has ({@code -p members=100,1000,10000} compares): the purchases
     * spread over them with Pareto activity, so more members means more member state touched
     * between two purchases of the same member.
     */
    @Param({"1000"})
    public int members;

    /** The seeded shop the purchases come from. */
    protected SyntheticShop shop;

    /** The engine of the current iteration. */
    protected LoyaltyEngine engine;

    /** How many purchases were taken from the shop so far. */
    protected long sequence;

    private RuleEngine ruleEngine;

    /** Builds the rule engine and the shop once per trial. */
    @Setup(Level.Trial)
    public void compileRules() {
        ruleEngine = RuleEngines.create(rules);
        shop = SyntheticShop.generate(42, members, 50_000);
    }

    /** Starts every iteration on a fresh store with enrolled members. */
    @Setup(Level.Iteration)
    public void freshStore() {
        engine = shop.engineWithMembers(ruleEngine);
    }

    /** Closes the rule engine. */
    @TearDown(Level.Trial)
    public void close() {
        ruleEngine.close();
    }
}
