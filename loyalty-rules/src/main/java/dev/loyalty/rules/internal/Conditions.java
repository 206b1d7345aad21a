package dev.loyalty.rules.internal;

import java.util.ArrayList;
import java.util.List;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;

/**
 * A rule's conditions as the parser read them, in the order written, depth first: the patterns
 * and evals inside {@code not}, {@code exists}, {@code forall}, {@code or}, and the input of an
 * {@code accumulate} or {@code collect} after the pattern it feeds. Not public API.
 */
final class Conditions {

    private Conditions() {
    }

    /**
     * Returns every element of the rule's conditions.
     *
     * @param rule the rule as parsed
     * @return the elements, in the order written, each group before what it holds
     */
    static List<BaseDescr> of(RuleDescr rule) {
        List<BaseDescr> all = new ArrayList<>();
        add(rule.getLhs(), all);
        return all;
    }

    private static void add(BaseDescr descr, List<BaseDescr> all) {
        if (descr == null) {
            return;
        }
        all.add(descr);
        if (descr instanceof PatternDescr pattern) {
            if (pattern.getSource() instanceof AccumulateDescr accumulate) {
                add(accumulate.getInput(), all);
            } else if (pattern.getSource() instanceof CollectDescr collect) {
                add(collect.getInputPattern(), all);
            }
        } else if (descr instanceof ConditionalElementDescr group) {
            for (BaseDescr child : group.getDescrs()) {
                add(child, all);
            }
        }
    }
}
