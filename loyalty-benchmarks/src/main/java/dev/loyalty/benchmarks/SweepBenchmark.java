package dev.loyalty.benchmarks;

import dev.loyalty.core.BirthdayWindow;
import dev.loyalty.core.LoyaltyEngine;
import dev.loyalty.core.OfferPolicy;
import dev.loyalty.core.ProgramSettings;
import dev.loyalty.core.SweepReport;
import dev.loyalty.core.SweepRequest;
import dev.loyalty.core.event.Enrolment;
import dev.loyalty.core.event.LoyaltyEvent;
import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.Money;
import dev.loyalty.core.spi.RuleEngine;
import dev.loyalty.core.store.InMemoryStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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
 * The sweep over {@value #MEMBERS} seeded members in the in-memory store, most of whom need
 * nothing, with the default pack's offers evaluated by Drools and by the plain-Java baseline in
 * the same run. Every call sweeps all members at the same instant, after a priming sweep that
 * issued that day's offers: the steady state of a sweep that runs again, or of a daily sweep on
 * a day with few new occasions. The score is members per second.
 *
 * <p>Seeded with a fixed seed: 80% of members have a birthday, spread over five zones from UTC-10
 * to UTC+14 (birthday window: the day, so about one member in 450 is offered by the priming
 * sweep); 90% bought within the last 60 days, 10% between 90 and 400 days ago: those are dormant,
 * so on every sweep their occasion goes to the rules, which propose win-back offers the core
 * already issued. Lots never expire and the return window is zero, so no points work is due.
 *
 * <p>Run: {@code java -jar loyalty-benchmarks/target/benchmarks.jar SweepBenchmark -jvmArgs '-Xms3g -Xmx3g'
 * -prof dev.loyalty.benchmarks.CpuTimeProfiler} (about 4 minutes, seeding included).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(SweepBenchmark.MEMBERS)
@Warmup(iterations = 8, time = 3)
@Measurement(iterations = 6, time = 3)
@Fork(1)
public class SweepBenchmark {

    /** The members seeded. */
    public static final int MEMBERS = 100_000;

    private static final Instant START = Instant.parse("2026-03-01T02:00:00Z");
    private static final List<ZoneId> ZONES = List.of(ZoneOffset.UTC, ZoneId.of("Europe/London"), ZoneId.of("Pacific/Kiritimati"),
            ZoneId.of("Pacific/Honolulu"), ZoneId.of("Asia/Tokyo"));

    /** Which rule engine evaluates the offers. */
    @Param({RuleEngines.DROOLS, RuleEngines.PLAIN_JAVA})
    public String rules;

    private RuleEngine ruleEngine;
    private LoyaltyEngine engine;
    private Instant asOf;

    /** Seeds the members through the plain-Java pack, then builds the engine under test over the same store and primes it with one sweep. */
    @Setup(Level.Trial)
    public void setUp() {
        InMemoryStore store = new InMemoryStore();
        ProgramSettings program = ProgramSettings.builder().currency("GBP").zone("Europe/London")
                .offers(new OfferPolicy(BirthdayWindow.DAY, 30, 90)).build();
        Clock clock = Clock.fixed(START, ZoneOffset.UTC);
        try (LoyaltyEngine seeder = LoyaltyEngine.builder().program(program).clock(clock).store(store).ruleEngine(new PlainJavaCampaigns()).build()) {
            seeder.processAll(seed(MEMBERS));
        }
        ruleEngine = RuleEngines.create(rules);
        engine = LoyaltyEngine.builder().program(program).clock(clock).store(store).ruleEngine(ruleEngine).build();
        asOf = START;
        engine.sweep(SweepRequest.builder().asOf(asOf).build());
    }

    /** Closes the rule engine. */
    @TearDown(Level.Trial)
    public void close() {
        ruleEngine.close();
    }

    /** Returns the seeded enrolments and purchases, in time order per member. */
    static List<LoyaltyEvent> seed(int members) {
        Random random = new Random(42);
        List<LoyaltyEvent> events = new ArrayList<>(members * 2);
        Instant enrolled = START.minus(Duration.ofDays(500));
        for (int i = 0; i < members; i++) {
            MemberId id = MemberId.of(String.format("m%07d", i));
            Enrolment enrolment = Enrolment.of(EventId.of("e" + i), id, enrolled).withZone(ZONES.get(random.nextInt(ZONES.size())));
            if (random.nextInt(10) < 8) {
                enrolment = enrolment.withBirthday(LocalDate.of(1950 + random.nextInt(55), 1, 1).plusDays(random.nextInt(365)));
            }
            events.add(enrolment);
            long daysAgo = random.nextInt(10) == 0 ? 90 + random.nextInt(310) : 1 + random.nextInt(60);
            events.add(Purchase.builder(EventId.of("p" + i), id, START.minus(Duration.ofDays(daysAgo)))
                    .line("SKU-" + random.nextInt(100), "kitchen", 1, Money.of("12.50", "GBP")).build());
        }
        return events;
    }

    /**
     * Sweeps every member at the primed instant.
     *
     * @return the sweep's report, consumed by JMH
     */
    @Benchmark
    public SweepReport sweep() {
        return engine.sweep(SweepRequest.builder().asOf(asOf).build());
    }
}
