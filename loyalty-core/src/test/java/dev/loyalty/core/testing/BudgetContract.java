package dev.loyalty.core.testing;

import static dev.loyalty.core.testing.Fixtures.MONDAY;
import static dev.loyalty.core.testing.Fixtures.enrolment;
import static dev.loyalty.core.testing.Fixtures.member;
import static dev.loyalty.core.testing.Fixtures.purchase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.core.EventConflictException;
import dev.loyalty.core.EventResult;
import dev.loyalty.core.Explanation;
import dev.loyalty.core.LoyaltyEngine;
import dev.loyalty.core.Outcome;
import dev.loyalty.core.RuleEvaluationException;
import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.model.CampaignBudget;
import dev.loyalty.core.model.LedgerEntry;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.Points;
import dev.loyalty.core.spi.CampaignDraw;
import dev.loyalty.core.spi.CampaignLimits;
import dev.loyalty.core.spi.MemberChanges;
import dev.loyalty.core.spi.Decision;
import dev.loyalty.core.spi.Evaluation;
import dev.loyalty.core.spi.RuleContext;
import dev.loyalty.core.spi.RuleEngine;
import dev.loyalty.core.spi.LoyaltyStore;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Campaign budgets, per-member limits and exclusive groups, as every {@link LoyaltyStore} keeps
 * them: a budget is drawn atomically and never overspent, even by many members' events at once;
 * a member's campaign total stops the campaign for that member at the limit; of an exclusive
 * group only the best offer applies. A store's test extends this class and implements
 * {@link #newStore()}, which must return an empty store independent of the others.
 */
public abstract class BudgetContract {

    /** The budgeted campaign's rule: 10 points on every purchase. */
    protected static final String SPRING = "SPRING-01 ten points a purchase";
    /** A second rule of the spring campaign: 1 extra point per pound. */
    protected static final String SPRING_EXTRA = "SPRING-02 a point per pound extra";
    /** A rule of another campaign of the spring group: 15 points on purchases of three lines or more. */
    protected static final String BASKET = "BASKET-01 fifteen points for three lines";

    /** Creates the contract test; subclasses implement {@link #newStore()}. */
    protected BudgetContract() {
    }

    /**
     * Returns a new, empty store, independent of every store returned before.
     *
     * @return the store under test
     */
    protected abstract LoyaltyStore newStore();

    private static JavaRules spring(long budget, long memberLimit) {
        return JavaRules.simplePack()
                .with("spring", ctx -> ctx.event() instanceof Purchase
                        ? List.of(new Decision.FixedPoints(SPRING, "10 spring points", Decision.WHOLE_EVENT, 10)) : List.of())
                .withLimits(Map.of(SPRING, new CampaignLimits("SPRING-01", budget, memberLimit, null)));
    }

    /** The spring rule with a budget of 100 points, its limits made at each evaluation under a campaign id of the caller's. */
    private static RuleEngine springNamed(String campaign) {
        JavaRules pack = JavaRules.simplePack();
        return new RuleEngine() {
            @Override
            public String version() {
                return pack.version();
            }

            @Override
            public Evaluation evaluate(RuleContext context) {
                Evaluation base = pack.evaluate(context);
                if (!(context.event() instanceof Purchase)) {
                    return base;
                }
                List<Decision> decisions = new ArrayList<>(base.decisions());
                decisions.add(new Decision.FixedPoints(SPRING, "10 spring points", Decision.WHOLE_EVENT, 10));
                return new Evaluation(base.ruleSetVersion(), decisions,
                        Map.of(SPRING, new CampaignLimits(campaign, 100, CampaignLimits.UNLIMITED, null)));
            }
        };
    }

    private static long pointsOf(LoyaltyStore store, String rule, String... members) {
        long sum = 0;
        for (String id : members) {
            for (LedgerEntry entry : store.ledger(member(id))) {
                if (rule.equals(entry.rule())) {
                    sum += entry.points().value();
                }
            }
        }
        return sum;
    }

    @Test
    void shouldCutTheAwardToWhatRemainsOfTheBudgetThenAwardNothing() {
        LoyaltyStore store = newStore();
        LoyaltyEngine engine = Fixtures.engine(store, spring(25, CampaignLimits.UNLIMITED));
        engine.process(enrolment("m-1", MONDAY));

        Outcome first = engine.process(purchase("p-1", "m-1", MONDAY.plusSeconds(60), "2.00"));
        Outcome second = engine.process(purchase("p-2", "m-1", MONDAY.plusSeconds(120), "2.00"));
        Outcome third = engine.process(purchase("p-3", "m-1", MONDAY.plusSeconds(180), "2.00"));
        Outcome fourth = engine.process(purchase("p-4", "m-1", MONDAY.plusSeconds(240), "2.00"));

        assertThat(List.of(first.points(), second.points(), third.points(), fourth.points()))
                .extracting(p -> p.value()).containsExactly(12L, 12L, 7L, 2L);
        assertThat(third.explanation().steps()).anySatisfy(step -> {
            assertThat(step.points()).isEqualTo(-5);
            assertThat(step.detail()).startsWith("budget cut 5: budget 25 points, 20 spent before");
        });
        assertThat(pointsOf(store, SPRING, "m-1")).isEqualTo(25);
        assertThat(engine.campaignBudget("SPRING-01")).contains(new CampaignBudget("SPRING-01", 25, 25));
    }

    @Test
    void shouldRefuseAPurchaseAndStoreNothingWhenItsCampaignIdIsNoTextAStoreCanKeep() {
        // the databases keep a campaign id in a VARCHAR(255), PostgreSQL without NUL and as valid UTF-8; the engine looks
        // budgets up by ids of at most 128 characters; the in-memory store kept any id
        LoyaltyStore store = newStore();
        Fixtures.engine(store).process(enrolment("m-1", MONDAY));
        List<LedgerEntry> ledger = store.ledger(member("m-1"));
        List<Map.Entry<String, String>> refusals = List.of(
                Map.entry("S".repeat(256), "is 256 characters long; at most 128 are allowed"),
                Map.entry("S".repeat(129), "is 129 characters long; at most 128 are allowed"),
                Map.entry("SPRING\u000001", "must not contain control characters (at index 6)"),
                Map.entry("SPRING-\uD800", "has an unpaired surrogate \\uD800 at index 7"));

        for (Map.Entry<String, String> refusal : refusals) {
            LoyaltyEngine engine = Fixtures.engine(store, springNamed(refusal.getKey()));
            assertThatThrownBy(() -> engine.process(purchase("p-1", "m-1", MONDAY.plusSeconds(60), "2.00")))
                    .isInstanceOf(RuleEvaluationException.class)
                    .hasMessageContaining("campaign id")
                    .hasMessageContaining(refusal.getValue());
            assertThat(store.campaignBudget(refusal.getKey())).isEmpty();
        }

        assertThat(store.ledger(member("m-1"))).isEqualTo(ledger);
        assertThat(store.balance(member("m-1"))).isEqualTo(Points.of(JavaRules.WELCOME_POINTS));
        assertThat(store.findEvent(Fixtures.eventId("p-1"))).isEmpty();
        LoyaltyEngine longest = Fixtures.engine(store, springNamed("S".repeat(128)));
        assertThat(longest.process(purchase("p-1", "m-1", MONDAY.plusSeconds(60), "2.00")).points()).isEqualTo(Points.of(12));
        assertThat(longest.campaignBudget("S".repeat(128))).contains(new CampaignBudget("S".repeat(128), 100, 10));
    }

    @Test
    void shouldFindACampaignsBudgetByAnIdWithSurroundingSpaces() {
        LoyaltyStore store = newStore();
        LoyaltyEngine engine = Fixtures.engine(store, spring(100, CampaignLimits.UNLIMITED));
        engine.process(enrolment("m-1", MONDAY));
        engine.process(purchase("p-1", "m-1", MONDAY.plusSeconds(60), "2.00"));

        assertThat(engine.campaignBudget(" SPRING-01 ")).contains(new CampaignBudget("SPRING-01", 100, 10));
    }

    @Test
    void shouldNotDrawTheBudgetAgainWhenAnEventIsProcessedTwice() {
        LoyaltyStore store = newStore();
        LoyaltyEngine engine = Fixtures.engine(store, spring(100, CampaignLimits.UNLIMITED));
        engine.process(enrolment("m-1", MONDAY));
        Purchase purchase = purchase("p-1", "m-1", MONDAY.plusSeconds(60), "2.00");

        engine.process(purchase);
        engine.process(purchase);

        assertThat(engine.campaignBudget("SPRING-01")).contains(new CampaignBudget("SPRING-01", 100, 10));
    }

    @Test
    void shouldStopAwardingToAMemberAtTheMemberLimitButNotToOthers() {
        LoyaltyStore store = newStore();
        LoyaltyEngine engine = Fixtures.engine(store, spring(CampaignLimits.UNLIMITED, 15));
        engine.process(enrolment("m-1", MONDAY));
        engine.process(enrolment("m-2", MONDAY));

        engine.process(purchase("p-1", "m-1", MONDAY.plusSeconds(60), "2.00"));
        Outcome cut = engine.process(purchase("p-2", "m-1", MONDAY.plusSeconds(120), "2.00"));
        Outcome none = engine.process(purchase("p-3", "m-1", MONDAY.plusSeconds(180), "2.00"));
        Outcome other = engine.process(purchase("p-4", "m-2", MONDAY.plusSeconds(240), "2.00"));

        assertThat(cut.points().value()).isEqualTo(7);
        assertThat(cut.explanation().steps()).extracting(Explanation.Step::detail)
                .anySatisfy(detail -> assertThat(detail).startsWith("member limit cut 5: at most 15 points a member, 10 earned before"));
        assertThat(none.points().value()).isEqualTo(2);
        assertThat(other.points().value()).isEqualTo(12);
        assertThat(pointsOf(store, SPRING, "m-1")).isEqualTo(15);
        assertThat(engine.campaignBudget("SPRING-01")).isEmpty();
    }

    @Test
    void shouldApplyOnlyTheBestOfferOfAnExclusiveGroup() {
        LoyaltyStore store = newStore();
        JavaRules rules = JavaRules.simplePack()
                .with("group", ctx -> ctx.event() instanceof Purchase p
                        ? List.of(new Decision.FixedPoints(SPRING, "10 spring points", Decision.WHOLE_EVENT, 10),
                                new Decision.BonusRate(SPRING_EXTRA, "1 spring point per pound", Decision.WHOLE_EVENT, BigDecimal.ONE))
                        : List.of())
                .with("group", ctx -> ctx.event() instanceof Purchase p && p.lines().size() >= 3
                        ? List.of(new Decision.FixedPoints(BASKET, "15 points for three lines", Decision.WHOLE_EVENT, 15)) : List.of())
                .withLimits(Map.of(
                        SPRING, new CampaignLimits("SPRING-01", CampaignLimits.UNLIMITED, CampaignLimits.UNLIMITED, "spring"),
                        SPRING_EXTRA, new CampaignLimits("SPRING-01", CampaignLimits.UNLIMITED, CampaignLimits.UNLIMITED, "spring"),
                        BASKET, new CampaignLimits("BASKET-01", CampaignLimits.UNLIMITED, CampaignLimits.UNLIMITED, "spring")));
        LoyaltyEngine engine = Fixtures.engine(store, rules);
        engine.process(enrolment("m-1", MONDAY));

        Outcome springWins = engine.process(purchase("p-1", "m-1", MONDAY.plusSeconds(60), "3.00", "1.00", "2.00"));
        Outcome basketWins = engine.process(purchase("p-2", "m-1", MONDAY.plusSeconds(120), "1.00", "1.00", "1.00"));

        // p-1: base 6, spring 10 + 6 = 16 beats basket 15; p-2: base 3, spring 10 + 3 = 13 loses to basket 15
        assertThat(springWins.points().value()).isEqualTo(22);
        assertThat(basketWins.points().value()).isEqualTo(18);
        assertThat(springWins.explanation().steps()).anySatisfy(step -> {
            assertThat(step.rule()).isEqualTo(BASKET);
            assertThat(step.detail()).isEqualTo("dropped: exclusive group spring applies only its best offer, SPRING-01 with 16 points;"
                    + " this offer came to 15 points");
        });
        assertThat(store.ledger(member("m-1"))).extracting(LedgerEntry::rule)
                .contains(SPRING, SPRING_EXTRA, BASKET)
                .filteredOn(rule -> rule.equals(BASKET)).hasSize(1);
        assertThat(pointsOf(store, BASKET, "m-1")).isEqualTo(15);
        assertThat(pointsOf(store, SPRING, "m-1") + pointsOf(store, SPRING_EXTRA, "m-1")).isEqualTo(16);
    }

    @Test
    void shouldSpendTheBudgetExactlyAndNeverMoreWhenManyMembersBuyAtOnce() throws Exception {
        LoyaltyStore store = newStore();
        long budget = 305;
        LoyaltyEngine engine = Fixtures.engine(store, spring(budget, CampaignLimits.UNLIMITED));
        String[] members = {"m-0", "m-1", "m-2", "m-3", "m-4", "m-5"};
        for (String id : members) {
            engine.process(enrolment(id, MONDAY));
        }
        List<Supplier<Object>> tasks = new ArrayList<>();
        for (int i = 0; i < 48; i++) {
            Purchase purchase = purchase("p-" + i, members[i % members.length], MONDAY.plusSeconds(60 + i), "1.00");
            tasks.add(() -> engine.process(purchase));
        }

        List<Object> results = Fixtures.runConcurrently(tasks, 8, Duration.ofMinutes(2));

        long awarded = 0;
        for (Object result : results) {
            assertThat(result).isInstanceOf(Outcome.class);
            long spring = ((Outcome) result).entries().stream().filter(e -> SPRING.equals(e.rule())).mapToLong(e -> e.points().value()).sum();
            assertThat(spring).isBetween(0L, 10L);
            awarded += spring;
        }
        assertThat(awarded).isEqualTo(budget);
        assertThat(pointsOf(store, SPRING, members)).isEqualTo(budget);
        assertThat(engine.campaignBudget("SPRING-01")).contains(new CampaignBudget("SPRING-01", budget, budget));
    }

    @Test
    void shouldRecordOneMemberAndRefuseTheOtherAsAConflictWhenTwoMembersRaceForOneEventIdOfABudgetedCampaign() throws Exception {
        LoyaltyStore store = newStore();
        LoyaltyEngine engine = Fixtures.engine(store, spring(100_000, CampaignLimits.UNLIMITED));
        int rounds = 20;
        for (int round = 0; round < rounds; round++) {
            String a = "a-" + round;
            String b = "b-" + round;
            engine.process(enrolment(a, MONDAY));
            engine.process(enrolment(b, MONDAY));
            Purchase forA = purchase("race-" + round, a, MONDAY.plusSeconds(60), "1.00");
            Purchase forB = purchase("race-" + round, b, MONDAY.plusSeconds(60), "2.00");
            List<Supplier<Object>> tasks = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                Purchase purchase = t % 2 == 0 ? forA : forB;
                tasks.add(() -> engine.process(purchase));
            }

            List<Object> results = Fixtures.runConcurrently(tasks, 8, Duration.ofMinutes(1));

            Outcome recorded = store.findEvent(Fixtures.eventId("race-" + round)).orElseThrow().outcome();
            MemberId winner = recorded.memberId();
            for (int t = 0; t < 8; t++) {
                if ((t % 2 == 0 ? member(a) : member(b)).equals(winner)) {
                    assertThat(results.get(t)).as("round %d, thread %d", round, t).isEqualTo(recorded);
                } else {
                    assertThat(results.get(t)).as("round %d, thread %d", round, t).isInstanceOf(EventConflictException.class);
                }
            }
            MemberId loser = winner.equals(member(a)) ? member(b) : member(a);
            assertThat(pointsOf(store, SPRING, loser.value())).as("round %d", round).isZero();
            assertThat(pointsOf(store, SPRING, winner.value())).as("round %d", round).isEqualTo(10);
        }
        assertThat(engine.campaignBudget("SPRING-01")).contains(new CampaignBudget("SPRING-01", 100_000, 10L * rounds));
    }

    @Test
    void shouldSpendTheBudgetExactlyAndNeverMoreWhenBatchesOfManyMembersRace() throws Exception {
        LoyaltyStore store = newStore();
        long budget = 305;
        LoyaltyEngine engine = Fixtures.engine(store, spring(budget, CampaignLimits.UNLIMITED));
        String[] members = new String[12];
        for (int m = 0; m < members.length; m++) {
            members[m] = "m-" + m;
            engine.process(enrolment(members[m], MONDAY));
        }
        // each batch has two members of its own, so that the batches' runs draw on the budget side by side
        List<Supplier<Object>> batches = new ArrayList<>();
        for (int b = 0; b < 6; b++) {
            List<Purchase> batch = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int n = b * 8 + i;
                batch.add(purchase("p-" + n, members[2 * b + i % 2], MONDAY.plusSeconds(60 + n), "1.00"));
            }
            batches.add(() -> engine.processAll(batch));
        }

        List<Object> results = Fixtures.runConcurrently(batches, 6, Duration.ofMinutes(2));

        long awarded = 0;
        for (Object result : results) {
            assertThat(result).isInstanceOf(List.class);
            for (Object each : (List<?>) result) {
                EventResult eventResult = (EventResult) each;
                assertThat(eventResult.succeeded()).as("%s", eventResult.error()).isTrue();
                awarded += eventResult.outcome().entries().stream().filter(e -> SPRING.equals(e.rule())).mapToLong(e -> e.points().value()).sum();
            }
        }
        assertThat(awarded).isEqualTo(budget);
        assertThat(pointsOf(store, SPRING, members)).isEqualTo(budget);
        assertThat(engine.campaignBudget("SPRING-01")).contains(new CampaignBudget("SPRING-01", budget, budget));
    }

    @Test
    void shouldRefuseADrawThatPassesWhatALongHoldsWithWhatIsSpentAndRunTheWorkAgain() {
        LoyaltyStore store = newStore();
        LoyaltyEngine engine = Fixtures.engine(store);
        engine.process(enrolment("m-0", MONDAY));
        engine.process(enrolment("m-1", MONDAY));
        long budget = Long.MAX_VALUE - 1;
        MemberChanges none = new MemberChanges(null, null, List.of(), List.of());
        store.apply(member("m-0"), view -> none.withDraws(List.of(new CampaignDraw("HUGE", budget - 5, budget))));
        List<Long> remaining = new ArrayList<>();

        store.apply(member("m-1"), view -> {
            long room = budget - view.campaignBudgetSpent("HUGE");
            remaining.add(room);
            // first as if read before m-0's draw: 10 points, which with what is spent pass what a long holds
            return none.withDraws(List.of(new CampaignDraw("HUGE", remaining.size() == 1 ? 10 : room, budget)));
        });

        assertThat(remaining).containsExactly(5L, 5L);
        assertThat(store.campaignBudget("HUGE")).contains(new CampaignBudget("HUGE", budget, budget));
    }

    @Test
    void shouldKeepAMembersCampaignTotalAtWhatALongHoldsWhenDrawsPassItAndApplyTheEventWhole() {
        LoyaltyStore store = newStore();
        LoyaltyEngine engine = Fixtures.engine(store, spring(1_000, CampaignLimits.UNLIMITED));
        engine.process(enrolment("m-0", MONDAY));
        MemberChanges none = new MemberChanges(null, null, List.of(), List.of());
        // a total earned while the campaign had a member limit, before the rules gave it a budget instead
        store.apply(member("m-0"), view -> none.withDraws(List.of(new CampaignDraw("SPRING-01", Long.MAX_VALUE - 5, CampaignLimits.UNLIMITED))));

        Outcome outcome = engine.process(purchase("p-1", "m-0", MONDAY.plusSeconds(60), "10.00"));

        assertThat(pointsOf(store, SPRING, "m-0")).isEqualTo(10);
        assertThat(store.findEvent(outcome.eventId())).isPresent();
        assertThat(store.balance(member("m-0"))).isEqualTo(outcome.balance());
        assertThat(store.campaignBudget("SPRING-01")).contains(new CampaignBudget("SPRING-01", 1_000, 10));
        long[] total = new long[1];
        store.apply(member("m-0"), view -> {
            total[0] = view.campaignPoints("SPRING-01");
            return none;
        });
        assertThat(total[0]).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void shouldRefuseADrawThatNoLongerFitsAndRunTheWorkAgainWithWhatRemains() throws Exception {
        LoyaltyStore store = newStore();
        LoyaltyEngine engine = Fixtures.engine(store);
        int workers = 4;
        for (int i = 0; i < workers; i++) {
            engine.process(enrolment("m-" + i, MONDAY));
        }
        CountDownLatch allRead = new CountDownLatch(workers);
        List<Supplier<Object>> tasks = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            MemberId memberId = member("m-" + i);
            tasks.add(() -> {
                long[] drawn = new long[1];
                int[] runs = new int[1];
                store.apply(memberId, view -> {
                    long spent = view.campaignBudgetSpent("SPRING-01");
                    if (runs[0]++ == 0) {
                        // every worker reads the same spent points before any draws
                        allRead.countDown();
                        try {
                            allRead.await(5, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    drawn[0] = Math.min(10, 25 - spent);
                    MemberChanges none = new MemberChanges(null, null, List.of(), List.of());
                    return drawn[0] <= 0 ? none : none.withDraws(List.of(new CampaignDraw("SPRING-01", drawn[0], 25)));
                });
                return drawn[0];
            });
        }

        List<Object> drawn = Fixtures.runConcurrently(tasks, workers, Duration.ofMinutes(1));

        assertThat(drawn).containsExactlyInAnyOrder(10L, 10L, 5L, 0L);
        assertThat(store.campaignBudget("SPRING-01")).contains(new CampaignBudget("SPRING-01", 25, 25));
    }
}
