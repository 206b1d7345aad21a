package dev.loyalty.examples.pos;

import dev.loyalty.core.SweepFailure;
import dev.loyalty.core.SweepReport;
import dev.loyalty.core.SweepRequest;
import dev.loyalty.core.model.MemberId;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sweep [--as-of <instant>]}: runs the daily time-based work over the {@code --db}
 * database: pending points released, lots, holds and offers expired, tiers reviewed, birthday and
 * win-back offers issued. Running it again at the same instant changes nothing; with
 * {@code --checkpoint} a run stopped halfway resumes where it stopped.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Runs the daily sweep over the database's members: releases, expiries, tier reviews, birthday and win-back offers.")
final class SweepCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private EngineOptions options;

    @Option(names = "--as-of", paramLabel = "<instant>", description = "the instant to sweep at, such as 2026-07-01T00:00:00Z (default: now)")
    private Instant asOf;

    @Option(names = "--from", paramLabel = "<member>", description = "the first member id of this run's partition (default: the first)")
    private String from;

    @Option(names = "--to", paramLabel = "<member>", description = "the member id after this run's partition (default: none)")
    private String to;

    @Option(names = "--checkpoint", paramLabel = "<id>", description = "saves progress under this id, so that a run stopped halfway resumes")
    private String checkpoint;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        if (options.missing(spec.commandLine().getErr())) {
            return PosCli.BAD_INPUT;
        }
        try (EngineOptions.OpenEngine open = options.open()) {
            SweepRequest.Builder request = SweepRequest.builder();
            if (asOf != null) {
                request.asOf(asOf);
            }
            if (from != null || to != null) {
                request.range(from == null ? null : MemberId.of(from), to == null ? null : MemberId.of(to));
            }
            if (checkpoint != null) {
                request.checkpoint(checkpoint);
            }
            SweepReport report = open.engine().sweep(request.build());
            stdout.printf("Members swept            %,10d  (%,d changed)%n", report.members(), report.changedMembers());
            stdout.printf("Pending lots released    %,10d%n", report.released());
            stdout.printf("Points expired           %,10d%n", report.expiredPoints());
            stdout.printf("Holds lapsed             %,10d%n", report.lapsedHolds());
            stdout.printf("Offers issued            %,10d%n", report.offersIssued());
            stdout.printf("Offers expired           %,10d%n", report.offersExpired());
            stdout.printf("Tier changes             %,10d%n", report.tierChanges());
            if (report.failures().isEmpty()) {
                stdout.flush();
                return PosCli.OK;
            }
            // the others were swept; these members were left as they were, and a run at the same instant sweeps them again
            stdout.printf("Members failed           %,10d  (left unchanged: see the errors, then sweep again)%n", report.failures().size());
            stdout.flush();
            PrintWriter stderr = spec.commandLine().getErr();
            for (SweepFailure failure : report.failures()) {
                stderr.println("failed: member " + failure.memberId() + ": " + failure.cause().getMessage());
            }
            stderr.flush();
            return PosCli.REFUSED;
        }
    }
}
