package dev.loyalty.benchmarks;

import dev.loyalty.core.LoyaltyEngine;
import dev.loyalty.core.LoyaltyException;
import dev.loyalty.core.event.LoyaltyEvent;
import dev.loyalty.core.spi.RuleEngine;
import dev.loyalty.examples.retail.RetailEvents;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
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
 * Replays the bundled Online Retail sample (3,569 enrolments, 11,208 purchases and 519 unlinked
 * returns of a real UK shop, in time order) on a fresh in-memory engine, one event per call or
 * all in one {@code processAll}, for Drools, plain Java and Evrete in the same run. Each
 * measurement is one whole replay; divide the events by its time for events per second.
 *
 * <p>Run: {@code java -jar loyalty-benchmarks/target/benchmarks.jar RetailReplayBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(1)
public class RetailReplayBenchmark {

    /** Which rule engine evaluates the campaigns. */
    @Param({RuleEngines.DROOLS, RuleEngines.PLAIN_JAVA, RuleEngines.EVRETE})
    public String rules;

    private RuleEngine ruleEngine;
    private List<LoyaltyEvent> events;
    private Clock clock;
    private LoyaltyEngine engine;

    /** Loads the sample and builds the rule engine. */
    @Setup(Level.Trial)
    public void setUp() {
        ruleEngine = RuleEngines.create(rules);
        events = RetailEvents.bundled();
        Instant end = events.stream().map(LoyaltyEvent::occurredAt).max(Comparator.naturalOrder()).orElseThrow();
        clock = Clock.fixed(end.plusSeconds(86_400), ZoneOffset.UTC);
    }

    /** Gives every replay an empty store. */
    @Setup(Level.Invocation)
    public void freshStore() {
        engine = LoyaltyEngine.builder().program(RetailEvents.program()).clock(clock).ruleEngine(ruleEngine).build();
    }

    /** Closes the rule engine. */
    @TearDown(Level.Trial)
    public void close() {
        ruleEngine.close();
    }

    /**
     * Replays every event with {@code process}, one call each.
     *
     * @return the number of events refused, consumed by JMH
     */
    @Benchmark
    public int replayOneByOne() {
        int refused = 0;
        for (LoyaltyEvent event : events) {
            try {
                engine.process(event);
            } catch (LoyaltyException e) {
                refused++;
            }
        }
        return refused;
    }

    /**
     * Replays every event with one {@code processAll}.
     *
     * @return the number of events refused, consumed by JMH
     */
    @Benchmark
    public long replayAll() {
        return engine.processAll(events).stream().filter(result -> !result.succeeded()).count();
    }

    /**
     * Returns how many events the sample holds, for turning replay times into events per second.
     *
     * @return the number of events
     */
    public static int eventCount() {
        return RetailEvents.bundled().size();
    }

}
