package dev.loyalty.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.core.BirthdayWindow;
import dev.loyalty.core.ExpiryPolicy;
import dev.loyalty.core.InvalidInputException;
import dev.loyalty.core.LoyaltyEngine;
import dev.loyalty.core.OfferNotRedeemableException;
import dev.loyalty.core.OfferPolicy;
import dev.loyalty.core.PointsOverflowException;
import dev.loyalty.core.Outcome;
import dev.loyalty.core.PointsPolicy;
import dev.loyalty.core.ProgramSettings;
import dev.loyalty.core.RuleEvaluationException;
import dev.loyalty.core.RedeemedOffer;
import dev.loyalty.core.SweepListener;
import dev.loyalty.core.SweepProgress;
import dev.loyalty.core.SweepReport;
import dev.loyalty.core.SweepRequest;
import dev.loyalty.core.event.Enrolment;
import dev.loyalty.core.event.OfferRedemption;
import dev.loyalty.core.event.ProfileChange;
import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.LedgerEntry;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.Money;
import dev.loyalty.core.model.Offer;
import dev.loyalty.core.model.OfferKind;
import dev.loyalty.core.model.OfferStatus;
import dev.loyalty.core.model.OfferTrigger;
import dev.loyalty.core.model.Points;
import dev.loyalty.core.spi.Decision;
import dev.loyalty.core.spi.LoyaltyStore;
import dev.loyalty.core.spi.SweepCheckpoint;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Birthday and win-back offers and the sweep that issues them, as every store must keep them:
 * at most once per occasion, in the member's zone, with their lifecycle, redemption and
 * conversion, and a sweep that is partitionable, resumable and reports progress. Extend it with
 * a store factory, as with {@link LoyaltyStoreContract}. The clock is fixed and moved by hand.
 */
public abstract class OffersContract {

    private static final ZoneId KIRITIMATI = ZoneId.of("Pacific/Kiritimati");
    private static final ZoneId HONOLULU = ZoneId.of("Pacific/Honolulu");
    private static final Instant LONG_AGO = Instant.parse("2026-01-05T12:00:00Z");
    private static final JavaRules.SweepRule BIRTHDAY_RULE = ctx -> ctx.birthday() != null
            ? List.of(new Decision.IssueOffer(JavaRules.BIRTHDAY, "Happy birthday", OfferTrigger.BIRTHDAY, JavaRules.BIRTHDAY,
                    OfferKind.POINTS, BigDecimal.valueOf(500), null, 30))
            : List.of();
    private static final JavaRules BIRTHDAY_ONLY = JavaRules.none().withSweepRules("birthday-only", BIRTHDAY_RULE);
    private static final JavaRules BASE_AND_OFFERS = JavaRules.of("base",
            ctx -> ctx.event() instanceof Purchase
                    ? List.of(new Decision.BaseRate("BASE", "1 point per pound", Decision.WHOLE_EVENT, BigDecimal.ONE))
                    : List.of()).withOfferPack();

    private final TestClock clock = new TestClock(LONG_AGO);
    private LoyaltyStore store;
    private LoyaltyEngine engine;
    private int events;

    /**
     * Returns a new, empty store of the kind under test.
     *
     * @return the store
     */
    protected abstract LoyaltyStore newStore();

    private void start(BirthdayWindow window, JavaRules rules) {
        start(window, rules, ExpiryPolicy.never());
    }

    private void start(BirthdayWindow window, JavaRules rules, ExpiryPolicy expiry) {
        store = newStore();
        engine = LoyaltyEngine.builder().clock(clock).store(store).ruleEngine(rules)
                .program(ProgramSettings.builder().currency("GBP").offers(new OfferPolicy(window, 30, 90)).expiry(expiry).build()).build();
    }

    private void at(String instant) {
        clock.set(Instant.parse(instant));
    }

    private void enrol(String member, LocalDate birthday, ZoneId zone) {
        Enrolment enrolment = Enrolment.of(EventId.of("enrol-" + member), MemberId.of(member), clock.instant());
        engine.process(birthday == null ? enrolment : enrolment.withBirthday(birthday).withZone(zone));
    }

    private Outcome buy(String member, String amount) {
        return engine.process(Purchase.builder(EventId.of("buy-" + (++events)), MemberId.of(member), clock.instant())
                .line("SKU", "gifts", 1, Money.of(amount, "GBP")).build());
    }

    private RedeemedOffer redeem(String member, String code) {
        return engine.redeemOffer(new OfferRedemption(EventId.of("redeem-" + (++events)), MemberId.of(member), clock.instant(), code));
    }

    private List<Offer> offers(String member) {
        return engine.offers(MemberId.of(member));
    }

    private Offer only(String member) {
        assertThat(offers(member)).hasSize(1);
        return offers(member).get(0);
    }

    @Test
    void shouldIssueTheBirthdayOfferOnEachMembersLocalDateWhenTheirZonesAre24HoursApart() {
        start(BirthdayWindow.DAY, BIRTHDAY_ONLY);
        enrol("east", LocalDate.of(1990, 3, 10), KIRITIMATI);
        enrol("west", LocalDate.of(1990, 3, 10), HONOLULU);

        at("2028-03-09T12:00:00Z"); // 10 March 02:00 at UTC+14, 9 March 02:00 at UTC-10
        engine.sweep();

        assertThat(offers("east")).singleElement().satisfies(offer -> assertThat(offer.occasion()).isEqualTo("birthday:2028"));
        assertThat(offers("west")).isEmpty();

        at("2028-03-10T12:00:00Z"); // 11 March at UTC+14, 10 March at UTC-10
        engine.sweep();

        assertThat(offers("east")).hasSize(1);
        assertThat(offers("west")).singleElement().satisfies(offer -> assertThat(offer.occasion()).isEqualTo("birthday:2028"));
    }

    @Test
    void shouldIssueTheBirthdayOfferOnceTheDayAfterWhenAZoneChangeEastMadeTheSweepSkipTheBirthday() {
        start(BirthdayWindow.DAY, BIRTHDAY_ONLY);
        enrol("mover", LocalDate.of(1990, 3, 10), HONOLULU);

        at("2028-03-09T12:00:00Z"); // 9 March 02:00 at UTC-10
        engine.sweep();
        assertThat(offers("mover")).isEmpty();

        at("2028-03-09T20:00:00Z"); // 9 March 10:00 at UTC-10 becomes 10 March 10:00 at UTC+14
        engine.process(new ProfileChange(EventId.of("move"), MemberId.of("mover"), clock.instant(), null, KIRITIMATI, null));

        at("2028-03-10T12:00:00Z"); // 11 March 02:00 at UTC+14: 10 March was never swept
        assertThat(engine.sweep().offersIssued()).isEqualTo(1);
        assertThat(only("mover").occasion()).isEqualTo("birthday:2028");

        at("2028-03-11T12:00:00Z");
        assertThat(engine.sweep().offersIssued()).isZero();
        assertThat(offers("mover")).hasSize(1);
    }

    @Test
    void shouldIssueTheBirthdayOfferTheDayAfterWhenAZoneChangeEastProcessedADayLateMadeTheSweepSkipTheBirthday() {
        start(BirthdayWindow.DAY, BIRTHDAY_ONLY);
        enrol("mover", LocalDate.of(1990, 3, 10), HONOLULU);

        at("2028-03-09T12:00:00Z"); // 9 March 02:00 at UTC-10
        engine.sweep();
        at("2028-03-09T20:00:00Z"); // sweeps see the new zone from now on: 9 March at UTC-10 becomes 10 March at UTC+14
        engine.process(new ProfileChange(EventId.of("move"), MemberId.of("mover"), Instant.parse("2028-03-08T20:00:00Z"), null,
                KIRITIMATI, null));

        at("2028-03-10T12:00:00Z"); // 11 March 02:00 at UTC+14: 10 March was never swept
        assertThat(engine.sweep().offersIssued()).isEqualTo(1);
        assertThat(only("mover").occasion()).isEqualTo("birthday:2028");
    }

    @Test
    void shouldIssueTheOldYearsBirthdayOfferOnNewYearsDayWhenAZoneChangeEastMadeTheSweepSkipDecember31() {
        start(BirthdayWindow.DAY, BIRTHDAY_ONLY);
        enrol("mover", LocalDate.of(1990, 12, 31), HONOLULU);

        at("2028-12-30T12:00:00Z"); // 30 December 02:00 at UTC-10
        engine.sweep();
        at("2028-12-30T20:00:00Z"); // 30 December 10:00 at UTC-10 becomes 31 December 10:00 at UTC+14
        engine.process(new ProfileChange(EventId.of("move"), MemberId.of("mover"), clock.instant(), null, KIRITIMATI, null));

        at("2028-12-31T12:00:00Z"); // 1 January 2029 02:00 at UTC+14
        assertThat(engine.sweep().offersIssued()).isEqualTo(1);
        assertThat(only("mover").occasion()).isEqualTo("birthday:2028");

        at("2029-12-30T12:00:00Z"); // 31 December 2029 at UTC+14: the next year's birthday
        assertThat(engine.sweep().offersIssued()).isEqualTo(1);
        assertThat(offers("mover")).extracting(Offer::occasion).containsExactly("birthday:2028", "birthday:2029");
    }

    @Test
    void shouldNotIssueTheBirthdayOfferTwoDaysAfterABirthdayAZoneChangeSkippedWhenNoSweepRanTheDayAfter() {
        start(BirthdayWindow.DAY, BIRTHDAY_ONLY);
        enrol("mover", LocalDate.of(1990, 3, 10), HONOLULU);

        at("2028-03-09T12:00:00Z");
        engine.sweep();
        at("2028-03-09T20:00:00Z");
        engine.process(new ProfileChange(EventId.of("move"), MemberId.of("mover"), clock.instant(), null, KIRITIMATI, null));

        at("2028-03-11T12:00:00Z"); // 12 March 02:00 at UTC+14: the birthday is two days past
        assertThat(engine.sweep().offersIssued()).isZero();
        assertThat(offers("mover")).isEmpty();
    }

    @Test
    void shouldIssueTheBirthdayOfferTheDayAfterWhenLondonsSpringForwardDayFellBetweenTwoDailySweeps() {
        // 28 March 23:30 GMT, then 30 March 00:30 BST: 29 March lasted 23 hours, all between the two sweeps
        assertSpringForwardBirthdayIssuedTheDayAfter(ZoneId.of("Europe/London"), LocalDate.of(1990, 3, 29), "2026-03-28T23:30:00Z");
    }

    @Test
    void shouldIssueTheBirthdayOfferTheDayAfterWhenNewYorksSpringForwardDayFellBetweenTwoDailySweeps() {
        // 7 March 23:30 EST, then 9 March 00:30 EDT: 8 March lasted 23 hours, all between the two sweeps
        assertSpringForwardBirthdayIssuedTheDayAfter(ZoneId.of("America/New_York"), LocalDate.of(1990, 3, 8), "2026-03-08T04:30:00Z");
    }

    /**
     * Sweeps daily, 24 hours apart from the first sweep on, a member born on a spring-forward day that lies wholly between the
     * first two sweeps: the second issues the offer, the third nothing more.
     */
    private void assertSpringForwardBirthdayIssuedTheDayAfter(ZoneId zone, LocalDate born, String firstSweep) {
        start(BirthdayWindow.DAY, BIRTHDAY_ONLY);
        enrol("spring", born, zone);

        at(firstSweep);
        engine.sweep();
        assertThat(offers("spring")).isEmpty();

        at(Instant.parse(firstSweep).plus(Duration.ofDays(1)).toString());
        assertThat(engine.sweep().offersIssued()).isEqualTo(1);
        assertThat(only("spring").occasion()).isEqualTo("birthday:2026");

        at(Instant.parse(firstSweep).plus(Duration.ofDays(2)).toString());
        assertThat(engine.sweep().offersIssued()).isZero();
    }

    @Test
    void shouldIssueTheBirthdayOfferOnceOnTheFallBackDayWhenTwoDailySweepsBothSeeIt() {
        start(BirthdayWindow.DAY, BIRTHDAY_ONLY);
        enrol("london", LocalDate.of(1990, 10, 25), ZoneId.of("Europe/London"));

        at("2026-10-24T23:30:00Z"); // 25 October 00:30 BST
        assertThat(engine.sweep().offersIssued()).isEqualTo(1);
        at("2026-10-25T23:30:00Z"); // 25 October 23:30 GMT: the same date again
        assertThat(engine.sweep().offersIssued()).isZero();
        assertThat(only("london").occasion()).isEqualTo("birthday:2026");
    }

    @Test
    void shouldNotIssueTheBirthdayOfferTheDayAfterUnderTheDayWindowWhenNoZoneChangeSkippedIt() {
        start(BirthdayWindow.DAY, BIRTHDAY_ONLY);
        enrol("still", LocalDate.of(1990, 3, 10), KIRITIMATI);

        at("2028-03-08T12:00:00Z"); // 9 March 02:00 at UTC+14
        engine.sweep();
        at("2028-03-10T12:00:00Z"); // 11 March 02:00 at UTC+14: the sweep of the birthday was missed
        assertThat(engine.sweep().offersIssued()).isZero();
        assertThat(offers("still")).isEmpty();
    }

    @Test
    void shouldRefuseToIssueAPointsOfferAboveTheProgramLimitNamingTheRuleAndIssueNothing() {
        long tooMany = PointsPolicy.DEFAULT_MAX_POINTS_PER_CREDIT + 1;
        start(BirthdayWindow.DAY, JavaRules.none().withSweepRules("too-generous", ctx -> ctx.birthday() != null
                ? List.of(new Decision.IssueOffer("BDAY-TYPO", "Happy birthday", OfferTrigger.BIRTHDAY, JavaRules.BIRTHDAY,
                        OfferKind.POINTS, BigDecimal.valueOf(tooMany), null, 30))
                : List.of()));
        enrol("typo", LocalDate.of(1990, 3, 10), ZoneOffset.UTC);
        at("2028-03-10T12:00:00Z");

        SweepReport report = engine.sweep();

        assertThat(report.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.memberId()).isEqualTo(MemberId.of("typo"));
            assertThat(failure.cause()).isInstanceOf(RuleEvaluationException.class)
                    .hasMessageContaining("BDAY-TYPO").hasMessageContaining(tooMany + " points").hasMessageContaining("program.maxPointsPerCredit");
        });
        assertThat(offers("typo")).isEmpty();
    }

    @Test
    void shouldRefuseAFreeItemOfferWhoseItemCodeIsLongerThan128CharactersNamingTheRuleAndIssueNothing() {
        String pasted = "CAKE-" + "X".repeat(124);

        // the decision is made by the rule, during the sweep: its checks run there
        assertBirthdaySweepRefusesAndIssuesNothing(
                () -> new Decision.IssueOffer("CAKE-RULE", "A cake on us", OfferTrigger.BIRTHDAY, "CAKE", OfferKind.FREE_ITEM, null, pasted, 7),
                "CAKE-RULE", "item code", "129");
    }

    @Test
    void shouldRefuseAnOfferValueOfMoreThan34SignificantDigitsNamingTheRuleAndIssueNothing() {
        BigDecimal absurd = new BigDecimal("10." + "0".repeat(70) + "1");

        assertBirthdaySweepRefusesAndIssuesNothing(
                () -> new Decision.IssueOffer("ODD-RULE", "Some percent off", OfferTrigger.BIRTHDAY, "ODD", OfferKind.DISCOUNT, absurd, null, 7),
                "ODD-RULE", "significant digits");
    }

    /** Runs a birthday sweep whose one rule issues the offer, and checks the sweep fails naming the problem and issues nothing. */
    private void assertBirthdaySweepRefusesAndIssuesNothing(Supplier<Decision> offer, String... messageParts) {
        start(BirthdayWindow.DAY, JavaRules.none().withSweepRules("one-offer", ctx -> ctx.birthday() != null ? List.of(offer.get()) : List.of()));
        enrol("m", LocalDate.of(1990, 3, 10), ZoneOffset.UTC);
        at("2028-03-10T12:00:00Z");

        SweepReport report = engine.sweep();

        assertThat(report.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.memberId()).isEqualTo(MemberId.of("m"));
            assertThat(failure.cause()).isInstanceOf(RuleEvaluationException.class);
            for (String part : messageParts) {
                assertThat(failure.cause()).hasMessageContaining(part);
            }
        });
        assertThat(offers("m")).isEmpty();
    }

    @Test
    void shouldSweepTheOtherMembersAndReportTheFailureWhenTheRulesFailForOneMember() {
        start(BirthdayWindow.DAY, JavaRules.none().withSweepRules("broken-for-b", ctx -> {
            if (ctx.member().id().equals(MemberId.of("b"))) {
                throw new IllegalStateException("rule blew up");
            }
            return BIRTHDAY_RULE.decide(ctx);
        }));
        for (String id : List.of("a", "b", "c")) {
            enrol(id, LocalDate.of(1990, 3, 10), ZoneOffset.UTC);
        }
        at("2028-03-10T12:00:00Z");

        SweepReport report = engine.sweep();

        assertThat(report.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.memberId()).isEqualTo(MemberId.of("b"));
            assertThat(failure.cause()).isInstanceOf(RuleEvaluationException.class).hasMessageContaining("member b")
                    .hasRootCauseMessage("rule blew up");
        });
        assertThat(report.offersIssued()).isEqualTo(2);
        assertThat(offers("a")).hasSize(1);
        assertThat(offers("b")).isEmpty();
        assertThat(offers("c")).hasSize(1);
    }

    @Test
    void shouldLeaveACheckpointedRunOpenWhenAMemberFailedSoThatTheRerunSweepsThatMember() {
        AtomicBoolean broken = new AtomicBoolean(true);
        start(BirthdayWindow.DAY, JavaRules.none().withSweepRules("broken-for-b", ctx -> {
            if (broken.get() && ctx.member().id().equals(MemberId.of("b"))) {
                throw new IllegalStateException("rule blew up");
            }
            return BIRTHDAY_RULE.decide(ctx);
        }));
        for (String id : List.of("a", "b", "c")) {
            enrol(id, LocalDate.of(1990, 3, 10), ZoneOffset.UTC);
        }
        at("2028-03-10T12:00:00Z");
        SweepRequest request = SweepRequest.builder().checkpoint("daily-2028-03-10").checkpointEvery(1).build();

        SweepReport failed = engine.sweep(request);
        broken.set(false);
        SweepReport rerun = engine.sweep(request);

        assertThat(failed.failures()).extracting(failure -> failure.memberId().value()).containsExactly("b");
        assertThat(rerun.failures()).isEmpty();
        assertThat(rerun.offersIssued()).isEqualTo(1);
        assertThat(only("b").issuedAt()).isEqualTo(Instant.parse("2028-03-10T12:00:00Z"));
        assertThat(store.findSweepCheckpoint("daily-2028-03-10")).hasValueSatisfying(checkpoint -> assertThat(checkpoint.completed()).isTrue());
    }

    @Test
    void shouldCountAnOfferRedemptionAsActivitySoThatInactivityExpiryRunsFromIt() {
        start(BirthdayWindow.DAY, BIRTHDAY_ONLY, ExpiryPolicy.afterInactiveMonths(2));
        at("2027-01-10T12:00:00Z");
        enrol("m", LocalDate.of(1990, 2, 20), ZoneOffset.UTC);
        buy("m", "10");
        at("2027-02-20T12:00:00Z");
        engine.sweep();
        at("2027-03-01T12:00:00Z");
        redeem("m", only("m").code());

        // two months after the enrolment and the purchase, not yet two after the redemption
        at("2027-04-20T12:00:00Z");
        SweepReport report = engine.sweep();

        assertThat(report.expiredPoints()).isZero();
        assertThat(store.balance(MemberId.of("m"))).isEqualTo(Points.of(500));
        assertThat(store.account(MemberId.of("m")).lastActivityAt()).isEqualTo(Instant.parse("2027-03-01T12:00:00Z"));
    }

    @Test
    void shouldCelebrateFebruary29OnFebruary28WhenTheYearIsNotLeap() {
        start(BirthdayWindow.DAY, BIRTHDAY_ONLY);
        enrol("leap", LocalDate.of(2000, 2, 29), ZoneOffset.UTC);

        at("2027-02-27T12:00:00Z");
        engine.sweep();
        assertThat(offers("leap")).isEmpty();

        at("2027-02-28T12:00:00Z");
        engine.sweep();
        assertThat(only("leap").occasion()).isEqualTo("birthday:2027");

        at("2027-03-01T12:00:00Z");
        assertThat(engine.sweep().offersIssued()).isZero();
    }

    @Test
    void shouldCelebrateFebruary29OnItsOwnDayWhenTheYearIsLeap() {
        start(BirthdayWindow.DAY, BIRTHDAY_ONLY);
        enrol("leap", LocalDate.of(2000, 2, 29), ZoneOffset.UTC);

        at("2028-02-28T12:00:00Z");
        engine.sweep();
        assertThat(offers("leap")).isEmpty();

        at("2028-02-29T12:00:00Z");
        engine.sweep();
        assertThat(only("leap").occasion()).isEqualTo("birthday:2028");
    }

    @Test
    void shouldIssueOneBirthdayOfferWhenTheSweepRunsTwiceTheSameDay() {
        start(BirthdayWindow.MONTH, BIRTHDAY_ONLY);
        enrol("m", LocalDate.of(1985, 6, 20), ZoneOffset.UTC);
        at("2028-06-01T06:00:00Z");

        SweepReport first = engine.sweep();
        at("2028-06-01T18:00:00Z");
        SweepReport second = engine.sweep();

        assertThat(first.offersIssued()).isEqualTo(1);
        assertThat(second.offersIssued()).isZero();
        assertThat(second.changedMembers()).isZero();
        assertThat(offers("m")).hasSize(1);
    }

    @Test
    void shouldIssueTheBirthdayOfferOnceWhenSweepsWereMissedForThreeDaysOfTheWindow() {
        start(BirthdayWindow.WEEK, BIRTHDAY_ONLY);
        enrol("m", LocalDate.of(1985, 6, 10), ZoneOffset.UTC);
        at("2028-06-09T12:00:00Z");
        engine.sweep();
        assertThat(offers("m")).isEmpty();

        at("2028-06-13T12:00:00Z"); // no sweep on 10, 11 and 12 June
        assertThat(engine.sweep().offersIssued()).isEqualTo(1);
        for (int day = 14; day <= 18; day++) {
            at("2028-06-" + day + "T12:00:00Z");
            assertThat(engine.sweep().offersIssued()).as("sweep on 2028-06-%d", day).isZero();
        }
        assertThat(only("m").issuedAt()).isEqualTo(Instant.parse("2028-06-13T12:00:00Z"));
    }

    @Test
    void shouldIssueTheBirthdayOfferAgainTheNextYear() {
        start(BirthdayWindow.DAY, BIRTHDAY_ONLY);
        enrol("m", LocalDate.of(1985, 6, 10), ZoneOffset.UTC);
        at("2027-06-10T12:00:00Z");
        engine.sweep();
        at("2028-06-10T12:00:00Z");
        engine.sweep();

        assertThat(offers("m")).extracting(Offer::occasion).containsExactly("birthday:2027", "birthday:2028");
        assertThat(offers("m").get(0).code()).isNotEqualTo(offers("m").get(1).code());
    }

    @Test
    void shouldNotIssueThatYearsBirthdayOfferWhenTheBirthdayWasChangedWithin30DaysOfIt() {
        start(BirthdayWindow.DAY, BIRTHDAY_ONLY);
        enrol("m", LocalDate.of(1985, 1, 1), ZoneOffset.UTC);
        at("2028-06-01T12:00:00Z");
        engine.process(new ProfileChange(EventId.of("change"), MemberId.of("m"), clock.instant(), LocalDate.of(1985, 6, 20), null, null));

        at("2028-06-20T12:00:00Z");
        engine.sweep();
        assertThat(offers("m")).isEmpty();

        at("2029-06-20T12:00:00Z");
        engine.sweep();
        assertThat(only("m").occasion()).isEqualTo("birthday:2029");
    }

    @Test
    void shouldIssueTheBirthdayOfferWhenTheBirthdayWasGivenMoreThan30DaysBefore() {
        start(BirthdayWindow.DAY, BIRTHDAY_ONLY);
        enrol("m", LocalDate.of(1985, 1, 1), ZoneOffset.UTC);
        at("2028-05-20T12:00:00Z");
        engine.process(new ProfileChange(EventId.of("change"), MemberId.of("m"), clock.instant(), LocalDate.of(1985, 6, 20), null, null));

        at("2028-06-20T12:00:00Z");
        engine.sweep();

        assertThat(only("m").occasion()).isEqualTo("birthday:2028");
    }

    @Test
    void shouldIssueWinBackStagesOncePerSpellWhenTheMemberStaysDormant() {
        start(BirthdayWindow.DAY, BASE_AND_OFFERS);
        at("2028-01-01T12:00:00Z");
        enrol("m", null, null);
        buy("m", "10");

        at("2028-03-30T12:00:00Z"); // 89 days
        engine.sweep();
        assertThat(offers("m")).isEmpty();

        at("2028-03-31T12:00:00Z"); // 90 days
        engine.sweep();
        at("2028-04-15T12:00:00Z");
        engine.sweep();
        assertThat(offers("m")).extracting(Offer::template).containsExactly(JavaRules.WIN_BACK_90);

        at("2028-06-29T12:00:00Z"); // 180 days
        engine.sweep();
        at("2028-06-30T12:00:00Z");
        engine.sweep();
        assertThat(offers("m")).extracting(Offer::template).containsExactly(JavaRules.WIN_BACK_90, JavaRules.WIN_BACK_180);
        assertThat(offers("m")).extracting(Offer::occasion).containsOnly("win-back:2028-01-01T12:00:00Z");
    }

    @Test
    void shouldIgnoreAReferralOfferProposedInASweepAndIssueOnlyTheDormantMembersWinBackOffer() {
        // the sweep presents birthdays and dormancy spells, never a referral: a rule engine proposing one there is ignored
        start(BirthdayWindow.DAY, BASE_AND_OFFERS.withSweepRules("stray-referral", ctx -> ctx.dormancy() != null
                ? List.of(new Decision.IssueOffer("STRAY", "A referral offer in a sweep", OfferTrigger.REFERRAL, "STRAY", OfferKind.POINTS,
                        BigDecimal.valueOf(50), null, 30))
                : List.of()));
        at("2028-01-01T12:00:00Z");
        enrol("m", null, null);
        buy("m", "10");
        at("2028-03-31T12:00:00Z"); // 90 days

        SweepReport report = engine.sweep();

        assertThat(offers("m")).extracting(Offer::template).containsExactly(JavaRules.WIN_BACK_90);
        assertThat(report.offersIssued()).isEqualTo(1);
    }

    @Test
    void shouldStartANewSpellAndRecordNoConversionWhenAPurchaseFollowsAnUnredeemedWinBackOffer() {
        start(BirthdayWindow.DAY, BASE_AND_OFFERS);
        at("2028-01-01T12:00:00Z");
        enrol("m", null, null);
        buy("m", "10");
        at("2028-03-31T12:00:00Z");
        engine.sweep();
        assertThat(only("m").converted()).isNull();

        at("2028-04-05T12:00:00Z");
        buy("m", "10");
        assertThat(only("m").converted()).isFalse();

        at("2028-07-04T12:00:00Z"); // 90 days after the second purchase
        engine.sweep();
        assertThat(offers("m")).extracting(Offer::occasion)
                .containsExactly("win-back:2028-01-01T12:00:00Z", "win-back:2028-04-05T12:00:00Z");
    }

    @Test
    void shouldRecordAConversionWhenTheWinBackOfferWasRedeemedBeforeThePurchase() {
        start(BirthdayWindow.DAY, BASE_AND_OFFERS);
        at("2028-01-01T12:00:00Z");
        enrol("m", null, null);
        buy("m", "10");
        at("2028-03-31T12:00:00Z");
        engine.sweep();
        String code = only("m").code();

        at("2028-04-05T12:00:00Z");
        RedeemedOffer redeemed = redeem("m", code);
        buy("m", "10");

        assertThat(redeemed.offer().kind()).isEqualTo(OfferKind.DISCOUNT);
        assertThat(redeemed.offer().value()).isEqualByComparingTo("10");
        assertThat(only("m").status()).isEqualTo(OfferStatus.REDEEMED);
        assertThat(only("m").converted()).isTrue();
    }

    @Test
    void shouldExpireAnOfferWhenTheSweepRunsAfterItsValidity() {
        start(BirthdayWindow.DAY, BIRTHDAY_ONLY);
        enrol("m", LocalDate.of(1985, 6, 10), ZoneOffset.UTC);
        at("2028-06-10T12:00:00Z");
        engine.sweep();
        assertThat(only("m").validUntil()).isEqualTo(Instant.parse("2028-07-10T00:00:00Z"));

        at("2028-07-09T23:59:59Z");
        assertThat(engine.sweep().offersExpired()).isZero();
        at("2028-07-10T00:00:00Z");
        SweepReport report = engine.sweep();

        assertThat(report.offersExpired()).isEqualTo(1);
        assertThat(only("m").status()).isEqualTo(OfferStatus.EXPIRED);
        assertThat(engine.sweep().offersExpired()).isZero();
    }

    @Test
    void shouldRefuseToRedeemAnExpiredOfferAndStoreNothing() {
        start(BirthdayWindow.DAY, BIRTHDAY_ONLY);
        enrol("m", LocalDate.of(1985, 6, 10), ZoneOffset.UTC);
        at("2028-06-10T12:00:00Z");
        engine.sweep();
        String code = only("m").code();
        List<LedgerEntry> ledger = engine.ledger(MemberId.of("m"));

        at("2028-07-10T00:00:00Z"); // validity ended, no sweep yet
        assertThatThrownBy(() -> redeem("m", code)).isInstanceOfSatisfying(OfferNotRedeemableException.class,
                e -> assertThat(e.reason()).isEqualTo(OfferNotRedeemableException.Reason.EXPIRED));

        assertThat(engine.ledger(MemberId.of("m"))).isEqualTo(ledger);
        assertThat(only("m").status()).isEqualTo(OfferStatus.ISSUED);
    }

    @Test
    void shouldRefuseARedemptionDatedInsideTheValidityReceivedAfterItEndedWhetherOrNotASweepMarkedTheOfferExpired() {
        start(BirthdayWindow.DAY, BIRTHDAY_ONLY);
        enrol("m", LocalDate.of(1985, 6, 10), ZoneOffset.UTC);
        at("2028-06-10T12:00:00Z");
        engine.sweep();
        String code = only("m").code();
        List<LedgerEntry> ledger = engine.ledger(MemberId.of("m"));
        Instant lastHour = Instant.parse("2028-07-09T23:00:00Z"); // the offer is valid until 2028-07-10T00:00Z

        at("2028-07-10T08:00:00Z"); // the till was offline overnight; no sweep ran yet
        assertThatThrownBy(() -> engine.redeemOffer(new OfferRedemption(EventId.of("late-1"), MemberId.of("m"), lastHour, code)))
                .isInstanceOfSatisfying(OfferNotRedeemableException.class,
                        e -> assertThat(e.reason()).isEqualTo(OfferNotRedeemableException.Reason.EXPIRED));
        assertThat(engine.ledger(MemberId.of("m"))).isEqualTo(ledger);
        assertThat(only("m").status()).isEqualTo(OfferStatus.ISSUED);

        engine.sweep();
        assertThatThrownBy(() -> engine.redeemOffer(new OfferRedemption(EventId.of("late-2"), MemberId.of("m"), lastHour, code)))
                .isInstanceOfSatisfying(OfferNotRedeemableException.class,
                        e -> assertThat(e.reason()).isEqualTo(OfferNotRedeemableException.Reason.EXPIRED));
        assertThat(engine.ledger(MemberId.of("m"))).isEqualTo(ledger);
        assertThat(only("m").status()).isEqualTo(OfferStatus.EXPIRED);
    }

    @Test
    void shouldRefuseToRedeemAnotherMembersOfferAndStoreNothing() {
        start(BirthdayWindow.DAY, BIRTHDAY_ONLY);
        enrol("owner", LocalDate.of(1985, 6, 10), ZoneOffset.UTC);
        enrol("other", null, null);
        at("2028-06-10T12:00:00Z");
        engine.sweep();
        String code = only("owner").code();

        assertThatThrownBy(() -> redeem("other", code)).isInstanceOfSatisfying(OfferNotRedeemableException.class,
                e -> assertThat(e.reason()).isEqualTo(OfferNotRedeemableException.Reason.OTHER_MEMBER));

        assertThat(only("owner").status()).isEqualTo(OfferStatus.ISSUED);
        assertThat(engine.balance(MemberId.of("other"))).isEqualTo(Points.ZERO);
    }

    @Test
    void shouldRefuseToRedeemAnUnknownOfferCode() {
        start(BirthdayWindow.DAY, BIRTHDAY_ONLY);
        enrol("m", null, null);

        assertThatThrownBy(() -> redeem("m", "NO-SUCH-CODE")).isInstanceOfSatisfying(OfferNotRedeemableException.class,
                e -> assertThat(e.reason()).isEqualTo(OfferNotRedeemableException.Reason.UNKNOWN));
    }

    @Test
    void shouldCreditTheOffersPointsOnceWhenTheSameRedemptionIsProcessedTwice() {
        start(BirthdayWindow.DAY, BIRTHDAY_ONLY);
        enrol("m", LocalDate.of(1985, 6, 10), ZoneOffset.UTC);
        at("2028-06-10T12:00:00Z");
        engine.sweep();
        OfferRedemption redemption = new OfferRedemption(EventId.of("pos-1"), MemberId.of("m"), clock.instant(), only("m").code());

        Outcome first = engine.process(redemption);
        Outcome again = engine.process(redemption);

        assertThat(again).isEqualTo(first);
        assertThat(first.points()).isEqualTo(Points.of(500));
        assertThat(engine.balance(MemberId.of("m"))).isEqualTo(Points.of(500));
        assertThat(engine.lots(MemberId.of("m"))).singleElement().satisfies(lot -> assertThat(lot.points()).isEqualTo(500));
        assertThat(only("m").redeemedBy()).isEqualTo(EventId.of("pos-1"));
    }

    @Test
    void shouldRefuseASecondRedemptionOfTheSameOfferUnderAnotherEventId() {
        start(BirthdayWindow.DAY, BIRTHDAY_ONLY);
        enrol("m", LocalDate.of(1985, 6, 10), ZoneOffset.UTC);
        at("2028-06-10T12:00:00Z");
        engine.sweep();
        String code = only("m").code();
        redeem("m", code);

        assertThatThrownBy(() -> redeem("m", code)).isInstanceOfSatisfying(OfferNotRedeemableException.class,
                e -> assertThat(e.reason()).isEqualTo(OfferNotRedeemableException.Reason.ALREADY_REDEEMED));
        assertThat(engine.balance(MemberId.of("m"))).isEqualTo(Points.of(500));
    }

    @Test
    void shouldMultiplyTheNextPurchasesPointsOnlyWhenAMultiplierOfferWasRedeemed() {
        JavaRules rules = BASE_AND_OFFERS.withSweepRules("x3",
                ctx -> ctx.birthday() != null
                        ? List.of(new Decision.IssueOffer("TRIPLE", "Triple points on your next purchase", OfferTrigger.BIRTHDAY, "TRIPLE",
                                OfferKind.MULTIPLIER, BigDecimal.valueOf(3), null, 30))
                        : List.of());
        start(BirthdayWindow.DAY, rules);
        at("2028-06-01T12:00:00Z");
        enrol("m", LocalDate.of(1985, 7, 10), ZoneOffset.UTC);
        buy("m", "10");
        at("2028-07-10T12:00:00Z");
        engine.sweep();
        Offer triple = offers("m").stream().filter(o -> o.template().equals("TRIPLE")).findFirst().orElseThrow();

        redeem("m", triple.code());
        Outcome multiplied = buy("m", "20");
        Outcome plain = buy("m", "20");

        assertThat(multiplied.points()).isEqualTo(Points.of(60));
        assertThat(plain.points()).isEqualTo(Points.of(20));
    }

    @Test
    void shouldRefuseToRedeemASecondMultiplierOfferAndStoreNothingWhileAnotherWaitsForTheNextPurchase() {
        JavaRules rules = BASE_AND_OFFERS.withSweepRules("x2-x3",
                ctx -> ctx.birthday() != null
                        ? List.of(new Decision.IssueOffer("DOUBLE", "Double points on your next purchase", OfferTrigger.BIRTHDAY, "DOUBLE",
                                        OfferKind.MULTIPLIER, BigDecimal.valueOf(2), null, 30),
                                new Decision.IssueOffer("TRIPLE", "Triple points on your next purchase", OfferTrigger.BIRTHDAY, "TRIPLE",
                                        OfferKind.MULTIPLIER, BigDecimal.valueOf(3), null, 30))
                        : List.of());
        start(BirthdayWindow.DAY, rules);
        at("2028-06-01T12:00:00Z");
        enrol("m", LocalDate.of(1985, 7, 10), ZoneOffset.UTC);
        at("2028-07-10T12:00:00Z");
        engine.sweep();
        String doubled = offers("m").stream().filter(o -> o.template().equals("DOUBLE")).findFirst().orElseThrow().code();
        String tripled = offers("m").stream().filter(o -> o.template().equals("TRIPLE")).findFirst().orElseThrow().code();
        redeem("m", doubled);
        List<LedgerEntry> ledger = engine.ledger(MemberId.of("m"));

        assertThatThrownBy(() -> redeem("m", tripled)).isInstanceOfSatisfying(OfferNotRedeemableException.class, e -> {
            assertThat(e.reason()).isEqualTo(OfferNotRedeemableException.Reason.MULTIPLIER_PENDING);
            assertThat(e.getMessage()).contains(tripled).contains(doubled);
        });

        assertThat(engine.ledger(MemberId.of("m"))).isEqualTo(ledger);
        assertThat(offers("m")).filteredOn(o -> o.code().equals(tripled)).singleElement()
                .satisfies(o -> assertThat(o.status()).isEqualTo(OfferStatus.ISSUED));
        assertThat(buy("m", "10").points()).isEqualTo(Points.of(20));
    }

    @Test
    void shouldIssueNothingToAMemberWhenTheSweepIsAsOfAnInstantBeforeTheirEnrolment() {
        store = newStore();
        engine = LoyaltyEngine.builder().clock(clock).store(store).ruleEngine(BASE_AND_OFFERS)
                .program(ProgramSettings.builder().currency("GBP").offers(new OfferPolicy(BirthdayWindow.MONTH, 0, 90)).build()).build();
        at("2028-06-10T12:00:00Z");
        enrol("late", LocalDate.of(1985, 6, 25), ZoneOffset.UTC);

        SweepReport report = engine.sweep(SweepRequest.builder().asOf(Instant.parse("2028-06-01T12:00:00Z")).build());

        assertThat(report.offersIssued()).isZero();
        assertThat(offers("late")).isEmpty();
    }

    @Test
    void shouldRefuseWithPointsOverflowAndStoreNothingWhenAMultiplierOfferWouldTakeThePurchasesPointsBeyondALong() {
        // 10^17 points a pound: the purchase alone fits a long, its points times the offer's 100 do not
        JavaRules rules = JavaRules.of("huge", ctx -> ctx.event() instanceof Purchase
                ? List.of(new Decision.BaseRate("BASE", "A typo: 10^17 points a pound", Decision.WHOLE_EVENT, new BigDecimal("1E+17")))
                : List.of()).withSweepRules("x100", ctx -> ctx.birthday() != null
                ? List.of(new Decision.IssueOffer("HUNDRED", "100 times the points of your next purchase", OfferTrigger.BIRTHDAY, "HUNDRED",
                        OfferKind.MULTIPLIER, BigDecimal.valueOf(100), null, 30))
                : List.of());
        start(BirthdayWindow.DAY, rules);
        at("2028-06-01T12:00:00Z");
        enrol("m", LocalDate.of(1985, 7, 10), ZoneOffset.UTC);
        at("2028-07-10T12:00:00Z");
        engine.sweep();
        redeem("m", only("m").code());
        List<LedgerEntry> before = store.ledger(MemberId.of("m"));

        assertThatThrownBy(() -> buy("m", "1")).isInstanceOf(PointsOverflowException.class).hasMessageContaining("HUNDRED");
        assertThat(store.ledger(MemberId.of("m"))).isEqualTo(before);
        assertThat(store.findEvent(EventId.of("buy-" + events))).isEmpty();
    }

    @Test
    void shouldIssueEachOccasionsOfferOnceWhenOverlappingSweepsRaceTheMembersPurchases() throws Exception {
        start(BirthdayWindow.MONTH, BASE_AND_OFFERS);
        List<String> members = List.of("m-0", "m-1", "m-2", "m-3", "m-4", "m-5");
        for (String member : members) {
            enrol(member, LocalDate.of(1985, 6, 20), ZoneOffset.UTC);
        }
        at("2026-06-10T12:00:00Z");
        Instant now = clock.instant();
        List<Supplier<Object>> tasks = new ArrayList<>();
        for (String member : members) {
            EventId id = EventId.of("back-" + member);
            tasks.add(engine::sweep);
            tasks.add(() -> engine.process(Purchase.builder(id, MemberId.of(member), now).line("SKU", "gifts", 1, Money.of("10", "GBP")).build()));
        }

        List<Object> results = Fixtures.runConcurrently(tasks, 8, Duration.ofMinutes(1));

        assertThat(results).noneMatch(Throwable.class::isInstance);
        for (String member : members) {
            assertThat(offers(member)).as(member).filteredOn(offer -> offer.template().equals(JavaRules.BIRTHDAY)).hasSize(1);
            assertThat(offers(member)).as(member).filteredOn(offer -> offer.template().equals(JavaRules.WIN_BACK_90)).hasSizeLessThanOrEqualTo(1);
            assertThat(offers(member)).as(member).extracting(Offer::code).doesNotHaveDuplicates();
        }
        assertThat(engine.sweep().offersIssued()).isZero();
    }

    @Test
    void shouldVisitEachMemberOnceWhenTwoPartitionsCoverTheIdRange() {
        start(BirthdayWindow.DAY, BIRTHDAY_ONLY);
        for (String id : List.of("a1", "a2", "b1", "b2", "c1")) {
            enrol(id, null, null);
        }
        List<MemberId> seen = new ArrayList<>();
        SweepListener recorder = new SweepListener() {
            @Override
            public void progress(SweepProgress progress) {
                seen.add(progress.lastMember());
            }
        };

        SweepReport first = engine.sweep(SweepRequest.builder().range(null, MemberId.of("b2")).listener(recorder).progressEvery(1).build());
        SweepReport second = engine.sweep(SweepRequest.builder().range(MemberId.of("b2"), null).listener(recorder).progressEvery(1).build());

        assertThat(first.members()).isEqualTo(3);
        assertThat(second.members()).isEqualTo(2);
        assertThat(seen).extracting(MemberId::value).containsExactly("a1", "a2", "b1", "b2", "c1");
    }

    @Test
    void shouldResumeAfterTheLastCheckpointWhenASweepRunStoppedHalfway() {
        start(BirthdayWindow.DAY, BIRTHDAY_ONLY);
        for (int i = 1; i <= 7; i++) {
            enrol("m" + i, LocalDate.of(1985, 6, 10), ZoneOffset.UTC);
        }
        at("2028-06-10T12:00:00Z");
        SweepListener crashing = new SweepListener() {
            @Override
            public void progress(SweepProgress progress) {
                if (progress.members() == 5) {
                    throw new IllegalStateException("host crashed");
                }
            }
        };
        SweepRequest.Builder run = SweepRequest.builder().checkpoint("daily-2028-06-10").checkpointEvery(2).progressEvery(1);
        assertThatThrownBy(() -> engine.sweep(run.listener(crashing).build())).hasMessage("host crashed");

        at("2028-06-10T13:00:00Z");
        SweepReport resumed = engine.sweep(run.listener(SweepListener.NONE).build());
        SweepReport again = engine.sweep(run.build());

        assertThat(resumed.members()).isEqualTo(3); // m5, m6, m7: m5 finished after the last checkpoint (m4)
        assertThat(resumed.offersIssued()).isEqualTo(2);
        assertThat(again.members()).isZero();
        assertThat(store.findSweepCheckpoint("daily-2028-06-10")).hasValueSatisfying(checkpoint -> {
            assertThat(checkpoint.completed()).isTrue();
            assertThat(checkpoint.asOf()).isEqualTo(Instant.parse("2028-06-10T12:00:00Z"));
            assertThat(checkpoint.members()).isEqualTo(7);
        });
        for (int i = 1; i <= 7; i++) {
            assertThat(only("m" + i).issuedAt()).isEqualTo(Instant.parse("2028-06-10T12:00:00Z"));
        }
    }

    @Test
    void shouldRefuseACheckpointIdSavedByARunOverAnotherRangeAndSweepNothing() {
        start(BirthdayWindow.DAY, BIRTHDAY_ONLY);
        for (String id : List.of("a1", "a2", "b1", "b2")) {
            enrol(id, LocalDate.of(1985, 6, 10), ZoneOffset.UTC);
        }
        at("2028-06-10T12:00:00Z");
        engine.sweep(SweepRequest.builder().range(null, MemberId.of("b")).checkpoint("daily-2028-06-10").build());
        SweepCheckpoint saved = store.findSweepCheckpoint("daily-2028-06-10").orElseThrow();

        // the second partition given the first one's id by mistake
        assertThatThrownBy(() -> engine.sweep(SweepRequest.builder().range(MemberId.of("b"), null).checkpoint("daily-2028-06-10").build()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("sweep.checkpointId"))
                .hasMessageContaining("daily-2028-06-10").hasMessageContaining("a2");

        assertThat(offers("b1")).isEmpty();
        assertThat(offers("b2")).isEmpty();
        assertThat(store.findSweepCheckpoint("daily-2028-06-10")).hasValue(saved);
    }

    @Test
    void shouldSweepItsRangeWhenTheCheckpointIdWasCompletedByARunOverAnotherRangeThatHeldNoMember() {
        start(BirthdayWindow.DAY, BIRTHDAY_ONLY);
        for (String id : List.of("b1", "b2")) {
            enrol(id, LocalDate.of(1985, 6, 10), ZoneOffset.UTC);
        }
        at("2028-06-10T12:00:00Z");
        // the first partition holds no member: its completed checkpoint names none, so it cannot tell which range it covered
        SweepReport empty = engine.sweep(SweepRequest.builder().range(null, MemberId.of("b")).checkpoint("daily-2028-06-10").build());

        at("2028-06-10T13:00:00Z");
        SweepReport second = engine.sweep(SweepRequest.builder().range(MemberId.of("b"), null).checkpoint("daily-2028-06-10").build());

        assertThat(empty.members()).isZero();
        assertThat(second.members()).isEqualTo(2);
        assertThat(second.offersIssued()).isEqualTo(2);
        assertThat(only("b1").issuedAt()).isEqualTo(Instant.parse("2028-06-10T12:00:00Z"));
        assertThat(only("b2").issuedAt()).isEqualTo(Instant.parse("2028-06-10T12:00:00Z"));
    }

    @Test
    void shouldReportProgressEveryNMembersAndOnceAtTheEnd() {
        start(BirthdayWindow.DAY, BIRTHDAY_ONLY);
        for (int i = 1; i <= 5; i++) {
            enrol("m" + i, null, null);
        }
        List<Long> progress = new ArrayList<>();
        List<SweepReport> finished = new ArrayList<>();
        SweepListener listener = new SweepListener() {
            @Override
            public void progress(SweepProgress p) {
                progress.add(p.members());
            }

            @Override
            public void finished(SweepReport report) {
                finished.add(report);
            }
        };

        engine.sweep(SweepRequest.builder().listener(listener).progressEvery(2).build());

        assertThat(progress).containsExactly(2L, 4L, 5L);
        assertThat(finished).singleElement().extracting(SweepReport::members).isEqualTo(5L);
    }
}
