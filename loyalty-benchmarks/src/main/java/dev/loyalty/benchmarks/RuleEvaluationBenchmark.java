package dev.loyalty.benchmarks;

import dev.loyalty.core.ProgramSettings;
import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.model.Member;
import dev.loyalty.core.model.MemberStatus;
import dev.loyalty.core.model.Points;
import dev.loyalty.core.spi.Evaluation;
import dev.loyalty.core.spi.RuleContext;
import dev.loyalty.core.spi.RuleEngine;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * The rule engines alone, without the core's ledger work: {@value #BATCH} purchases of the
 * {@link SyntheticShop} evaluated one by one ({@code evaluate}) and in one call
 * ({@code evaluateAll}, one firing for Drools and Evrete), for Drools, plain Java and Evrete in
 * the same run. Scores are purchases per second.
 *
 * <p>Run: {@code java -jar loyalty-benchmarks/target/benchmarks.jar RuleEvaluationBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RuleEvaluationBenchmark {

    /** Purchases per call. */
    public static final int BATCH = 1_000;

    /** Which rule engine evaluates the campaigns. */
    @Param({RuleEngines.DROOLS, RuleEngines.PLAIN_JAVA, RuleEngines.EVRETE})
    public String rules;

    private RuleEngine ruleEngine;
    private List<RuleContext> contexts;

    /** Builds the rule engine and the purchases' contexts. */
    @Setup(Level.Trial)
    public void setUp() {
        ruleEngine = RuleEngines.create(rules);
        SyntheticShop shop = SyntheticShop.generate(42, 1_000, BATCH);
        ProgramSettings program = ProgramSettings.builder().currency("GBP").zone("Europe/London").build();
        ZoneId zone = program.zone();
        String[] tiers = {"member", "member", "member", "silver", "gold"};
        contexts = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            Purchase purchase = shop.purchase(i, i);
            Member member = new Member(purchase.memberId(), SyntheticShop.START, tiers[i % tiers.length], MemberStatus.ACTIVE, null, null);
            contexts.add(new RuleContext(member, Points.of(100), purchase, LocalDate.ofInstant(purchase.occurredAt(), zone), zone, program));
        }
    }

    /** Closes the rule engine. */
    @TearDown(Level.Trial)
    public void close() {
        ruleEngine.close();
    }

    /**
     * Evaluates every purchase on its own.
     *
     * @param sink consumes the evaluations
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void evaluateOneByOne(Blackhole sink) {
        for (RuleContext context : contexts) {
            sink.consume(ruleEngine.evaluate(context));
        }
    }

    /**
     * Evaluates all purchases in one call.
     *
     * @return the evaluations, consumed by JMH
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public List<Evaluation> evaluateAll() {
        return ruleEngine.evaluateAll(contexts);
    }
}
