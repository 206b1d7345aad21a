package dev.loyalty.rules.internal;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.TypeFieldDescr;
import org.drools.io.ByteArrayResource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;

/**
 * Tells whether one field default of a declared type fails on its own, by compiling a throwaway
 * declared type that holds just that field, in the same package and with the same imports, with a
 * knowledge builder of its own (nothing is registered anywhere). Used only once a build has
 * failed, when the JVM refused a declared type whose several fields have defaults and does not
 * say which one. Not public API.
 */
final class DefaultProbe {

    /** How Drools reports a declared type whose generated class the JVM refused. */
    private static final Pattern FIELD_ACCESSORS = Pattern.compile("^Error creating field accessors for TypeDeclaration ");

    private DefaultProbe() {
    }

    /**
     * Tells whether the field's default, alone in a declared type of the package, makes a class the
     * JVM refuses. A probe that fails for any other reason (a type or function it needs is declared
     * elsewhere in the rules, say) does not count: it cannot tell.
     *
     * @param descr the parsed package that declares the type
     * @param typeName the declared type's name as written
     * @param field the field, with its default
     * @param classLoader the class loader the rules' types are resolved with
     * @return true when the default fails on its own
     */
    static boolean failsAlone(PackageDescr descr, String typeName, TypeFieldDescr field, ClassLoader classLoader) {
        String drl = drl(descr, typeName, field);
        try {
            KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(
                    KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(classLoader));
            builder.add(new ByteArrayResource(drl.getBytes(StandardCharsets.UTF_8), "UTF-8"), ResourceType.DRL);
            if (builder.hasErrors()) {
                for (KnowledgeBuilderError error : builder.getErrors()) {
                    if (FIELD_ACCESSORS.matcher(DroolsMessages.plain(String.valueOf(error.getMessage()))).find()) {
                        return true;
                    }
                }
                return false;
            }
            builder.newKieBase();
            return false;
        } catch (LinkageError e) {
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The throwaway DRL: the package, its imports and the type with just the field. */
    static String drl(PackageDescr descr, String typeName, TypeFieldDescr field) {
        StringBuilder drl = new StringBuilder();
        if (descr.getNamespace() != null && !descr.getNamespace().isBlank()) {
            drl.append("package ").append(descr.getNamespace()).append(";\n");
        }
        for (ImportDescr imported : descr.getImports()) {
            drl.append("import ").append(imported.getTarget()).append(";\n");
        }
        for (ImportDescr imported : descr.getFunctionImports()) {
            drl.append("import function ").append(imported.getTarget()).append(";\n");
        }
        return drl.append("declare ").append(typeName).append('\n')
                .append("    ").append(field.getFieldName()).append(" : ").append(field.getPattern().getObjectType())
                .append(" = ").append(field.getInitExpr().strip()).append('\n')
                .append("end\n").toString();
    }
}
