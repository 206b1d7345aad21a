package dev.loyalty.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PairedRunsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One run's results as JMH writes them with {@code -rf json}: a Drools and a plain-Java row. */
    private static JsonNode run(double drools, double droolsCpu, double plain, boolean withCpu) throws Exception {
        return JSON.readTree("""
                [{"benchmark":"dev.loyalty.benchmarks.BatchBenchmark.processAll","params":{"members":"1000","rules":"drools"},
                  "primaryMetric":{"score":%s,"scoreUnit":"ops/s"},
                  "secondaryMetrics":{%s"gc.alloc.rate.norm":{"score":5900.0,"scoreUnit":"B/op"}}},
                 {"benchmark":"dev.loyalty.benchmarks.BatchBenchmark.processAll","params":{"members":"1000","rules":"plain-java"},
                  "primaryMetric":{"score":%s,"scoreUnit":"ops/s"},"secondaryMetrics":{}}]
                """.formatted(drools, withCpu ? "\"thread-cpu.score\":{\"score\":" + droolsCpu + ",\"scoreUnit\":\"ops/s\"}," : "", plain));
    }

    @Test
    void shouldGiveEachBenchmarksRunsInPairOrderWithTheRatioOfTheirMeans() throws Exception {
        List<PairedRuns.Scores> scores = PairedRuns.summarise(List.of(run(100, 120, 200, true), run(110, 130, 220, true)),
                List.of(run(90, 100, 230, true), run(130, 160, 250, true)));

        PairedRuns.Scores drools = scores.get(0);
        assertThat(drools.benchmark()).isEqualTo("BatchBenchmark.processAll (members=1000, rules=drools)");
        assertThat(drools.metric()).isEqualTo("score");
        assertThat(drools.before()).containsExactly(100.0, 110.0);
        assertThat(drools.after()).containsExactly(90.0, 130.0);
        assertThat(drools.ratio()).isCloseTo(110.0 / 105.0, within(1e-12));
        assertThat(scores).extracting(PairedRuns.Scores::metric).containsExactly("score", "thread CPU", "allocated", "score");
    }

    @Test
    void shouldLeaveOutAMetricThatARunDidNotMeasure() throws Exception {
        List<PairedRuns.Scores> scores = PairedRuns.summarise(List.of(run(100, 120, 200, true)), List.of(run(90, 100, 230, false)));

        assertThat(scores).extracting(PairedRuns.Scores::metric).containsExactly("score", "allocated", "score");
    }

    @Test
    void shouldPrintEachRunTheMeansAndTheRatio() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        PairedRuns.print(PairedRuns.summarise(List.of(run(100_000, 1, 2, true), run(110_000, 1, 2, true)),
                List.of(run(90_000, 1, 2, true), run(130_000, 1, 2, true))).subList(0, 1), new PrintStream(bytes, true, StandardCharsets.UTF_8));

        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("BatchBenchmark.processAll (members=1000, rules=drools), score (ops/s): "
                + "before 100,000 / 110,000, mean 105,000; after 90,000 / 130,000, mean 110,000; after / before 1.05x" + System.lineSeparator());
    }
}
