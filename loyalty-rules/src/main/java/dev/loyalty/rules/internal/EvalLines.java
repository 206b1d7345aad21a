package dev.loyalty.rules.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.drools.compiler.compiler.RuleBuildError;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.io.ByteArrayResource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.jci.CompilationProblem;

/**
 * Tells a rule's {@code eval( ... )} conditions apart from its consequence in the Java problems
 * Drools reports for both alike ("Rule Compilation error", at the rule's first line): Drools
 * generates one class per rule, with a method per eval before the consequence's, so the line of
 * the Java problem tells which eval failed, or how far the consequence stands below where it
 * would without evals. The layout is measured once, on probe rules; when it cannot be, nothing is
 * told. Not public API.
 */
final class EvalLines {

    private EvalLines() {
    }

    /** Where the generated class puts the evals: the first one's line of code, and the lines each takes. */
    private record Layout(int firstEval, int stride) {
        static final Layout MEASURED = measure();

        boolean known() {
            return firstEval > 0 && stride > 0;
        }

        private static Layout measure() {
            try {
                int noEval = problemLine("when\nthen\n    int x = \"\";\n");
                int first = problemLine("when\n    eval( 1 )\nthen\n");
                int second = problemLine("when\n    eval( true )\n    eval( 1 )\nthen\n");
                int shifted = problemLine("when\n    eval( true )\nthen\n    int x = \"\";\n");
                int stride = second - first;
                // the consequence must stand one eval's lines lower for each eval before it, else the layout is not this one
                return noEval > 0 && first > 0 && stride > 0 && shifted - noEval == stride ? new Layout(first, stride) : new Layout(0, 0);
            } catch (RuntimeException e) {
                return new Layout(0, 0);
            }
        }

        /** The line of the generated class where the one Java problem of a probe rule with this body lies; 0 when there is not one. */
        private static int problemLine(String body) {
            KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
            builder.add(new ByteArrayResource(("package probe;\nrule \"probe\"\n" + body + "end\n").getBytes(StandardCharsets.UTF_8), "UTF-8"),
                    ResourceType.DRL);
            for (KnowledgeBuilderError error : builder.getErrors()) {
                if (error instanceof RuleBuildError ruleError && ruleError.getObject() instanceof CompilationProblem[] problems
                        && problems.length == 1) {
                    return problems[0].getStartLine();
                }
            }
            return 0;
        }
    }

    /**
     * Returns the eval a Java problem of a rule lies in, or null when it lies in the consequence or
     * cannot be told.
     *
     * @param error the error Drools reported for the rule
     * @return the eval, or null
     */
    static EvalDescr evalOf(RuleBuildError error) {
        Layout layout = Layout.MEASURED;
        if (!layout.known() || !(error.getDescr() instanceof RuleDescr rule)
                || !(error.getObject() instanceof CompilationProblem[] problems) || problems.length == 0) {
            return null;
        }
        List<EvalDescr> evals = evals(rule);
        int javaLine = Arrays.stream(problems).mapToInt(CompilationProblem::getStartLine).min().getAsInt();
        int index = Math.floorDiv(javaLine - layout.firstEval(), layout.stride());
        // a line before the first eval's is the class's own (an import): not an eval's
        return javaLine >= layout.firstEval() && index < evals.size() ? evals.get(index) : null;
    }

    /**
     * Returns how many lines a rule's evals put before its consequence in the generated class; 0
     * when the layout is not known.
     *
     * @param rule the rule
     * @return the lines
     */
    static int consequenceShift(RuleDescr rule) {
        Layout layout = Layout.MEASURED;
        return layout.known() ? layout.stride() * evals(rule).size() : 0;
    }

    /** The rule's evals in the order Drools generates their methods: as written, depth first. */
    private static List<EvalDescr> evals(RuleDescr rule) {
        return Conditions.of(rule).stream().filter(EvalDescr.class::isInstance).map(EvalDescr.class::cast).toList();
    }
}
