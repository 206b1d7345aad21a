package dev.loyalty.rules.internal;

import dev.loyalty.core.RuleProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.drools.drl.ast.descr.AbstractClassTypeDeclarationDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.QualifiedName;
import org.drools.drl.ast.descr.TypeFieldDescr;
import org.kie.internal.builder.KnowledgeBuilderError;

/**
 * Says which type declared in DRL ({@code declare}) a class that cannot be loaded belongs to,
 * and where it is declared. Drools generates a class for each declared type; a field default that
 * does not compile or fails when evaluated makes a constructor the JVM refuses to verify, and a
 * type that extends a final class cannot be defined at all. A problem is reported at the line of
 * the field whose default fails when only one field has a default; when several have one, the JVM
 * does not say which fails, so each is tried alone ({@link DefaultProbe}) and each that fails is
 * reported at its line; when none fails alone, or the JVM refused something else, the problem is
 * reported at the declaration's line. Not public API.
 */
final class DeclaredTypes {

    /** How Drools reports a declared type whose generated class the JVM refused, with the JVM's reason. */
    private static final Pattern FIELD_ACCESSORS =
            Pattern.compile("^Error creating field accessors for TypeDeclaration '([\\w$.]+)' for type '[\\w$.]+ : (.*?) ?'?$");

    private DeclaredTypes() {
    }

    /**
     * What to say of a declared type that cannot be loaded, and the line to say it at.
     *
     * @param line the line of the field whose default fails, else of the declaration; 0 when unknown
     * @param message what to say
     */
    record Refused(int line, String message) {
    }

    /**
     * Returns the problems of a declared type whose generated class the JVM refused to load,
     * naming the file and the line of each field whose default fails, or of the declaration, when
     * the JVM's message names one of the sources' declared types; else one problem naming the only
     * source, or none, without a line.
     *
     * @param error what the JVM threw when the class was defined, verified or loaded
     * @param sources the DRL sources compiled
     * @param classLoader the class loader the rules' types are resolved with
     * @return the problems to report, at least one
     */
    static List<RuleProblem> problems(LinkageError error, List<DrlSource> sources, ClassLoader classLoader) {
        String said = DroolsMessages.plain(String.valueOf(error.getMessage()));
        for (DrlSource source : sources) {
            PackageDescr descr = CampaignChecks.parse(source);
            if (descr == null) {
                continue;
            }
            for (AbstractClassTypeDeclarationDescr declared : descr.getClassAndEnumDeclarationDescrs()) {
                String name = declared.getTypeName().contains(".") ? declared.getTypeName()
                        : descr.getNamespace() + "." + declared.getTypeName();
                if (names(said, name)) {
                    return refused(descr, declared, said, inConstructor(error, said, name), classLoader).stream()
                            .map(refused -> new RuleProblem(source.name(), refused.line(), 0, "", refused.message())).toList();
                }
            }
        }
        return List.of(new RuleProblem(sources.size() == 1 ? sources.get(0).name() : "", 0, 0, "",
                "a type declared in the rules cannot be loaded: " + error));
    }

    /**
     * Returns what to say of the declared type whose generated class Drools could not make field
     * accessors for, with the JVM's reason as Drools gives it, and the line of each field whose
     * default fails or of the declaration.
     *
     * @param source the source that declares the type
     * @param typeName the type's name as Drools gives it
     * @param reason the JVM's reason
     * @param classLoader the class loader the rules' types are resolved with
     * @return what to say and where, at least one, or null when the source does not declare the type
     */
    static List<Refused> accessorProblems(DrlSource source, String typeName, String reason, ClassLoader classLoader) {
        PackageDescr descr = CampaignChecks.parse(source);
        if (descr == null) {
            return null;
        }
        for (AbstractClassTypeDeclarationDescr declared : descr.getClassAndEnumDeclarationDescrs()) {
            if (declared.getTypeName().equals(typeName)) {
                String name = typeName.contains(".") ? typeName : descr.getNamespace() + "." + typeName;
                return refused(descr, declared, reason, reason.contains(name.replace('.', '/') + ".<init>("), classLoader);
            }
        }
        return null;
    }

    /**
     * Returns the problems of a declared type whose generated class the JVM refused, when Drools
     * reports it as field accessors it could not make, at the line of each field whose default
     * fails or of the declaration, else at the line of the problem made of the error; null when
     * the error is not that or its source does not declare the type.
     */
    static List<RuleProblem> refusedType(KnowledgeBuilderError error, Map<String, DrlSource> byName, RuleProblem problem,
            ClassLoader classLoader) {
        Matcher accessors = FIELD_ACCESSORS.matcher(DroolsMessages.plain(String.valueOf(error.getMessage())));
        DrlSource source = byName.get(problem.resource());
        List<DeclaredTypes.Refused> declared = source != null && accessors.find()
                ? DeclaredTypes.accessorProblems(source, accessors.group(1), accessors.group(2), classLoader) : null;
        return declared == null ? null : declared.stream().map(d -> new RuleProblem(problem.resource(),
                d.line() > 0 ? d.line() : problem.line(), 0, "", d.message())).toList();
    }

    /**
     * Returns the problem of the first type declared in the sources whose supertype, named
     * without its package, is neither declared in the sources nor a class found through its
     * package, its imports or {@code java.lang}; Drools then fails inside its builder with an
     * exception that says nothing of the declaration.
     *
     * @param sources the DRL sources compiled
     * @param classLoader the class loader the rules' types are resolved with
     * @return the problem, or null when every supertype is found
     */
    static RuleProblem unknownSupertype(List<DrlSource> sources, ClassLoader classLoader) {
        List<PackageDescr> packages = sources.stream().map(CampaignChecks::parse).toList();
        Set<String> declaredNames = packages.stream().filter(Objects::nonNull)
                .flatMap(p -> p.getClassAndEnumDeclarationDescrs().stream()).map(AbstractClassTypeDeclarationDescr::getTypeName)
                .collect(Collectors.toSet());
        for (int i = 0; i < sources.size(); i++) {
            PackageDescr descr = packages.get(i);
            if (descr == null) {
                continue;
            }
            for (AbstractClassTypeDeclarationDescr declared : descr.getClassAndEnumDeclarationDescrs()) {
                for (QualifiedName superType : declared.getSuperTypes()) {
                    String name = superType.getName();
                    if (!name.contains(".") && !declaredNames.contains(name) && !found(name, descr, classLoader)) {
                        return new RuleProblem(sources.get(i).name(), Math.max(declared.getLine(), 0), 0, "", "declared type "
                                + declared.getTypeName() + " extends " + name
                                + ", which is neither declared in the rules nor a class that can be found");
                    }
                }
            }
        }
        return null;
    }

    /** Tells whether a simple class name resolves in the package, through one of its imports or in {@code java.lang}. */
    private static boolean found(String simpleName, PackageDescr descr, ClassLoader classLoader) {
        List<String> candidates = new ArrayList<>(List.of(descr.getNamespace() + "." + simpleName, "java.lang." + simpleName));
        for (ImportDescr imported : descr.getImports()) {
            String target = imported.getTarget();
            if (target.endsWith(".*")) {
                candidates.add(target.substring(0, target.length() - 1) + simpleName);
            } else if (target.endsWith("." + simpleName)) {
                candidates.add(target);
            }
        }
        for (String candidate : candidates) {
            try {
                Class.forName(candidate, false, classLoader);
                return true;
            } catch (ClassNotFoundException | LinkageError e) {
                // not this one
            }
        }
        return false;
    }

    /** Tells whether the JVM's message names the class, in either of its spellings, as a whole name. */
    private static boolean names(String said, String className) {
        return Pattern.compile("(?<![\\w$./])(" + Pattern.quote(className) + "|" + Pattern.quote(className.replace('.', '/'))
                + ")(?![\\w$])").matcher(said).find();
    }

    /** Tells whether the JVM refused the class's constructor, where Drools puts the fields' defaults. */
    private static boolean inConstructor(LinkageError error, String said, String className) {
        return error instanceof VerifyError && said.contains(className.replace('.', '/') + ".<init>(");
    }

    /**
     * Says what is wrong with the declared type: when the JVM refused its constructor and one field
     * has a default, that default, at the field's line; when several have one, each that fails
     * when tried alone, at its line, as the JVM does not say which; when none fails alone, all of
     * them, at the declaration's line; else the JVM's message, at the declaration's line.
     */
    private static List<Refused> refused(PackageDescr descr, AbstractClassTypeDeclarationDescr declared, String said,
            boolean constructor, ClassLoader classLoader) {
        List<TypeFieldDescr> defaulted = declared.getFields().values().stream()
                .filter(f -> f.getInitExpr() != null && !f.getInitExpr().isBlank()).toList();
        String prefix = "declared type " + declared.getTypeName() + " cannot be loaded: ";
        int line = Math.max(declared.getLine(), 0);
        if (!constructor || defaulted.isEmpty()) {
            return List.of(new Refused(line, prefix + said));
        }
        List<TypeFieldDescr> failing = defaulted.size() == 1 ? defaulted
                : defaulted.stream().filter(f -> DefaultProbe.failsAlone(descr, declared.getTypeName(), f, classLoader)).toList();
        if (failing.isEmpty()) {
            return List.of(new Refused(line, prefix + "the default value of one of its fields ("
                    + defaulted.stream().map(f -> f.getFieldName() + " = " + f.getInitExpr().strip()).collect(Collectors.joining(", "))
                    + ") does not compile or fails when evaluated"));
        }
        return failing.stream().map(field -> new Refused(field.getLine() > 0 ? field.getLine() : line, prefix
                + "the default value of its field " + field.getFieldName() + " (" + field.getInitExpr().strip()
                + ") does not compile or fails when evaluated")).toList();
    }
}
