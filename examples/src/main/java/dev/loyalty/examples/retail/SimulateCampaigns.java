package dev.loyalty.examples.retail;

import dev.loyalty.core.event.LoyaltyEvent;
import dev.loyalty.rules.DroolsRuleEngine;
import dev.loyalty.rules.simulation.CampaignSimulation;
import dev.loyalty.rules.simulation.SimulationReport;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What-if on the retail sample: replays it against the default campaigns and against a candidate
 * set (the default campaigns plus the given files, or only the given files with
 * {@code --without-defaults}), each in a throw-away store, and prints the side-by-side report.
 *
 * <pre>{@code
 * ./mvnw -q -DskipTests package -pl examples -am
 * java -cp "examples/target/classes:$(cat examples/target/classpath.txt)" dev.loyalty.examples.retail.SimulateCampaigns \
 *     campaigns/candidate/ [--without-defaults] [--csv other-sample.csv]
 * }</pre>
 * or {@code ./mvnw -q -pl examples exec:java -Dexec.mainClass=dev.loyalty.examples.retail.SimulateCampaigns -Dexec.args="campaigns/candidate"}.
 * Each path is a directory of {@code .drl} files or one {@code .drl} file.
 */
public final class SimulateCampaigns {

    private SimulateCampaigns() {
    }

    /**
     * Runs the simulation and prints the report.
     *
     * @param args {@code PATH... [--without-defaults] [--csv FILE]}
     */
    public static void main(String[] args) {
        List<Path> paths = new ArrayList<>();
        boolean defaults = true;
        Path csv = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--without-defaults" -> defaults = false;
                case "--csv" -> csv = i + 1 < args.length ? Path.of(args[++i]) : usage("--csv needs a file");
                default -> {
                    if (args[i].startsWith("--")) {
                        usage("unknown option " + args[i]);
                    }
                    paths.add(Path.of(args[i]));
                }
            }
        }
        if (paths.isEmpty()) {
            usage("give the candidate campaigns: a directory or .drl file");
        }
        List<LoyaltyEvent> events = csv == null ? RetailEvents.bundled() : read(csv);
        System.out.println("What-if on " + (csv == null ? "the bundled retail sample" : csv) + ": " + events.size() + " events");
        System.out.print(simulate(events, candidate(paths, defaults)).toText());
    }

    /**
     * Replays the events against the default campaigns and the candidate.
     *
     * @param events the events, in time order
     * @param candidate the candidate campaign set
     * @return the report
     */
    static SimulationReport simulate(List<LoyaltyEvent> events, DroolsRuleEngine.Builder candidate) {
        return CampaignSimulation.builder().program(RetailEvents.program())
                .current(DroolsRuleEngine.builder().id("default").defaultCampaigns())
                .candidate(candidate)
                .build().run(events);
    }

    static DroolsRuleEngine.Builder candidate(List<Path> paths, boolean defaults) {
        DroolsRuleEngine.Builder builder = DroolsRuleEngine.builder().id("candidate");
        if (defaults) {
            builder.defaultCampaigns();
        }
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                builder.directory(path);
            } else {
                builder.file(path);
            }
        }
        return builder;
    }

    private static List<LoyaltyEvent> read(Path csv) {
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return RetailSample.read(reader).events();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv, e);
        }
    }

    private static Path usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: SimulateCampaigns PATH... [--without-defaults] [--csv FILE]");
        System.exit(2);
        return null;
    }
}
