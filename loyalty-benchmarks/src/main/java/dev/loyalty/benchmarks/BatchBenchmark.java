package dev.loyalty.benchmarks;

import dev.loyalty.core.EventResult;
import dev.loyalty.core.LoyaltyEngine;
import dev.loyalty.core.Outcome;
import dev.loyalty.core.event.Purchase;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Batch processing on one thread: {@code LoyaltyEngine.processAll} of {@value #BATCH} purchases
 * of the {@link SyntheticShop} (1,000 members with Pareto activity, so a batch holds several
 * purchases of the busiest members, applied in order), against the same purchases through
 * {@code process} one by one, for Drools, the plain-Java baseline and the Evrete port in the
 * same run. Scores are purchases per second; the purchases are made before each call, outside
 * the measured time.
 *
 * <p>Run: {@code java -jar loyalty-benchmarks/target/benchmarks.jar BatchBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BatchBenchmark extends ShopEngineState {

    /** Purchases per batch. */
    public static final int BATCH = 1_000;

    private List<Purchase> batch;

    /**
     * Makes the next {@value #BATCH} purchases before each call, outside the measured time, so
     * that the scores are the engine's alone. (A call takes milliseconds, so JMH's timestamps
     * around each invocation cost nothing measurable.)
     */
    @Setup(Level.Invocation)
    public void nextBatch() {
        batch = shop.purchases(sequence, BATCH);
        sequence += BATCH;
    }

    /**
     * Processes the next {@value #BATCH} purchases in one call.
     *
     * @return the results, consumed by JMH
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public List<EventResult> processAll() {
        return engine.processAll(batch);
    }

    /**
     * Processes the next {@value #BATCH} purchases one call each, for comparison.
     *
     * @param sink consumes the outcomes
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void processOneByOne(Blackhole sink) {
        for (Purchase purchase : batch) {
            Outcome outcome = engine.process(purchase);
            sink.consume(outcome);
        }
    }
}
