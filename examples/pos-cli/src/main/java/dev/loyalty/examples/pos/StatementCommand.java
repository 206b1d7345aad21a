package dev.loyalty.examples.pos;

import dev.loyalty.core.UnknownMemberException;
import dev.loyalty.core.model.MemberId;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code statement <member>}: prints a member's statement from the database: every ledger entry
 * with its running balance, the lots, and balance, spendable, pending, held and debt.
 */
@Command(name = "statement", mixinStandardHelpOptions = true, description = "Prints a member's points statement.")
final class StatementCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private EngineOptions options;

    @Parameters(index = "0", paramLabel = "<member>", description = "the member id")
    private String member;

    @Override
    public Integer call() {
        // like sweep and report: a statement reads what a replay wrote, and makes no database of its own
        if (options.missing(spec.commandLine().getErr())) {
            return PosCli.BAD_INPUT;
        }
        try (EngineOptions.OpenEngine open = options.open()) {
            spec.commandLine().getOut().print(open.engine().statement(MemberId.of(member)).toText());
            spec.commandLine().getOut().flush();
            return PosCli.OK;
        } catch (UnknownMemberException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage() + " (in " + options.url() + ")");
            return PosCli.REFUSED;
        }
    }
}
