package dev.loyalty.benchmarks;

import dev.loyalty.core.ProgramSettings;
import dev.loyalty.core.insight.Insights;
import dev.loyalty.core.insight.KpiSettings;
import dev.loyalty.core.insight.ProgramKpis;
import dev.loyalty.core.insight.RfmSettings;
import dev.loyalty.core.insight.Segmentation;
import dev.loyalty.core.model.LedgerEntry;
import dev.loyalty.core.model.Lot;
import dev.loyalty.core.model.Money;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

/**
 * A measured standalone run of the analytics over many synthetic members: the KPIs of a quarter
 * (one pass) and an RFM segmentation with exact quintiles (two passes), each timed and with the
 * peak heap it reached, beside a baseline that only reads every member's lots and ledger from the
 * same store (the floor any streaming computation pays). The store is a
 * {@link SyntheticLedgerStore}, which generates each member's history when read and keeps
 * nothing, so the heap figures are the analytics' own.
 *
 * <pre>
 * ./mvnw -q -DskipTests package -pl loyalty-benchmarks -am
 * java -Xmx512m -cp loyalty-benchmarks/target/benchmarks.jar dev.loyalty.benchmarks.InsightsRun 1000000 42
 * </pre>
 *
 * Timings are wall clock on whatever else the machine runs; they are single runs after one
 * warm-up run at a tenth of the size, not a JMH measurement, and claim no comparison beyond the
 * ratio to the baseline of the same run.
 */
public final class InsightsRun {

    private static final ProgramSettings PROGRAM = ProgramSettings.builder().currency("GBP").build();

    private InsightsRun() {
    }

    /**
     * What one measured step took.
     *
     * @param millis the wall-clock time
     * @param peakHeapBytes the highest heap use during the step, summed over the heap pools' peaks
     */
    public record Step(long millis, long peakHeapBytes) {
    }

    /**
     * The run's results.
     *
     * @param members the members
     * @param read the baseline: reading every member's lots and ledger
     * @param kpis computing the KPIs
     * @param segmentation scoring and segmenting every member
     * @param kpiResult the KPIs computed
     * @param segmentationResult the segmentation computed
     */
    public record Result(int members, Step read, Step kpis, Step segmentation, ProgramKpis kpiResult, Segmentation segmentationResult) {
    }

    /**
     * Runs and prints the measurement.
     *
     * @param args the number of members (default 1,000,000) and the seed (default 42)
     */
    public static void main(String[] args) {
        int members = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 42;
        measure(Math.max(1, members / 10), seed);
        Result r = measure(members, seed);
        System.out.printf("members %,d, heap max %,d MB%n", r.members(), Runtime.getRuntime().maxMemory() >> 20);
        print("read lots and ledgers (baseline)", r.read(), r.read());
        print("KPIs of a quarter (one pass)", r.kpis(), r.read());
        print("RFM segmentation (two passes)", r.segmentation(), r.read());
        ProgramKpis k = r.kpiResult();
        System.out.printf("KPIs: active %,d of %,d, retention %s, repurchase %s, issued %,d, liability %,d (%s)%n", k.activeMembers(),
                k.members(), k.retention(), k.repurchase(), k.pointsIssued(), k.liabilityPoints(), k.liabilityValue());
        System.out.printf("Segments: %s, buyers %,d%n", r.segmentationResult().sizes(), r.segmentationResult().buyers());
    }

    private static void print(String what, Step step, Step baseline) {
        System.out.printf("%-36s %,8d ms  (%.2fx the baseline)  peak heap %,6d MB%n", what, step.millis(),
                (double) step.millis() / Math.max(1, baseline.millis()), step.peakHeapBytes() >> 20);
    }

    /**
     * Measures the three steps over a fresh synthetic store.
     *
     * @param members how many members
     * @param seed the generator's seed
     * @return the results
     */
    public static Result measure(int members, long seed) {
        SyntheticLedgerStore store = new SyntheticLedgerStore(members, seed);
        Insights insights = Insights.of(store, PROGRAM);
        long[] sink = new long[1];
        Step read = step(() -> {
            store.forEachMember(member -> {
                for (Lot lot : store.lots(member.id())) {
                    sink[0] += lot.points();
                }
                for (LedgerEntry entry : store.ledger(member.id())) {
                    sink[0] += entry.points().value();
                }
            });
            return null;
        });
        ProgramKpis[] kpis = new ProgramKpis[1];
        Step kpiStep = step(() -> kpis[0] = insights.kpis(KpiSettings.builder(LocalDate.of(2025, 10, 1), LocalDate.of(2026, 1, 1))
                .pointValue(Money.of("0.01", "GBP")).build()));
        Segmentation[] segmentation = new Segmentation[1];
        Step segmentStep = step(() -> segmentation[0] = insights.segment(RfmSettings.builder(LocalDate.of(2025, 12, 31)).build(), rfm -> { }));
        return new Result(members, read, kpiStep, segmentStep, kpis[0], segmentation[0]);
    }

    private static Step step(Supplier<Object> work) {
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
        System.gc();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long started = System.nanoTime();
        work.get();
        long millis = (System.nanoTime() - started) / 1_000_000;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        return new Step(millis, peak);
    }
}
