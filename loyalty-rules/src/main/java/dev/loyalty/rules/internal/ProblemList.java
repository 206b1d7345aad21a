package dev.loyalty.rules.internal;

import dev.loyalty.core.RuleProblem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tidies the problems made of a failed build's errors into the list that is reported: a problem
 * that only repeats another (the follow-ons, in every file of the package, of an import that names
 * no class, of a global whose type the rules cannot see, of a function that does not compile; of
 * a syntax error; of a duplicate rule name) is dropped, an unknown import or global type and a
 * rule name without its closing quote are said in plain words at their line, a duplicate rule
 * name says where the rule is first declared, and the rest is sorted by file, line and column,
 * each problem once. Used by {@link DrlCompiler}. Not public API.
 */
final class ProblemList {

    private static final Pattern DUPLICATE_CLASS = Pattern.compile("The type Rule_[\\w$]+ is already defined");
    private static final String NULL_PACKAGE = "Parser returned a null Package";
    private static final Pattern UNKNOWN_IMPORT = Pattern.compile("^Error importing : '([\\w.$]+)'");
    /** An import of a static method, which DRL writes {@code import function a.b.C.method}. */
    private static final Pattern IMPORTED_FUNCTION = Pattern.compile("\\s*import\\s+function\\s");
    private static final Pattern UNKNOWN_CLASS = Pattern.compile("^Unable to find class '([\\w.$]+)'$");
    /** The start of a rule's declaration, up to its name's opening quote. */
    private static final Pattern RULE_START = Pattern.compile("\\s*rule\\s+\"");
    /** A query's declaration: its name, quoted or not. */
    private static final Pattern QUERY_START = Pattern.compile("^\\s*query\\s+(?:\"([^\"]*)\"|([\\w$]+))");
    /** A global's declaration: its type and name. */
    private static final Pattern GLOBAL = Pattern.compile("^\\s*global\\s+([\\w.$]+)\\s+([\\w$]+)");

    private ProblemList() {
    }

    /**
     * Returns the problems to report, in order, each once; {@code problems} is changed in place.
     *
     * @param problems the problems made of the build's errors, in Drools' order
     * @param byName the sources by name
     * @param sources the sources, in order
     * @param brokenFunctions the names of the functions that do not compile
     * @return the problems to report
     */
    static List<RuleProblem> tidy(List<RuleProblem> problems, Map<String, DrlSource> byName, List<DrlSource> sources,
            List<String> brokenFunctions) {
        // a function that does not compile also fails its generated import and so every rule of its package: its own report says it all
        for (String function : brokenFunctions) {
            Pattern generatedImport = Pattern.compile("^Error importing : '([\\w.$]+)\\." + Pattern.quote(function) + "'$");
            List<String> classes = problems.stream().map(p -> generatedImport.matcher(p.message())).filter(Matcher::find)
                    .map(m -> m.group(1)).toList();
            problems.removeIf(p -> generatedImport.matcher(p.message()).find());
            for (String functionClass : classes) {
                withoutFollowOn(problems, Pattern.compile("The import " + Pattern.quote(functionClass) + " cannot be resolved|The method "
                        + Pattern.quote(function) + "\\([^)]*\\) is undefined for this rule"));
            }
        }
        // an import that resolves to no type comes at line 1, and every consequence of its package, in every file, then repeats it
        List<String> unknownImports = new ArrayList<>();
        for (int i = 0; i < problems.size(); i++) {
            RuleProblem p = problems.get(i);
            Matcher unknown = UNKNOWN_IMPORT.matcher(p.message());
            if (unknown.find()) {
                String imported = unknown.group(1);
                DrlSource source = byName.get(p.resource());
                int line = source == null ? 0 : DrlLines.lineOfImport(source.content(), imported);
                boolean function = line > 0 && IMPORTED_FUNCTION.matcher(DrlCode.lines(source.content())[line - 1]).lookingAt();
                int dot = imported.lastIndexOf('.');
                problems.set(i, new RuleProblem(p.resource(), line > 0 ? line : p.line(), 0, p.rule(), function
                        ? "cannot import function '" + imported + "': the rules see no class " + imported.substring(0, Math.max(dot, 0))
                                + " with a public static method " + imported.substring(dot + 1)
                        : "cannot import '" + imported + "': the rules see no class of that name (a package's types are imported as "
                                + imported + ".*)"));
                unknownImports.add(imported);
            }
        }
        for (String imported : unknownImports) {
            Pattern followOn = Pattern.compile("Only a type can be imported\\. " + Pattern.quote(imported) + " resolves to a package"
                    + "|The import " + Pattern.quote(imported) + " cannot be resolved");
            withoutFollowOn(problems, followOn);
        }
        unknownGlobalTypes(problems, byName, sources);
        problems.replaceAll(p -> p.rule().indexOf('\n') >= 0 || p.rule().indexOf('\r') >= 0 ? unclosedName(p, byName) : p);
        // a salience or enabled naming nothing the rule binds is also reported as a field of Object
        List<RuleProblem> all = List.copyOf(problems);
        problems.removeIf(p -> repeatsUnreadableAttribute(p, all));
        // "null Package" and the parser's own failure without a place only repeat that the file had a syntax error
        problems.removeIf(p -> (p.message().equals(NULL_PACKAGE) || p.message().equals(BuildErrors.PARSER_GAVE_UP))
                && problems.stream().anyMatch(o -> o != p && o.resource().equals(p.resource())));
        // a duplicate rule name also makes its generated class clash; the first report says it all
        problems.removeIf(p -> DUPLICATE_CLASS.matcher(p.message()).find()
                && problems.stream().anyMatch(o -> o.rule().equals(p.rule()) && o.message().startsWith("Duplicate rule name")));
        // Drools names only the second declaration; say where the first one is, often in another file
        problems.replaceAll(p -> p.message().startsWith("Duplicate rule name") ? withFirstDeclaration(p, sources) : p);
        problems.sort(Comparator.comparing(RuleProblem::resource).thenComparingInt(RuleProblem::line)
                .thenComparingInt(RuleProblem::column));
        return dedupe(problems);
    }

    /**
     * Says a global whose type the rules cannot see as such, and drops what it breaks: Drools then
     * leaves globals unset, so consequences of other files too say that {@code earn} or
     * {@code offers} cannot be resolved.
     */
    private static void unknownGlobalTypes(List<RuleProblem> problems, Map<String, DrlSource> byName, List<DrlSource> sources) {
        boolean unknown = false;
        for (int i = 0; i < problems.size(); i++) {
            RuleProblem p = problems.get(i);
            Matcher type = UNKNOWN_CLASS.matcher(p.message());
            DrlSource source = byName.get(p.resource());
            String[] lines = source == null ? new String[0] : DrlCode.lines(source.content());
            Matcher global = type.find() && p.line() > 0 && p.line() <= lines.length ? GLOBAL.matcher(lines[p.line() - 1]) : null;
            if (global != null && global.find() && global.group(1).equals(type.group(1))) {
                problems.set(i, new RuleProblem(p.resource(), p.line(), p.column(), p.rule(), "global " + global.group(2) + " has type '"
                        + type.group(1) + "', but the rules see no class of that name"));
                unknown = true;
            }
        }
        if (!unknown) {
            return;
        }
        List<String> globals = new ArrayList<>();
        for (DrlSource source : sources) {
            for (String line : DrlCode.lines(source.content())) {
                Matcher global = GLOBAL.matcher(line);
                if (global.find()) {
                    globals.add(Pattern.quote(global.group(2)));
                }
            }
        }
        withoutFollowOn(problems, Pattern.compile("(?<![\\w.$])(?:" + String.join("|", globals) + ") cannot be resolved(?! to a type)"));
    }

    /** Tells whether a problem only says, as a field of Object, that a salience or enabled of its rule names nothing it binds. */
    private static boolean repeatsUnreadableAttribute(RuleProblem problem, List<RuleProblem> problems) {
        for (RuleProblem other : problems) {
            int start = other.message().indexOf(' ');
            int end = other.message().indexOf(" " + BuildErrors.UNREADABLE);
            if (end > start && other.resource().equals(problem.resource()) && other.rule().equals(problem.rule())
                    && (other.message().startsWith("salience ") || other.message().startsWith("enabled "))) {
                String value = other.message().substring(start + 1, end);
                if (problem.message().equals("Object has no field '" + value + "' in constraint: " + value)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Says a rule name whose closing quote is missing as such, at the rule's line: the parser read
     * on to the next quote, lines later, and named the rule with all it read.
     */
    private static RuleProblem unclosedName(RuleProblem problem, Map<String, DrlSource> byName) {
        String firstLine = problem.rule().lines().findFirst().orElse("");
        DrlSource source = byName.get(problem.resource());
        String[] lines = source == null ? new String[0] : DrlCode.lines(source.content());
        for (int i = 0; i < lines.length; i++) {
            Matcher declared = RULE_START.matcher(lines[i]);
            if (declared.lookingAt() && lines[i].substring(declared.end()).stripTrailing().equals(firstLine.stripTrailing())) {
                return new RuleProblem(problem.resource(), i + 1, 0, firstLine.strip(), "the rule's name has no closing quote on its line, "
                        + "so the text up to the next quote, on line " + problem.line() + ", was read as the name; close the quote");
            }
        }
        return new RuleProblem(problem.resource(), problem.line(), problem.column(), firstLine.strip(), problem.message());
    }

    /**
     * Takes a follow-on's words out of every consequence problem that says them, in any file, and
     * drops the problems left with nothing else to say.
     */
    private static void withoutFollowOn(List<RuleProblem> problems, Pattern followOn) {
        problems.replaceAll(p -> followOn.matcher(p.message()).find()
                ? new RuleProblem(p.resource(), p.line(), p.column(), p.rule(), DroolsMessages.plain(followOn.matcher(p.message()).replaceAll("")))
                : p);
        problems.removeIf(p -> p.message().isEmpty() || p.message().equals(DroolsMessages.CONSEQUENCE_PROBLEM.strip()));
    }

    /** Adds to a duplicate-name problem the first place, in source order, that declares the rule, when it is elsewhere. */
    private static RuleProblem withFirstDeclaration(RuleProblem problem, List<DrlSource> sources) {
        // a query's problem names no rule: the message names it
        String name = problem.rule().isEmpty() ? problem.message().substring("Duplicate rule name".length()).replaceFirst("^:\\s*", "").strip()
                : problem.rule();
        if (name.isEmpty()) {
            return problem;
        }
        for (DrlSource source : sources) {
            String[] lines = DrlCode.lines(source.content());
            for (int i = 0; i < lines.length; i++) {
                if (name.equals(DrlLines.declaredRule(lines[i])) || name.equals(declaredQuery(lines[i]))) {
                    if (source.name().equals(problem.resource()) && i + 1 == problem.line()) {
                        return problem;
                    }
                    return new RuleProblem(problem.resource(), problem.line(), problem.column(), problem.rule(),
                            problem.message() + " (first declared at " + source.name() + ":" + (i + 1) + ")");
                }
            }
        }
        return problem;
    }

    /** Returns the name of the query the line declares, or null when it declares none. */
    private static String declaredQuery(String line) {
        Matcher query = QUERY_START.matcher(line);
        return query.find() ? (query.group(1) != null ? query.group(1) : query.group(2)) : null;
    }

    /** Returns the problems each once, in the order first met, as a new list the caller may change. */
    static List<RuleProblem> dedupe(List<RuleProblem> problems) {
        List<RuleProblem> unique = new ArrayList<>();
        for (RuleProblem problem : problems) {
            if (!unique.contains(problem)) {
                unique.add(problem);
            }
        }
        return unique;
    }
}
