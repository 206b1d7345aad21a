package dev.loyalty.rules.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.compiler.compiler.RuleBuildError;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.io.ByteArrayResource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.jci.CompilationProblem;

/**
 * Finds lines in a DRL text: splits it into lines, tells which rule a line declares or lies in,
 * and finds the one line of a rule that holds a text, a word, a symbol a message names, a
 * consequence's Java problem, an import or a metadata key given twice, where Drools reports only
 * the rule's first line or no line at all. Not public API.
 */
final class DrlLines {

    private static final Pattern RULE_DECLARATION = Pattern.compile("^\\s*rule\\s+(?:\"((?:[^\"\\\\]|\\\\.)*)\"|'([^']*)'|(\\S+))");
    private static final Pattern UNDEFINED_METHOD = Pattern.compile("The method (\\w+)\\(");
    private static final Pattern UNRESOLVED_NAME = Pattern.compile("(\\$?\\w+) cannot be resolved");
    private static final Pattern THEN = Pattern.compile("(^|\\s)then(\\s|$)");
    private static final Pattern WHEN = Pattern.compile("^\\s*when(\\s|$)");

    private DrlLines() {
    }

    /** A line break in DRL: CRLF, CR or LF. */
    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");

    /** Splits a text into its lines, whatever its line breaks; a trailing break leaves an empty last line. */
    static String[] lines(String text) {
        return LINE_BREAK.split(text, -1);
    }

    /** Returns the name of the last rule declared at or before the line, if the line is inside that rule. */
    static String ruleAtLine(String drl, int line) {
        String[] lines = DrlCode.lines(drl);
        for (int i = Math.min(line, lines.length) - 1; i >= 0; i--) {
            String declared = declaredRule(lines[i]);
            if (declared != null) {
                return declared;
            }
            if (i < line - 1 && lines[i].strip().equals("end")) {
                return "";
            }
        }
        return "";
    }

    /** Returns the name of the rule the line declares, as Drools reads it, or null when it declares none. */
    static String declaredRule(String line) {
        Matcher matcher = RULE_DECLARATION.matcher(line);
        if (matcher.find()) {
            if (matcher.group(1) != null) {
                // Drools names the rule without the Java escapes of its double-quoted name: "the \"best\" deal" is the "best" deal,
                // "caf\u00e9" is café
                return org.drools.util.StringUtils.unescapeJava(matcher.group(1));
            }
            for (int g = 2; g <= 3; g++) {
                if (matcher.group(g) != null) {
                    return matcher.group(g);
                }
            }
        }
        return null;
    }

    /**
     * Returns the line of the second {@code @key} of the first rule that
     * gives the key twice before its {@code when}, or 0.
     */
    static int secondAnnotation(String drl, String key) {
        Pattern annotation = Pattern.compile("@" + Pattern.quote(key) + "(?![\\w$])");
        String[] lines = lines(drl);
        int seen = 0;
        boolean header = false;
        for (int i = 0; i < lines.length; i++) {
            if (declaredRule(lines[i]) != null) {
                header = true;
                seen = 0;
            } else if (WHEN.matcher(lines[i]).find()) {
                header = false;
            }
            if (header) {
                Matcher matcher = annotation.matcher(lines[i]);
                while (matcher.find()) {
                    if (++seen == 2) {
                        return i + 1;
                    }
                }
            }
        }
        return 0;
    }

    /**
     * Returns the line of the second time the rule declared at a line gives an attribute (such as
     * {@code salience}) before its {@code when}, or 0.
     */
    static int secondAttribute(String drl, int ruleLine, String name) {
        Pattern attribute = Pattern.compile("(?<![\\w$@-])" + Pattern.quote(name) + "(?![\\w$-])");
        String[] lines = lines(drl);
        int seen = 0;
        for (int i = Math.max(ruleLine, 1) - 1; i < lines.length && !WHEN.matcher(lines[i]).find(); i++) {
            Matcher matcher = attribute.matcher(DrlCode.withoutStrings(lines[i]));
            while (matcher.find()) {
                if (++seen == 2) {
                    return i + 1;
                }
            }
        }
        return 0;
    }

    /** Returns the line of the import of the type, or 0. */
    static int lineOfImport(String drl, String type) {
        // a static method is imported as "import function a.b.C.method"
        Pattern declaration = Pattern.compile("^\\s*import\\s+(?:function\\s+)?" + Pattern.quote(type) + "\\s*;?\\s*(//.*)?$");
        String[] lines = lines(drl);
        for (int i = 0; i < lines.length; i++) {
            if (declaration.matcher(lines[i]).matches()) {
                return i + 1;
            }
        }
        return 0;
    }

    /**
     * For a consequence that does not compile, Drools reports the rule's first line; this finds the
     * line inside the rule that uses the symbol the message names, if there is exactly one.
     */
    static int lineOfSymbol(String drl, int ruleLine, String message) {
        Matcher method = UNDEFINED_METHOD.matcher(message);
        Matcher variable = UNRESOLVED_NAME.matcher(message);
        Matcher mvelAction = DroolsMessages.MVEL_UNKNOWN_ACTION.matcher(DroolsMessages.plain(message));
        Pattern use;
        if (method.find()) {
            use = Pattern.compile("\\b" + Pattern.quote(method.group(1)) + "\\s*\\(");
        } else if (mvelAction.find()) {
            use = Pattern.compile("\\b" + Pattern.quote(mvelAction.group(2)) + "\\s*\\(");
        } else if (variable.find()) {
            use = Pattern.compile("(?<![\\w$])" + Pattern.quote(variable.group(1)) + "(?![\\w$])");
        } else {
            return ruleLine;
        }
        return onlyLineInRule(drl, ruleLine, line -> use.matcher(line).find());
    }

    /**
     * Returns the DRL line of the first Java compilation problem of a consequence, or 0 when it
     * cannot be told. Drools reports the rule's first line and, in the compilation problem, the
     * line of the class it generated; the consequence's first line of code sits at a fixed line
     * of that class ({@link FirstConsequenceLine}), so the distance from it is the distance
     * from the consequence's first line of code in the DRL.
     */
    static int lineOfJavaProblem(String drl, RuleBuildError error) {
        if (FirstConsequenceLine.VALUE <= 0 || !(error.getDescr() instanceof RuleDescr rule) || rule.getConsequenceLine() <= 0
                || !(error.getObject() instanceof CompilationProblem[] problems) || problems.length == 0) {
            return 0;
        }
        int javaLine = Arrays.stream(problems).mapToInt(CompilationProblem::getStartLine).min().getAsInt();
        int first = firstLineOfCode(drl, rule.getConsequenceLine());
        int end = rule.getEndLine() > 0 ? rule.getEndLine() : Integer.MAX_VALUE;
        // the rule's evals stand before its consequence in the generated class
        int line = first + javaLine - FirstConsequenceLine.VALUE - EvalLines.consequenceShift(rule);
        return first > 0 && line >= first && line <= end ? line : 0;
    }

    /** Returns the line of the first character of code after the {@code then} on or after the given line, or 0. */
    static int firstLineOfCode(String drl, int thenLine) {
        String[] lines = lines(drl);
        for (int i = thenLine - 1; i >= 0 && i < lines.length; i++) {
            Matcher matcher = THEN.matcher(lines[i]);
            if (matcher.find()) {
                if (!lines[i].substring(matcher.end()).isBlank()) {
                    return i + 1;
                }
                for (int j = i + 1; j < lines.length; j++) {
                    if (!lines[j].isBlank()) {
                        return j + 1;
                    }
                }
                return 0;
            }
        }
        return 0;
    }

    /** The line of Drools' generated class that holds a consequence's first line of code, measured once; 0 when it cannot be. */
    private static final class FirstConsequenceLine {
        static final int VALUE = measure();

        private static int measure() {
            try {
                KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
                builder.add(new ByteArrayResource("package probe;\nrule \"probe\"\nwhen\nthen\n    int x = \"\";\nend\n"
                        .getBytes(StandardCharsets.UTF_8), "UTF-8"), ResourceType.DRL);
                for (KnowledgeBuilderError error : builder.getErrors()) {
                    if (error instanceof RuleBuildError ruleError && ruleError.getObject() instanceof CompilationProblem[] problems
                            && problems.length == 1) {
                        return problems[0].getStartLine();
                    }
                }
            } catch (RuntimeException e) {
                // fall back to the rule's line
            }
            return 0;
        }
    }

    /**
     * Returns the line, from the rule's first line to its {@code end}, that holds the text, if
     * exactly one does; else the rule's first line.
     */
    static int lineOfText(String drl, int ruleLine, String text) {
        if (text == null || text.isBlank() || text.contains("\n")) {
            return ruleLine;
        }
        String wanted = text.strip();
        return onlyLineInRule(drl, ruleLine, line -> line.contains(wanted));
    }

    /**
     * Returns the line, from the rule's first line to its {@code end}, that holds the word (not as
     * part of a longer word, such as {@code eval} in {@code evaluate}), if exactly one does; else
     * the rule's first line.
     */
    static int lineOfWord(String drl, int ruleLine, String word) {
        Pattern use = Pattern.compile("(?<![\\w$-])" + Pattern.quote(word) + "(?![\\w$-])");
        return onlyLineInRule(drl, ruleLine, line -> use.matcher(DrlCode.withoutStrings(line)).find());
    }

    /**
     * Returns the one line, from the rule's first line to its {@code end} (or the next rule), that
     * matches; the rule's first line when none or several do.
     */
    private static int onlyLineInRule(String drl, int ruleLine, Predicate<String> matches) {
        String[] lines = DrlCode.lines(drl);
        int found = 0;
        for (int i = ruleLine - 1; i < lines.length; i++) {
            if (i > ruleLine - 1 && RULE_DECLARATION.matcher(lines[i]).find()) {
                break;
            }
            if (matches.test(lines[i])) {
                if (found > 0) {
                    return ruleLine;
                }
                found = i + 1;
            }
            if (lines[i].strip().equals("end")) {
                break;
            }
        }
        return found > 0 ? found : ruleLine;
    }
}
