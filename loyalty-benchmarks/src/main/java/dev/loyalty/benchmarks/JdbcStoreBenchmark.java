package dev.loyalty.benchmarks;

import dev.loyalty.core.EventResult;
import dev.loyalty.core.LoyaltyEngine;
import dev.loyalty.core.ProgramSettings;
import dev.loyalty.core.event.Enrolment;
import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.store.JdbcStore;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * The JDBC store's load harness: events per second written by 1, 4 or 8 writers (JMH threads,
 * {@code -t}), each on {@code members} members of its own, against PostgreSQL when {@code LOYALTY_PG_URL} is set
 * (else embedded H2). {@code writer} is what writes each event:
 * <ul>
 * <li>{@code bare-jdbc}: the baseline, the event's rows written by hand
 *     ({@link LedgerWriters#viaBareJdbc});</li>
 * <li>{@code jdbc-store}: the same rows through {@link JdbcStore#apply} ({@link LedgerWriters#viaStore});</li>
 * <li>{@code engine}: a synthetic purchase through {@link LoyaltyEngine#process} on the JDBC store
 *     with the plain-Java campaigns, end to end (idempotency lookup, rules, ledger; 1 to 6
 *     entries per event, so not the same rows).</li>
 * <li>{@code engine-batch}: the same purchases through {@link LoyaltyEngine#processAll}, {@value #BATCH}
 *     a call: each invocation hands one purchase over and every {@value #BATCH}th sends the
 *     writer's gathered purchases, so the score stays events per second, comparable to {@code engine}.</li>
 * </ul>
 * Each trial starts on a fresh schema, whose statistics are refreshed before every iteration
 * ({@link #analyze()}). Run with a throwaway server:
 * <pre>
 * ./mvnw -q -DskipTests package -pl loyalty-benchmarks -am
 * for t in 1 4 8; do bash .ci/postgres.sh java -jar loyalty-benchmarks/target/benchmarks.jar JdbcStoreBenchmark -t $t; done
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class JdbcStoreBenchmark {

    /** Purchases per {@code processAll} call of the {@code engine-batch} writer. */
    static final int BATCH = 100;

    /** What writes each event: {@code bare-jdbc}, {@code jdbc-store}, {@code engine} or {@code engine-batch}. */
    @Param({"bare-jdbc", "jdbc-store", "engine", "engine-batch"})
    public String writer;

    /**
     * Members per writer, taking turns; 16 by default. Each member's history grows through the
     * trial, and the engine's read under the lock with it (the tier window sums a row per purchase
     * of the last year): more members keep histories short.
     */
    @Param({"16"})
    public int members;

    private BenchmarkDatabase database;
    private JdbcStore store;
    private LoyaltyEngine engine;
    private Purchase[] templates;

    /**
     * Opens a fresh schema with a pool of a connection per writer, plus two.
     *
     * @param params the run's parameters, for the thread count
     */
    @Setup(Level.Trial)
    public void open(BenchmarkParams params) {
        if (members < 1) {
            throw new IllegalArgumentException("members must be at least 1, was " + members);
        }
        database = BenchmarkDatabase.open(params.getThreads() + 2);
        System.out.println("# database: " + database.kind() + ", writers: " + params.getThreads());
        store = JdbcStore.builder(database.dataSource()).build();
        engine = LoyaltyEngine.builder()
                .program(ProgramSettings.builder().currency("GBP").zone("Europe/London").build())
                .clock(Clock.fixed(LedgerWriters.NOW, ZoneOffset.UTC))
                .ruleEngine(new PlainJavaCampaigns())
                .store(store)
                .build();
        templates = SyntheticPurchases.generate(512, 42, LedgerWriters.START);
    }

    /**
     * Refreshes the planner's statistics before every iteration, as autovacuum keeps them on a
     * live server ({@link BenchmarkDatabase#analyze()}): without it the scores would measure plans
     * made for the nearly empty tables of the trial's first seconds.
     */
    @Setup(Level.Iteration)
    public void analyze() {
        database.analyze();
    }

    /** Drops the schema. */
    @TearDown(Level.Trial)
    public void close() {
        database.close();
    }

    /** One writer's members and event counter. */
    @State(Scope.Thread)
    public static class Writer {
        private MemberId[] members;
        private String prefix;
        private long next;
        private final List<Purchase> gathered = new ArrayList<>(BATCH);

        /**
         * Enrols this writer's members.
         *
         * @param bench the benchmark
         * @param thread this writer's index
         */
        @Setup(Level.Trial)
        public void enrol(JdbcStoreBenchmark bench, ThreadParams thread) {
            prefix = "w" + thread.getThreadIndex();
            members = new MemberId[bench.members];
            for (int m = 0; m < members.length; m++) {
                members[m] = MemberId.of(prefix + "-m" + m);
                if (bench.writer.startsWith("engine")) {
                    bench.engine.process(Enrolment.of(EventId.of("enrol-" + members[m]), members[m], LedgerWriters.START));
                } else {
                    LedgerWriters.enrol(bench.store, members[m]);
                }
            }
        }
    }

    /**
     * Writes one event for the writer's next member.
     *
     * @param w the writer
     * @return what was written, consumed by JMH
     * @throws SQLException when the baseline's database fails
     */
    @Benchmark
    public Object writeEvent(Writer w) throws SQLException {
        long n = w.next++;
        MemberId member = w.members[(int) (n % w.members.length)];
        EventId id = EventId.of(w.prefix + "-e" + n);
        switch (writer) {
            case "bare-jdbc":
                LedgerWriters.viaBareJdbc(database.dataSource(), member, id, n);
                return id;
            case "jdbc-store":
                return LedgerWriters.viaStore(store, member, id, n);
            case "engine":
                return engine.process(purchase(id, member, n));
            case "engine-batch":
                w.gathered.add(purchase(id, member, n));
                if (w.gathered.size() < BATCH) {
                    return id;
                }
                List<EventResult> results = engine.processAll(w.gathered);
                w.gathered.clear();
                results.forEach(EventResult::outcomeOrThrow);
                return results;
            default:
                throw new IllegalArgumentException("unknown writer " + writer);
        }
    }

    /**
     * The n-th purchase, for the writer's member {@code n % members}: the k-th round over the
     * members takes the templates one further on, so that a member's purchases fall on different
     * days of the year even when there are as many members as templates.
     */
    private Purchase purchase(EventId id, MemberId member, long n) {
        Purchase template = templates[(int) ((n + n / members) & (templates.length - 1))];
        return new Purchase(id, member, template.occurredAt(), template.lines(), "web", null);
    }
}
