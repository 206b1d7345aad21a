package dev.loyalty.rules.internal;

import dev.loyalty.core.RuleProblem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tidies the problems made of a failed build's errors into the list that is reported: a problem
 * that only repeats another (the follow-ons of an import that names a package, of a function that
 * does not compile, of a syntax error or of a duplicate rule name) is dropped, an unknown import is
 * put at its line, a duplicate rule name says where the rule is first declared, and the rest is
 * sorted by file, line and column, each problem once. Used by {@link DrlCompiler}. Not public API.
 */
final class ProblemList {

    private static final Pattern DUPLICATE_CLASS = Pattern.compile("The type Rule_[\\w$]+ is already defined");
    private static final String NULL_PACKAGE = "Parser returned a null Package";
    private static final Pattern UNKNOWN_IMPORT = Pattern.compile("^Error importing : '([\\w.$]+)'");

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
        // an import that resolves to no type comes at line 1, and every consequence of its file then repeats it
        Map<String, List<String>> repeatedByResource = new HashMap<>();
        for (int i = 0; i < problems.size(); i++) {
            RuleProblem p = problems.get(i);
            Matcher unknown = UNKNOWN_IMPORT.matcher(p.message());
            if (unknown.find()) {
                DrlSource source = byName.get(p.resource());
                int line = source == null ? 0 : DrlLines.lineOfImport(source.content(), unknown.group(1));
                problems.set(i, new RuleProblem(p.resource(), line > 0 ? line : p.line(), 0, p.rule(), p.message()));
                repeatedByResource.computeIfAbsent(p.resource(), r -> new ArrayList<>())
                        .add("Only a type can be imported. " + unknown.group(1) + " resolves to a package");
            }
        }
        problems.removeIf(p -> repeatedByResource.getOrDefault(p.resource(), List.of()).stream().anyMatch(p.message()::contains));
        // a function that does not compile also fails its generated import and so every rule of its package: its own report says it all
        for (String function : brokenFunctions) {
            Pattern generatedImport = Pattern.compile("^Error importing : '([\\w.$]+)\\." + Pattern.quote(function) + "'$");
            List<String> classes = problems.stream().map(p -> generatedImport.matcher(p.message())).filter(Matcher::find)
                    .map(m -> m.group(1)).toList();
            problems.removeIf(p -> generatedImport.matcher(p.message()).find());
            for (String functionClass : classes) {
                Pattern followOn = Pattern.compile("The import " + Pattern.quote(functionClass) + " cannot be resolved|The method "
                        + Pattern.quote(function) + "\\([^)]*\\) is undefined for the type Rule_[\\w$]+");
                problems.replaceAll(p -> followOn.matcher(p.message()).find()
                        ? new RuleProblem(p.resource(), p.line(), p.column(), p.rule(), DroolsMessages.plain(followOn.matcher(p.message()).replaceAll("")))
                        : p);
            }
            problems.removeIf(p -> p.message().equals(DroolsMessages.CONSEQUENCE_PROBLEM.strip()));
        }
        // "null Package" only repeats that the file had a syntax error
        problems.removeIf(p -> p.message().equals(NULL_PACKAGE)
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

    /** Adds to a duplicate-name problem the first place, in source order, that declares the rule, when it is elsewhere. */
    private static RuleProblem withFirstDeclaration(RuleProblem problem, List<DrlSource> sources) {
        if (problem.rule().isEmpty()) {
            return problem;
        }
        for (DrlSource source : sources) {
            String[] lines = DrlCode.lines(source.content());
            for (int i = 0; i < lines.length; i++) {
                if (problem.rule().equals(DrlLines.declaredRule(lines[i]))) {
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
