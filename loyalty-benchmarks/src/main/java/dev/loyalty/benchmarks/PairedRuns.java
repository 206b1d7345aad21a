package dev.loyalty.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs two benchmark jars (before and after a change) in alternating pairs with the same JMH
 * arguments and prints each run's scores, their means and the ratios of the means, after over
 * before: on a shared machine whose speed drifts from one minute to the next, only runs made in
 * turn tell a change from the drift. The first jar runs first in odd pairs, the second in even
 * ones. Each run is a {@code java -jar} of its own with {@code -rf json}; its JMH output goes to
 * a log file beside the results. Reported per benchmark and parameters: the primary score, and
 * where the run measured them the thread-CPU score ({@link CpuTimeProfiler}), the bytes allocated
 * per operation and the collector's time ({@code -prof gc}).
 *
 * <p>Use, from the repository's root:
 * <pre>{@code
 * java -cp loyalty-benchmarks/target/benchmarks.jar dev.loyalty.benchmarks.PairedRuns 4 before.jar after.jar \
 *     'BatchBenchmark.processAll' -p rules=drools,plain-java -f 1 -wi 5 -i 5 -w 3s -r 3s \
 *     -jvmArgsAppend '-Xms4g -Xmx4g -XX:+AlwaysPreTouch' -prof dev.loyalty.benchmarks.CpuTimeProfiler -prof gc
 * }</pre>
 */
public final class PairedRuns {

    /** The secondary metrics reported beside the primary score, by JMH's name, and how the table heads them. */
    static final Map<String, String> METRICS = metrics();

    private PairedRuns() {
    }

    private static Map<String, String> metrics() {
        Map<String, String> metrics = new LinkedHashMap<>();
        metrics.put("thread-cpu.score", "thread CPU");
        metrics.put("gc.alloc.rate.norm", "allocated");
        metrics.put("gc.time", "collector time");
        return metrics;
    }

    /**
     * Runs the pairs and prints the summary.
     *
     * @param args the number of pairs, the jar before, the jar after, then JMH's arguments
     * @throws IOException when a run cannot be started or its results read
     * @throws InterruptedException when interrupted while a run goes on
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length < 3 || !args[0].matches("[1-9]\\d*")) {
            System.err.println("usage: PairedRuns <pairs> <jar before> <jar after> [JMH arguments...]");
            System.exit(2);
        }
        int pairs = Integer.parseInt(args[0]);
        List<String> jars = List.of(args[1], args[2]);
        List<String> jmh = List.of(args).subList(3, args.length);
        Path dir = Files.createTempDirectory("paired-runs");
        List<JsonNode> before = new ArrayList<>();
        List<JsonNode> after = new ArrayList<>();
        for (int pair = 1; pair <= pairs; pair++) {
            for (int side : pair % 2 == 1 ? new int[] {0, 1} : new int[] {1, 0}) {
                String name = side == 0 ? "before" : "after";
                Path results = dir.resolve("pair-" + pair + "-" + name + ".json");
                Path log = dir.resolve("pair-" + pair + "-" + name + ".log");
                System.out.printf(Locale.ROOT, "pair %d, %s (%s), load average %s%n", pair, name, jars.get(side), loadAverage());
                List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar", jars.get(side)));
                command.addAll(jmh);
                command.addAll(List.of("-rf", "json", "-rff", results.toString()));
                int exit = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start().waitFor();
                if (exit != 0 || !Files.exists(results)) {
                    throw new IOException("the run of " + jars.get(side) + " failed (exit " + exit + "); its output is in " + log);
                }
                (side == 0 ? before : after).add(new ObjectMapper().readTree(results.toFile()));
            }
        }
        System.out.printf(Locale.ROOT, "%nresults and logs: %s%n%n", dir);
        print(summarise(before, after), System.out);
    }

    /** A benchmark's scores in one metric: each run's before and after, in pair order. */
    record Scores(String benchmark, String metric, String unit, List<Double> before, List<Double> after) {

        /** The mean of the runs after over the mean of the runs before. */
        double ratio() {
            return mean(after) / mean(before);
        }

        static double mean(List<Double> values) {
            return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        }
    }

    /**
     * Collects each benchmark's scores (with its parameters) from the JMH results of the runs
     * before and after, in pair order; a metric is kept only where every run measured it.
     *
     * @param before each run's results before, as JMH's JSON
     * @param after each run's results after
     * @return the scores, by benchmark and metric, primary first
     */
    static List<Scores> summarise(List<JsonNode> before, List<JsonNode> after) {
        Map<String, Scores> scores = new LinkedHashMap<>();
        collect(before, scores, true);
        collect(after, scores, false);
        return scores.values().stream().filter(s -> s.before().size() == before.size() && s.after().size() == after.size()).toList();
    }

    private static void collect(List<JsonNode> runs, Map<String, Scores> scores, boolean before) {
        for (JsonNode run : runs) {
            for (JsonNode result : run) {
                String benchmark = result.get("benchmark").asText().replaceFirst("^.*\\.(\\w+\\.\\w+)$", "$1") + params(result.get("params"));
                add(scores, benchmark, "score", result.get("primaryMetric"), before);
                JsonNode secondary = result.get("secondaryMetrics");
                for (String metric : METRICS.keySet()) {
                    if (secondary != null && secondary.has(metric)) {
                        add(scores, benchmark, METRICS.get(metric), secondary.get(metric), before);
                    }
                }
            }
        }
    }

    private static void add(Map<String, Scores> scores, String benchmark, String metric, JsonNode result, boolean before) {
        Scores s = scores.computeIfAbsent(benchmark + " " + metric,
                key -> new Scores(benchmark, metric, result.get("scoreUnit").asText(), new ArrayList<>(), new ArrayList<>()));
        (before ? s.before() : s.after()).add(result.get("score").asDouble());
    }

    private static String params(JsonNode params) {
        if (params == null || params.isEmpty()) {
            return "";
        }
        List<String> pairs = new ArrayList<>();
        params.fields().forEachRemaining(field -> pairs.add(field.getKey() + "=" + field.getValue().asText()));
        return " (" + String.join(", ", pairs) + ")";
    }

    /**
     * Prints one line a benchmark and metric: the runs before, their mean, the runs after, their
     * mean, and after over before.
     *
     * @param scores the scores
     * @param out where to print
     */
    static void print(List<Scores> scores, PrintStream out) {
        for (Scores s : scores) {
            out.printf(Locale.ROOT, "%s, %s (%s): before %s, mean %s; after %s, mean %s; after / before %.2fx%n", s.benchmark(), s.metric(),
                    s.unit(), join(s.before()), number(Scores.mean(s.before())), join(s.after()), number(Scores.mean(s.after())), s.ratio());
        }
    }

    private static String join(List<Double> values) {
        return String.join(" / ", values.stream().map(PairedRuns::number).toList());
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
