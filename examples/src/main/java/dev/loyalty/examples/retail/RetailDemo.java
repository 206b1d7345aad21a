package dev.loyalty.examples.retail;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The main demo: replays a year of a real online retailer's transactions through the default
 * campaigns and prints a short report, then segments the members (RFM), computes the program's
 * KPIs and writes them as CSV, JSON and a self-contained HTML report to {@code target/} (the
 * system property {@code loyalty.report.dir} names another directory).
 *
 * <p>Run it from the project root with {@code ./mvnw -q -DskipTests -Pdemo package}, or run this
 * class with a path to another CSV file in the same format as its only argument.
 *
 * <p>Data: "Online Retail" by Daqing Chen, UCI Machine Learning Repository, CC BY 4.0
 * (doi:10.1057/dbm.2012.17); a 30,000-row sample ships with this module, see its
 * {@code NOTICE} file.
 */
public final class RetailDemo {

    private static final String SAMPLE = "online-retail-sample.csv";

    private RetailDemo() {
    }

    /** The exit code of a file that cannot be read or holds no member events. */
    static final int BAD_INPUT = 3;
    /** The exit code of a wrong command line. */
    static final int USAGE = 2;

    /**
     * Runs the demo; exits with {@value #USAGE} for more than one argument and {@value #BAD_INPUT}
     * for a file that cannot be read or holds no member events, with a message on standard error.
     *
     * @param args an optional path to a CSV file in the sample's format
     */
    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /**
     * Runs the demo, printing to the given streams.
     *
     * @param args an optional path to a CSV file in the sample's format
     * @param stdout where the report goes
     * @param stderr where problems go, each naming the file (and line)
     * @return 0 when done, {@link #USAGE} or {@link #BAD_INPUT}
     */
    static int run(String[] args, PrintStream stdout, PrintStream stderr) {
        if (args.length > 1) {
            stderr.println("usage: RetailDemo [file.csv]  (a file in the Online Retail sample's format; the bundled sample without one)");
            return USAGE;
        }
        long started = System.nanoTime();
        RetailSample sample;
        String source = args.length > 0 ? args[0] : "bundled " + SAMPLE;
        try (Reader csv = args.length > 0 ? Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8) : bundled()) {
            sample = RetailSample.read(csv);
        } catch (IOException | UncheckedIOException e) {
            Throwable cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : e;
            String reason = cause instanceof NoSuchFileException ? "there is no such file"
                    : cause instanceof CharacterCodingException ? "is not UTF-8 text; save the file as UTF-8" : String.valueOf(cause.getMessage());
            stderr.println("error: " + source + ": cannot be read: " + reason);
            return BAD_INPUT;
        }
        if (sample.events().isEmpty()) {
            sample.rejected().forEach(problem -> stderr.println("error: " + source + ":" + problem.substring("line ".length())));
            stderr.println("error: " + source + ": holds no member events to replay");
            return BAD_INPUT;
        }
        Replay replay = Replay.run(sample, 5);
        double seconds = (System.nanoTime() - started) / 1e9;
        stdout.print(report(source, sample, replay, seconds));
        Path dir = Path.of(System.getProperty("loyalty.report.dir", "target"));
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        RetailInsights insights = RetailInsights.compute(replay.store(), RetailInsights.dayAfterLastEvent(sample), dir);
        Path html = insights.write(dir);
        stdout.print("\n" + insights.lines());
        stdout.println("Report: " + html.toAbsolutePath().normalize() + " (also loyalty-kpis.csv, loyalty-kpis.json, loyalty-members.csv)");
        return 0;
    }

    static Reader bundled() {
        InputStream in = RetailDemo.class.getResourceAsStream(SAMPLE);
        if (in == null) {
            throw new IllegalStateException(SAMPLE + " is missing from the examples jar");
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    static String report(String source, RetailSample sample, Replay replay, double totalSeconds) {
        StringBuilder out = new StringBuilder();
        out.append("Loyalty Rules demo: the Online Retail sample replayed through the default campaigns\n");
        out.append("Data: ").append(source).append(" (Daqing Chen, UCI ML Repository, CC BY 4.0)\n\n");
        out.append(String.format("Rows read              %,10d%n", sample.rows()));
        out.append(String.format("  guest rows           %,10d  (no customer id: not members, not replayed)%n", sample.guestRows()));
        out.append(String.format("  return rows          %,10d  (%d of them by guests)%n", sample.returnRows(), sample.guestReturnRows()));
        out.append(String.format("  adjustment rows      %,10d  (zero or negative quantity outside a return)%n", sample.adjustmentRows()));
        out.append(String.format("  malformed rows       %,10d%n", sample.rejected().size()));
        out.append(String.format("Members enrolled       %,10d%n", sample.members()));
        out.append(String.format("Purchases              %,10d%n", sample.purchases()));
        out.append(String.format("Returns                %,10d  (not linked to their purchases in the data; %d of zero value skipped)%n",
                sample.returns(), sample.zeroValueReturns()));
        out.append(String.format("Events processed       %,10d  (%d refused)%n", replay.events(), replay.failures().size()));
        out.append(String.format("Points issued          %,10d  (rule set %s)%n", replay.pointsIssued(), replay.ruleSetVersion()));
        out.append(String.format("Points clawed back     %,10d  (returns: one point per pound, from spendable points only)%n%n",
                replay.pointsClawedBack()));
        out.append("Points per campaign rule\n");
        for (Map.Entry<String, Long> rule : replay.pointsByRule().entrySet()) {
            out.append(String.format("  %-48s %,12d%n", rule.getKey(), rule.getValue()));
        }
        out.append("\nMembers by tier at the end (spend in the last 12 months; see the Tiers section of the README)\n");
        replay.membersByTier().forEach((tier, count) -> out.append(String.format("  %-10s %,8d%n", tier, count)));
        out.append("\nOffers issued by a closing sweep (not redeemed: no points change)\n");
        replay.offersByTemplate().forEach((template, count) -> out.append(String.format("  %-48s %,12d%n", template, count)));
        out.append("\nTop members by balance\n");
        replay.topMembers().forEach(m -> out.append(String.format("  member %-10s %,12d points%n", m.getKey(), m.getValue())));
        sample.rejected().stream().limit(5).forEach(r -> out.append("malformed: ").append(r).append('\n'));
        replay.failures().stream().limit(5).forEach(f -> out.append("refused: ").append(f).append('\n'));
        double replaySeconds = replay.elapsed().toNanos() / 1e9;
        out.append(String.format("%nReplay took %.2f s (%,.0f events/s); %.2f s in all, with reading and rule compilation%n",
                replaySeconds, replay.events() / Math.max(replaySeconds, 1e-9), totalSeconds));
        return out.toString();
    }
}
