package dev.loyalty.examples.pos;

import dev.loyalty.core.EventConflictException;
import dev.loyalty.core.EventResult;
import dev.loyalty.core.InvalidInputException;
import dev.loyalty.core.LoyaltyEngine;
import dev.loyalty.core.RuleDefinitionException;
import dev.loyalty.core.event.Enrolment;
import dev.loyalty.core.event.LoyaltyEvent;
import dev.loyalty.core.model.LedgerEntry;
import java.io.PrintWriter;
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
 * {@code replay <events file>}: reads a file of events whole (refusing it, with every malformed
 * line, before anything is processed) and processes the events in file order in batches of
 * {@value #BATCH}, showing a progress bar on a terminal. Event ids make a replay idempotent: the
 * same file twice records each event once. Events the engine refuses are listed with their line
 * and reason, the others stay processed.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Processes a file of events (CSV, JSON lines or the Online Retail CSV) into the database.")
final class ReplayCommand implements Callable<Integer> {

    /** Events handed to the engine per {@link LoyaltyEngine#processAll(List)} call, and per progress update. */
    static final int BATCH = 500;

    @Spec
    private CommandSpec spec;

    @Mixin
    private EngineOptions options;

    @Parameters(index = "0", paramLabel = "<events file>", description = "the events: .csv, .jsonl or the Online Retail sample's CSV")
    private Path file;

    @Option(names = "--format", defaultValue = "AUTO", description = "AUTO, CSV, JSONL or RETAIL (default: ${DEFAULT-VALUE}, from the file)")
    private EventFile.Format format;

    @Option(names = "--progress", negatable = true, description = "show a progress bar (default: only on a terminal)")
    private Boolean progress;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<EventFile.SourcedEvent> events;
        try {
            events = EventFile.read(file, format);
        } catch (EventFile.BadEventFileException e) {
            e.problems().forEach(problem -> err.println("error: " + problem));
            err.println("nothing replayed: fix the lines above and replay the file again");
            return PosCli.BAD_INPUT;
        }
        try (EngineOptions.OpenEngine open = options.open()) {
            List<EventFile.SourcedEvent> implied = enrolledBefore(open.engine(), events);
            java.util.Set<EventFile.SourcedEvent> skipped = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            skipped.addAll(implied);
            events = events.stream().filter(event -> !skipped.contains(event)).toList();
            ReplayTotals totals = replay(open.engine(), events, err);
            out.printf("Events processed   %,10d  (%,d refused)%n", totals.processed, totals.refused);
            if (totals.replayed > 0) {
                out.printf("Already recorded   %,10d  (by an earlier replay: their first outcomes, nothing written, not counted below)%n",
                        totals.replayed);
            }
            if (!implied.isEmpty()) {
                out.printf("Already enrolled   %,10d  (customers an earlier file enrolled: the enrolments this file implies are skipped)%n",
                        implied.size());
            }
            if (totals.continued > 0) {
                out.printf("Continued invoices %,10d  (invoices an earlier file recorded: this file's rows of them are recorded as <id>@<file name>)%n",
                        totals.continued);
            }
            out.printf("Points issued      %,10d%n", totals.issued);
            out.printf("Points clawed back %,10d  (returns)%n", totals.clawedBack);
            out.printf("Points redeemed    %,10d%n", totals.redeemed);
            out.printf("Points expired     %,10d%n", totals.expired);
            out.printf("Debt repaid        %,10d%n", totals.repaid);
            out.printf("Rule set           %s%n", open.engine().ruleSetVersion());
            return totals.refused == 0 ? PosCli.OK : PosCli.REFUSED;
        } catch (RuleDefinitionException e) {
            e.problems().forEach(problem -> err.println("error: " + problem));
            return PosCli.REFUSED;
        }
    }

    /**
     * Returns the enrolments the file implies (the Online Retail format's, at a customer's first row in this file) of members
     * enrolled at another time, by an earlier file: the same id with another time would be refused as a conflicting event.
     */
    private static List<EventFile.SourcedEvent> enrolledBefore(LoyaltyEngine engine, List<EventFile.SourcedEvent> events) {
        return events.stream().filter(EventFile.SourcedEvent::implied)
                .filter(sourced -> sourced.event() instanceof Enrolment enrolment && engine.member(enrolment.memberId())
                        .filter(member -> !member.enrolledAt().equals(enrolment.occurredAt())).isPresent())
                .toList();
    }

    private ReplayTotals replay(LoyaltyEngine engine, List<EventFile.SourcedEvent> events, PrintWriter err) {
        boolean showProgress = progress != null ? progress : System.console() != null;
        ProgressBar bar = showProgress ? new ProgressBar(err, events.size(), "events") : null;
        ReplayTotals totals = new ReplayTotals();
        for (int from = 0; from < events.size(); from += BATCH) {
            List<EventFile.SourcedEvent> batch = events.subList(from, Math.min(events.size(), from + BATCH));
            List<LoyaltyEvent> recorded = batch.stream()
                    .map(sourced -> sourced.invoice() ? InvoiceContinuation.inLineOrder(sourced.event()) : sourced.event()).toList();
            List<EventResult> results = continued(engine, batch, engine.processAll(recorded), totals, err);
            for (int i = 0; i < results.size(); i++) {
                EventResult result = results.get(i);
                if (result.succeeded()) {
                    totals.add(result);
                } else {
                    totals.refused++;
                    if (bar != null) {
                        err.println();
                    }
                    err.println("refused: " + batch.get(i).source() + " event " + result.event().eventId() + ": " + result.error().getMessage());
                }
            }
            if (bar != null) {
                bar.update(from + batch.size());
            }
        }
        if (bar != null) {
            bar.finish();
        }
        return totals;
    }

    /**
     * Processes again the Online Retail invoices the engine refused because an earlier file recorded the same invoice with
     * other rows, and returns the results with theirs in place. An invoice whose lines this file lists in another order
     * than they were recorded in is tried first in the file's order under its own id, as a replay (a database an earlier
     * version of this command recorded holds its invoices' lines in the order of their file); the invoices that still
     * conflict are processed as {@link InvoiceContinuation}s, each said on standard error.
     */
    private List<EventResult> continued(LoyaltyEngine engine, List<EventFile.SourcedEvent> batch, List<EventResult> results,
                                        ReplayTotals totals, PrintWriter err) {
        List<EventResult> merged = new java.util.ArrayList<>(results);
        List<Integer> conflicts = new java.util.ArrayList<>();
        List<Integer> reordered = new java.util.ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            if (batch.get(i).invoice() && results.get(i).error() instanceof EventConflictException) {
                conflicts.add(i);
                if (results.get(i).event() != batch.get(i).event()) {
                    reordered.add(i);
                }
            }
        }
        if (conflicts.isEmpty()) {
            return results;
        }
        if (!reordered.isEmpty()) {
            List<EventResult> asListed = engine.processAll(reordered.stream().map(i -> batch.get(i).event()).toList());
            for (int k = 0; k < reordered.size(); k++) {
                if (!(asListed.get(k).error() instanceof EventConflictException)) {
                    merged.set(reordered.get(k), asListed.get(k));
                    conflicts.remove(reordered.get(k));
                }
            }
        }
        String fileName = file.getFileName().toString();
        List<Integer> continuedAt = new java.util.ArrayList<>();
        List<LoyaltyEvent> continuations = new java.util.ArrayList<>();
        for (int i : conflicts) {
            try {
                continuations.add(InvoiceContinuation.of(batch.get(i).event(), fileName));
                continuedAt.add(i);
            } catch (InvalidInputException e) {
                // an id with the file's name is too long for an event id: the invoice stays refused, as the conflict it is
            }
        }
        if (continuedAt.isEmpty()) {
            return merged;
        }
        List<EventResult> again = engine.processAll(continuations);
        for (int k = 0; k < continuedAt.size(); k++) {
            int i = continuedAt.get(k);
            merged.set(i, again.get(k));
            totals.continued++;
            err.println(batch.get(i).source() + ": " + batch.get(i).event().eventId() + " was recorded by an earlier file; this file's rows of it "
                    + "are recorded as " + again.get(k).event().eventId());
        }
        return merged;
    }

    /** What a replay did, summed over the events' outcomes. */
    private static final class ReplayTotals {
        long processed;
        /** Events whose ids were recorded before: processed, but their points are not this replay's. */
        long replayed;
        long refused;
        /** Online Retail invoices an earlier file recorded, whose rows in this file were recorded as a continuation. */
        long continued;
        long issued;
        long clawedBack;
        long redeemed;
        long expired;
        long repaid;

        void add(EventResult result) {
            processed++;
            if (result.replayed()) {
                replayed++;
                return;
            }
            for (LedgerEntry entry : result.outcome().entries()) {
                long points = entry.points().value();
                if (points > 0) {
                    issued = Math.addExact(issued, points);
                    continue;
                }
                switch (entry.type()) {
                    case REVERSE -> clawedBack = Math.addExact(clawedBack, -points);
                    case REDEEM -> redeemed = Math.addExact(redeemed, -points);
                    case EXPIRE -> expired = Math.addExact(expired, -points);
                    default -> repaid = Math.addExact(repaid, -points);
                }
            }
        }
    }
}
