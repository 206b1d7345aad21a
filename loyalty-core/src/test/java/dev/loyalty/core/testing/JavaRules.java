package dev.loyalty.core.testing;

import dev.loyalty.core.event.Enrolment;
import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.model.OfferKind;
import dev.loyalty.core.model.OfferTrigger;
import dev.loyalty.core.spi.CampaignLimits;
import dev.loyalty.core.spi.Decision;
import dev.loyalty.core.spi.Evaluation;
import dev.loyalty.core.spi.RuleContext;
import dev.loyalty.core.spi.RuleEngine;
import dev.loyalty.core.spi.SweepContext;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A plain-Java {@link RuleEngine} for tests: each rule is a lambda from the {@link RuleContext}
 * to the decisions it proposes, so tests need no Drools. It is thread-safe and deterministic
 * as long as its rules are.
 *
 * <pre>{@code
 * RuleEngine rules = JavaRules.of("v1",
 *         ctx -> ctx.event() instanceof Purchase
 *                 ? List.of(new Decision.BaseRate("BASE", "1 point per pound", Decision.WHOLE_EVENT, BigDecimal.ONE))
 *                 : List.of());
 * }</pre>
 *
 * <p>{@link #simplePack()} is a small ready-made campaign set used across the test suites.
 */
public final class JavaRules implements RuleEngine {

    /** The rule name of the simple pack's base rate: 1 point per currency unit of every purchase. */
    public static final String BASE = "BASE-1";
    /** The rule name of the simple pack's weekend promotion: 2x base points on Saturdays and Sundays. */
    public static final String WEEKEND = "WEEKEND-2X";
    /** The rule name of the simple pack's gold tier multiplier: 1.5x on a gold member's purchase. */
    public static final String GOLD = "GOLD-1.5X";
    /** The rule name of the simple pack's welcome bonus on enrolment. */
    public static final String WELCOME = "WELCOME-100";
    /** The rule name of the simple pack's daily cap on purchases. */
    public static final String DAILY_CAP = "DAILY-CAP";
    /** The points the simple pack awards on enrolment. */
    public static final long WELCOME_POINTS = 100;
    /** The simple pack's default daily cap. */
    public static final long DEFAULT_DAILY_CAP = 1_000;
    /** The version reported by {@link #simplePack()}. */
    public static final String SIMPLE_PACK_VERSION = "simple-pack-1";

    /** One rule: reads the context and proposes decisions; must be pure and thread-safe. */
    @FunctionalInterface
    public interface Rule {
        /**
         * Proposes decisions for one event.
         *
         * @param context the member, event and local date
         * @return the decisions, possibly empty; never null
         */
        List<Decision> decide(RuleContext context);
    }

    /** One sweep rule: reads a member's occasions and proposes offers; must be pure and thread-safe. */
    @FunctionalInterface
    public interface SweepRule {
        /**
         * Proposes offers for one member in a sweep.
         *
         * @param context the member, the date and the occasions
         * @return the decisions, possibly empty; never null
         */
        List<Decision> decide(SweepContext context);
    }

    /** The template of the offer pack's birthday offer: 500 points, valid 30 days. */
    public static final String BIRTHDAY = "BDAY-01";
    /** The template of the offer pack's first win-back offer: 10% off after 90 days without a purchase, valid 30 days. */
    public static final String WIN_BACK_90 = "WINBACK-90";
    /** The template of the offer pack's second win-back offer: 20% off after 180 days without a purchase, valid 30 days. */
    public static final String WIN_BACK_180 = "WINBACK-180";

    private final String version;
    private final List<Rule> rules;
    private final List<SweepRule> sweepRules;
    private final Map<String, CampaignLimits> limits;
    private final AtomicLong evaluations = new AtomicLong();
    private final AtomicLong sweepEvaluations = new AtomicLong();

    private JavaRules(String version, List<Rule> rules) {
        this(version, rules, List.of());
    }

    private JavaRules(String version, List<Rule> rules, List<SweepRule> sweepRules) {
        this(version, rules, sweepRules, Map.of());
    }

    private JavaRules(String version, List<Rule> rules, List<SweepRule> sweepRules, Map<String, CampaignLimits> limits) {
        this.version = Objects.requireNonNull(version, "version");
        this.rules = List.copyOf(rules);
        this.sweepRules = List.copyOf(sweepRules);
        this.limits = Map.copyOf(limits);
    }

    /**
     * Returns a copy whose evaluations carry campaign limits, as a rule engine reads them from
     * its campaigns' metadata.
     *
     * @param byRule the limits by rule name
     * @return the rule engine, same version
     */
    public JavaRules withLimits(Map<String, CampaignLimits> byRule) {
        return new JavaRules(version, rules, sweepRules, byRule);
    }

    /**
     * Returns a copy with sweep rules added after the others.
     *
     * @param newVersion the version of the extended rule set
     * @param more the sweep rules
     * @return the extended rule engine
     */
    public JavaRules withSweepRules(String newVersion, SweepRule... more) {
        List<SweepRule> extended = new ArrayList<>(sweepRules);
        extended.addAll(List.of(more));
        return new JavaRules(newVersion, rules, extended, limits);
    }

    /**
     * Returns a copy with the offer pack: on a birthday, {@link #BIRTHDAY} (500 points); after
     * 90 days without a purchase {@link #WIN_BACK_90} (10% off), after 180 days
     * {@link #WIN_BACK_180} (20% off); every offer valid 30 days.
     *
     * @return the extended rule engine, version suffixed {@code +offers}
     */
    public JavaRules withOfferPack() {
        return withSweepRules(version + "+offers",
                ctx -> ctx.birthday() != null
                        ? List.of(new Decision.IssueOffer(BIRTHDAY, "Happy birthday: 500 points", OfferTrigger.BIRTHDAY, BIRTHDAY, OfferKind.POINTS,
                                BigDecimal.valueOf(500), null, 30))
                        : List.of(),
                ctx -> ctx.dormancy() != null && ctx.dormancy().days() >= 90
                        ? List.of(new Decision.IssueOffer(WIN_BACK_90, "We miss you: 10% off", OfferTrigger.WIN_BACK, WIN_BACK_90, OfferKind.DISCOUNT,
                                BigDecimal.TEN, null, 30))
                        : List.of(),
                ctx -> ctx.dormancy() != null && ctx.dormancy().days() >= 180
                        ? List.of(new Decision.IssueOffer(WIN_BACK_180, "Come back: 20% off", OfferTrigger.WIN_BACK, WIN_BACK_180, OfferKind.DISCOUNT,
                                BigDecimal.valueOf(20), null, 30))
                        : List.of());
    }

    /**
     * Returns how many times {@link #evaluateSweep(SweepContext)} was called.
     *
     * @return the number of sweep evaluations so far
     */
    public long sweepEvaluations() {
        return sweepEvaluations.get();
    }

    @Override
    public Evaluation evaluateSweep(SweepContext context) {
        sweepEvaluations.incrementAndGet();
        List<Decision> decisions = new ArrayList<>();
        for (SweepRule rule : sweepRules) {
            decisions.addAll(rule.decide(context));
        }
        return new Evaluation(version, decisions);
    }

    /**
     * Returns a rule engine made of the given rules, evaluated in order.
     *
     * @param version the rule-set version recorded on ledger entries
     * @param rules the rules
     * @return the rule engine
     */
    public static JavaRules of(String version, Rule... rules) {
        return new JavaRules(version, List.of(rules));
    }

    /**
     * Returns a rule engine with no rules: every event earns nothing.
     *
     * @return the rule engine, version {@code none}
     */
    public static JavaRules none() {
        return new JavaRules("none", List.of());
    }

    /**
     * Returns the simple pack with a daily cap of {@value #DEFAULT_DAILY_CAP} points.
     *
     * @return the rule engine
     * @see #simplePack(long)
     */
    public static JavaRules simplePack() {
        return simplePack(DEFAULT_DAILY_CAP);
    }

    /**
     * Returns the simple pack: on a purchase, 1 point per currency unit ({@link #BASE}), doubled
     * on Saturdays and Sundays of the member's local date ({@link #WEEKEND}), times 1.5 for a
     * member in the {@code gold} tier ({@link #GOLD}), cut to {@code dailyCap} points per local
     * day ({@link #DAILY_CAP}); on an enrolment, {@value #WELCOME_POINTS} points
     * ({@link #WELCOME}). Profile changes earn nothing.
     *
     * @param dailyCap the most points a member may earn in one local day; welcome points count too
     * @return the rule engine, version {@value #SIMPLE_PACK_VERSION}
     */
    public static JavaRules simplePack(long dailyCap) {
        return new JavaRules(SIMPLE_PACK_VERSION, List.of(
                ctx -> ctx.event() instanceof Purchase
                        ? List.of(new Decision.BaseRate(BASE, "1 point per pound", Decision.WHOLE_EVENT, BigDecimal.ONE))
                        : List.of(),
                ctx -> ctx.event() instanceof Purchase && isWeekend(ctx)
                        ? List.of(new Decision.Multiplier(WEEKEND, "double points at the weekend", Decision.WHOLE_EVENT, BigDecimal.valueOf(2)))
                        : List.of(),
                ctx -> ctx.event() instanceof Purchase && "gold".equals(ctx.member().tierCode())
                        ? List.of(new Decision.TierMultiplier(GOLD, "gold members earn 1.5x", new BigDecimal("1.5")))
                        : List.of(),
                ctx -> ctx.event() instanceof Enrolment
                        ? List.of(new Decision.FixedPoints(WELCOME, "welcome to the programme", Decision.WHOLE_EVENT, WELCOME_POINTS))
                        : List.of(),
                ctx -> ctx.event() instanceof Purchase
                        ? List.of(new Decision.Cap(DAILY_CAP, "at most " + dailyCap + " points a day", Decision.CapPeriod.DAY, dailyCap))
                        : List.of()));
    }

    /**
     * Returns a copy with one more rule, evaluated after the others.
     *
     * @param newVersion the version of the extended rule set
     * @param rule the added rule
     * @return the extended rule engine
     */
    public JavaRules with(String newVersion, Rule rule) {
        List<Rule> extended = new ArrayList<>(rules);
        extended.add(rule);
        return new JavaRules(newVersion, extended, sweepRules, limits);
    }

    /**
     * Returns how many times {@link #evaluate(RuleContext)} was called.
     *
     * @return the number of evaluations so far
     */
    public long evaluations() {
        return evaluations.get();
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public Evaluation evaluate(RuleContext context) {
        evaluations.incrementAndGet();
        List<Decision> decisions = new ArrayList<>();
        for (Rule rule : rules) {
            decisions.addAll(rule.decide(context));
        }
        return new Evaluation(version, decisions, limits);
    }

    private static boolean isWeekend(RuleContext context) {
        DayOfWeek day = context.date().getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }
}
