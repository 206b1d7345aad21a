package dev.loyalty.rules.internal;

import dev.loyalty.core.RuleDefinitionException;
import dev.loyalty.core.RuleProblem;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.drools.compiler.compiler.FunctionError;
import org.drools.drl.parser.ParserError;
import org.drools.io.ByteArrayResource;
import org.kie.api.KieBase;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.CompositeKnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderConfiguration;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.conf.ParallelRulesBuildThresholdOption;

/**
 * Compiles DRL sources into one KieBase with the low-level knowledge builder, so that nothing is
 * registered in a KieRepository, and turns every build error into a {@link RuleProblem}:
 * {@link BuildErrors} makes each error a problem at its file, line and rule, {@link DeclaredTypes}
 * says which declared type the JVM refused, and {@link ProblemList} tidies the problems into the
 * list that is reported. Not public API.
 */
final class DrlCompiler {

    /** Said when a syntax error may hide others. */
    static final String SYNTAX_NOTE = "Note: one syntax error can hide later errors, because the parser skips the rest "
            + "of its file; fix it and build again to see them.";

    private static final Pattern SYNTAX_ERROR = Pattern.compile("^\\[ERR \\d+\\]|" + Pattern.quote("Parser returned a null Package"));

    private DrlCompiler() {
    }

    /**
     * Compiles the sources into one KieBase. Every rule is compiled on the calling thread (Drools'
     * parallel rule build is switched off for this builder alone), marked as
     * {@linkplain MvelNaNGuard#building() building} this engine's rules, so that a constant NaN an
     * MVEL consequence keeps in a whole-number local is refused as a problem at its line.
     *
     * @param sources the DRL sources; at least one, names unique
     * @param classLoader the class loader the rules' types are resolved with
     * @return the compiled KieBase
     * @throws RuleDefinitionException listing every error Drools reports
     */
    public static KieBase compile(List<DrlSource> sources, ClassLoader classLoader) {
        KnowledgeBuilderConfiguration configuration = KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(classLoader);
        // every rule on this thread, so that MvelNaNGuard.building() covers the MVEL compilation of each
        configuration.setOption(ParallelRulesBuildThresholdOption.get(-1));
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(configuration);
        CompositeKnowledgeBuilder batch = builder.batch();
        Map<String, DrlSource> byName = new HashMap<>();
        for (DrlSource source : sources) {
            byName.put(source.name(), source);
            Resource resource = new ByteArrayResource(source.content().getBytes(StandardCharsets.UTF_8), "UTF-8");
            resource.setSourcePath(source.name());
            resource.setResourceType(ResourceType.DRL);
            batch.add(resource, ResourceType.DRL);
        }
        int[] building = MvelNaNGuard.building();
        boolean nanRefused;
        try {
            batch.build();
        } catch (RuntimeException e) {
            // the builder reports most problems as errors, but some escape as exceptions
            RuleProblem supertype = DeclaredTypes.unknownSupertype(sources, classLoader);
            if (supertype != null) {
                throw new RuleDefinitionException(List.of(supertype), "");
            }
            throw new RuleDefinitionException(List.of(new RuleProblem(sources.size() == 1 ? sources.get(0).name() : "", 0, 0, "",
                    "the rule compiler failed: " + e)), "", e);
        } catch (LinkageError e) {
            // the JVM refused a class generated for a declared type: a field default that fails, a final supertype
            throw new RuleDefinitionException(DeclaredTypes.problems(e, sources, classLoader), "", e);
        } finally {
            nanRefused = MvelNaNGuard.refusedWhileBuilding(building) > 0;
            MvelNaNGuard.done(building);
        }
        if (builder.hasErrors()) {
            List<RuleProblem> problems = new ArrayList<>();
            boolean syntax = false;
            List<String> brokenFunctions = new ArrayList<>();
            for (KnowledgeBuilderError error : builder.getErrors()) {
                if (error instanceof FunctionError function) {
                    brokenFunctions.add(function.getFunctionDescr().getName());
                }
                RuleProblem problem = BuildErrors.problem(error, byName, nanRefused);
                List<RuleProblem> refused = DeclaredTypes.refusedType(error, byName, problem, classLoader);
                problems.addAll(refused != null ? refused : List.of(problem));
                syntax |= error instanceof ParserError && SYNTAX_ERROR.matcher(DroolsMessages.plain(String.valueOf(error.getMessage()))).find();
            }
            throw new RuleDefinitionException(ProblemList.tidy(problems, byName, sources, brokenFunctions), syntax ? SYNTAX_NOTE : "");
        }
        try {
            return builder.newKieBase();
        } catch (LinkageError e) {
            throw new RuleDefinitionException(DeclaredTypes.problems(e, sources, classLoader), "", e);
        }
    }
}
