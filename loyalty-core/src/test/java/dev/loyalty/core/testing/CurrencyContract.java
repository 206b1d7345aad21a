package dev.loyalty.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.core.CurrencyMismatchException;
import dev.loyalty.core.EventResult;
import dev.loyalty.core.LoyaltyEngine;
import dev.loyalty.core.LoyaltyException;
import dev.loyalty.core.Outcome;
import dev.loyalty.core.ProgramSettings;
import dev.loyalty.core.event.Enrolment;
import dev.loyalty.core.event.LoyaltyEvent;
import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.event.Redemption;
import dev.loyalty.core.event.Return;
import dev.loyalty.core.insight.Insights;
import dev.loyalty.core.insight.MemberRfm;
import dev.loyalty.core.insight.RfmSettings;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.Lot;
import dev.loyalty.core.model.LotReturn;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.Money;
import dev.loyalty.core.spi.Decision;
import dev.loyalty.core.spi.LoyaltyStore;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Money in currencies of 0 and 3 minor units (JPY, BHD, KWD) as every store must keep it, through
 * {@link LoyaltyEngine#process} and {@link LoyaltyEngine#processAll} alike: points per currency
 * unit, multipliers and caps, claw-back in proportion to partial returns, the scale of stored
 * amounts, amounts finer than the currency's minor units, and refusals of other currencies with
 * nothing stored. Each test runs once event by event and once as a batch. Also the store's own
 * currency: a store records money in the currency of the first engine built on it and refuses
 * to be used by an engine of another, also when opened again over the same data. Extend it with
 * a store factory, as with {@link LoyaltyStoreContract}.
 */
public abstract class CurrencyContract {

    private static final MemberId MEMBER = MemberId.of("m-1");
    private static final Instant START = Instant.parse("2026-01-12T10:00:00Z");

    /**
     * One point per 100 yen, ten points per dinar or pound; purchases whose id starts with
     * {@code promo} also earn x1.5 under a daily cap of 200 points.
     */
    private static final JavaRules RULES = JavaRules.of("currencies", ctx -> {
        if (!(ctx.event() instanceof Purchase purchase)) {
            return List.of();
        }
        BigDecimal rate = purchase.currency().getCurrencyCode().equals("JPY") ? new BigDecimal("0.01") : BigDecimal.TEN;
        Decision base = new Decision.BaseRate("BASE", "points per currency unit", Decision.WHOLE_EVENT, rate);
        return purchase.eventId().value().startsWith("promo")
                ? List.of(base, new Decision.Multiplier("PROMO", "x1.5", Decision.WHOLE_EVENT, new BigDecimal("1.5")),
                        new Decision.Cap("DAY-CAP", "at most 200 points a day", Decision.CapPeriod.DAY, 200))
                : List.of(base);
    });

    private final TestClock clock = new TestClock(START);
    private LoyaltyStore store;
    private LoyaltyEngine engine;
    private String currency;

    /**
     * Returns a new, empty store of the kind under test.
     *
     * @return the store
     */
    protected abstract LoyaltyStore newStore();

    /**
     * Returns a store over what the last store from {@link #newStore()} recorded, opened again as
     * another process (or a restart) would open it. By default the same store, for stores that
     * keep nothing beyond themselves; a database store returns a new instance over the same data.
     *
     * @param store the last store {@link #newStore()} returned
     * @return a store over the same data
     */
    protected LoyaltyStore reopen(LoyaltyStore store) {
        return store;
    }

    private void start(String code) {
        currency = code;
        store = newStore();
        engine = engineIn(code, store);
        engine.process(Enrolment.of(EventId.of("enrol"), MEMBER, START));
        clock.advance(Duration.ofMinutes(1));
    }

    private LoyaltyEngine engineIn(String code, LoyaltyStore on) {
        return LoyaltyEngine.builder().program(ProgramSettings.builder().currency(code).build()).clock(clock).store(on)
                .ruleEngine(RULES).build();
    }

    /** Processes the events one by one or as one batch; a refusal is returned in place of its outcome. */
    private List<Object> run(boolean batch, LoyaltyEvent... events) {
        List<Object> results = new ArrayList<>();
        if (batch) {
            for (EventResult result : engine.processAll(List.of(events))) {
                results.add(result.succeeded() ? result.outcome() : result.error());
            }
        } else {
            for (LoyaltyEvent event : events) {
                try {
                    results.add(engine.process(event));
                } catch (LoyaltyException e) {
                    results.add(e);
                }
            }
        }
        return results;
    }

    private Purchase purchase(String id, String amount) {
        return purchase(id, Money.of(amount, currency));
    }

    private Purchase purchase(String id, Money price) {
        return Purchase.builder(EventId.of(id), MEMBER, clock.instant()).line("SKU", "gifts", 1, price).build();
    }

    private Return giveBack(String id, String purchase, String amount) {
        return giveBack(id, purchase, Money.of(amount, currency));
    }

    private Return giveBack(String id, String purchase, Money amount) {
        return new Return(EventId.of(id), MEMBER, clock.instant(), EventId.of(purchase), amount);
    }

    private Lot lot(String id) {
        return store.lots(MEMBER).stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow();
    }

    private static long points(Object outcome) {
        assertThat(outcome).isInstanceOf(Outcome.class);
        return ((Outcome) outcome).points().value();
    }

    private Object stored() {
        return List.of(store.balance(MEMBER), store.ledger(MEMBER), store.lots(MEMBER), store.returns(MEMBER));
    }

    @ParameterizedTest(name = "batch {0}")
    @ValueSource(booleans = {false, true})
    void shouldEarnPerYenAndClawBackInProportionWhenAPurchaseInYenIsPartlyReturned(boolean batch) {
        start("JPY");

        // 12,345 yen at a point per 100 earn 123.45, 123 points; 4,115 yen returned are a third of it: 41 points back
        List<Object> results = run(batch, purchase("p-1", "12345"), giveBack("ret-1", "p-1", "4115"));

        assertThat(points(results.get(0))).isEqualTo(123);
        assertThat(points(results.get(1))).isEqualTo(-41);
        assertThat(store.balance(MEMBER).value()).isEqualTo(82);
        assertThat(lot("p-1").sourceAmount()).isEqualTo(new BigDecimal("12345"));
        assertThat(lot("p-1").returnedAmount()).isEqualTo(new BigDecimal("4115"));
    }

    @ParameterizedTest(name = "batch {0}")
    @ValueSource(booleans = {false, true})
    void shouldEarnPerDinarAndClawBackInProportionWhenAPurchaseInDinarsIsPartlyReturned(boolean batch) {
        start("BHD");

        // 12.345 dinars at ten points each earn 123.45, 123 points; 4.115 dinars returned are a third of it: 41 points back
        List<Object> results = run(batch, purchase("p-1", "12.345"), giveBack("ret-1", "p-1", "4.115"));

        assertThat(points(results.get(0))).isEqualTo(123);
        assertThat(points(results.get(1))).isEqualTo(-41);
        assertThat(store.balance(MEMBER).value()).isEqualTo(82);
        assertThat(lot("p-1").sourceAmount()).isEqualTo(new BigDecimal("12.345"));
        assertThat(lot("p-1").returnedAmount()).isEqualTo(new BigDecimal("4.115"));
    }

    @ParameterizedTest(name = "batch {0}")
    @ValueSource(booleans = {false, true})
    void shouldClawBackExactlyWhatWasEarnedWhenPartialReturnsInDinarsAddUpToThePurchase(boolean batch) {
        start("KWD");

        // 10.001 dinars earn 100 points; three returns of a third each (3.334 + 3.334 + 3.333) take back 33 + 34 + 33
        List<Object> results = run(batch, purchase("p-1", "10.001"), giveBack("ret-1", "p-1", "3.334"),
                giveBack("ret-2", "p-1", "3.334"), giveBack("ret-3", "p-1", "3.333"));

        assertThat(points(results.get(0))).isEqualTo(100);
        assertThat(points(results.get(1)) + points(results.get(2)) + points(results.get(3))).isEqualTo(-100);
        assertThat(store.balance(MEMBER).value()).isZero();
        assertThat(lot("p-1").returnedAmount()).isEqualTo(new BigDecimal("10.001"));
    }

    @ParameterizedTest(name = "batch {0}")
    @ValueSource(booleans = {false, true})
    void shouldApplyMultiplierAndDailyCapToPointsEarnedInDinars(boolean batch) {
        start("KWD");

        // 13.334 dinars x 10 x 1.5 = 200.01 points, 200 under the cap; the second purchase that day finds the cap reached
        List<Object> results = run(batch, purchase("promo-1", "13.334"), purchase("promo-2", "0.500"));

        assertThat(points(results.get(0))).isEqualTo(200);
        assertThat(points(results.get(1))).isZero();
        assertThat(store.balance(MEMBER).value()).isEqualTo(200);
    }

    @ParameterizedTest(name = "batch {0}")
    @ValueSource(booleans = {false, true})
    void shouldKeepTheScaleOfWholeAmountsInDinarsWhenStored(boolean batch) {
        start("BHD");

        run(batch, purchase("p-1", "100"), giveBack("ret-1", "p-1", "25"));

        // 100 BHD is 100.000 BHD: the store gives back the amounts with the currency's three decimals, as the engine wrote them
        assertThat(lot("p-1").sourceAmount()).isEqualTo(new BigDecimal("100.000"));
        assertThat(lot("p-1").returnedAmount()).isEqualTo(new BigDecimal("25.000"));
        assertThat(store.returns(MEMBER)).extracting(LotReturn::amount).containsExactly(new BigDecimal("25.000"));
    }

    @ParameterizedTest(name = "batch {0}")
    @ValueSource(booleans = {false, true})
    void shouldScoreTheMonetaryValueNetOfReturnsInDinars(boolean batch) {
        start("BHD");
        run(batch, purchase("p-1", "12.345"), giveBack("ret-1", "p-1", "4.115"));

        List<MemberRfm> scored = new ArrayList<>();
        Insights.of(store, ProgramSettings.builder().currency("BHD").build())
                .segment(RfmSettings.builder(LocalDate.of(2026, 1, 31)).build(), scored::add);

        assertThat(scored).singleElement().extracting(MemberRfm::monetary).isEqualTo(new BigDecimal("8.230"));
    }

    @ParameterizedTest(name = "batch {0}")
    @ValueSource(booleans = {false, true})
    void shouldKeepAmountsFinerThanTheYenExactAndRoundOnlyThePoints(boolean batch) {
        start("JPY");

        // the documented rule: amounts keep their digits, however fine; only the points are rounded, once per event.
        // 150.5 yen earn 1.505 points, 1 point; 75.25 yen returned are half of it: 0.5 points back, rounded half up to 1
        List<Object> results = run(batch, purchase("p-1", "150.5"), giveBack("ret-1", "p-1", "75.25"));

        assertThat(points(results.get(0))).isEqualTo(1);
        assertThat(points(results.get(1))).isEqualTo(-1);
        assertThat(lot("p-1").sourceAmount()).isEqualTo(new BigDecimal("150.5"));
        assertThat(lot("p-1").returnedAmount()).isEqualTo(new BigDecimal("75.25"));
    }

    @ParameterizedTest(name = "batch {0}")
    @ValueSource(booleans = {false, true})
    void shouldKeepAmountsFinerThanThePennyExactAndRoundOnlyThePoints(boolean batch) {
        start("GBP");

        // 10.005 pounds at ten points each earn 100.05 points, 100
        List<Object> results = run(batch, purchase("p-1", "10.005"));

        assertThat(points(results.get(0))).isEqualTo(100);
        assertThat(lot("p-1").sourceAmount()).isEqualTo(new BigDecimal("10.005"));
    }

    @ParameterizedTest(name = "batch {0}")
    @ValueSource(booleans = {false, true})
    void shouldRefuseAPurchaseInAnotherCurrencyAndStoreNothingOfIt(boolean batch) {
        start("JPY");
        Object before = stored();

        List<Object> results = run(batch, purchase("p-1", Money.of("10.00", "EUR")));

        assertThat(results.get(0)).isInstanceOf(CurrencyMismatchException.class);
        assertThat(stored()).isEqualTo(before);
    }

    @ParameterizedTest(name = "batch {0}")
    @ValueSource(booleans = {false, true})
    void shouldRefuseAReturnInAnotherCurrencyThanItsPurchaseAndStoreNothingOfIt(boolean batch) {
        start("BHD");
        run(batch, purchase("p-1", "12.345"));
        Object before = stored();

        // KWD has the same three decimals as BHD: only the currency differs
        List<Object> results = run(batch, giveBack("ret-1", "p-1", Money.of("4.115", "KWD")));

        assertThat(results.get(0)).isInstanceOf(CurrencyMismatchException.class);
        assertThat(stored()).isEqualTo(before);
    }

    @ParameterizedTest(name = "batch {0}")
    @ValueSource(booleans = {false, true})
    void shouldRefuseARedemptionValuedInAnotherCurrencyAndStoreNothingOfIt(boolean batch) {
        start("JPY");
        run(batch, purchase("p-1", "12345"));
        Object before = stored();

        List<Object> results = run(batch, new Redemption(EventId.of("r-1"), MEMBER, clock.instant(), "VOUCHER", 50, Money.of("5.00", "GBP")));

        assertThat(results.get(0)).isInstanceOf(CurrencyMismatchException.class);
        assertThat(stored()).isEqualTo(before);
    }

    @ParameterizedTest(name = "batch {0}")
    @ValueSource(booleans = {false, true})
    void shouldRedeemWithAValueInYen(boolean batch) {
        start("JPY");

        List<Object> results = run(batch, purchase("p-1", "12345"),
                new Redemption(EventId.of("r-1"), MEMBER, clock.instant(), "VOUCHER", 50, Money.of("500", "JPY")));

        assertThat(points(results.get(1))).isEqualTo(-50);
        assertThat(store.balance(MEMBER).value()).isEqualTo(73);
    }

    @Test
    void shouldRefuseAnEngineInYenNamingBothCurrenciesWhenTheStoreRecordsMoneyInPounds() {
        start("GBP");
        run(false, purchase("p-1", "12.34"));

        assertThatThrownBy(() -> engineIn("JPY", store))
                .isInstanceOf(CurrencyMismatchException.class)
                .hasMessage("program.currency is JPY but the store already records money in GBP");
    }

    @Test
    void shouldStoreNothingWhenAnEngineInAnotherCurrencyIsRefused() {
        start("GBP");
        run(false, purchase("p-1", "12.34"));
        Object before = stored();
        List<Object> members = new ArrayList<>();
        store.forEachMember(members::add);

        assertThatThrownBy(() -> engineIn("JPY", store)).isInstanceOf(CurrencyMismatchException.class);

        List<Object> after = new ArrayList<>();
        store.forEachMember(after::add);
        assertThat(stored()).isEqualTo(before);
        assertThat(after).isEqualTo(members);
    }

    @Test
    void shouldRefuseInsightsInYenOverAStoreThatRecordsMoneyInPounds() {
        start("GBP");
        run(false, purchase("p-1", "12.34"));

        // RFM would sum the pounds as yen
        assertThatThrownBy(() -> Insights.of(store, ProgramSettings.builder().currency("JPY").build()))
                .isInstanceOf(CurrencyMismatchException.class)
                .hasMessage("program.currency is JPY but the store already records money in GBP");
    }

    @Test
    void shouldKeepTheFirstCurrencyWhenAnEngineInAnotherCurrencyIsRefused() {
        start("GBP");
        assertThatThrownBy(() -> engineIn("JPY", store)).isInstanceOf(CurrencyMismatchException.class);

        // the refused engine claimed nothing: a third currency is refused naming pounds, not yen
        assertThatThrownBy(() -> engineIn("EUR", store))
                .isInstanceOf(CurrencyMismatchException.class)
                .hasMessage("program.currency is EUR but the store already records money in GBP");
    }

    @Test
    void shouldRefuseAnEngineInYenWhenAnEngineInPoundsWasBuiltFirstEvenBeforeAnyPurchase() {
        start("GBP");   // enrols a member, records no money yet

        assertThatThrownBy(() -> engineIn("JPY", store))
                .isInstanceOf(CurrencyMismatchException.class)
                .hasMessage("program.currency is JPY but the store already records money in GBP");
    }

    @Test
    void shouldClawBackAPurchaseWhenAnotherEngineInTheSameCurrencyIsBuiltOnTheStore() {
        start("JPY");
        run(false, purchase("p-1", "12345"));

        engine = engineIn("JPY", store);
        List<Object> results = run(false, giveBack("ret-1", "p-1", "4115"));

        assertThat(points(results.get(0))).isEqualTo(-41);
        assertThat(store.balance(MEMBER).value()).isEqualTo(82);
    }

    @Test
    void shouldRefuseAnEngineInYenOnTheStoreOpenedAgainOverMoneyRecordedInPounds() {
        start("GBP");
        run(false, purchase("p-1", "12.34"));
        LoyaltyStore again = reopen(store);

        assertThatThrownBy(() -> engineIn("JPY", again))
                .isInstanceOf(CurrencyMismatchException.class)
                .hasMessage("program.currency is JPY but the store already records money in GBP");
    }

    @Test
    void shouldClawBackAPurchaseWhenAnEngineInTheSameCurrencyIsBuiltOnTheStoreOpenedAgain() {
        start("JPY");
        run(false, purchase("p-1", "12345"));
        store = reopen(store);

        engine = engineIn("JPY", store);
        List<Object> results = run(false, giveBack("ret-1", "p-1", "4115"));

        assertThat(points(results.get(0))).isEqualTo(-41);
        assertThat(store.balance(MEMBER).value()).isEqualTo(82);
    }

    @Test
    void shouldLetExactlyOneOfTwoEnginesInDifferentCurrenciesClaimANewStoreWhenBuiltTogether() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                LoyaltyStore first = newStore();
                LoyaltyStore second = reopen(first);
                CountDownLatch go = new CountDownLatch(1);
                Future<Object> pounds = pool.submit(buildAfter(go, "GBP", first));
                Future<Object> yen = pool.submit(buildAfter(go, "JPY", second));
                go.countDown();
                List<Object> built = List.of(pounds.get(1, TimeUnit.MINUTES), yen.get(1, TimeUnit.MINUTES));

                assertThat(built).as("round " + round).filteredOn(LoyaltyEngine.class::isInstance).hasSize(1);
                String winner = built.get(0) instanceof LoyaltyEngine ? "GBP" : "JPY";
                String loser = winner.equals("GBP") ? "JPY" : "GBP";
                assertThat(built).as("round " + round).filteredOn(CurrencyMismatchException.class::isInstance)
                        .singleElement().extracting(e -> ((Exception) e).getMessage())
                        .isEqualTo("program.currency is " + loser + " but the store already records money in " + winner);
                // both stores, each over the same data, agree on the winner
                assertThatThrownBy(() -> engineIn(loser, first)).isInstanceOf(CurrencyMismatchException.class);
                assertThatThrownBy(() -> engineIn(loser, second)).isInstanceOf(CurrencyMismatchException.class);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private Callable<Object> buildAfter(CountDownLatch go, String code, LoyaltyStore on) {
        return () -> {
            go.await();
            try {
                return engineIn(code, on);
            } catch (CurrencyMismatchException e) {
                return e;
            }
        };
    }
}
