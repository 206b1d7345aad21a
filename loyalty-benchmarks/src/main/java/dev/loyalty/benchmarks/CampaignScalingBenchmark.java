package dev.loyalty.benchmarks;

import dev.loyalty.core.EventResult;
import dev.loyalty.core.LoyaltyEngine;
import dev.loyalty.core.Outcome;
import dev.loyalty.rules.DroolsRuleEngine;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How the cost per purchase grows with the number of campaigns: the default pack alone against
 * the default pack plus {@code skuCampaigns} generated SKU-bonus campaigns ({@link SkuCampaigns},
 * single patterns on a literal sku, which Drools hashes), end to end through
 * {@code process} and {@code processAll}, in the same run. About one line in seven of the
 * {@link SyntheticShop}'s baskets matches a campaign, so the larger pack also earns more.
 *
 * <p>Run: {@code java -jar loyalty-benchmarks/target/benchmarks.jar CampaignScalingBenchmark}.
 * Building 10,000 campaigns takes a while; it happens once per trial.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CampaignScalingBenchmark {

    /** Purchases per call of {@code processAll}. */
    public static final int BATCH = 1_000;

    /** How many SKU campaigns are added to the default pack. */
    @Param({"0", "10000"})
    public int skuCampaigns;

    private SyntheticShop shop;
    private DroolsRuleEngine rules;
    private LoyaltyEngine engine;
    private long sequence;

    /** Builds the rules and the shop once per trial. */
    @Setup(Level.Trial)
    public void compileRules() {
        DroolsRuleEngine.Builder builder = DroolsRuleEngine.builder().defaultCampaigns();
        if (skuCampaigns > 0) {
            builder.drl("sku-campaigns.drl", SkuCampaigns.drl(skuCampaigns));
        }
        rules = builder.build();
        shop = SyntheticShop.generate(42, 1_000, 50_000);
    }

    /** Starts every iteration on a fresh store with enrolled members. */
    @Setup(Level.Iteration)
    public void freshStore() {
        engine = shop.engineWithMembers(rules);
    }

    /** Closes the rules. */
    @TearDown(Level.Trial)
    public void close() {
        rules.close();
    }

    /**
     * Processes the next basket as a new purchase.
     *
     * @return the outcome, consumed by JMH
     */
    @Benchmark
    public Outcome process() {
        long n = sequence++;
        return engine.process(shop.purchase((int) (n % shop.baskets()), n));
    }

    /**
     * Processes the next {@value #BATCH} purchases in one call.
     *
     * @return the results, consumed by JMH
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public List<EventResult> processAll() {
        List<EventResult> results = engine.processAll(shop.purchases(sequence, BATCH));
        sequence += BATCH;
        return results;
    }
}
