package dev.loyalty.benchmarks;

import dev.loyalty.core.LoyaltyEngine;
import dev.loyalty.core.Outcome;
import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.spi.RuleEngine;
import dev.loyalty.rules.DroolsRuleEngine;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code LoyaltyEngine.process(purchase)} end to end on the in-memory store, with the default
 * campaigns evaluated by Drools and, in the same run, by the hand-written plain-Java baseline
 * doing the same ledger work.
 *
 * <p>Run: {@code ./mvnw -q -pl loyalty-benchmarks -am -DskipTests package && java -jar
 * loyalty-benchmarks/target/benchmarks.jar ProcessBenchmark}. Smoke check (no timings judged):
 * add {@code -f 1 -wi 1 -i 1 -w 1s -r 1s}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ProcessBenchmark {

    private static final int MEMBERS = SyntheticPurchases.MEMBERS;
    private static final Instant START = SyntheticPurchases.START;

    /** Which rule engine evaluates the campaigns. */
    @Param({"drools", "plain-java"})
    public String rules;

    private RuleEngine ruleEngine;
    private LoyaltyEngine engine;
    private Purchase[] templates;
    private long sequence;

    /** Builds the rule engine once per trial. */
    @Setup(Level.Trial)
    public void compileRules() {
        ruleEngine = rules.equals("drools") ? DroolsRuleEngine.builder().defaultCampaigns().build() : new PlainJavaCampaigns();
        templates = SyntheticPurchases.generate(512, 42, START);
    }

    /** Starts every iteration on a fresh store with enrolled members, so ledgers do not grow without bound. */
    @Setup(Level.Iteration)
    public void freshStore() {
        engine = SyntheticPurchases.engineWithMembers(ruleEngine);
    }

    /** Closes the Drools engine. */
    @TearDown(Level.Trial)
    public void close() {
        ruleEngine.close();
    }

    /**
     * Processes one purchase for the next member.
     *
     * @return the outcome, consumed by JMH
     */
    @Benchmark
    public Outcome processPurchase() {
        long n = sequence++;
        Purchase template = templates[(int) (n & (templates.length - 1))];
        return engine.process(SyntheticPurchases.purchase(template, n));
    }
}
