package dev.loyalty.examples.pos;

import dev.loyalty.core.RuleDefinitionException;
import dev.loyalty.rules.DroolsRuleEngine;
import dev.loyalty.rules.simulation.CampaignSimulation;
import dev.loyalty.rules.simulation.SimulationReport;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code simulate <events file> --campaigns <dir>}: what-if for a candidate campaign set. Replays
 * the file's events against the default campaign pack (the current set) and against the
 * candidate directory, each in a throw-away in-memory store (the database is not touched), and
 * prints {@link SimulationReport#toText()}: points issued and removed, liability, points per
 * campaign and members per tier, side by side.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Replays an events file against the default campaigns and a candidate directory, in memory, and compares them.")
final class SimulateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ProgramOptions programOptions;

    @Parameters(index = "0", paramLabel = "<events file>", description = "the events: .csv, .jsonl or the Online Retail sample's CSV")
    private Path file;

    @Option(names = "--campaigns", required = true, paramLabel = "<dir>", description = "the candidate campaign directory of .drl files")
    private Path candidate;

    @Option(names = "--with-defaults", description = "the candidate is the default pack plus the directory's files (default: the directory alone)")
    private boolean withDefaults;

    @Option(names = "--format", defaultValue = "AUTO", description = "AUTO, CSV, JSONL or RETAIL (default: ${DEFAULT-VALUE}, from the file)")
    private EventFile.Format format;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isDirectory(candidate)) {
            err.println("error: " + candidate + " is not a directory");
            return PosCli.BAD_INPUT;
        }
        List<EventFile.SourcedEvent> events;
        try {
            events = EventFile.read(file, format);
        } catch (EventFile.BadEventFileException e) {
            e.problems().forEach(problem -> err.println("error: " + problem));
            err.println("nothing simulated: fix the lines above and run again");
            return PosCli.BAD_INPUT;
        }
        DroolsRuleEngine.Builder candidateSet = DroolsRuleEngine.builder().id("candidate");
        if (withDefaults) {
            candidateSet.defaultCampaigns();
        }
        candidateSet.directory(candidate);
        SimulationReport report;
        try {
            report = CampaignSimulation.builder().program(programOptions.program())
                    .current(DroolsRuleEngine.builder().id("default").defaultCampaigns())
                    .candidate(candidateSet)
                    .build().run(events.stream().map(EventFile.SourcedEvent::event).toList());
        } catch (RuleDefinitionException e) {
            e.problems().forEach(problem -> err.println(ValidateCommand.describe(problem)));
            err.printf("%s: the candidate does not build; nothing simulated%n", candidate);
            return PosCli.REFUSED;
        }
        out.printf("What-if on %s: %,d events, in memory%n", file, events.size());
        out.print(report.toText());
        out.flush();
        return PosCli.OK;
    }
}
