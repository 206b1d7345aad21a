package dev.loyalty.benchmarks;

import dev.loyalty.core.LoyaltyEngine;
import dev.loyalty.core.Outcome;
import dev.loyalty.core.ProgramSettings;
import dev.loyalty.core.event.Enrolment;
import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.Money;
import dev.loyalty.core.spi.RuleEngine;
import dev.loyalty.rules.DroolsRuleEngine;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
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

    private static final int MEMBERS = 1_000;
    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

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
        SplittableRandom random = new SplittableRandom(42);
        String[] categories = {"gifts", "garden", "kitchen", "service", "lighting"};
        templates = new Purchase[512];
        for (int t = 0; t < templates.length; t++) {
            Purchase.Builder purchase = Purchase.builder(EventId.of("template"), MemberId.of("m0"),
                    START.plusSeconds(3_600L * 24 * random.nextInt(360) + random.nextInt(86_400)));
            int lines = 1 + random.nextInt(6);
            for (int l = 0; l < lines; l++) {
                purchase.line(random.nextInt(10) == 0 ? "85123A" : "SKU-" + random.nextInt(5_000), categories[random.nextInt(categories.length)],
                        1 + random.nextInt(12), Money.of(String.valueOf(0.5 + random.nextInt(2_000) / 100.0), "GBP"));
            }
            templates[t] = purchase.build();
        }
    }

    /** Starts every iteration on a fresh store with enrolled members, so ledgers do not grow without bound. */
    @Setup(Level.Iteration)
    public void freshStore() {
        engine = LoyaltyEngine.builder()
                .program(ProgramSettings.builder().currency("GBP").zone("Europe/London").build())
                .clock(Clock.fixed(START.plusSeconds(3_600L * 24 * 400), ZoneOffset.UTC))
                .ruleEngine(ruleEngine)
                .build();
        for (int m = 0; m < MEMBERS; m++) {
            String tier = m % 10 == 0 ? "gold" : m % 4 == 0 ? "silver" : "member";
            engine.process(Enrolment.of(EventId.of("enrol-" + m), MemberId.of("m" + m), START).withTier(tier));
        }
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
        Purchase purchase = new Purchase(EventId.of("p" + n), MemberId.of("m" + (n % MEMBERS)), template.occurredAt(),
                template.lines(), "web", null);
        return engine.process(purchase);
    }
}
