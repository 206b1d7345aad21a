package dev.loyalty.rules.internal;

import dev.loyalty.core.RuleProblem;
import dev.loyalty.rules.vocabulary.Earn;
import dev.loyalty.rules.vocabulary.Offers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Global;

/**
 * Checks the globals the engine sets, {@code earn} and {@code offers}: a package that declares
 * one with a type the engine's object is not (such as {@code global java.util.List earn;})
 * compiles, but every session would refuse the engine's object for it. Reported at the
 * declaration's line. Not public API.
 */
final class GlobalChecks {

    /** The globals the engine sets, and the type each must be declared as (or a supertype of it). */
    private static final Map<String, Class<?>> SET_BY_THE_ENGINE = Map.of("earn", Earn.class, "offers", Offers.class);

    private GlobalChecks() {
    }

    /**
     * Returns a problem for each {@code earn} or {@code offers} global declared with a type the
     * engine's object is not, at the line that declares it.
     *
     * @param kieBase the compiled rules
     * @param sources the sources, to find the declarations' lines
     * @return the problems; empty when every such global has its type
     */
    static List<RuleProblem> check(KieBase kieBase, List<DrlSource> sources) {
        List<RuleProblem> problems = new ArrayList<>();
        kieBase.getKiePackages().forEach(p -> {
            for (Global global : p.getGlobalVariables()) {
                Class<?> required = SET_BY_THE_ENGINE.get(global.getName());
                if (required != null && !holds(global.getType(), required)) {
                    problems.add(declaration(p.getName(), global, required, sources));
                }
            }
        });
        return problems;
    }

    /** Tells whether a global of the named type can hold the required one. */
    private static boolean holds(String type, Class<?> required) {
        try {
            return Class.forName(type, false, required.getClassLoader()).isAssignableFrom(required);
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Reports the global at the first source of its package that declares it; its package when none can be read. */
    private static RuleProblem declaration(String packageName, Global global, Class<?> required, List<DrlSource> sources) {
        String message = "global " + global.getName() + " is declared as " + global.getType() + ", but the engine sets it to "
                + "its own " + required.getName() + "; declare it as global " + required.getName() + " " + global.getName() + ";";
        for (DrlSource source : sources) {
            PackageDescr descr = CampaignChecks.parse(source);
            if (descr == null || !descr.getNamespace().equals(packageName)) {
                continue;
            }
            for (GlobalDescr declared : descr.getGlobals()) {
                if (declared.getIdentifier().equals(global.getName())) {
                    return new RuleProblem(source.name(), declared.getLine(), 0, "", message);
                }
            }
        }
        return new RuleProblem("", 0, 0, "", message + " (package " + packageName + ")");
    }
}
