package dev.loyalty.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * A JMH profiler for shared, noisy machines: it rescales each throughput iteration's score from
 * wall-clock time to the CPU time the benchmark's process actually got, so a run that other
 * processes slowed down is not mistaken for a slow benchmark. Reported as the secondary result
 * {@code ·cpu.score} in the primary score's unit (operations per CPU-second, all of the JVM's
 * threads counted, garbage collection and compilation included).
 *
 * <p>Use: {@code java -jar benchmarks.jar BatchBenchmark -prof dev.loyalty.benchmarks.CpuTimeProfiler}.
 */
public final class CpuTimeProfiler implements InternalProfiler {

    private long wallStart;
    private long cpuStart;

    /** Creates the profiler; JMH does this. */
    public CpuTimeProfiler() {
    }

    @Override
    public String getDescription() {
        return "throughput per CPU-second of the benchmark's JVM, for noisy machines";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        wallStart = System.nanoTime();
        cpuStart = processCpuNanos();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
        long wall = System.nanoTime() - wallStart;
        long cpu = processCpuNanos() - cpuStart;
        if (cpu <= 0 || wall <= 0 || !benchmarkParams.getMode().name().equals("Throughput")) {
            return List.of();
        }
        double score = result.getPrimaryResult().getScore() * wall / (double) cpu;
        return List.of(new ScalarResult("cpu.score", score, result.getPrimaryResult().getScoreUnit(), AggregationPolicy.AVG));
    }

    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return -1;
    }
}
