package dev.loyalty.examples.pos;

import dev.loyalty.core.RuleDefinitionException;
import dev.loyalty.core.RuleProblem;
import dev.loyalty.rules.DroolsRuleEngine;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code validate <campaign dir>}: compiles every {@code .drl} file under a directory, as the
 * engine would at startup, and lists every problem with its file, line, column and rule.
 * Touches no database.
 */
@Command(name = "validate", mixinStandardHelpOptions = true, description = "Compiles a campaign directory and lists every problem.")
final class ValidateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<campaign dir>", description = "a directory of .drl files, sub-directories included")
    private Path directory;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isDirectory(directory)) {
            err.println("error: " + directory + " is not a directory");
            return PosCli.BAD_INPUT;
        }
        try (DroolsRuleEngine rules = DroolsRuleEngine.builder().directory(directory).build()) {
            out.printf("%s: %d rules, rule set %s%n", directory, rules.ruleNames().size(), rules.version());
            rules.ruleNames().forEach(name -> out.println("  " + name));
            return PosCli.OK;
        } catch (RuleDefinitionException e) {
            for (RuleProblem problem : e.problems()) {
                err.println(describe(problem));
            }
            err.printf("%s: %d problem%s%n", directory, e.problems().size(), e.problems().size() == 1 ? "" : "s");
            return PosCli.REFUSED;
        }
    }

    /** A problem as {@code file:line:column: error: [rule "name"] message}, the way compilers report. */
    static String describe(RuleProblem problem) {
        StringBuilder text = new StringBuilder(problem.resource());
        if (problem.line() > 0) {
            text.append(':').append(problem.line());
            if (problem.column() > 0) {
                text.append(':').append(problem.column());
            }
        }
        text.append(": error: ");
        if (!problem.rule().isEmpty()) {
            text.append("[rule \"").append(problem.rule()).append("\"] ");
        }
        return text.append(problem.message()).toString();
    }
}
