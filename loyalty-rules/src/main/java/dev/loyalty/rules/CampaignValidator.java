package dev.loyalty.rules;

import dev.loyalty.core.RuleProblem;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Checks campaign files the way {@link DroolsRuleEngine.Builder#build()} would, and reports every
 * problem at once: Drools' errors (resource, line, column, rule) and the campaign vocabulary's
 * own checks (facts the engine never inserts, actions without a reason, rules that change
 * facts, Drools' wall-clock attributes, malformed campaign metadata, campaigns whose dates are
 * past).
 *
 * <p>From Java: {@code List<RuleProblem> problems = CampaignValidator.validate(List.of(dir), today);}
 *
 * <p>From the command line, as a step of a campaign repository's CI (exit status 0 when the
 * campaigns are sound, 1 when there are problems, 2 on a usage error):
 * <pre>{@code
 * # with Maven, in a project that depends on loyalty-rules
 * ./mvnw -q compile exec:java -Dexec.mainClass=dev.loyalty.rules.CampaignValidator \
 *     -Dexec.args="src/main/resources/campaigns"
 *
 * # with plain java
 * ./mvnw -q dependency:build-classpath -Dmdep.outputFile=cp.txt
 * java -cp "$(cat cp.txt)" dev.loyalty.rules.CampaignValidator --today 2026-04-01 campaigns/ extra/summer.drl
 * }</pre>
 * Each path is a directory (every {@code .drl} under it) or a single {@code .drl} file; all of
 * them are checked together as one campaign set. {@code --defaults} adds the default campaign
 * pack; {@code --today} sets the date expired campaigns are judged by (today in UTC by default).
 */
public final class CampaignValidator {

    private CampaignValidator() {
    }

    /**
     * Checks the campaign files under the given paths as one campaign set.
     *
     * @param paths directories (every {@code .drl} under them) or {@code .drl} files
     * @param today the date to judge campaign dates by, or null to skip that check
     * @return every problem, in resource and line order; empty when the campaigns are sound
     * @throws IllegalArgumentException when no path is given, or an empty or null one (naming its index)
     */
    public static List<RuleProblem> validate(List<Path> paths, LocalDate today) {
        Objects.requireNonNull(paths, "paths");
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("give at least one directory or .drl file to validate");
        }
        for (int i = 0; i < paths.size(); i++) {
            if (paths.get(i) == null) {
                throw new IllegalArgumentException("paths[" + i + "] is null; give a directory or .drl file");
            }
        }
        return builder(paths).validate(today);
    }

    /**
     * Runs the validator from the command line; see the class description. Exits with status 0
     * when the campaigns are sound, 1 when they have problems, 2 on a usage error.
     *
     * @param args {@code [--today YYYY-MM-DD] [--defaults] PATH...}
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, Clock.systemUTC()));
    }

    /**
     * Runs the validator and returns the exit status instead of exiting.
     *
     * @param args the command-line arguments
     * @param out receives the report
     * @param err receives usage errors
     * @param clock gives today's date when {@code --today} is not given
     * @return 0 when the campaigns are sound, 1 when they have problems, 2 on a usage error
     */
    static int run(String[] args, PrintStream out, PrintStream err, Clock clock) {
        List<Path> paths = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        boolean defaults = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--today")) {
                if (i + 1 >= args.length) {
                    return usage(err, "--today needs a date, such as --today 2026-04-01");
                }
                try {
                    today = LocalDate.parse(args[++i]);
                } catch (DateTimeParseException e) {
                    return usage(err, "--today " + args[i] + " is not a date; write it as YYYY-MM-DD");
                }
            } else if (arg.equals("--defaults")) {
                defaults = true;
            } else if (arg.equals("--help") || arg.equals("-h")) {
                usage(out, "");
                return 0;
            } else if (arg.startsWith("--")) {
                return usage(err, "unknown option " + arg);
            } else if (arg.isBlank()) {
                return usage(err, "an empty path was given (an unset variable?); write . for the working directory");
            } else {
                paths.add(Path.of(arg));
            }
        }
        if (paths.isEmpty() && !defaults) {
            return usage(err, "give at least one directory or .drl file");
        }
        DroolsRuleEngine.Builder builder = builder(paths);
        if (defaults) {
            builder.defaultCampaigns();
        }
        List<RuleProblem> problems = builder.validate(today);
        if (problems.isEmpty()) {
            out.println("OK: no problems in " + (paths.isEmpty() ? "the default campaigns" : paths) + " (as of " + today + ")");
            return 0;
        }
        out.println(problems.size() == 1 ? "1 problem:" : problems.size() + " problems:");
        problems.forEach(p -> out.println("  " + p));
        return 1;
    }

    private static DroolsRuleEngine.Builder builder(List<Path> paths) {
        DroolsRuleEngine.Builder builder = DroolsRuleEngine.builder();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                builder.directory(path);
            } else {
                builder.file(path);
            }
        }
        return builder;
    }

    private static int usage(PrintStream stream, String problem) {
        if (!problem.isEmpty()) {
            stream.println(problem);
        }
        stream.println("usage: java dev.loyalty.rules.CampaignValidator [--today YYYY-MM-DD] [--defaults] PATH...");
        stream.println("  PATH: a directory (every .drl under it) or a .drl file; all are checked as one campaign set");
        return 2;
    }
}
