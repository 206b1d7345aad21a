package dev.loyalty.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.loyalty.core.ClawbackPolicy;
import dev.loyalty.core.CurrencyMismatchException;
import dev.loyalty.core.EventConflictException;
import dev.loyalty.core.ExpiryPolicy;
import dev.loyalty.core.InsufficientPointsException;
import dev.loyalty.core.HoldStateException;
import dev.loyalty.core.EventResult;
import dev.loyalty.core.InvalidInputException;
import dev.loyalty.core.LoyaltyEngine;
import dev.loyalty.core.Outcome;
import dev.loyalty.core.PointsSummary;
import dev.loyalty.core.ProgramSettings;
import dev.loyalty.core.SweepReport;
import dev.loyalty.core.event.Enrolment;
import dev.loyalty.core.event.HoldCapture;
import dev.loyalty.core.event.HoldVoid;
import dev.loyalty.core.event.PointsHold;
import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.event.Redemption;
import dev.loyalty.core.event.Return;
import dev.loyalty.core.model.EntryType;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.HoldStatus;
import dev.loyalty.core.model.LedgerEntry;
import dev.loyalty.core.model.Lot;
import dev.loyalty.core.model.LotReturn;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.Money;
import dev.loyalty.core.model.Points;
import dev.loyalty.core.spi.Decision;
import dev.loyalty.core.spi.LoyaltyStore;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The points lifecycle as every store must keep it: lots with expiry and pending dates,
 * returns tracked per purchase, holds and claw-back debt all survive between events, and the
 * balance stays the sum of the entries and of the lots. Extend it with a store factory, as
 * with {@link LoyaltyStoreContract}.
 */
public abstract class LifecycleContract {

    private static final MemberId MEMBER = MemberId.of("m-1");
    private static final Instant START = Instant.parse("2026-01-12T10:00:00Z");
    private static final JavaRules BASE_ONLY = JavaRules.of("base-only",
            ctx -> ctx.event() instanceof Purchase
                    ? List.of(new Decision.BaseRate("BASE", "1 point per pound", Decision.WHOLE_EVENT, BigDecimal.ONE))
                    : List.of());

    private final MovableClock clock = new MovableClock(START);
    private LoyaltyStore store;
    private LoyaltyEngine engine;

    /**
     * Returns a new, empty store of the kind under test.
     *
     * @return the store
     */
    protected abstract LoyaltyStore newStore();

    private void start(ProgramSettings.Builder program) {
        start(program, BASE_ONLY);
    }

    private void start(ProgramSettings.Builder program, JavaRules rules) {
        store = newStore();
        engine = LoyaltyEngine.builder().program(program.build()).clock(clock).store(store).ruleEngine(rules).build();
        engine.process(Enrolment.of(EventId.of("enrol"), MEMBER, START));
    }

    /**
     * 10^13 points a pound, so that a purchase of 500,000 earns 5 * 10^18 points, and two of them in one day more than a
     * long holds; a daily cap of 1,000 on the purchases whose id says so.
     */
    private static final JavaRules HUGE_WITH_CAPPED = JavaRules.of("huge", ctx -> {
        if (!(ctx.event() instanceof Purchase purchase)) {
            return List.of();
        }
        Decision base = new Decision.BaseRate("BASE", "10^13 points a pound", Decision.WHOLE_EVENT, new BigDecimal("1E+13"));
        return purchase.eventId().value().startsWith("capped")
                ? List.of(base, new Decision.Cap("DAY-CAP", "At most 1000 points a day", Decision.CapPeriod.DAY, 1_000))
                : List.of(base);
    });

    private static ProgramSettings.Builder program() {
        return ProgramSettings.builder().currency("GBP");
    }

    private Purchase purchase(String id, String amount) {
        return Purchase.builder(EventId.of(id), MEMBER, clock.instant()).line("SKU", "gifts", 1, Money.of(amount, "GBP")).build();
    }

    private void buy(String id, String amount) {
        engine.process(purchase(id, amount));
    }

    private void redeem(String id, long points) {
        engine.process(new Redemption(EventId.of(id), MEMBER, clock.instant(), "REWARD", points, null));
    }

    private void giveBack(String id, String purchase, String amount) {
        engine.process(new Return(EventId.of(id), MEMBER, clock.instant(), EventId.of(purchase), Money.of(amount, "GBP")));
    }

    private Lot lot(String id) {
        return store.lots(MEMBER).stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow();
    }

    private void assertBalanceIsSumOfEntriesAndLots() {
        long balance = store.balance(MEMBER).value();
        assertThat(store.ledger(MEMBER).stream().mapToLong(e -> e.points().value()).sum()).isEqualTo(balance);
        assertThat(store.lots(MEMBER).stream().mapToLong(Lot::remaining).sum()).isEqualTo(balance);
    }

    @Test
    void shouldKeepTheBalanceTheSumOfEntriesAndLotsWhenPointsEarnedAtOneInstantPassWhatALongHolds() {
        start(program().maxPointsPerCredit(Long.MAX_VALUE), HUGE_WITH_CAPPED);
        buy("p-1", "500000");
        redeem("r-1", 5_000_000_000_000_000_000L);

        // at the same instant: 10^19 points earned at it in all, though the balance is only ever 5 * 10^18
        buy("p-2", "500000");

        assertThat(store.balance(MEMBER).value()).isEqualTo(5_000_000_000_000_000_000L);
        assertThat(lot("p-2").remaining()).isEqualTo(5_000_000_000_000_000_000L);
        assertBalanceIsSumOfEntriesAndLots();
    }

    @Test
    void shouldEarnNothingUnderADailyCapWhenPointsEarnedThatDayPassWhatALongHolds() {
        start(program().maxPointsPerCredit(Long.MAX_VALUE), HUGE_WITH_CAPPED);
        buy("p-1", "500000");
        redeem("r-1", 5_000_000_000_000_000_000L);
        clock.advance(Duration.ofMinutes(1));
        buy("p-2", "500000");
        clock.advance(Duration.ofMinutes(1));

        Outcome capped = engine.process(purchase("capped-3", "10"));

        assertThat(capped.points().value()).isZero();
        assertThat(store.balance(MEMBER).value()).isEqualTo(5_000_000_000_000_000_000L);
        assertBalanceIsSumOfEntriesAndLots();
    }

    @Test
    void shouldRedeemFromTheSoonestExpiringLotWhenLotsExpireByDate() {
        start(program().expiry(ExpiryPolicy.rollingMonths(12)));
        buy("p-1", "100");
        clock.advance(Duration.ofDays(30));
        buy("p-2", "100");

        redeem("r-1", 150);

        assertThat(lot("p-1").remaining()).isZero();
        assertThat(lot("p-2").remaining()).isEqualTo(50);
        assertThat(lot("p-2").expiresAt()).isEqualTo(START.plus(Duration.ofDays(30)).atZone(ZoneOffset.UTC).plusMonths(12).toInstant());
        assertBalanceIsSumOfEntriesAndLots();
    }

    @Test
    void shouldCaptureAHoldOnceWhenItWasKeptBetweenEvents() {
        start(program());
        buy("p-1", "100");
        engine.process(new PointsHold(EventId.of("h-1"), MEMBER, clock.instant(), "REWARD", 60, clock.instant().plus(Duration.ofHours(1))));
        assertThat(engine.summary(MEMBER).held()).isEqualTo(Points.of(60));

        engine.process(new HoldCapture(EventId.of("c-1"), MEMBER, clock.instant(), EventId.of("h-1")));

        assertThat(store.holds(MEMBER)).singleElement().extracting(h -> h.status()).isEqualTo(HoldStatus.CAPTURED);
        assertThat(store.balance(MEMBER)).isEqualTo(Points.of(40));
        assertThatThrownBy(() -> engine.process(new HoldCapture(EventId.of("c-2"), MEMBER, clock.instant(), EventId.of("h-1"))))
                .isInstanceOf(HoldStateException.class).hasMessageContaining("CAPTURED");
    }

    @Test
    void shouldRefuseAHoldExpiringAfterTheYear9999AndStoreNothing() {
        start(program());
        buy("p-1", "100");
        Object before = List.of(store.balance(MEMBER), store.ledger(MEMBER), store.lots(MEMBER), store.holds(MEMBER));

        assertThatThrownBy(() -> engine.process(new PointsHold(EventId.of("h-1"), MEMBER, clock.instant(), "REWARD", 60, Instant.MAX)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("hold.expiresAt"))
                .hasMessageContaining("9999-12-31T23:59:59.999999999Z");

        assertThat(List.of(store.balance(MEMBER), store.ledger(MEMBER), store.lots(MEMBER), store.holds(MEMBER))).isEqualTo(before);
        assertThat(store.findEvent(EventId.of("h-1"))).isEmpty();
    }

    @Test
    void shouldRefuseACaptureDatedAtOrAfterItsHoldsExpiryAndStoreNothingWhenTheClockHasNotReachedIt() {
        start(program());
        buy("p-1", "100");
        Instant expiry = clock.instant().plus(Duration.ofMinutes(1));
        engine.process(new PointsHold(EventId.of("h-1"), MEMBER, clock.instant(), "REWARD", 60, expiry));
        Object before = List.of(store.balance(MEMBER), store.ledger(MEMBER), store.lots(MEMBER), store.holds(MEMBER));

        // a till whose clock runs two minutes ahead of the engine's (within the program's skew) captures after the hold lapsed
        assertThatThrownBy(() -> engine.process(new HoldCapture(EventId.of("c-1"), MEMBER, expiry.plus(Duration.ofMinutes(1)), EventId.of("h-1"))))
                .isInstanceOf(HoldStateException.class).hasMessageContaining("h-1").hasMessageContaining("lapsed at " + expiry);

        assertThat(List.of(store.balance(MEMBER), store.ledger(MEMBER), store.lots(MEMBER), store.holds(MEMBER))).isEqualTo(before);
        assertThat(store.findEvent(EventId.of("c-1"))).isEmpty();
    }

    @Test
    void shouldLapseAHoldWhenTheClockPassesItsExpiry() {
        start(program());
        buy("p-1", "100");
        engine.process(new PointsHold(EventId.of("h-1"), MEMBER, clock.instant(), "REWARD", 60, clock.instant().plus(Duration.ofHours(1))));
        clock.advance(Duration.ofHours(2));

        SweepReport report = engine.sweep();

        assertThat(report.lapsedHolds()).isEqualTo(1);
        assertThat(store.holds(MEMBER)).singleElement().extracting(h -> h.status()).isEqualTo(HoldStatus.EXPIRED);
        assertThat(engine.summary(MEMBER).spendable()).isEqualTo(Points.of(100));
    }

    /** Places hold {@code id} of so many points now, lapsing after {@code lasting}. */
    private void hold(String id, long points, Duration lasting) {
        engine.process(new PointsHold(EventId.of(id), MEMBER, clock.instant(), "REWARD", points, clock.instant().plus(lasting)));
    }

    private void capture(String id, String holdId) {
        engine.process(new HoldCapture(EventId.of(id), MEMBER, clock.instant(), EventId.of(holdId)));
    }

    private List<EntryType> entryTypes() {
        return store.ledger(MEMBER).stream().map(LedgerEntry::type).toList();
    }

    @Test
    void shouldCaptureAHoldWhenTheExpiryOfItsPointsPassedWhileItWasActive() {
        start(program().expiry(ExpiryPolicy.rollingMonths(1)));
        buy("p-1", "100");
        clock.set(lot("p-1").expiresAt().minus(Duration.ofHours(1)));
        hold("h-1", 60, Duration.ofHours(3));
        clock.advance(Duration.ofHours(2));

        // the capture's own due work runs first: the 40 points no hold needs expire, the 60 held do not
        capture("c-1", "h-1");

        assertThat(store.balance(MEMBER)).isEqualTo(Points.ZERO);
        assertThat(entryTypes()).containsExactly(EntryType.EARN, EntryType.EXPIRE, EntryType.REDEEM);
        assertThat(store.ledger(MEMBER).get(1).points()).isEqualTo(Points.of(-40));
        assertThat(store.ledger(MEMBER).get(2).points()).isEqualTo(Points.of(-60));
        assertThat(store.holds(MEMBER)).singleElement().extracting(h -> h.status()).isEqualTo(HoldStatus.CAPTURED);
        assertBalanceIsSumOfEntriesAndLots();
    }

    @Test
    void shouldKeepTheHeldPointsWhenASweepPassesTheirExpiryWhileTheHoldIsActive() {
        start(program().expiry(ExpiryPolicy.endOfMonthAfter(1)));
        buy("p-1", "100");
        clock.set(lot("p-1").expiresAt().minus(Duration.ofHours(1)));
        hold("h-1", 60, Duration.ofHours(3));
        clock.advance(Duration.ofHours(2));

        assertThat(engine.sweep().expiredPoints()).isEqualTo(40);
        assertThat(engine.sweep().expiredPoints()).isZero();
        assertThat(engine.summary(MEMBER)).isEqualTo(new PointsSummary(Points.of(60), Points.ZERO, Points.ZERO, Points.of(60), Points.ZERO));
        capture("c-1", "h-1");

        assertThat(store.balance(MEMBER)).isEqualTo(Points.ZERO);
        assertThat(entryTypes()).containsExactly(EntryType.EARN, EntryType.EXPIRE, EntryType.REDEEM);
        assertBalanceIsSumOfEntriesAndLots();
    }

    @Test
    void shouldExpireTheHeldPointsWhenTheirHoldIsVoidedAfterTheirExpiry() {
        start(program().expiry(ExpiryPolicy.rollingMonths(1)));
        buy("p-1", "100");
        Instant expiry = lot("p-1").expiresAt();
        clock.set(expiry.minus(Duration.ofHours(1)));
        hold("h-1", 60, Duration.ofHours(3));
        clock.advance(Duration.ofHours(2));
        engine.sweep();

        engine.process(new HoldVoid(EventId.of("v-1"), MEMBER, clock.instant(), EventId.of("h-1")));

        assertThat(engine.summary(MEMBER).spendable()).isEqualTo(Points.ZERO);
        assertThat(engine.sweep().expiredPoints()).isEqualTo(60);
        assertThat(store.balance(MEMBER)).isEqualTo(Points.ZERO);
        assertThat(store.ledger(MEMBER)).extracting(LedgerEntry::type, LedgerEntry::occurredAt)
                .containsExactly(tuple(EntryType.EARN, START), tuple(EntryType.EXPIRE, expiry), tuple(EntryType.EXPIRE, expiry));
        assertBalanceIsSumOfEntriesAndLots();
    }

    @Test
    void shouldExpireTheHeldPointsWhenTheirHoldLapsesAfterTheirExpiry() {
        start(program().expiry(ExpiryPolicy.rollingMonths(1)));
        buy("p-1", "100");
        clock.set(lot("p-1").expiresAt().minus(Duration.ofHours(1)));
        hold("h-1", 60, Duration.ofHours(3));
        clock.advance(Duration.ofHours(2));
        engine.sweep();
        clock.advance(Duration.ofHours(2));

        SweepReport report = engine.sweep();

        assertThat(report.expiredPoints()).isEqualTo(60);
        assertThat(report.lapsedHolds()).isEqualTo(1);
        assertThat(store.balance(MEMBER)).isEqualTo(Points.ZERO);
        assertBalanceIsSumOfEntriesAndLots();
    }

    @Test
    void shouldDateTheExpiryOfKeptPointsNoEarlierThanExpiriesWrittenMeanwhileWhenTheirHoldIsVoided() {
        start(program().expiry(ExpiryPolicy.rollingMonths(1)));
        buy("p-1", "100");
        clock.advance(Duration.ofDays(1));
        buy("p-2", "50");
        clock.set(lot("p-1").expiresAt().minus(Duration.ofHours(1)));
        hold("h-1", 100, Duration.ofDays(3));
        clock.advance(Duration.ofHours(2));
        engine.sweep();
        Instant laterExpiry = lot("p-2").expiresAt();
        clock.set(laterExpiry.plus(Duration.ofHours(1)));
        assertThat(engine.sweep().expiredPoints()).isEqualTo(50);

        engine.process(new HoldVoid(EventId.of("v-1"), MEMBER, clock.instant(), EventId.of("h-1")));
        engine.sweep();

        assertThat(store.ledger(MEMBER)).filteredOn(e -> e.type() == EntryType.EXPIRE)
                .extracting(LedgerEntry::lotId, e -> e.points().value(), LedgerEntry::occurredAt)
                .containsExactly(tuple("p-2", -50L, laterExpiry), tuple("p-1", -100L, laterExpiry));
        assertThat(store.balance(MEMBER)).isEqualTo(Points.ZERO);
        assertBalanceIsSumOfEntriesAndLots();
    }

    @Test
    void shouldRedeemFromUnexpiredPointsNotFromPointsKeptPastTheirExpiryForAHold() {
        // p-1's 100 points expired on 12 Feb but are kept for h-1; p-2's expire on 10 Mar. A redemption of 100 spends p-2's:
        // the kept points are h-1's, and expire once it is voided
        start(program().expiry(ExpiryPolicy.rollingMonths(1)));
        buy("p-1", "100");
        clock.set(Instant.parse("2026-02-10T10:00:00Z"));
        buy("p-2", "100");
        hold("h-1", 100, Duration.ofDays(5));
        clock.set(Instant.parse("2026-02-13T10:00:00Z"));
        Object before = List.of(store.balance(MEMBER), store.ledger(MEMBER), store.lots(MEMBER), store.holds(MEMBER));
        assertThatThrownBy(() -> redeem("r-too-much", 101)).isInstanceOf(InsufficientPointsException.class);
        assertThat(List.of(store.balance(MEMBER), store.ledger(MEMBER), store.lots(MEMBER), store.holds(MEMBER))).isEqualTo(before);

        redeem("r-1", 100);
        engine.process(new HoldVoid(EventId.of("v-1"), MEMBER, clock.instant(), EventId.of("h-1")));
        engine.sweep();

        assertThat(store.ledger(MEMBER)).filteredOn(e -> e.eventId().value().equals("r-1"))
                .extracting(LedgerEntry::lotId, e -> e.points().value()).containsExactly(tuple("p-2", -100L));
        assertThat(store.ledger(MEMBER)).filteredOn(e -> e.type() == EntryType.EXPIRE)
                .extracting(LedgerEntry::lotId, e -> e.points().value()).containsExactly(tuple("p-1", -100L));
        assertThat(store.balance(MEMBER)).isEqualTo(Points.ZERO);
        assertBalanceIsSumOfEntriesAndLots();
    }

    @Test
    void shouldCaptureAHoldPlacedAfterAnExpiryFromUnexpiredPointsNotFromPointsKeptForAnEarlierHold() {
        // p-1's 60 points expired on 12 Feb but are kept for h-1; h-2, placed after that, was granted on p-2's unexpired 100
        start(program().expiry(ExpiryPolicy.rollingMonths(1)));
        buy("p-1", "60");
        clock.advance(Duration.ofDays(10));
        buy("p-2", "100");
        clock.set(lot("p-1").expiresAt().minus(Duration.ofHours(1)));
        hold("h-1", 60, Duration.ofDays(5));
        clock.advance(Duration.ofHours(2));
        assertThat(engine.sweep().expiredPoints()).isZero();
        hold("h-2", 100, Duration.ofDays(1));

        capture("c-2", "h-2");
        engine.process(new HoldVoid(EventId.of("v-1"), MEMBER, clock.instant(), EventId.of("h-1")));
        engine.sweep();

        assertThat(store.ledger(MEMBER)).filteredOn(e -> e.eventId().value().equals("c-2"))
                .extracting(LedgerEntry::lotId, e -> e.points().value()).containsExactly(tuple("p-2", -100L));
        assertThat(store.ledger(MEMBER)).filteredOn(e -> e.type() == EntryType.EXPIRE)
                .extracting(LedgerEntry::lotId, e -> e.points().value()).containsExactly(tuple("p-1", -60L));
        assertThat(store.balance(MEMBER)).isEqualTo(Points.ZERO);
        assertBalanceIsSumOfEntriesAndLots();
    }

    @Test
    void shouldExpireKeptPointsWhenTheirHoldIsVoidedThoughAHoldPlacedAfterTheirExpiryIsActive() {
        // p-1 expired on 12 Feb; 30 of its points are kept for h-1. h-2, placed after that, reserves p-2's 100 unexpired points
        start(program().expiry(ExpiryPolicy.rollingMonths(1)));
        buy("p-1", "60");
        clock.advance(Duration.ofDays(10));
        buy("p-2", "100");
        Instant expiry = lot("p-1").expiresAt();
        clock.set(expiry.minus(Duration.ofHours(1)));
        hold("h-1", 30, Duration.ofDays(5));
        clock.advance(Duration.ofHours(2));
        assertThat(engine.sweep().expiredPoints()).isEqualTo(30);
        hold("h-2", 100, Duration.ofDays(1));

        engine.process(new HoldVoid(EventId.of("v-1"), MEMBER, clock.instant(), EventId.of("h-1")));

        assertThat(engine.summary(MEMBER)).isEqualTo(new PointsSummary(Points.of(100), Points.ZERO, Points.ZERO, Points.of(100), Points.ZERO));
        assertThat(engine.sweep().expiredPoints()).isEqualTo(30);
        assertThat(store.ledger(MEMBER)).filteredOn(e -> e.type() == EntryType.EXPIRE)
                .extracting(LedgerEntry::lotId, e -> e.points().value(), LedgerEntry::occurredAt)
                .containsExactly(tuple("p-1", -30L, expiry), tuple("p-1", -30L, expiry));
        assertThatThrownBy(() -> redeem("r-1", 1)).isInstanceOf(InsufficientPointsException.class);
        assertBalanceIsSumOfEntriesAndLots();
    }

    @Test
    void shouldKeepTheSoonestExpiringPointsForAHoldWhenTheirExpiryPassesWhileItIsActive() {
        start(program().expiry(ExpiryPolicy.rollingMonths(1)));
        buy("p-1", "100");
        clock.advance(Duration.ofDays(10));
        buy("p-2", "100");
        clock.set(lot("p-1").expiresAt().minus(Duration.ofHours(1)));
        // a capture now would spend p-1's points, the soonest-expiring: those are the ones the hold keeps
        hold("h-1", 100, Duration.ofHours(3));
        clock.advance(Duration.ofHours(2));

        assertThat(engine.sweep().expiredPoints()).isZero();
        capture("c-1", "h-1");

        assertThat(lot("p-1").remaining()).isZero();
        assertThat(lot("p-2").remaining()).isEqualTo(100);
        assertThat(store.balance(MEMBER)).isEqualTo(Points.of(100));
        assertBalanceIsSumOfEntriesAndLots();
    }

    @Test
    void shouldCaptureAHoldWhenTheInactivityDeadlinePassedWhileItWasActive() {
        start(program().expiry(ExpiryPolicy.afterInactiveMonths(1)));
        buy("p-1", "100");
        Instant deadline = START.atZone(ZoneOffset.UTC).plusMonths(1).toInstant();
        clock.set(deadline.minus(Duration.ofHours(1)));
        hold("h-1", 60, Duration.ofHours(3));
        clock.advance(Duration.ofHours(2));

        assertThat(engine.sweep().expiredPoints()).isEqualTo(40);
        capture("c-1", "h-1");

        assertThat(store.balance(MEMBER)).isEqualTo(Points.ZERO);
        assertThat(entryTypes()).containsExactly(EntryType.EARN, EntryType.EXPIRE, EntryType.REDEEM);
        assertBalanceIsSumOfEntriesAndLots();
    }

    @Test
    void shouldExpirePointsKeptForAHoldPastTheInactivityDeadlineWhenItIsVoidedThoughAnotherHoldWasCapturedSince() {
        start(program().expiry(ExpiryPolicy.afterInactiveMonths(1)));
        buy("p-1", "100");
        Instant deadline = START.atZone(ZoneOffset.UTC).plusMonths(1).toInstant();
        clock.set(deadline.minus(Duration.ofHours(1)));
        hold("h-1", 10, Duration.ofHours(3));
        hold("h-2", 90, Duration.ofHours(3));
        clock.advance(Duration.ofHours(2));
        // a capture is activity, but it arrives after the deadline: the points h-2 keeps were due then all the same
        capture("c-1", "h-1");

        engine.process(new HoldVoid(EventId.of("v-2"), MEMBER, clock.instant(), EventId.of("h-2")));

        assertThat(engine.sweep().expiredPoints()).isEqualTo(90);
        assertThat(store.balance(MEMBER)).isEqualTo(Points.ZERO);
        assertThat(store.ledger(MEMBER)).extracting(LedgerEntry::type, LedgerEntry::occurredAt).last()
                .isEqualTo(tuple(EntryType.EXPIRE, deadline));
        assertBalanceIsSumOfEntriesAndLots();
    }

    @Test
    void shouldReleasePendingPointsOnceWhenTheReturnWindowCloses() {
        start(program().returnWindowDays(14));
        buy("p-1", "100");
        assertThat(engine.summary(MEMBER)).isEqualTo(new PointsSummary(Points.of(100), Points.ZERO, Points.of(100), Points.ZERO, Points.ZERO));
        clock.advance(Duration.ofDays(15));

        assertThat(engine.sweep().released()).isEqualTo(1);
        assertThat(engine.sweep()).isEqualTo(new SweepReport(1, 0, 0, 0, 0));
        assertThat(lot("p-1").isPending()).isFalse();
        assertThat(store.ledger(MEMBER)).extracting(LedgerEntry::type).containsExactly(EntryType.PENDING, EntryType.RELEASE);
    }

    @Test
    void shouldClawBackExactlyWhatWasEarnedWhenPartialReturnsAddUpToThePurchase() {
        start(program());
        buy("p-1", "100");

        giveBack("ret-1", "p-1", "30");
        giveBack("ret-2", "p-1", "70");
        giveBack("ret-3", "p-1", "10");

        assertThat(lot("p-1").clawedBack()).isEqualTo(100);
        assertThat(lot("p-1").returnedAmount()).isEqualByComparingTo("110");
        assertThat(store.balance(MEMBER)).isEqualTo(Points.ZERO);
        assertBalanceIsSumOfEntriesAndLots();
    }

    @Test
    void shouldRecordEachReturnOfAPurchaseWithItsEventTimeAndAmountInOrder() {
        start(program());
        buy("p-1", "100");
        Instant first = clock.instant();
        giveBack("ret-1", "p-1", "30");
        clock.advance(Duration.ofHours(2));

        giveBack("ret-2", "p-1", "70.50");

        assertThat(store.returns(MEMBER)).containsExactly(
                new LotReturn(MEMBER, "p-1", EventId.of("ret-1"), first, new BigDecimal("30.00")),
                new LotReturn(MEMBER, "p-1", EventId.of("ret-2"), first.plus(Duration.ofHours(2)), new BigDecimal("70.50")));
    }

    @Test
    void shouldRecordAReturnOnceWhenItIsReplayed() {
        start(program());
        buy("p-1", "100");
        giveBack("ret-1", "p-1", "30");

        giveBack("ret-1", "p-1", "30");

        assertThat(store.returns(MEMBER)).extracting(LotReturn::eventId).containsExactly(EventId.of("ret-1"));
        assertThat(lot("p-1").returnedAmount()).isEqualByComparingTo("30");
    }

    @Test
    void shouldRecordNoReturnWhenAReturnConflictsWithTheOneRecordedUnderItsId() {
        start(program());
        buy("p-1", "100");
        giveBack("ret-1", "p-1", "30");
        List<LotReturn> before = store.returns(MEMBER);

        assertThatThrownBy(() -> giveBack("ret-1", "p-1", "40")).isInstanceOf(EventConflictException.class);

        assertThat(store.returns(MEMBER)).isEqualTo(before);
    }

    @Test
    void shouldRecordNoReturnWhenTheReturnPrecedesItsPurchase() {
        start(program());
        buy("p-1", "100");

        assertThatThrownBy(() -> engine.process(new Return(EventId.of("ret-1"), MEMBER, clock.instant().minusSeconds(1), EventId.of("p-1"),
                Money.of("30", "GBP")))).isInstanceOf(InvalidInputException.class);

        assertThat(store.returns(MEMBER)).isEmpty();
        assertThat(lot("p-1").returnedAmount()).isEqualByComparingTo("0");
    }

    @Test
    void shouldRecordNoReturnWhenTheReturnIsInAnotherCurrency() {
        start(program());
        buy("p-1", "100");

        assertThatThrownBy(() -> engine.process(new Return(EventId.of("ret-1"), MEMBER, clock.instant(), EventId.of("p-1"),
                Money.of("30", "EUR")))).isInstanceOf(CurrencyMismatchException.class);

        assertThat(store.returns(MEMBER)).isEmpty();
    }

    @Test
    void shouldRecordNoReturnWhenTheReturnNamesAnUnknownPurchase() {
        start(program());
        buy("p-1", "100");

        giveBack("ret-1", "p-unknown", "30");

        assertThat(store.returns(MEMBER)).isEmpty();
        assertThat(lot("p-1").returnedAmount()).isEqualByComparingTo("0");
    }

    @Test
    void shouldRefuseAndRecordNothingForEitherMemberWhenTheReturnNamesAnotherMembersPurchase() {
        start(program());
        MemberId other = MemberId.of("m-2");
        engine.process(Enrolment.of(EventId.of("enrol-2"), other, START));
        engine.process(Purchase.builder(EventId.of("p-2"), other, clock.instant()).line("SKU", "gifts", 1, Money.of("100", "GBP")).build());
        List<Object> before = List.of(store.ledger(MEMBER), store.lots(MEMBER), store.ledger(other), store.lots(other));

        assertThatThrownBy(() -> giveBack("ret-1", "p-2", "30"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("return.purchaseId"))
                .hasMessageContaining("p-2").hasMessageContaining("member m-2").hasMessageContaining("member m-1");

        assertThat(store.findEvent(EventId.of("ret-1"))).isEmpty();
        assertThat(store.returns(MEMBER)).isEmpty();
        assertThat(store.returns(other)).isEmpty();
        assertThat(List.of(store.ledger(MEMBER), store.lots(MEMBER), store.ledger(other), store.lots(other))).isEqualTo(before);
    }

    @Test
    void shouldRefuseInABatchAReturnNamingAnEventOfItsMemberThatIsNotAPurchaseOrAnotherMembersPurchaseAndLinkTheRest() {
        start(program());
        MemberId other = MemberId.of("m-2");
        engine.process(Enrolment.of(EventId.of("enrol-2"), other, START));
        buy("p-1", "100");

        List<EventResult> results = engine.processAll(List.of(
                Purchase.builder(EventId.of("p-2"), other, clock.instant()).line("SKU", "gifts", 1, Money.of("100", "GBP")).build(),
                purchase("p-3", "50"),
                new Return(EventId.of("ret-enrol"), MEMBER, clock.instant(), EventId.of("enrol"), Money.of("10", "GBP")),
                new Return(EventId.of("ret-theirs"), MEMBER, clock.instant(), EventId.of("p-2"), Money.of("10", "GBP")),
                new Return(EventId.of("ret-3"), MEMBER, clock.instant(), EventId.of("p-3"), Money.of("10", "GBP")),
                new Return(EventId.of("ret-1"), MEMBER, clock.instant(), EventId.of("p-1"), Money.of("20", "GBP"))));

        assertThat(results.get(2).error()).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.field()).isEqualTo("return.purchaseId")).hasMessageContaining("enrolment");
        assertThat(results.get(3).error()).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.field()).isEqualTo("return.purchaseId")).hasMessageContaining("member m-2");
        assertThat(List.of(results.get(0), results.get(1), results.get(4), results.get(5))).allSatisfy(r -> assertThat(r.error()).isNull());
        assertThat(store.findEvent(EventId.of("ret-enrol"))).isEmpty();
        assertThat(store.findEvent(EventId.of("ret-theirs"))).isEmpty();
        assertThat(store.returns(MEMBER)).extracting(LotReturn::eventId).containsExactlyInAnyOrder(EventId.of("ret-3"), EventId.of("ret-1"));
        assertThat(store.returns(other)).isEmpty();
        assertThat(lot("p-3").clawedBack()).isEqualTo(10);
        assertThat(lot("p-1").clawedBack()).isEqualTo(20);
    }

    @Test
    void shouldKeepDebtOffTheBalanceAndRepayItWhenTheMemberBuysAgain() {
        start(program().clawback(ClawbackPolicy.DEBT));
        buy("p-1", "100");
        redeem("r-1", 100);
        giveBack("ret-1", "p-1", "100");
        assertThat(store.account(MEMBER).debt()).isEqualTo(100);

        buy("p-2", "60");

        assertThat(store.account(MEMBER).debt()).isEqualTo(40);
        assertThat(store.balance(MEMBER)).isEqualTo(Points.ZERO);
        assertBalanceIsSumOfEntriesAndLots();
    }

    @Test
    void shouldCarryANegativeBalanceOnTheDebtLotWhenThatIsThePolicy() {
        start(program().clawback(ClawbackPolicy.NEGATIVE_BALANCE));
        buy("p-1", "100");
        redeem("r-1", 100);
        giveBack("ret-1", "p-1", "100");
        assertThat(store.balance(MEMBER)).isEqualTo(Points.of(-100));

        buy("p-2", "150");

        assertThat(store.balance(MEMBER)).isEqualTo(Points.of(50));
        assertThat(lot(Lot.DEBT_LOT).remaining()).isZero();
        assertBalanceIsSumOfEntriesAndLots();
    }

    @Test
    void shouldRepayTheDebtLotFirstWhenTheProgramSwitchedFromNegativeBalanceToDebt() {
        start(program().clawback(ClawbackPolicy.NEGATIVE_BALANCE));
        buy("p-1", "100");
        redeem("r-1", 100);
        giveBack("ret-1", "p-1", "100");
        assertThat(store.balance(MEMBER)).isEqualTo(Points.of(-100));
        switchTo(program().clawback(ClawbackPolicy.DEBT));

        buy("p-2", "150");

        assertThat(engine.summary(MEMBER)).isEqualTo(new PointsSummary(Points.of(50), Points.of(50), Points.ZERO, Points.ZERO, Points.ZERO));
        assertThat(store.ledger(MEMBER).stream().filter(e -> e.eventId().value().equals("p-2")))
                .extracting(LedgerEntry::type, e -> e.points().value(), LedgerEntry::lotId)
                .containsExactly(tuple(EntryType.EARN, 150L, "p-2"), tuple(EntryType.REPAY, -100L, "p-2"), tuple(EntryType.REPAY, 100L, Lot.DEBT_LOT));
        assertThat(lot(Lot.DEBT_LOT).remaining()).isZero();
        assertThat(lot("p-2").remaining()).isEqualTo(50);
        assertThat(store.account(MEMBER).debt()).isZero();
        assertBalanceIsSumOfEntriesAndLots();
    }

    @Test
    void shouldNotLeaveTheBalanceNegativeWhenPointsEarnedAfterASwitchFromNegativeBalanceToDebtExpire() {
        start(program().expiry(ExpiryPolicy.rollingMonths(1)).clawback(ClawbackPolicy.NEGATIVE_BALANCE));
        buy("p-1", "100");
        redeem("r-1", 100);
        giveBack("ret-1", "p-1", "100");
        switchTo(program().expiry(ExpiryPolicy.rollingMonths(1)).clawback(ClawbackPolicy.DEBT));
        buy("p-2", "60");
        buy("p-3", "100");

        clock.advance(Duration.ofDays(40));
        engine.sweep();

        // p-2's 60 points and 40 of p-3's repaid what was owed; only the 60 left of p-3 expire
        assertThat(engine.summary(MEMBER)).isEqualTo(new PointsSummary(Points.ZERO, Points.ZERO, Points.ZERO, Points.ZERO, Points.ZERO));
        assertThat(lot(Lot.DEBT_LOT).remaining()).isZero();
        assertBalanceIsSumOfEntriesAndLots();
    }

    @Test
    void shouldRepayTheDebtKeptOffTheBalanceAndTheDebtLotWhenBothAreOwedAfterSwitchesBetweenThePolicies() {
        start(program().clawback(ClawbackPolicy.DEBT));
        buy("p-1", "100");
        redeem("r-1", 100);
        switchTo(program().clawback(ClawbackPolicy.NEGATIVE_BALANCE));
        buy("p-2", "100");
        redeem("r-2", 100);
        giveBack("ret-2", "p-2", "100");
        switchTo(program().clawback(ClawbackPolicy.DEBT));
        giveBack("ret-1", "p-1", "100");
        assertThat(store.account(MEMBER).debt()).isEqualTo(100);
        assertThat(lot(Lot.DEBT_LOT).remaining()).isEqualTo(-100);
        assertThat(engine.summary(MEMBER)).isEqualTo(new PointsSummary(Points.of(-100), Points.ZERO, Points.ZERO, Points.ZERO, Points.of(200)));

        buy("p-3", "250");

        assertThat(engine.summary(MEMBER)).isEqualTo(new PointsSummary(Points.of(50), Points.of(50), Points.ZERO, Points.ZERO, Points.ZERO));
        assertThat(store.account(MEMBER).debt()).isZero();
        assertThat(lot(Lot.DEBT_LOT).remaining()).isZero();
        assertThat(lot("p-3").remaining()).isEqualTo(50);
        assertBalanceIsSumOfEntriesAndLots();
    }

    /** The program's settings changed: a new engine over the same store and clock. */
    private void switchTo(ProgramSettings.Builder program) {
        engine = LoyaltyEngine.builder().program(program.build()).clock(clock).store(store).ruleEngine(BASE_ONLY).build();
    }

    @Test
    void shouldReplayAPurchaseWithItsFirstEntriesWhenItsPointsWereReleasedSince() {
        start(program().returnWindowDays(14));
        Purchase purchase = purchase("p-1", "100");
        Outcome first = engine.process(purchase);
        clock.advance(Duration.ofDays(15));
        buy("p-2", "10");

        Outcome replay = engine.process(purchase);

        assertThat(store.ledger(MEMBER)).extracting(LedgerEntry::type).contains(EntryType.RELEASE);
        assertThat(replay.entries()).isEqualTo(first.entries());
    }

    @Test
    void shouldReplayAPurchaseWithItsFirstEntriesWhenItsPointsExpiredSince() {
        start(program().expiry(ExpiryPolicy.rollingMonths(1)));
        Purchase purchase = purchase("p-1", "100");
        Outcome first = engine.process(purchase);
        clock.advance(Duration.ofDays(40));
        engine.sweep();

        Outcome replay = engine.process(purchase);

        assertThat(store.ledger(MEMBER)).extracting(LedgerEntry::type).contains(EntryType.EXPIRE);
        assertThat(replay.entries()).isEqualTo(first.entries());
    }

    @Test
    void shouldExpireOnlyWhatIsLeftWhenALotWasPartSpent() {
        start(program().expiry(ExpiryPolicy.rollingMonths(1)));
        buy("p-1", "100");
        redeem("r-1", 30);
        clock.advance(Duration.ofDays(40));

        assertThat(engine.sweep().expiredPoints()).isEqualTo(70);
        assertThat(engine.sweep().expiredPoints()).isZero();
        assertThat(store.balance(MEMBER)).isEqualTo(Points.ZERO);
        assertBalanceIsSumOfEntriesAndLots();
    }

    @Test
    void shouldTakeNothingFromOtherPointsWhenTheReturnedPurchasesPointsExpired() {
        start(program().expiry(ExpiryPolicy.rollingMonths(1)).clawback(ClawbackPolicy.DEBT));
        buy("p-1", "100");
        clock.advance(Duration.ofDays(40));
        buy("p-2", "50");   // the member's next event expires p-1's 100 points first

        Outcome outcome = engine.process(new Return(EventId.of("ret-1"), MEMBER, clock.instant(), EventId.of("p-1"), Money.of("100", "GBP")));

        assertThat(outcome.points()).isEqualTo(Points.ZERO);
        assertThat(lot("p-2").remaining()).isEqualTo(50);
        assertThat(engine.summary(MEMBER)).isEqualTo(new PointsSummary(Points.of(50), Points.of(50), Points.ZERO, Points.ZERO, Points.ZERO));
        assertThat(lot("p-1").clawedBack()).isEqualTo(100);
        assertThat(outcome.explanation().toText()).contains("100 had expired, not taken again").doesNotContain("had been spent");
        assertBalanceIsSumOfEntriesAndLots();
    }

    @Test
    void shouldOweNothingUnderANegativeBalanceWhenTheReturnedPurchasesPointsExpired() {
        start(program().expiry(ExpiryPolicy.rollingMonths(1)).clawback(ClawbackPolicy.NEGATIVE_BALANCE));
        buy("p-1", "100");
        clock.advance(Duration.ofDays(40));
        assertThat(engine.sweep().expiredPoints()).isEqualTo(100);

        giveBack("ret-1", "p-1", "100");

        assertThat(engine.summary(MEMBER)).isEqualTo(new PointsSummary(Points.ZERO, Points.ZERO, Points.ZERO, Points.ZERO, Points.ZERO));
        assertThat(store.ledger(MEMBER)).extracting(LedgerEntry::type).doesNotContain(EntryType.REVERSE);
        assertBalanceIsSumOfEntriesAndLots();
    }

    @Test
    void shouldClawBackOnlyTheSpentShareWhenTheRestOfTheReturnedPurchasesPointsExpired() {
        start(program().expiry(ExpiryPolicy.rollingMonths(1)).clawback(ClawbackPolicy.DEBT));
        buy("p-1", "100");
        redeem("r-1", 30);
        clock.advance(Duration.ofDays(40));
        buy("p-2", "100");   // p-1's other 70 points expire first

        Outcome outcome = engine.process(new Return(EventId.of("ret-1"), MEMBER, clock.instant(), EventId.of("p-1"), Money.of("100", "GBP")));

        assertThat(outcome.points()).isEqualTo(Points.of(-30));
        assertThat(lot("p-2").remaining()).isEqualTo(70);
        assertThat(engine.summary(MEMBER).debt()).isEqualTo(Points.ZERO);
        assertThat(outcome.explanation().toText()).contains("70 had expired, not taken again").contains("30 had been spent");
        assertBalanceIsSumOfEntriesAndLots();
    }

    @Test
    void shouldKeepOnlyTheSpentShareAsDebtWhenTheRestOfTheReturnedPurchasesPointsExpiredAndNoOtherPointsAreLeft() {
        start(program().expiry(ExpiryPolicy.rollingMonths(1)).clawback(ClawbackPolicy.DEBT));
        buy("p-1", "100");
        redeem("r-1", 30);
        clock.advance(Duration.ofDays(40));
        assertThat(engine.sweep().expiredPoints()).isEqualTo(70);

        giveBack("ret-1", "p-1", "100");

        assertThat(engine.summary(MEMBER)).isEqualTo(new PointsSummary(Points.ZERO, Points.ZERO, Points.ZERO, Points.ZERO, Points.of(30)));
        assertThat(store.account(MEMBER).debt()).isEqualTo(30);
        assertBalanceIsSumOfEntriesAndLots();
    }

    @Test
    void shouldClawBackTheSpentShareExactlyOnceWhenPartialReturnsFollowTheExpiry() {
        start(program().expiry(ExpiryPolicy.rollingMonths(1)).clawback(ClawbackPolicy.DEBT));
        buy("p-1", "100");
        redeem("r-1", 30);
        clock.advance(Duration.ofDays(40));
        buy("p-2", "100");   // p-1's other 70 points expire first

        giveBack("ret-1", "p-1", "50");   // 50 of the 100: covered by the 70 that expired
        assertThat(store.balance(MEMBER)).isEqualTo(Points.of(100));
        giveBack("ret-2", "p-1", "30");   // 80 in all: 70 expired, 10 spent
        assertThat(store.balance(MEMBER)).isEqualTo(Points.of(90));
        giveBack("ret-3", "p-1", "20");   // 100 in all: the other 20 spent
        assertThat(store.balance(MEMBER)).isEqualTo(Points.of(70));
        giveBack("ret-4", "p-1", "10");   // beyond the purchase amount: nothing more

        assertThat(store.balance(MEMBER)).isEqualTo(Points.of(70));
        assertThat(engine.summary(MEMBER).debt()).isEqualTo(Points.ZERO);
        assertThat(lot("p-1").clawedBack()).isEqualTo(100);
        assertBalanceIsSumOfEntriesAndLots();
    }

    @Test
    void shouldClawBackTheSpentShareOnceWhenOneReturnCameBeforeTheExpiryAndOneAfter() {
        start(program().expiry(ExpiryPolicy.rollingMonths(1)).clawback(ClawbackPolicy.DEBT));
        buy("p-1", "100");
        giveBack("ret-1", "p-1", "20");   // 20 from the lot, 80 left in it
        redeem("r-1", 30);                // 50 left in it
        clock.advance(Duration.ofDays(40));
        buy("p-2", "100");                // the 50 expire

        giveBack("ret-2", "p-1", "80");   // 80 more: 50 expired, 30 spent

        assertThat(store.balance(MEMBER)).isEqualTo(Points.of(70));
        assertThat(engine.summary(MEMBER).debt()).isEqualTo(Points.ZERO);
        assertThat(lot("p-1").clawedBack()).isEqualTo(100);
        assertBalanceIsSumOfEntriesAndLots();
    }

    @Test
    void shouldStartInactivityAtTheLastActivityWhenItWasStoredBetweenEvents() {
        start(program().expiry(ExpiryPolicy.afterInactiveMonths(2)));
        buy("p-1", "100");
        clock.advance(Duration.ofDays(45));
        redeem("r-1", 10);
        clock.advance(Duration.ofDays(45));

        assertThat(engine.sweep().expiredPoints()).isZero();
        assertThat(store.account(MEMBER).lastActivityAt()).isEqualTo(START.plus(Duration.ofDays(45)));
    }

    @Test
    void shouldReleaseEachPendingLotOnceWhenSweepsRaceTheMembersEvents() throws Exception {
        for (int round = 0; round < 4; round++) {
            clock.set(START);
            start(program().returnWindowDays(14));
            for (int i = 0; i < 10; i++) {
                buy("p-" + i, "10");
            }
            clock.advance(Duration.ofDays(15));
            List<Supplier<Object>> tasks = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                Redemption redemption = new Redemption(EventId.of("r-" + t), MEMBER, clock.instant(), "REWARD", 10, null);
                Purchase purchase = purchase("q-" + t, "5");
                tasks.add(engine::sweep);
                tasks.add(() -> engine.process(redemption));
                tasks.add(() -> engine.process(purchase));
            }

            List<Object> results = Fixtures.runConcurrently(tasks, 8, Duration.ofMinutes(1));

            assertThat(results).as("round %d", round).noneMatch(Throwable.class::isInstance);
            assertThat(entriesPerLot(EntryType.RELEASE)).as("round %d", round)
                    .isEqualTo(once("p-0", "p-1", "p-2", "p-3", "p-4", "p-5", "p-6", "p-7", "p-8", "p-9"));
            assertThat(store.balance(MEMBER)).isEqualTo(Points.of(100 - 40 + 20));
            assertBalanceIsSumOfEntriesAndLots();
        }
    }

    @Test
    void shouldExpireEachLotOnceWhenSweepsRaceTheMembersEvents() throws Exception {
        for (int round = 0; round < 4; round++) {
            clock.set(START);
            start(program().expiry(ExpiryPolicy.rollingMonths(1)));
            for (int i = 0; i < 10; i++) {
                buy("p-" + i, "10");
            }
            // the soonest-expiring lots pay first: p-0 to p-3 are spent, p-4 to p-9 keep 10 points each
            redeem("r-1", 40);
            clock.advance(Duration.ofDays(32));
            List<Supplier<Object>> tasks = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                Purchase purchase = purchase("q-" + t, "5");
                tasks.add(engine::sweep);
                tasks.add(() -> engine.process(purchase));
            }

            List<Object> results = Fixtures.runConcurrently(tasks, 8, Duration.ofMinutes(1));

            assertThat(results).as("round %d", round).noneMatch(Throwable.class::isInstance);
            assertThat(entriesPerLot(EntryType.EXPIRE)).as("round %d", round).isEqualTo(once("p-4", "p-5", "p-6", "p-7", "p-8", "p-9"));
            assertThat(store.balance(MEMBER)).isEqualTo(Points.of(20));
            assertBalanceIsSumOfEntriesAndLots();
        }
    }

    /** Each lot once, as {@link #entriesPerLot} counts them. */
    private static Map<String, Long> once(String... lots) {
        Map<String, Long> counts = new HashMap<>();
        for (String lot : lots) {
            counts.put(lot, 1L);
        }
        return counts;
    }

    /** Counts the member's entries of a type by the lot they name. */
    private Map<String, Long> entriesPerLot(EntryType type) {
        Map<String, Long> counts = new HashMap<>();
        for (LedgerEntry entry : store.ledger(MEMBER)) {
            if (entry.type() == type) {
                counts.merge(entry.lotId(), 1L, Long::sum);
            }
        }
        return counts;
    }

    @Test
    void shouldCaptureOrVoidAHoldOnceWhenThreadsCaptureAndVoidItAtOnce() throws Exception {
        for (int round = 0; round < 10; round++) {
            clock.set(START);
            start(program());
            buy("p-1", "100");
            engine.process(new PointsHold(EventId.of("h-1"), MEMBER, clock.instant(), "REWARD", 80, clock.instant().plus(Duration.ofHours(1))));
            List<Supplier<Object>> tasks = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                EventId id = EventId.of((t % 2 == 0 ? "c-" : "v-") + t);
                tasks.add(t % 2 == 0 ? () -> engine.process(new HoldCapture(id, MEMBER, clock.instant(), EventId.of("h-1")))
                        : () -> engine.process(new HoldVoid(id, MEMBER, clock.instant(), EventId.of("h-1"))));
            }

            List<Object> results = Fixtures.runConcurrently(tasks, 8, Duration.ofMinutes(1));

            assertThat(results).as("round %d", round).filteredOn(Outcome.class::isInstance).hasSize(1);
            assertThat(results).as("round %d", round).filteredOn(HoldStateException.class::isInstance).hasSize(7);
            HoldStatus status = store.holds(MEMBER).get(0).status();
            assertThat(store.balance(MEMBER)).isEqualTo(Points.of(status == HoldStatus.CAPTURED ? 20 : 100));
            assertBalanceIsSumOfEntriesAndLots();
        }
    }

    /** A clock the test moves by hand. */
    private static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        void set(Instant to) {
            now = to;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
