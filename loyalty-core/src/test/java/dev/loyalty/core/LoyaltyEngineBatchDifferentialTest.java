package dev.loyalty.core;

import static dev.loyalty.core.testing.Fixtures.MONDAY;
import static dev.loyalty.core.testing.Fixtures.NOW;
import static dev.loyalty.core.testing.Fixtures.enrolment;
import static dev.loyalty.core.testing.Fixtures.eventId;
import static dev.loyalty.core.testing.Fixtures.gbp;
import static dev.loyalty.core.testing.Fixtures.member;
import static dev.loyalty.core.testing.Fixtures.purchase;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.core.event.Enrolment;
import dev.loyalty.core.event.HoldCapture;
import dev.loyalty.core.event.HoldVoid;
import dev.loyalty.core.event.LoyaltyEvent;
import dev.loyalty.core.event.OfferRedemption;
import dev.loyalty.core.event.PointsHold;
import dev.loyalty.core.event.ProfileChange;
import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.event.Redemption;
import dev.loyalty.core.event.Return;
import dev.loyalty.core.model.MemberStatus;
import dev.loyalty.core.model.Offer;
import dev.loyalty.core.referral.Referral;
import dev.loyalty.core.referral.ReferralStatus;
import dev.loyalty.core.spi.CampaignLimits;
import dev.loyalty.core.spi.Decision;
import dev.loyalty.core.spi.RuleEngine;
import dev.loyalty.core.store.InMemoryStore;
import dev.loyalty.core.testing.BatchDifferential;
import dev.loyalty.core.testing.BlindRules;
import dev.loyalty.core.testing.Fixtures;
import dev.loyalty.core.testing.JavaRules;
import dev.loyalty.core.testing.ReferralRules;
import dev.loyalty.core.testing.TierRules;
import dev.loyalty.core.tier.QualifyingWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * {@link LoyaltyEngine#processAll(List)} against {@link LoyaltyEngine#process} event by event on a
 * fresh engine each, over lists that mix members, kinds of event and failures, with rules that
 * read the balance (each batch holds one event of a member) and rules blind to it ({@link BlindRules},
 * several events of a member evaluated together before any is applied).
 */
class LoyaltyEngineBatchDifferentialTest {

    private static final String SPRING = "SPRING-01 ten points a purchase";

    private static Instant at(int minutes) {
        return MONDAY.plus(Duration.ofMinutes(minutes));
    }

    /** The simple pack and a spring campaign of 10 points a purchase, with a budget of 15 points for all members. */
    private static JavaRules spring() {
        return JavaRules.simplePack()
                .with("spring", ctx -> ctx.event() instanceof Purchase
                        ? List.of(new Decision.FixedPoints(SPRING, "10 spring points", Decision.WHOLE_EVENT, 10)) : List.of())
                .withLimits(Map.of(SPRING, new CampaignLimits("SPRING-01", 15, CampaignLimits.UNLIMITED, null)));
    }

    private static void bothWays(Supplier<RuleEngine> rules, List<LoyaltyEvent> events, String... campaigns) {
        new BatchDifferential(InMemoryStore::new, rules, engine -> { }).campaigns(campaigns).assertSame(events);
        new BatchDifferential(InMemoryStore::new, () -> new BlindRules(rules.get()), engine -> { }).campaigns(campaigns).assertSame(events);
    }

    @Test
    void shouldDrawACampaignBudgetSharedByMembersInListOrder() {
        // a's second purchase is listed before b's first: one by one it takes the last 5 points of the budget, b's nothing
        List<LoyaltyEvent> events = List.of(enrolment("a", at(0)), enrolment("b", at(0)),
                purchase("a1", "a", at(1), "10"), purchase("a2", "a", at(2), "10"), purchase("b1", "b", at(3), "10"));

        bothWays(LoyaltyEngineBatchDifferentialTest::spring, events, "SPRING-01");
    }

    @Test
    void shouldEarnAtTheNewTiersMultiplierAfterAPromotionEarlierInTheList() {
        // the first purchase crosses silver's 500 of spend; the second earns 1.2 times one by one
        List<LoyaltyEvent> events = List.of(enrolment("a", at(0)), enrolment("b", at(0)),
                purchase("a1", "a", at(1), "600"), purchase("b1", "b", at(1), "100"), purchase("a2", "a", at(2), "100"),
                purchase("a3", "a", at(3), "450"), purchase("a4", "a", at(4), "100"));

        bothWays(() -> TierRules.with(TierRules.ladder(QualifyingWindow.ROLLING_12_MONTHS).build()), events);
    }

    @Test
    void shouldCapADaysPointsAcrossAMembersPurchasesOfOneList() {
        List<LoyaltyEvent> events = List.of(enrolment("a", at(0)), purchase("a1", "a", at(1), "700"),
                purchase("a2", "a", at(2), "700"), purchase("a3", "a", at(3).plus(Duration.ofDays(1)), "50"),
                purchase("a4", "a", at(4), "5"));

        bothWays(JavaRules::simplePack, events);
    }

    @Test
    void shouldGiveTheResultsOfOneByOneForAMixOfKindsReplaysConflictsAndFailures() {
        Purchase big = purchase("p1", "a", at(5), "300");
        PointsHold hold = new PointsHold(eventId("h1"), member("a"), at(7), "reward", 100, NOW.plus(Duration.ofDays(1)));
        List<LoyaltyEvent> events = Arrays.asList(
                purchase("early", "b", at(1), "10"),                       // b is enrolled later in the list
                enrolment("a", at(0)), big, enrolment("b", at(0)),
                purchase("early", "b", at(1), "10"),                       // processed now b is enrolled
                null,
                purchase("ghost1", "ghost", at(2), "10"),                  // unknown member
                purchase("future", "a", NOW.plus(Duration.ofDays(3)), "10"), // invalid: in the future
                purchase("before", "a", MONDAY.minusSeconds(60), "10"),    // invalid: before the enrolment
                big,                                                        // a replay
                purchase("p1", "a", at(5), "301"),                          // a conflict
                purchase("p1", "b", at(5), "300"),                          // a conflict of another member
                hold, new HoldCapture(eventId("c1"), member("a"), at(8), eventId("h1")),
                new HoldCapture(eventId("c2"), member("a"), at(9), eventId("h1")), // captured already
                new PointsHold(eventId("h2"), member("b"), at(7), "reward", 50, NOW.plus(Duration.ofDays(1))),
                new HoldVoid(eventId("v2"), member("b"), at(8), eventId("h2")),
                new Redemption(eventId("r1"), member("a"), at(10), "voucher", 150, null),
                new Redemption(eventId("r2"), member("a"), at(11), "voucher", 10_000, null), // not enough points
                new Return(eventId("ret1"), member("a"), at(12), eventId("p1"), gbp("100")),
                new Return(eventId("ret2"), member("b"), at(12), null, gbp("5")),
                purchase("p0", "a", at(3), "20"),                           // dated before the earlier ones
                new ProfileChange(eventId("suspend"), member("b"), at(13), null, null, MemberStatus.SUSPENDED),
                purchase("b-suspended", "b", at(14), "10"),
                new Redemption(eventId("r3"), member("b"), at(14), "voucher", 1, null),
                new ProfileChange(eventId("birthday"), member("a"), at(15), LocalDate.of(1990, 3, 2), null, null),
                purchase("p2", "a", at(16), "40"),
                new Return(eventId("ret3"), member("a"), at(17), eventId("p2"), gbp("40")),
                new Return(eventId("ret4"), member("a"), at(18), eventId("p2"), gbp("1")), // its purchase returned in full
                enrolment("a", at(20)));                                   // a replay of the enrolment

        bothWays(JavaRules::simplePack, events);
    }

    @Test
    void shouldSettleAReferralBeforeTheEventsListedAfterTheQualifyingPurchase() {
        List<LoyaltyEvent> events = referralList(null);

        bothReferralWays(events);
    }

    @Test
    void shouldRefuseAnotherMembersRedemptionOfAnOfferIssuedEarlierInTheList() {
        // the referee's welcome offer is issued when their purchase settles the referral; its code is the same on every engine
        String code = welcomeOfferCode();

        bothReferralWays(referralList(code));
    }

    @Test
    void shouldSettleTheReferralOfAMemberWhosePurchaseWasListedBeforeTheirSignUp() {
        // e's first purchase comes before e signs up (refused: unknown member); the second qualifies the referral, rewarding
        // r with 500 points, which r's redemption listed after it spends one by one
        List<LoyaltyEvent> events = List.of(enrolment("x", at(0)), purchase("x1", "x", at(1), "10"),
                purchase("e0", "e", at(1), "10"),
                Enrolment.of(eventId("enrol-e"), member("e"), at(0)).withReferralCode("CODE-r"),
                purchase("e1", "e", at(2), "60"),
                new Redemption(eventId("r-spends"), member("r"), at(3), "voucher", 500, null));

        List<EventResult> results = bothReferralWays(events);

        assertThat(results.get(5).succeeded()).isTrue();
    }

    @Test
    void shouldGiveTheResultsOfOneByOneForRandomReferralsSignUpsAndSpending() {
        for (long seed = 1; seed <= 30; seed++) {
            bothReferralWays(randomReferrals(seed));
        }
    }

    @Test
    void shouldSettleTheReferrerSideOfEveryQualifiedReferralInRandomReferralLists() {
        for (long seed = 1; seed <= 1_000; seed++) {
            LoyaltyEngine engine = referralEngine();

            engine.processAll(randomReferrals(seed));

            // the rules never fail and nobody closes: a referral the referee qualified for is settled on both sides at once
            for (int m = 0; m < 6; m++) {
                assertThat(engine.referral(member("m" + m)).map(Referral::status))
                        .as("referral of m%d in random list %d", m, seed).isNotEqualTo(Optional.of(ReferralStatus.QUALIFIED));
            }
        }
    }

    /**
     * Sign-ups with the referrer's code or none, with fingerprints from a small pool (some shared), the referees' purchases and
     * returns, and the referrer's and others' redemptions and suspensions, in random order.
     */
    private static List<LoyaltyEvent> randomReferrals(long seed) {
        Random random = new Random(seed);
        List<LoyaltyEvent> events = new ArrayList<>();
        for (int n = 0; n < 60; n++) {
            String who = random.nextInt(5) == 0 ? "r" : "m" + random.nextInt(6);
            Instant when = at(1 + random.nextInt(600));
            int kind = random.nextInt(10);
            if (kind < 2) {
                Enrolment enrolment = Enrolment.of(eventId("enrol-" + who), member(who), at(0));
                enrolment = random.nextBoolean() ? enrolment.withReferralCode("CODE-r") : enrolment;
                events.add(random.nextBoolean() ? enrolment.withIdentity(Set.of("email:" + random.nextInt(8))) : enrolment);
            } else if (kind < 6) {
                events.add(purchase("p" + n, who, when, (1 + random.nextInt(80)) + ".00"));
            } else if (kind < 7 && !events.isEmpty() && events.get(random.nextInt(events.size())) instanceof Purchase bought) {
                events.add(new Return(eventId("ret" + n), bought.memberId(), bought.occurredAt().plusSeconds(30), bought.eventId(),
                        gbp((1 + random.nextInt(80)) + ".00")));
            } else if (kind < 9) {
                events.add(new Redemption(eventId("red" + n), member(who), when, "voucher", 1 + random.nextInt(600), null));
            } else {
                MemberStatus status = random.nextBoolean() ? MemberStatus.SUSPENDED : MemberStatus.ACTIVE;
                events.add(new ProfileChange(eventId("pc" + n), member(who), when, null, null, status));
            }
        }
        return events;
    }

    /** An engine of its own on an in-memory store with the referral rules, the referrer enrolled with a code. */
    private static LoyaltyEngine referralEngine() {
        LoyaltyEngine engine = LoyaltyEngine.builder().program(Fixtures.program()).clock(Fixtures.clock()).store(new InMemoryStore())
                .ruleEngine(new ReferralRules()).build();
        withReferrer(engine);
        return engine;
    }

    /** A referrer with a code and a fingerprint, enrolled before the list, on both engines. */
    private static void withReferrer(LoyaltyEngine engine) {
        engine.process(Enrolment.of(eventId("enrol-r"), member("r"), at(0)).withIdentity(Set.of("email:r")));
        engine.assignReferralCode(member("r"), "CODE-r");
    }

    /**
     * The referrer's redemption listed before and after the referee's qualifying purchase, a second sign-up sharing the
     * referee's fingerprint, a return of the purchase; with the welcome offer's code, its redemption by the referee and by another member.
     */
    private static List<LoyaltyEvent> referralList(String welcomeOffer) {
        List<LoyaltyEvent> events = new ArrayList<>(List.of(
                enrolment("x", at(0)),
                Enrolment.of(eventId("enrol-e"), member("e"), at(1)).withReferralCode("CODE-r").withIdentity(Set.of("email:e")),
                new Redemption(eventId("r-before"), member("r"), at(2), "voucher", 400, null),
                purchase("x1", "x", at(2), "10"),
                purchase("e1", "e", at(3), "60"),
                new Redemption(eventId("r-after"), member("r"), at(4), "voucher", 400, null),
                purchase("x2", "x", at(4), "10"),
                Enrolment.of(eventId("enrol-f"), member("f"), at(5)).withReferralCode("CODE-r").withIdentity(Set.of("email:e")),
                purchase("f1", "f", at(6), "60"),
                new Return(eventId("e-ret"), member("e"), at(7), eventId("e1"), gbp("60"))));
        if (welcomeOffer != null) {
            // before the purchase that settles the referral, the offer is not there yet
            events.add(3, new OfferRedemption(eventId("x-offer-early"), member("x"), at(2), welcomeOffer));
            events.add(new OfferRedemption(eventId("x-offer"), member("x"), at(8), welcomeOffer));
            events.add(new OfferRedemption(eventId("e-offer"), member("e"), at(9), welcomeOffer));
        }
        return events;
    }

    /** Processes the list both ways with the referral rules, read with the balance and blind to it; returns the first batch's results. */
    private static List<EventResult> bothReferralWays(List<LoyaltyEvent> events) {
        List<EventResult> results =
                new BatchDifferential(InMemoryStore::new, ReferralRules::new, LoyaltyEngineBatchDifferentialTest::withReferrer).assertSame(events);
        new BatchDifferential(InMemoryStore::new, () -> new BlindRules(new ReferralRules()), LoyaltyEngineBatchDifferentialTest::withReferrer).assertSame(events);
        return results;
    }

    /** The code of the welcome offer the referee gets, read from an engine of its own that processes the referral list. */
    private static String welcomeOfferCode() {
        LoyaltyEngine scout = referralEngine();
        for (LoyaltyEvent event : referralList(null)) {
            try {
                scout.process(event);
            } catch (LoyaltyException refused) {
                // as it is in the list under test
            }
        }
        List<Offer> offers = scout.offers(member("e"));
        assertThat(offers).as("the referee's welcome offer").hasSize(1);
        return offers.get(0).code();
    }
}
