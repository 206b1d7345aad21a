package dev.loyalty.benchmarks;

import dev.loyalty.core.LoyaltyEngine;
import dev.loyalty.core.Outcome;
import dev.loyalty.core.event.Purchase;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code LoyaltyEngine.process(purchase)} end to end on the in-memory store, one event per call:
 * the default campaigns evaluated by Drools, by the hand-written plain-Java baseline and by the
 * Evrete port, in the same run, over the {@link SyntheticShop} (1,000 members by default,
 * {@code -p members=N} for another number, Pareto activity, repeat purchases). Each purchase is
 * made before its call, outside the measured time (a call takes microseconds, so JMH's two
 * timestamps around it cost well under 1% of it).
 *
 * <p>Run: {@code ./mvnw -q -DskipTests package -pl loyalty-benchmarks -am && java -jar
 * loyalty-benchmarks/target/benchmarks.jar ProcessBenchmark}. Smoke check (no timings judged):
 * add {@code -f 1 -wi 1 -i 1 -w 1s -r 1s}.
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
public class ProcessBenchmark extends ShopEngineState {

    private Purchase next;

    /** Makes the next basket into a new purchase before each call. */
    @Setup(Level.Invocation)
    public void nextPurchase() {
        long n = sequence++;
        next = shop.purchase((int) (n % shop.baskets()), n);
    }

    /**
     * Processes the purchase made for this call.
     *
     * @return the outcome, consumed by JMH
     */
    @Benchmark
    public Outcome processPurchase() {
        return engine.process(next);
    }
}
