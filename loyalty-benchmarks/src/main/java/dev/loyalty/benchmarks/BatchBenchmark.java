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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Batch processing on one thread: {@code LoyaltyEngine.processAll} of {@value #BATCH} purchases
 * of the {@link SyntheticShop} (1,000 members by default, {@code -p members=N} for another
 * number, with Pareto activity, so a batch holds several purchases of the busiest members,
 * applied in order), against the same purchases through
 * {@code process} one by one, for Drools, the plain-Java baseline and the Evrete port in the
 * same run. Scores are purchases per second; the purchases are made before each call, outside
 * the measured time, sharing the shop's objects or, with {@code -p purchases=parsed}, as new
 * objects throughout.
 *
 * <p>Run: {@code java -jar loyalty-benchmarks/target/benchmarks.jar BatchBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
// a fixed heap: one that grows during the run slows the first iterations for longer than the warm-up lasts;
// touched before the run: otherwise the collector pays the first touch of every page as the store grows into
// the heap, a cost a long-running host pays once (the performance log, seventh session)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
public class BatchBenchmark extends ShopEngineState {

    /** Purchases per batch. */
    public static final int BATCH = 1_000;

    /** Purchases that share their ids, texts and prices with the shop's catalogue and baskets. */
    public static final String SHARED = "shared";
    /** Purchases made of new objects throughout, as a host that parses each request hands them. */
    public static final String PARSED = "parsed";

    /**
     * What the purchases are made of: {@value #SHARED} (the default, and the README's rows) or
     * {@value #PARSED} ({@code -p purchases=shared,parsed} runs both).
     */
    @Param({SHARED})
    public String purchases;

    private List<Purchase> batch;

    /** Refuses a value of {@link #purchases} it does not know. */
    @Setup(Level.Trial)
    public void checkPurchases() {
        if (!SHARED.equals(purchases) && !PARSED.equals(purchases)) {
            throw new IllegalArgumentException("purchases must be " + SHARED + " or " + PARSED + ", not " + purchases);
        }
    }

    /**
     * Makes the next {@value #BATCH} purchases before each call, outside the measured time, so
     * that the scores are the engine's alone. (A call takes milliseconds, so JMH's timestamps
     * around each invocation cost nothing measurable.)
     */
    @Setup(Level.Invocation)
    public void nextBatch() {
        List<Purchase> made = shop.purchases(sequence, BATCH);
        batch = PARSED.equals(purchases) ? made.stream().map(MemoryFootprint::asParsed).toList() : made;
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
