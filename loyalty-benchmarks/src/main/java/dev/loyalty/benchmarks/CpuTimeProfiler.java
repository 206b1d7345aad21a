package dev.loyalty.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
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
 * wall-clock time to the CPU time JMH's benchmark threads actually got, so an iteration that
 * other processes slowed down is not mistaken for a slow benchmark. Reported as the secondary
 * result {@code ·thread-cpu.score}, in the primary score's unit: operations per CPU-second of the
 * benchmark threads. Work done by the JVM's own threads (garbage collection, compilation) is
 * not counted, so allocation-heavy code looks a little better than it is.
 *
 * <p>Use: {@code java -jar benchmarks.jar BatchBenchmark -prof dev.loyalty.benchmarks.CpuTimeProfiler}.
 */
public final class CpuTimeProfiler implements InternalProfiler {

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private long wallStart;
    private long cpuStart;

    /** Creates the profiler; JMH does this. */
    public CpuTimeProfiler() {
    }

    @Override
    public String getDescription() {
        return "throughput per CPU-second of the benchmark threads, for noisy machines";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        wallStart = System.nanoTime();
        cpuStart = workerCpuNanos();
    }

    @Override
    @SuppressWarnings("rawtypes") // JMH's own signature
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
        long wall = System.nanoTime() - wallStart;
        long cpu = workerCpuNanos() - cpuStart;
        if (cpu <= 0 || wall <= 0 || !benchmarkParams.getMode().name().equals("Throughput")) {
            return List.of();
        }
        double score = result.getPrimaryResult().getScore() * wall / (double) cpu;
        return List.of(new ScalarResult("thread-cpu.score", score, result.getPrimaryResult().getScoreUnit(), AggregationPolicy.AVG));
    }

    /** The CPU time of JMH's worker threads, which persist across iterations; the others are the JVM's own. */
    private long workerCpuNanos() {
        long sum = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().contains("jmh-worker")) {
                long cpu = threads.getThreadCpuTime(info.getThreadId());
                sum += Math.max(0, cpu);
            }
        }
        return sum;
    }
}
