package dev.loyalty.rules.internal;

import dev.loyalty.core.RuleProblem;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.drools.drl.ast.descr.AbstractClassTypeDeclarationDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.TypeFieldDescr;

/**
 * Says which type declared in DRL ({@code declare}) a class that cannot be loaded belongs to,
 * and where it is declared. Drools generates a class for each declared type; a field default that
 * does not compile or fails when evaluated makes a constructor the JVM refuses to verify, and a
 * type that extends a final class cannot be defined at all. Not public API.
 */
final class DeclaredTypes {

    private DeclaredTypes() {
    }

    /**
     * Returns the problem of a declared type whose generated class the JVM refused to load,
     * naming the declaration's file and line when the JVM's message names one of the sources'
     * declared types; else a problem naming the only source, or none, without a line.
     *
     * @param error what the JVM threw when the class was defined, verified or loaded
     * @param sources the DRL sources compiled
     * @return the problem to report
     */
    static RuleProblem problem(LinkageError error, List<DrlSource> sources) {
        String said = DrlCompiler.plain(String.valueOf(error.getMessage()));
        for (DrlSource source : sources) {
            PackageDescr descr = CampaignChecks.parse(source);
            if (descr == null) {
                continue;
            }
            for (AbstractClassTypeDeclarationDescr declared : descr.getClassAndEnumDeclarationDescrs()) {
                String name = declared.getTypeName().contains(".") ? declared.getTypeName()
                        : descr.getNamespace() + "." + declared.getTypeName();
                if (names(said, name)) {
                    return new RuleProblem(source.name(), Math.max(declared.getLine(), 0), 0, "",
                            message(declared, said, inConstructor(error, said, name)));
                }
            }
        }
        return new RuleProblem(sources.size() == 1 ? sources.get(0).name() : "", 0, 0, "",
                "a type declared in the rules cannot be loaded: " + error);
    }

    /**
     * Returns what to say of the declared type whose generated class Drools could not make field
     * accessors for, with the JVM's reason as Drools gives it.
     *
     * @param source the source that declares the type
     * @param typeName the type's name as Drools gives it
     * @param reason the JVM's reason
     * @return the message, or null when the source does not declare the type
     */
    static String accessorProblem(DrlSource source, String typeName, String reason) {
        PackageDescr descr = CampaignChecks.parse(source);
        if (descr == null) {
            return null;
        }
        for (AbstractClassTypeDeclarationDescr declared : descr.getClassAndEnumDeclarationDescrs()) {
            if (declared.getTypeName().equals(typeName)) {
                String name = typeName.contains(".") ? typeName : descr.getNamespace() + "." + typeName;
                return message(declared, reason, reason.contains(name.replace('.', '/') + ".<init>("));
            }
        }
        return null;
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

    private static String message(AbstractClassTypeDeclarationDescr declared, String said, boolean constructor) {
        List<TypeFieldDescr> defaulted = declared.getFields().values().stream()
                .filter(f -> f.getInitExpr() != null && !f.getInitExpr().isBlank()).toList();
        String prefix = "declared type " + declared.getTypeName() + " cannot be loaded: ";
        if (constructor && defaulted.size() == 1) {
            TypeFieldDescr field = defaulted.get(0);
            return prefix + "the default value of its field " + field.getFieldName() + " (" + field.getInitExpr().strip()
                    + ") does not compile or fails when evaluated";
        }
        if (constructor && !defaulted.isEmpty()) {
            return prefix + "the default value of one of its fields ("
                    + defaulted.stream().map(f -> f.getFieldName() + " = " + f.getInitExpr().strip()).collect(Collectors.joining(", "))
                    + ") does not compile or fails when evaluated";
        }
        return prefix + said;
    }
}
