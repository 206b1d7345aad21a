package dev.loyalty.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Smoke mode: every benchmark runs once, in this JVM, for a fraction of a second, so the build
 * notices a benchmark that no longer runs. Timings are not judged here; see the README for the
 * real runs.
 */
class BenchmarksSmokeTest {

    private static Collection<RunResult> smoke(Class<?> benchmark, String... params) throws RunnerException {
        OptionsBuilder options = new OptionsBuilder();
        options.include(benchmark.getName() + "\\.")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(200))
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT);
        for (int i = 0; i < params.length; i += 2) {
            options.param(params[i], params[i + 1]);
        }
        Options built = options.build();
        // a smoke run judges no timings: it may share the machine with a real benchmark run, which holds JMH's lock
        System.setProperty("jmh.ignoreLock", "true");
        return new Runner(built).run();
    }

    @Test
    void shouldRunEveryThroughputBenchmarkWhenSmokeTested() throws RunnerException {
        assertThat(smoke(ProcessBenchmark.class)).hasSize(3);
        assertThat(smoke(BatchBenchmark.class)).hasSize(6);
        assertThat(smoke(BatchBenchmark.class, "rules", RuleEngines.DROOLS, "purchases", BatchBenchmark.PARSED)).hasSize(2);
        assertThat(smoke(RuleEvaluationBenchmark.class)).hasSize(6);
        assertThat(smoke(CampaignScalingBenchmark.class, "skuCampaigns", "50")).hasSize(2);
        assertThat(smoke(SweepBenchmark.class)).hasSize(2);
    }

    /** On the PostgreSQL server of {@code LOYALTY_PG_URL} when set (as {@code .ci/run} sets it), else on H2. */
    @Test
    void shouldRunEveryJdbcStoreWriterWhenSmokeTested() throws RunnerException {
        assertThat(smoke(JdbcStoreBenchmark.class, "members", "4")).hasSize(4);
    }

    @Test
    void shouldRunEverySingleShotBenchmarkWhenSmokeTested() throws RunnerException {
        assertThat(smoke(CompileBenchmark.class, "skuCampaigns", "20")).hasSize(1);
        assertThat(smoke(RetailReplayBenchmark.class, "rules", RuleEngines.PLAIN_JAVA)).hasSize(2);
    }

    @Test
    void shouldMeasureAPositiveFootprintWhenMembersAndPurchasesAreLoaded() {
        MemoryFootprint.Footprint footprint = MemoryFootprint.measure(500, 2_000, 1);

        assertThat(footprint.bytesPerMember()).isPositive();
        assertThat(footprint.bytesPerEntry()).isPositive();
        assertThat(footprint.entriesPerPurchase()).isGreaterThan(1);
    }

    @Test
    void shouldComputeKpisAndSegmentsWhenTheInsightsRunIsSmokeTested() {
        InsightsRun.Result result = InsightsRun.measure(2_000, 42);

        assertThat(result.kpiResult().members()).isEqualTo(2_000);
        assertThat(result.segmentationResult().members()).isEqualTo(2_000);
        assertThat(result.segmentationResult().sizes().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(2_000);
        assertThat(result.kpis().peakHeapBytes()).isPositive();
    }
}
