package dev.loyalty.rules.internal;

import dev.loyalty.core.RuleProblem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.drools.drl.ast.descr.EnumDeclarationDescr;
import org.drools.drl.ast.descr.EnumLiteralDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.QualifiedName;
import org.drools.drl.ast.descr.TypeDeclarationDescr;
import org.drools.drl.ast.descr.TypeFieldDescr;

/**
 * Checks what the files of one package declare for all of them, which Drools merges without a
 * word or reports in the compiler's words: a function declared twice (Drools names the class it
 * generates, at a line before the function), a global declared with two types (one type then
 * holds for every file, and a rule elsewhere fails to compile in words that do not name the
 * declaration), and a type or enum declared twice with other fields or values (one declaration
 * silently stands for both). Each is reported at the later declaration, naming the first; a type
 * or global declared the same way in several files is accepted. Not public API.
 */
final class PackageChecks {

    private final List<RuleProblem> problems = new ArrayList<>();
    /** What Drools reports of the same mistakes, in its own words, and is dropped for these checks' words. */
    private final List<Predicate<RuleProblem>> followOns = new ArrayList<>();

    /** A first declaration: its file and line, and what it declares, as written. */
    private record First(String resource, int line, String declares) {
        String at() {
            return resource + ":" + line;
        }
    }

    private PackageChecks() {
    }

    /**
     * Checks the parsed sources; a source that does not parse (a null description) is skipped, as
     * the compiler reports it.
     *
     * @param parsed each source with its package's description, in source order
     * @return the checks, with their problems
     */
    static PackageChecks of(Map<DrlSource, PackageDescr> parsed) {
        PackageChecks checks = new PackageChecks();
        Map<String, First> functions = new HashMap<>();
        Map<String, First> globals = new HashMap<>();
        Map<String, First> types = new HashMap<>();
        parsed.forEach((source, descr) -> {
            if (descr == null) {
                return;
            }
            String in = descr.getNamespace() + ".";
            for (FunctionDescr function : descr.getFunctions()) {
                checks.function(source.name(), function, functions.putIfAbsent(in + function.getName(),
                        new First(source.name(), function.getLine(), function.getName())));
            }
            for (GlobalDescr global : descr.getGlobals()) {
                First first = globals.putIfAbsent(in + global.getIdentifier(), new First(source.name(), global.getLine(), global.getType()));
                if (first != null && !sameType(first.declares(), global.getType())) {
                    checks.problems.add(new RuleProblem(source.name(), global.getLine(), 0, "", "global " + global.getIdentifier()
                            + " is declared here as " + global.getType() + ", but as " + first.declares() + " at " + first.at()
                            + "; a package's global has one type for all its files, so declare it the same way in each"));
                }
            }
            for (TypeDeclarationDescr type : descr.getTypeDeclarations()) {
                checks.type(source.name(), in, "type", type.getTypeName(), type.getLine(), fields(type), types);
            }
            for (EnumDeclarationDescr type : descr.getEnumDeclarations()) {
                checks.type(source.name(), in, "enum", type.getTypeName(), type.getLine(), values(type), types);
            }
        });
        return checks;
    }

    /** The problems found, each at a later declaration. */
    List<RuleProblem> problems() {
        return problems;
    }

    /**
     * Tells whether a problem the compiler reported says again, in its own words, what these
     * checks reported: then it is dropped for theirs.
     *
     * @param problem a problem of the compiler
     * @return true when one of these checks' problems covers it
     */
    boolean repeats(RuleProblem problem) {
        return followOns.stream().anyMatch(followOn -> followOn.test(problem));
    }

    private void function(String resource, FunctionDescr function, First first) {
        if (first == null) {
            return;
        }
        String name = function.getName();
        problems.add(new RuleProblem(resource, function.getLine(), 0, "", "function " + name + " is declared again; it is first declared at "
                + first.at() + ", and a package's functions serve all its files, so give each function a name of its own"));
        // the compiler names the class it makes of the function, "F" for f, at a line before the function
        followOns.add(p -> p.resource().equals(resource) && p.message().startsWith("function " + name + " does not compile: ")
                && p.message().endsWith(" is already defined"));
    }

    private void type(String resource, String in, String kind, String name, int line, String declares, Map<String, First> types) {
        First first = types.putIfAbsent(in + name, new First(resource, line, declares));
        if (first == null || first.declares().equals(declares)) {
            return;
        }
        problems.add(new RuleProblem(resource, line, 0, "", kind + " " + name + " is declared here as " + declares + ", but as "
                + first.declares() + " at " + first.at() + "; a package has one type of a name for all its files, so declare it once, "
                + "or the same way in each file"));
        // in one file, the compiler refuses the two as a type it cannot reconcile, at the first
        followOns.add(p -> p.message().startsWith("Found duplicate declaration for type " + in + name + ","));
    }

    /** A type's supertypes and fields as written, such as {@code (x : int, y : String)}. */
    private static String fields(TypeDeclarationDescr type) {
        String supertypes = type.getSuperTypes().stream().map(QualifiedName::getName).map(PackageChecks::simpleName)
                .collect(Collectors.joining(", "));
        String fields = type.getFields().values().stream()
                .map(field -> field.getFieldName() + " : " + simpleName(typeOf(field)))
                .collect(Collectors.joining(", ", "(", ")"));
        return supertypes.isEmpty() ? fields : "extends " + supertypes + " " + fields;
    }

    private static String typeOf(TypeFieldDescr field) {
        return field.getPattern() == null ? "" : Objects.toString(field.getPattern().getObjectType(), "");
    }

    /** An enum's values as written, such as {@code (RED, GREEN)}. */
    private static String values(EnumDeclarationDescr type) {
        return type.getLiterals().stream().map(EnumLiteralDescr::getName).collect(Collectors.joining(", ", "(", ")"));
    }

    /**
     * Tells whether two types as written may be one type: the same simple name, and the same
     * package where both name theirs ({@code Earn} and {@code dev.loyalty.rules.vocabulary.Earn}
     * may be one through an import).
     */
    private static boolean sameType(String one, String other) {
        if (one.equals(other)) {
            return true;
        }
        boolean bothQualified = one.indexOf('.') >= 0 && other.indexOf('.') >= 0;
        return !bothQualified && simpleName(one).equals(simpleName(other));
    }

    private static String simpleName(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }
}
