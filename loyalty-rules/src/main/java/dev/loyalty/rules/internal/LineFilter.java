package dev.loyalty.rules.internal;

import dev.loyalty.rules.vocabulary.PurchaseLine;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.drools.base.base.ClassObjectType;
import org.drools.base.rule.accessor.FieldValue;
import org.drools.base.rule.accessor.ReadAccessor;
import org.drools.base.util.index.ConstraintTypeOperator;
import org.drools.core.base.FieldNameSupplier;
import org.drools.core.reteoo.AlphaNode;
import org.drools.core.reteoo.ObjectSink;
import org.drools.core.reteoo.ObjectTypeNode;
import org.drools.mvel.MVELConstraint;

/**
 * Which purchase lines some rule could see, read off the rule base. Every pattern on
 * {@code PurchaseLine} starts in the rule base with the test its node for line facts applies
 * first. When each of those first tests compares a text field with a literal
 * ({@code category == "garden"}, {@code sku == "85123A"}), a line whose fields equal none of the
 * literals fails every pattern on lines: positive, negated, inside {@code exists} or
 * {@code accumulate}. No rule can see it, so it is not inserted, which spares the session most of
 * a purchase's facts (in the synthetic shop about six lines in seven match no campaign). Any
 * other first test (a comparison, a test against another fact, an {@code ||}), a pattern on lines
 * without a test, or a pattern on a type lines are an instance of keeps every line. Not public API.
 *
 * <p>The test is made on the purchase's own line, before any fact is made of it: the fact's text
 * fields, {@code sku} and {@code category}, are the line's, and reading them there costs less than
 * Drools' field reader did on the fact.
 */
final class LineFilter {

    /** Keeps every line: what a rule base whose line patterns this class cannot read needs. */
    static final LineFilter EVERY_LINE = new LineFilter(null);

    /** A field of lines that some pattern tests first, and the literals those patterns compare it with. */
    private record Test(Function<dev.loyalty.core.event.PurchaseLine, String> field, Set<String> literals) {
    }

    /** The fields tested; null for {@link #EVERY_LINE}. */
    private final Test[] tests;

    private LineFilter(Test[] tests) {
        this.tests = tests;
    }

    /**
     * Reads the filter off the rule base's type nodes.
     *
     * @param typeNodes the rule base's object type nodes
     * @return the filter, or {@link #EVERY_LINE}
     */
    static LineFilter of(List<ObjectTypeNode> typeNodes) {
        Map<String, Test> byField = new HashMap<>();
        for (ObjectTypeNode node : typeNodes) {
            if (!node.getObjectType().isAssignableFrom(PurchaseLine.class)) {
                continue;
            }
            if (!(node.getObjectType() instanceof ClassObjectType type) || type.getClassType() != PurchaseLine.class) {
                // a pattern on a type lines are an instance of (Object, say) sees every line
                return EVERY_LINE;
            }
            for (ObjectSink sink : node.getObjectSinkPropagator().getSinks()) {
                if (!(sink instanceof AlphaNode alpha) || !(alpha.getConstraint() instanceof MVELConstraint test)
                        || test.getConstraintType() != ConstraintTypeOperator.EQUAL || test.getRequiredDeclarations().length > 0) {
                    return EVERY_LINE;
                }
                FieldValue literal = test.getField();
                ReadAccessor field = test.getFieldExtractor();
                if (literal == null || literal.isNull() || !(literal.getValue() instanceof String text)
                        || !(field instanceof FieldNameSupplier named) || field.getExtractToClass() != String.class) {
                    return EVERY_LINE;
                }
                Function<dev.loyalty.core.event.PurchaseLine, String> reader = readerOf(named.getFieldName());
                if (reader == null) {
                    return EVERY_LINE;
                }
                byField.computeIfAbsent(named.getFieldName(), name -> new Test(reader, new HashSet<>())).literals().add(text);
            }
        }
        if (byField.isEmpty()) {
            // no rule reads lines: the fact types already leave them out
            return EVERY_LINE;
        }
        return new LineFilter(byField.values().stream().map(t -> new Test(t.field(), Set.copyOf(t.literals()))).toArray(Test[]::new));
    }

    /** Reads a text field of the line fact off the purchase's line; null for a field the fact does not take from it. */
    private static Function<dev.loyalty.core.event.PurchaseLine, String> readerOf(String field) {
        return switch (field) {
            case "sku" -> dev.loyalty.core.event.PurchaseLine::sku;
            case "category" -> dev.loyalty.core.event.PurchaseLine::category;
            default -> null;
        };
    }

    /**
     * Tells whether some rule could see the fact made of a purchase's line.
     *
     * @param line the purchase's line
     * @return false only when every pattern on lines would reject its fact
     */
    boolean admits(dev.loyalty.core.event.PurchaseLine line) {
        if (tests == null) {
            return true;
        }
        for (Test test : tests) {
            String value = test.field().apply(line);
            if (value != null && test.literals().contains(value)) {
                return true;
            }
        }
        return false;
    }

    /** Tells whether the filter keeps every line; for tests. */
    boolean keepsEveryLine() {
        return tests == null;
    }
}
