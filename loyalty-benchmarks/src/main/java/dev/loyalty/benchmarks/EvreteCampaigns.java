package dev.loyalty.benchmarks;

import dev.loyalty.core.event.Enrolment;
import dev.loyalty.core.event.LoyaltyEvent;
import dev.loyalty.core.event.ProfileChange;
import dev.loyalty.core.spi.Decision;
import dev.loyalty.core.spi.Evaluation;
import dev.loyalty.core.spi.RuleContext;
import dev.loyalty.rules.vocabulary.Purchase;
import dev.loyalty.rules.vocabulary.PurchaseLine;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Consumer;
import org.evrete.KnowledgeService;
import org.evrete.api.Knowledge;
import org.evrete.api.RhsContext;
import org.evrete.api.StatefulSession;
import org.evrete.api.ValuesPredicate;
import org.evrete.api.builders.RuleSetBuilder;

/**
 * The default campaign pack ported to <a href="https://www.evrete.org">Evrete</a>, a peer
 * forward-chaining rule engine, for the benchmarks: the same facts (the DRL vocabulary's
 * classes), the same single-pattern rules with the same saliences and the same decisions.
 * Like the Drools engine it reuses stateful sessions (cleared after each use) and evaluates a
 * batch of independent events in one firing, routing each firing to the event its fact belongs
 * to. A test checks that it earns exactly what the DRL earns.
 */
public final class EvreteCampaigns extends DefaultPackPort {

    private static final BigDecimal ONE = BigDecimal.ONE;
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final String COLLECTOR = "loyalty.collector";

    private final KnowledgeService service;
    private final Knowledge knowledge;
    private final ConcurrentLinkedDeque<StatefulSession> idle = new ConcurrentLinkedDeque<>();

    /** Builds the rule set. */
    public EvreteCampaigns() {
        service = new KnowledgeService();
        RuleSetBuilder<Knowledge> rules = service.newKnowledge().builder();
        purchase(rules, "BASE-01 one point per pound", 100, null,
                (c, p) -> c.add(new Decision.BaseRate(c.rule, "1 point per pound spent", Decision.WHOLE_EVENT, ONE)));
        line(rules, "EXCL-01 no points on postage, fees and adjustments", 100, "$l.category", v -> "service".equals(v.get(0)),
                (c, l) -> c.add(new Decision.Exclusion(c.rule, "No points on postage, fees and adjustments", l.getIndex())));
        purchase(rules, "PROMO-01 weekend double points", 50, Purchase::isWeekend,
                (c, p) -> c.add(new Decision.Multiplier(c.rule, "Double points at the weekend", Decision.WHOLE_EVENT, TWO)));
        purchase(rules, "PROMO-02 advent", 50, p -> p.getMonth() == 12 && p.getDayOfMonth() <= 24,
                (c, p) -> c.add(new Decision.Multiplier(c.rule, "Advent: 1.5x points from 1 to 24 December", Decision.WHOLE_EVENT,
                        new BigDecimal("1.5"))));
        line(rules, "CAT-01 garden", 40, "$l.category", v -> "garden".equals(v.get(0)),
                (c, l) -> c.add(new Decision.BonusRate(c.rule, "2 extra points per pound on garden items", l.getIndex(), TWO)));
        line(rules, "SKU-01 hanging heart", 40, "$l.sku", v -> "85123A".equals(v.get(0)),
                (c, l) -> c.add(new Decision.FixedPoints(c.rule, "25 extra points per white hanging heart T-light holder", l.getIndex(), 25)));
        purchase(rules, DefaultTierLadder.TIER_RULE, -50, p -> p.getTierEarnMultiplier().compareTo(ONE) > 0,
                (c, p) -> c.add(new Decision.TierMultiplier(c.rule, DefaultTierLadder.reason(p.getTierName(), p.getTierEarnMultiplier()),
                        p.getTierEarnMultiplier())));
        rules.newRule("WELCOME-01 welcome bonus").salience(0)
                .forEach("$e", dev.loyalty.rules.vocabulary.Enrolment.class)
                .execute(ctx -> Collector.firing(ctx, "$e").add(new Decision.FixedPoints("WELCOME-01 welcome bonus",
                        "Welcome to the programme: 100 points", Decision.WHOLE_EVENT, 100)));
        purchase(rules, "CAP-01 daily cap", -100, null,
                (c, p) -> c.add(new Decision.Cap(c.rule, "At most 5000 points a day", Decision.CapPeriod.DAY, 5000)));
        knowledge = rules.build();
    }

    private interface Action<T> {
        void apply(Collector collector, T fact);
    }

    private interface Test<T> {
        boolean test(T fact);
    }

    private static void purchase(RuleSetBuilder<Knowledge> rules, String name, int salience, Test<Purchase> when, Action<Purchase> then) {
        var lhs = rules.newRule(name).salience(salience).forEach("$p", Purchase.class);
        if (when != null) {
            lhs = lhs.where((ValuesPredicate) v -> when.test(v.get(0)), "$p");
        }
        lhs.execute(ctx -> then.apply(Collector.firing(ctx, "$p"), ctx.get("$p")));
    }

    private static void line(RuleSetBuilder<Knowledge> rules, String name, int salience, String field, ValuesPredicate when,
                             Action<PurchaseLine> then) {
        rules.newRule(name).salience(salience).forEach("$l", PurchaseLine.class).where(when, field)
                .execute(ctx -> then.apply(Collector.firing(ctx, "$l"), ctx.get("$l")));
    }

    @Override
    public String version() {
        return "evrete-default-pack";
    }

    @Override
    public Evaluation evaluate(RuleContext context) {
        return evaluateAll(List.of(context)).get(0);
    }

    @Override
    public List<Evaluation> evaluateAll(List<RuleContext> contexts) {
        StatefulSession session = idle.pollFirst();
        if (session == null) {
            session = knowledge.newStatefulSession();
        }
        Collector collector = new Collector(contexts.size());
        session.set(COLLECTOR, collector);
        StatefulSession target = session;
        try {
            for (int i = 0; i < contexts.size(); i++) {
                int event = i;
                facts(contexts.get(i), fact -> {
                    collector.owners.put(fact, event);
                    target.insert(fact);
                });
            }
            session.fire();
            List<Evaluation> evaluations = new ArrayList<>(contexts.size());
            for (List<Decision> decisions : collector.decisions) {
                evaluations.add(new Evaluation(version(), decisions, Map.of(), false));
            }
            session.clear();
            idle.offerFirst(session);
            return evaluations;
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    /** Closes the pooled sessions and the knowledge service. */
    @Override
    public void close() {
        StatefulSession session;
        while ((session = idle.pollFirst()) != null) {
            session.close();
        }
        service.shutdown();
    }

    /**
     * The facts the Drools engine inserts for an event, less the member, today and program facts
     * that no rule of the pack matches (Evrete refuses, with a logged warning, facts of types no
     * rule declares).
     */
    private static void facts(RuleContext context, Consumer<Object> insert) {
        LoyaltyEvent event = context.event();
        LocalDate date = context.date();
        dev.loyalty.core.model.Member member = context.member();
        if (event instanceof dev.loyalty.core.event.Purchase purchase) {
            String tier = member.tierCode();
            insert.accept(new Purchase(purchase.eventId().value(), purchase.memberId().value(), tier,
                    context.program().tier(tier).map(dev.loyalty.core.model.Tier::name).orElse(tier),
                    DefaultTierLadder.POLICY.benefitsOf(tier).earnMultiplier(), purchase.total().amount(),
                    purchase.currency().getCurrencyCode(), purchase.channel(), purchase.store(), date, purchase.lines().size()));
            for (int i = 0; i < purchase.lines().size(); i++) {
                dev.loyalty.core.event.PurchaseLine line = purchase.lines().get(i);
                insert.accept(new PurchaseLine(i, line.sku(), line.category(), line.quantity(), line.unitPrice().amount(), date));
            }
        } else if (event instanceof Enrolment enrolment) {
            insert.accept(new dev.loyalty.rules.vocabulary.Enrolment(enrolment.memberId().value(), enrolment.channel(), date));
        } else if (event instanceof ProfileChange change) {
            insert.accept(new dev.loyalty.rules.vocabulary.ProfileChange(change.memberId().value(), date));
        }
    }

    /** Collects one evaluation's decisions per event; the firing rule's fact says which event. */
    private static final class Collector {
        final List<List<Decision>> decisions;
        final Map<Object, Integer> owners = new IdentityHashMap<>();
        List<Decision> target;
        String rule;

        Collector(int events) {
            decisions = new ArrayList<>(events);
            for (int i = 0; i < events; i++) {
                decisions.add(new ArrayList<>(8));
            }
        }

        static Collector firing(RhsContext context, String factName) {
            Collector collector = context.getRuntime().get(COLLECTOR);
            collector.rule = context.getRule().getName();
            collector.target = collector.decisions.get(collector.owners.get(context.getObject(factName)));
            return collector;
        }

        void add(Decision decision) {
            target.add(decision);
        }
    }
}
