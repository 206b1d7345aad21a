package dev.loyalty.examples.pos;

import dev.loyalty.core.InvalidInputException;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * A point-of-sale command line that embeds the loyalty engine: checks campaign files, replays
 * event files into a database, prints member statements, compares a candidate campaign set with
 * the default pack on an event file ({@code simulate}) and reports the program's KPIs
 * ({@code report}). State lives in an H2 file database
 * ({@code --db}, {@code ./loyalty-db} by default), so a {@code replay} and a later
 * {@code statement} see the same members.
 *
 * <p>Exit codes: {@value #OK} done; {@value #REFUSED} the engine refused something (an event, an
 * unknown member, a campaign with errors); {@value #USAGE} the command line is wrong;
 * {@value #BAD_INPUT} an input file is unreadable or malformed (nothing was processed);
 * {@value #FAILURE} something else failed, such as the database.
 */
@Command(name = "loyalty-pos", mixinStandardHelpOptions = true, version = "loyalty-pos 0.1.0",
        description = "Embeds the loyalty engine at a point of sale: validate campaigns, replay event files, print statements, "
                + "simulate candidate campaigns, report KPIs.",
        subcommands = {ValidateCommand.class, ReplayCommand.class, StatementCommand.class, SweepCommand.class, SimulateCommand.class,
                ReportCommand.class,
                CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:the engine refused something: an event, an unknown member, a campaign with errors",
                "2:the command line is wrong", "3:an input file is unreadable or malformed; nothing was processed",
                "4:something else failed, such as the database"})
public final class PosCli implements Runnable {

    /** Exit code: done. */
    public static final int OK = 0;
    /** Exit code: the engine refused an event or a member, or a campaign has errors. */
    public static final int REFUSED = 1;
    /** Exit code: the command line is wrong (picocli's usage-error code). */
    public static final int USAGE = 2;
    /** Exit code: an input file is unreadable or malformed; nothing was processed. */
    public static final int BAD_INPUT = 3;
    /** Exit code: anything else, such as a database failure. */
    public static final int FAILURE = 4;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Without a sub-command, prints the usage and fails as a usage error. */
    @Override
    public void run() {
        // the names as registered, so that a command added later is named too
        List<String> names = spec.subcommands().keySet().stream().filter(name -> !name.equals("help")).toList();
        String listed = String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: " + listed);
    }

    /**
     * Builds the command line with its exit codes and error handling, writing to the given streams.
     *
     * @param out where results go
     * @param err where errors and progress go
     * @return the command line, ready to {@link CommandLine#execute(String...) execute}
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new PosCli());
        OptionText.register(commandLine);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? USAGE : FAILURE);
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            cmd.getErr().println("error: " + e.getMessage());
            cmd.getErr().flush();
            // events are checked as the file is read, so an invalid input reaching here is an option's value
            // (--currency, --zone, --from/--to, a member id): the command line is wrong; an input that cannot be read
            // (a --campaigns directory that is not there) is a bad input, as for an events file
            return e instanceof InvalidInputException ? USAGE : e instanceof EventFile.BadEventFileException ? BAD_INPUT : FAILURE;
        });
        return commandLine;
    }

    /**
     * Runs the command line and exits with its exit code.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = commandLine(out, err).execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
