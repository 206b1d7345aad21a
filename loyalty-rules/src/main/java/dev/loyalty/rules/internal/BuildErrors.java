package dev.loyalty.rules.internal;

import dev.loyalty.core.RuleProblem;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.compiler.compiler.DescrBuildError;
import org.drools.compiler.compiler.FunctionError;
import org.drools.compiler.compiler.RuleBuildError;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.ParserError;
import org.kie.internal.builder.KnowledgeBuilderError;

/**
 * Turns one error of Drools' knowledge builder into a {@link RuleProblem} at its file, line,
 * column and rule: where Drools gives no line, or only the rule's first line, the line is found in
 * the DRL text; MVEL's refusal of a constant NaN, a function that does not compile, an eval that
 * does not compile (which Drools reports as it does a consequence) and a stray word after the last
 * rule are said as such. Used by {@link DrlCompiler}. Not public API.
 */
final class BuildErrors {

    /** The keywords a DRL declaration starts with, after any indent. */
    private static final Pattern DECLARATION_START =
            Pattern.compile("\\s*(rule|query|function|declare|import|global|package|dialect|attributes)\\b");
    private static final Pattern RULE_IN_MESSAGE = Pattern.compile("\\[?Rule name='([^']*)'");
    private static final Pattern RULE_IN_TEXT = Pattern.compile("[Rr]ule \"([^\"]+)\"");
    private static final Pattern ANALYSED_EXPRESSION_START = Pattern.compile("^Unable to Analyse Expression (.*?):");
    private static final Pattern DUPLICATED_ANNOTATION = Pattern.compile("^Duplicated annotation: ([\\w$]+)$");
    private static final Pattern DUPLICATED_ATTRIBUTE = Pattern.compile("^Duplicate attribute definition: ([\\w-]+) in rule ");
    /**
     * How MVEL reports a constant it could not convert to a typed local's whole-number type, with
     * the statement near it; when {@link MvelNaNGuard} refused a NaN, the constant is that NaN.
     */
    private static final Pattern CONSTANT_NAN_ASSIGNED = Pattern.compile("\\[Error: cannot assign type java\\.lang\\.(?:Double|Float) to "
            + "(?:long|int|java\\.lang\\.Long|java\\.lang\\.Integer)\\] \\[Near : \\{\\.\\.\\. (.*?) \\.\\.\\.\\.\\}\\]");
    /** How the parser reports its own failure (it ran out of text inside a constraint), with its stack trace after. */
    private static final Pattern PARSER_FAILED = Pattern.compile("^Line (\\d+):(\\d+) unexpected exception at input '(.*?)'\\. Exception: ");
    /** A quotation mark a word processor writes in place of {@code "} or {@code '}. */
    private static final Pattern TYPOGRAPHIC_QUOTE = Pattern.compile("[\u201C\u201D\u201E\u2018\u2019\u00AB\u00BB]");
    /** What follows an attribute's value that cannot be read, before what to write instead. */
    static final String UNREADABLE = "cannot be read; write ";
    /** What the parser's own failure, with no place (after a syntax error it had reported), is said as. */
    static final String PARSER_GAVE_UP = "syntax error: the rule parser failed on this file without naming a line";
    /** What a syntax error at the end of the text says: the text ended inside a rule or a quote. */
    static final String ENDS_INSIDE = "syntax error: the text ends inside a rule or a quote; "
            + "is a closing quote, a closing parenthesis or 'end' missing?";
    /** How Drools reports a salience or enabled expression MVEL could not analyse (a name nothing binds), the value last. */
    private static final Pattern UNREADABLE_ATTRIBUTE = Pattern.compile("^Unable to build expression for '(salience|enabled)' : .*'([^']*)'$");
    /** What Drools says of a function that does not compile, after its name and line. */
    private static final Pattern FUNCTION_PROBLEM = Pattern.compile("^\\[ function .*?\\(line:\\d+\\): (.*?) ?\\]?$");

    private BuildErrors() {
    }

    /**
     * Turns a Drools error into a problem at its file, line and rule; {@code nanRefused} says that
     * {@link MvelNaNGuard} refused a constant NaN in this build, which MVEL reports as a typed
     * local it cannot assign.
     */
    static RuleProblem problem(KnowledgeBuilderError error, Map<String, DrlSource> byName, boolean nanRefused) {
        String resource = error.getResource() != null && error.getResource().getSourcePath() != null
                ? error.getResource().getSourcePath() : "";
        int line = 0;
        int column = 0;
        String rule = "";
        // Drools counts columns from 0; a consequence error has no real column
        if (error instanceof ParserError parse) {
            line = parse.getRow();
            column = line > 0 && parse.getCol() >= 0 ? parse.getCol() + 1 : 0;
        } else if (error instanceof DescrBuildError build) {
            line = build.getLine();
            column = !(error instanceof RuleBuildError) && build.getColumn() >= 0 ? build.getColumn() + 1 : 0;
            rule = ruleOf(build);
        }
        if (line <= 0 && error.getLines() != null && error.getLines().length > 0) {
            line = error.getLines()[0];
        }
        DrlSource source = byName.get(resource);
        if (error instanceof ParserError && line <= 0 && String.valueOf(error.getMessage()).startsWith("Unexpected error: ")) {
            // the parser's own failure (a NullPointerException's text), which follows a syntax error it reported
            return new RuleProblem(resource, 0, 0, "", PARSER_GAVE_UP);
        }
        Matcher failed = PARSER_FAILED.matcher(DroolsMessages.plain(String.valueOf(error.getMessage())));
        if (failed.find()) {
            // a failure inside the parser, where its recovery met the end of the text; its stack trace is of no use to the author
            int at = Integer.parseInt(failed.group(1));
            String inRule = source == null ? "" : DrlLines.ruleAtLine(source.content(), at);
            return new RuleProblem(resource, at, Integer.parseInt(failed.group(2)) + 1, inRule,
                    "<eof>".equals(failed.group(3)) ? ENDS_INSIDE : "syntax error: the rule cannot be read on at '" + failed.group(3) + "'");
        }
        if (error instanceof DescrBuildError build && build.getParentDescr() instanceof RuleDescr parent && parent.getLine() > 0
                && (line <= 0 || line == parent.getLine())) {
            // a constraint whose types do not match comes without a line, or the rule's: find it in its rule, else name the rule's
            // line; MVEL writes "matches" as ~=
            Matcher expression = ANALYSED_EXPRESSION_START.matcher(DroolsMessages.plain(String.valueOf(error.getMessage())));
            String written = expression.find() ? expression.group(1).replace(" ~= ", " matches ") : null;
            int found = source == null ? parent.getLine() : DrlLines.lineOfText(source.content(), parent.getLine(), written);
            column = line <= 0 || found != line ? 0 : column;
            line = found;
        }
        if (source != null && error instanceof ParserError && line > 0) {
            RuleProblem quoted = typographicQuotes(resource, source, line);
            if (quoted != null) {
                return quoted;
            }
        }
        line = Math.max(line, 0);
        column = Math.max(column, 0);
        String message = error.getMessage() == null ? "" : error.getMessage();
        Matcher duplicated = DUPLICATED_ANNOTATION.matcher(DroolsMessages.plain(message));
        if (line <= 0 && source != null && duplicated.find()) {
            // Drools gives a metadata key written twice on one rule no line: find the second one
            int found = DrlLines.secondAnnotation(source.content(), duplicated.group(1));
            if (found > 0) {
                line = found;
                rule = DrlLines.ruleAtLine(source.content(), line);
            }
        }
        Matcher constantNaN = CONSTANT_NAN_ASSIGNED.matcher(DroolsMessages.plain(message));
        if (nanRefused && error instanceof DescrBuildError && constantNaN.find()) {
            // MVEL folded a constant NaN while compiling, and the guard refused to make it 0;
            // MVEL quotes a window of the code around the statement: find its line, and quote the whole line when found
            String near = constantNaN.group(1).strip();
            int at = source != null && line > 0 ? DrlLines.lineOfText(source.content(), line, near) : line;
            String[] code = source == null ? new String[0] : DrlCode.lines(source.content());
            String said = at > 0 && at <= code.length && code[at - 1].contains(near) ? code[at - 1].strip() : near;
            return new RuleProblem(resource, at, 0, rule.isEmpty() && source != null ? DrlLines.ruleAtLine(source.content(), at) : rule,
                    MvelNaNGuard.CONSTANT_NAN + ": " + said);
        }
        if (error instanceof FunctionError function) {
            Matcher said = FUNCTION_PROBLEM.matcher(DroolsMessages.plain(message));
            message = "function " + function.getFunctionDescr().getName() + " does not compile: " + (said.find() ? said.group(1) : DroolsMessages.plain(message));
        }
        if (rule.isEmpty()) {
            rule = firstGroup(RULE_IN_MESSAGE, message);
        }
        if (rule.isEmpty() && source != null && line > 0) {
            rule = DrlLines.ruleAtLine(source.content(), line);
        }
        Matcher twice = DUPLICATED_ATTRIBUTE.matcher(DroolsMessages.plain(message));
        if (source != null && twice.find()) {
            // Drools names the rule's first line: find the attribute's second line
            int second = DrlLines.secondAttribute(source.content(), line, twice.group(1));
            return new RuleProblem(resource, second > 0 ? second : line, 0, rule, twice.group(1) + " is given twice in this rule; keep one");
        }
        // Drools reports an eval that does not compile as it does a consequence
        EvalDescr eval = error instanceof RuleBuildError ruleError ? EvalLines.evalOf(ruleError) : null;
        int compiled = eval == null && source != null && error instanceof RuleBuildError ruleError
                ? DrlLines.lineOfJavaProblem(source.content(), ruleError) : 0;
        if (eval != null && eval.getLine() > 0) {
            line = eval.getLine();
            column = 0;
        } else if (compiled > 0) {
            line = compiled;
            column = 0;
        } else if (source != null && line > 0 && error instanceof DescrBuildError) {
            int better = DrlLines.lineOfSymbol(source.content(), line, message);
            if (better != line) {
                line = better;
                column = 0;
            }
        }
        Matcher accumulate = DroolsMessages.UNKNOWN_ACCUMULATE.matcher(DroolsMessages.plain(message));
        if (source != null && line > 0 && accumulate.find()) {
            // Drools names the rule's first line: find the call of the function in the rule
            int call = DrlLines.lineOfWord(source.content(), line, accumulate.group(1));
            column = call != line ? 0 : column;
            line = call;
        }
        int stray = source != null && error instanceof ParserError && message.contains("'<eof>'") ? strayLine(source.content()) : 0;
        if (stray > 0) {
            // the parser reads a word after the last rule as the start of something and fails only at the file's end
            String code = DrlCode.lines(source.content())[stray - 1];
            int indent = code.length() - code.stripLeading().length();
            return new RuleProblem(resource, stray, indent + 1, "", "syntax error: '" + code.strip()
                    + "' stands after the last rule's end, outside any rule");
        }
        RuleProblem unreadable = unreadableAttribute(resource, source, line, column, rule, DroolsMessages.plain(message));
        if (unreadable != null) {
            return unreadable;
        }
        String readable = DroolsMessages.readable(message, rule);
        if (eval != null && readable.startsWith(DroolsMessages.CONSEQUENCE_PROBLEM)) {
            readable = "the condition eval( " + DroolsMessages.plain(String.valueOf(eval.getContent())) + " ) does not compile: "
                    + readable.substring(DroolsMessages.CONSEQUENCE_PROBLEM.length());
        }
        if (source != null && error instanceof ParserError && readable.equals("syntax error: mismatched input ''")
                && atEnd(source.content(), line, column)) {
            // the empty input is the end of the text, met inside a quote
            readable = ENDS_INSIDE;
        }
        if (source != null && error instanceof ParserError) {
            readable = KeywordHints.withHint(readable, DrlCode.lines(source.content()), line);
        }
        return new RuleProblem(resource, line, column, rule, readable);
    }

    /**
     * Returns a syntax error on a line that quotes text with typographic quotes (as a word
     * processor writes them) as such, at the first of them; null when the line has none.
     */
    private static RuleProblem typographicQuotes(String resource, DrlSource source, int line) {
        String[] lines = DrlCode.lines(source.content());
        if (line > lines.length) {
            return null;
        }
        // outside straight-quoted text, where a reason may well hold them
        Matcher quote = TYPOGRAPHIC_QUOTE.matcher(DrlCode.withoutStrings(lines[line - 1]));
        if (!quote.find()) {
            return null;
        }
        return new RuleProblem(resource, line, quote.start() + 1, DrlLines.ruleAtLine(source.content(), line), "syntax error: text quoted with "
                + "typographic quotes (" + quote.group() + "), as a word processor writes them, which DRL does not read; "
                + "write straight quotes, such as \"web\"");
    }

    /**
     * Returns a salience or {@code enabled} that Drools could not read as a problem in the
     * author's words, at its line, or null for any other problem. Drools reports such an
     * expression with the text of its own failure (a NullPointerException's) or with MVEL's
     * analysis of it, which may name Drools' own types ({@code salience -rule}).
     */
    private static RuleProblem unreadableAttribute(String resource, DrlSource source, int line, int column, String rule, String message) {
        Matcher failed = UNREADABLE_ATTRIBUTE.matcher(message);
        Matcher analysed = ANALYSED_EXPRESSION_START.matcher(message);
        String written = null;
        if (failed.find()) {
            written = failed.group(1) + " " + failed.group(2);
        } else if (source != null && line > 0 && analysed.find()) {
            for (String attribute : List.of("salience", "enabled")) {
                String expression = attribute + " " + analysed.group(1).strip();
                if (writtenAt(source, line, expression) > 0 || runOn(source, line, expression) > 0) {
                    written = expression;
                }
            }
        }
        if (written == null) {
            return null;
        }
        int ranOn = source == null || line <= 0 ? 0 : runOn(source, line, written);
        if (ranOn > 0) {
            // the parser reads the lines after an attribute into its value until a 'when' stops it
            return new RuleProblem(resource, ranOn, 0, rule, written.split(" ", 3)[0] + " " + written.split(" ", 3)[1]
                    + " runs on into the lines after it; is 'when' missing after the rule's attributes?");
        }
        int at = source == null || line <= 0 ? line : Math.max(writtenAt(source, line, written), line);
        return new RuleProblem(resource, at, at == line ? column : 0, rule, written + " " + UNREADABLE
                + (written.startsWith("salience") ? "a whole number (higher fires first), such as salience 10, " : "true, false ")
                + "or an expression of the variables the rule binds");
    }

    /**
     * Returns the line of an attribute whose value, as read, runs on past its line: the line holds
     * the attribute and the value's first word alone, and more was read; else 0.
     */
    private static int runOn(DrlSource source, int ruleLine, String written) {
        String[] words = written.split(" ", 3);
        if (words.length < 3) {
            return 0;
        }
        String own = words[0] + " " + words[1];
        int at = writtenAt(source, ruleLine, own);
        return at > 0 && DrlCode.lines(source.content())[at - 1].strip().equals(own) ? at : 0;
    }

    /** Returns the one line of the rule at a line that holds the text, or 0. */
    private static int writtenAt(DrlSource source, int ruleLine, String text) {
        int at = DrlLines.lineOfText(source.content(), ruleLine, text);
        String[] lines = DrlCode.lines(source.content());
        return at > 0 && at <= lines.length && lines[at - 1].contains(text) ? at : 0;
    }

    /** Tells whether a line and column lie past the text's last character. */
    private static boolean atEnd(String drl, int line, int column) {
        String[] lines = DrlCode.lines(drl.stripTrailing());
        return line > lines.length || line == lines.length && column > lines[line - 1].length();
    }

    /**
     * Returns the line of the first code after the last rule's {@code end}, when that code starts
     * no declaration (a stray word, not a rule whose {@code end} is missing); else 0.
     */
    static int strayLine(String drl) {
        String[] lines = DrlCode.lines(drl);
        int lastEnd = -1;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].strip().equals("end")) {
                lastEnd = i;
            }
        }
        for (int i = lastEnd + 1; lastEnd >= 0 && i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                return DECLARATION_START.matcher(lines[i]).lookingAt() ? 0 : i + 1;
            }
        }
        return 0;
    }

    private static String ruleOf(DescrBuildError error) {
        if (error instanceof RuleBuildError ruleError && ruleError.getRule() != null) {
            return ruleError.getRule().getName();
        }
        BaseDescr parent = error.getParentDescr();
        if (parent instanceof RuleDescr ruleDescr) {
            return ruleDescr.getName();
        }
        if (error.getDescr() instanceof RuleDescr ruleDescr) {
            return ruleDescr.getName();
        }
        return "";
    }

    private static String firstGroup(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        if (matcher.find()) {
            return matcher.group(1);
        }
        Matcher other = RULE_IN_TEXT.matcher(text);
        return other.find() ? other.group(1) : "";
    }
}
