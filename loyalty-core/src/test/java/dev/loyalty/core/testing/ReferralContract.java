package dev.loyalty.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.core.CoreRules;
import dev.loyalty.core.EventResult;
import dev.loyalty.core.InsufficientPointsException;
import dev.loyalty.core.InvalidInputException;
import dev.loyalty.core.LoyaltyEngine;
import dev.loyalty.core.MemberAlreadyEnrolledException;
import dev.loyalty.core.ExpiryPolicy;
import dev.loyalty.core.ProgramSettings;
import dev.loyalty.core.UnknownMemberException;
import dev.loyalty.core.event.Enrolment;
import dev.loyalty.core.event.OfferRedemption;
import dev.loyalty.core.event.ProfileChange;
import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.event.Redemption;
import dev.loyalty.core.event.Return;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.LedgerEntry;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.MemberStatus;
import dev.loyalty.core.model.Money;
import dev.loyalty.core.model.OfferStatus;
import dev.loyalty.core.model.OfferTrigger;
import dev.loyalty.core.model.Points;
import dev.loyalty.core.referral.CapPeriod;
import dev.loyalty.core.referral.Referral;
import dev.loyalty.core.referral.ReferralPolicy;
import dev.loyalty.core.referral.ReferralRejection;
import dev.loyalty.core.referral.ReferralStats;
import dev.loyalty.core.referral.ReferralStatus;
import dev.loyalty.core.spi.CampaignLimits;
import dev.loyalty.core.spi.LoyaltyStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Referral rewards as every store must keep them: the link set once at sign-up, qualification
 * on a confirmed first purchase, both sides rewarded exactly once, the guards (self-referral,
 * cycles, not-new customers, the cap), the quarterly star and the statistics. Extend it with a
 * store factory, as with {@link LoyaltyStoreContract}. The clock is fixed and moved by hand;
 * the program's zone is UTC and the return window 14 days unless a test says otherwise.
 */
public abstract class ReferralContract {

    private static final Instant START = Instant.parse("2026-01-05T12:00:00Z");

    private final TestClock clock = new TestClock(START);
    private final ReferralRules rules = new ReferralRules();
    private LoyaltyStore store;
    private LoyaltyEngine engine;
    private int events;
    /** What a {@linkplain #raceable raceable} store runs around each call while two enrolments race; null otherwise. */
    private volatile RaceHook race;

    /**
     * Returns a new, empty store of the kind under test.
     *
     * @return the store
     */
    protected abstract LoyaltyStore newStore();

    private void start(int returnWindowDays, ReferralPolicy policy) {
        start(returnWindowDays, policy, UnaryOperator.identity());
    }

    private void start(int returnWindowDays, ReferralPolicy policy, UnaryOperator<LoyaltyStore> wrap) {
        store = wrap.apply(newStore());
        engine = LoyaltyEngine.builder().clock(clock).store(store).ruleEngine(rules).referrals(policy)
                .program(ProgramSettings.builder().currency("GBP").returnWindowDays(returnWindowDays).build()).build();
    }

    private void start() {
        start(14, ReferralPolicy.DEFAULT);
    }

    private void at(Instant instant) {
        clock.set(instant);
    }

    private void later(Duration duration) {
        clock.advance(duration);
    }

    /** Enrols a member with a fingerprint of their own and gives them a referral code. */
    private void referrer(String member) {
        engine.process(Enrolment.of(EventId.of("enrol-" + member), MemberId.of(member), clock.instant())
                .withIdentity(Set.of("email:" + member)));
        engine.assignReferralCode(MemberId.of(member), "CODE-" + member);
    }

    private Enrolment signUp(String member, String referrer, String... identity) {
        return Enrolment.of(EventId.of("enrol-" + member), MemberId.of(member), clock.instant())
                .withReferralCode("CODE-" + referrer)
                .withIdentity(identity.length == 0 ? Set.of("email:" + member) : Set.of(identity));
    }

    private String buy(String member, String amount) {
        String id = "buy-" + (++events);
        engine.process(Purchase.builder(EventId.of(id), MemberId.of(member), clock.instant())
                .line("SKU", "gifts", 1, Money.of(amount, "GBP")).build());
        return id;
    }

    private Referral referral(String referee) {
        return engine.referral(MemberId.of(referee)).orElseThrow();
    }

    private long balance(String member) {
        return engine.balance(MemberId.of(member)).value();
    }

    private long points(String member, String rule) {
        long sum = 0;
        for (LedgerEntry entry : engine.ledger(MemberId.of(member))) {
            if (rule.equals(entry.rule())) {
                sum += entry.points().value();
            }
        }
        return sum;
    }

    /** Signs a referee up and makes their first purchase qualify at once (return window 0). */
    private void qualifyNow(String referee, String referrer) {
        engine.process(signUp(referee, referrer));
        buy(referee, "10.00");
    }

    @Test
    void shouldRewardBothSidesOnceTheRefereesFirstPurchaseOutlastsTheReturnWindow() {
        start();
        referrer("ann");
        engine.process(signUp("bob", "ann"));
        later(Duration.ofDays(1));
        String purchase = buy("bob", "20.00");

        later(Duration.ofDays(14).minusSeconds(1));
        engine.sweep();
        assertThat(referral("bob").status()).isEqualTo(ReferralStatus.SIGNED_UP);

        later(Duration.ofSeconds(1));
        engine.sweep();

        Referral settled = referral("bob");
        assertThat(settled.status()).isEqualTo(ReferralStatus.REWARDED);
        assertThat(settled.referrerId()).isEqualTo(MemberId.of("ann"));
        assertThat(settled.qualifyingEventId()).isEqualTo(EventId.of(purchase));
        assertThat(settled.qualifiedAt()).isEqualTo(START.plus(Duration.ofDays(15)));
        assertThat(balance("bob")).isEqualTo(20 + ReferralRules.REWARD);
        assertThat(points("bob", ReferralRules.REF)).isEqualTo(ReferralRules.REWARD);
        assertThat(balance("ann")).isEqualTo(ReferralRules.REWARD);
        assertThat(engine.referralStats(MemberId.of("ann"))).isEqualTo(new ReferralStats(1, 1, 1, java.util.Map.of()));
    }

    @Test
    void shouldRefuseAnEventUnderASettlementEventIdAndStillRewardBothSides() {
        start();
        referrer("ann");
        engine.process(signUp("bob", "ann"));
        referrer("cat");
        // a host event taking the ids a settlement is recorded under would leave the referral unsettled for good
        for (String taken : List.of("referral-referee:bob", "referral-referrer:bob")) {
            assertThatThrownBy(() -> engine.process(Purchase.builder(EventId.of(taken), MemberId.of("cat"), clock.instant())
                    .line("SKU", "gifts", 1, Money.of("10.00", "GBP")).build()))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("eventId").hasMessageContaining("reserved");
        }
        later(Duration.ofDays(1));
        buy("bob", "20.00");

        later(Duration.ofDays(14));
        engine.sweep();

        assertThat(referral("bob").status()).isEqualTo(ReferralStatus.REWARDED);
        assertThat(points("bob", ReferralRules.REF)).isEqualTo(ReferralRules.REWARD);
        assertThat(points("ann", ReferralRules.REF)).isEqualTo(ReferralRules.REWARD);
        assertThat(balance("cat")).isZero();
    }

    @Test
    void shouldRewardBothSidesWhenTheRefereeIdIsTooLongToFollowTheSettlementEventPrefix() {
        start(0, ReferralPolicy.DEFAULT);
        referrer("ann");
        // "enrol-" + 122 characters is the longest enrolment event id; "referral-referrer:" + 122 would be 140 characters
        String referee = "b".repeat(122);

        qualifyNow(referee, "ann");
        engine.sweep();

        assertThat(referral(referee).status()).isEqualTo(ReferralStatus.REWARDED);
        assertThat(points(referee, ReferralRules.REF)).isEqualTo(ReferralRules.REWARD);
        assertThat(points("ann", ReferralRules.REF)).isEqualTo(ReferralRules.REWARD);
    }

    @Test
    void shouldIssueTheRefereesReferralOfferWhenTheRefereeIdIsTooLongToFitInTheOccasion() {
        start(0, ReferralPolicy.DEFAULT);
        referrer("ann");
        // "referral:" + 108 characters + ":referee_reward" would be 132 characters; the settlement event id still fits
        String referee = "b".repeat(108);

        qualifyNow(referee, "ann");
        engine.sweep();

        assertThat(engine.offers(MemberId.of(referee))).singleElement().satisfies(offer -> {
            assertThat(offer.template()).isEqualTo(ReferralRules.WELCOME_OFFER);
            assertThat(offer.occasion()).hasSizeLessThanOrEqualTo(128).endsWith(":referee_reward");
        });
    }

    @Test
    void shouldIssueTheRefereesReferralOfferOnceWhenTheReferralQualifies() {
        start(0, ReferralPolicy.DEFAULT);
        referrer("ann");

        qualifyNow("bob", "ann");
        buy("bob", "5.00");
        engine.sweep();

        assertThat(engine.offers(MemberId.of("bob"))).singleElement().satisfies(offer -> {
            assertThat(offer.template()).isEqualTo(ReferralRules.WELCOME_OFFER);
            assertThat(offer.trigger()).isEqualTo(OfferTrigger.REFERRAL);
            assertThat(offer.occasion()).isEqualTo("referral:bob:referee_reward");
            assertThat(offer.validUntil()).isEqualTo(Instant.parse("2026-02-04T00:00:00Z"));
        });
        assertThat(engine.offers(MemberId.of("ann"))).isEmpty();
    }

    @Test
    void shouldQualifyWithTheFirstPurchaseWhenTheReturnWindowIsZero() {
        start(0, ReferralPolicy.DEFAULT);
        referrer("ann");

        qualifyNow("bob", "ann");

        assertThat(referral("bob").status()).isEqualTo(ReferralStatus.REWARDED);
        assertThat(balance("ann")).isEqualTo(ReferralRules.REWARD);
    }

    @Test
    void shouldRewardNeitherSideWhenTheFirstPurchaseIsReturnedInsideTheWindow() {
        start();
        referrer("ann");
        engine.process(signUp("bob", "ann"));
        String purchase = buy("bob", "20.00");
        later(Duration.ofDays(3));
        engine.process(new Return(EventId.of("return-1"), MemberId.of("bob"), clock.instant(), EventId.of(purchase), Money.of("20.00", "GBP")));

        later(Duration.ofDays(30));
        engine.sweep();

        assertThat(referral("bob").status()).isEqualTo(ReferralStatus.REJECTED);
        assertThat(referral("bob").rejection()).isEqualTo(ReferralRejection.RETURNED);
        assertThat(balance("ann")).isZero();
        assertThat(points("bob", ReferralRules.REF)).isZero();
    }

    @Test
    void shouldKeepBothRewardsWhenThePurchaseIsReturnedAfterQualifying() {
        start();
        referrer("ann");
        engine.process(signUp("bob", "ann"));
        String purchase = buy("bob", "20.00");
        later(Duration.ofDays(15));
        // no sweep ran since the window closed: the return itself settles what was due before it
        engine.process(new Return(EventId.of("return-1"), MemberId.of("bob"), clock.instant(), EventId.of(purchase), Money.of("20.00", "GBP")));

        assertThat(referral("bob").status()).isEqualTo(ReferralStatus.REWARDED);
        assertThat(balance("ann")).isEqualTo(ReferralRules.REWARD);
        assertThat(points("bob", ReferralRules.REF)).isEqualTo(ReferralRules.REWARD);
    }

    @Test
    void shouldRepayTheReferrersClawedBackDebtFromTheReferralReward() {
        start(0, ReferralPolicy.DEFAULT);
        referrer("ann");
        String purchase = buy("ann", "50.00");
        engine.process(new Redemption(EventId.of("ann-spends"), MemberId.of("ann"), clock.instant(), "VOUCHER", 50, null));
        // the points are spent: the return claws back 50 points the balance no longer has, which the account owes
        engine.process(new Return(EventId.of("ann-returns"), MemberId.of("ann"), clock.instant(), EventId.of(purchase), Money.of("50.00", "GBP")));
        assertThat(engine.summary(MemberId.of("ann")).debt()).isEqualTo(Points.of(50));

        qualifyNow("bob", "ann");

        assertThat(referral("bob").status()).isEqualTo(ReferralStatus.REWARDED);
        assertThat(points("ann", ReferralRules.REF)).isEqualTo(ReferralRules.REWARD);
        assertThat(points("ann", CoreRules.REPAYMENT)).isEqualTo(-50);
        assertThat(engine.summary(MemberId.of("ann")).debt()).isEqualTo(Points.of(0));
        assertThat(balance("ann")).isEqualTo(ReferralRules.REWARD - 50);
    }

    @Test
    void shouldLeaveTheReferralUnsettledWhenAReturnReceivedAfterTheWindowIsRefused() {
        store = newStore();
        engine = LoyaltyEngine.builder().clock(clock).store(store).ruleEngine(rules).referrals(ReferralPolicy.DEFAULT)
                .program(ProgramSettings.builder().currency("GBP").returnWindowDays(14)
                        .unlinkedReturnPointsPerUnit(java.math.BigDecimal.valueOf(10_000_000_000_000L)).build()).build();
        referrer("ann");
        engine.process(signUp("bob", "ann"));
        buy("bob", "20.00");
        later(Duration.ofDays(15));
        // no sweep ran since the window closed; the return (within the program's amount limit) claws back more points than a
        // long holds at the unlinked rate, so its work is refused
        Return absurd = new Return(EventId.of("return-1"), MemberId.of("bob"), clock.instant(), null, Money.of("1000000", "GBP"));

        assertThatThrownBy(() -> engine.process(absurd)).isInstanceOf(dev.loyalty.core.PointsOverflowException.class);

        assertThat(referral("bob").status()).isEqualTo(ReferralStatus.SIGNED_UP);
        assertThat(balance("ann")).isZero();
        assertThat(balance("bob")).isEqualTo(20);
    }

    @Test
    void shouldIssueTheRefereesOfferValidFromNowWhenAReturnReceivedLateSettlesTheQualificationThatFellDueBeforeIt() {
        start();
        referrer("ann");
        engine.process(signUp("bob", "ann"));
        Instant bought = clock.instant();
        buy("bob", "20.00");
        String second = buy("bob", "20.00");
        later(Duration.ofDays(100));
        // no sweep ran: a return dated six days after the window closed arrives 80 days after it happened
        engine.process(new Return(EventId.of("return-1"), MemberId.of("bob"), bought.plus(Duration.ofDays(20)), EventId.of(second),
                Money.of("5.00", "GBP")));

        Referral settled = referral("bob");
        assertThat(settled.status()).isEqualTo(ReferralStatus.REWARDED);
        assertThat(settled.qualifiedAt()).isEqualTo(bought.plus(Duration.ofDays(14)));
        assertThat(settled.settledAt()).isEqualTo(clock.instant());
        assertThat(engine.offers(MemberId.of("bob"))).singleElement().satisfies(offer -> {
            assertThat(offer.issuedAt()).isEqualTo(clock.instant());
            assertThat(offer.validUntil()).isAfter(clock.instant());
        });
        String code = engine.offers(MemberId.of("bob")).get(0).code();
        assertThat(engine.redeemOffer(new OfferRedemption(EventId.of("use-welcome"), MemberId.of("bob"), clock.instant(), code))
                .offer().status()).isEqualTo(OfferStatus.REDEEMED);
    }

    @Test
    void shouldKeepARewardSettledAfterItsExpiryWouldHaveFallenSpendableAndTheSweepRepeatable() {
        store = newStore();
        engine = LoyaltyEngine.builder().clock(clock).store(store).ruleEngine(rules).referrals(ReferralPolicy.DEFAULT)
                .program(ProgramSettings.builder().currency("GBP").returnWindowDays(14).expiry(ExpiryPolicy.rollingMonths(1)).build())
                .build();
        referrer("ann");
        engine.process(signUp("bob", "ann"));
        buy("bob", "20.00");
        // no event or sweep until 50 days on: the referral qualified on day 14, a month of expiry from then ended on day 45
        later(Duration.ofDays(50));

        engine.sweep();
        long afterFirst = balance("ann");
        engine.sweep();

        assertThat(afterFirst).isEqualTo(ReferralRules.REWARD);
        assertThat(balance("ann")).isEqualTo(ReferralRules.REWARD);
        assertThat(engine.lots(MemberId.of("ann"))).singleElement()
                .satisfies(lot -> assertThat(lot.expiresAt()).isAfter(clock.instant()));
    }

    @Test
    void shouldRejectASelfReferralByIdentityFingerprint() {
        start(0, ReferralPolicy.DEFAULT);
        referrer("ann");

        engine.process(signUp("ann-again", "ann", "email:ann"));
        buy("ann-again", "10.00");

        assertThat(referral("ann-again").rejection()).isEqualTo(ReferralRejection.SAME_IDENTITY);
        assertThat(engine.member(MemberId.of("ann-again"))).isPresent();
        assertThat(balance("ann")).isZero();
        assertThat(points("ann-again", ReferralRules.REF)).isZero();
    }

    @Test
    void shouldRefuseASelfReferralByIdLeavingNoReferral() {
        start(0, ReferralPolicy.DEFAULT);
        referrer("ann");

        assertThatThrownBy(() -> engine.process(Enrolment.of(EventId.of("enrol-ann-2"), MemberId.of("ann"), clock.instant())
                .withReferralCode("CODE-ann"))).isInstanceOf(MemberAlreadyEnrolledException.class);

        assertThat(engine.referral(MemberId.of("ann"))).isEmpty();
        assertThat(engine.referralStats()).isEqualTo(ReferralStats.NONE);
    }

    @Test
    void shouldRejectTheReferralThatClosesTheCycleAnnToBobToCatToAnn() {
        start(0, ReferralPolicy.DEFAULT);
        referrer("ann");
        engine.process(signUp("bob", "ann"));
        engine.assignReferralCode(MemberId.of("bob"), "CODE-bob");
        engine.process(signUp("cat", "bob"));
        engine.assignReferralCode(MemberId.of("cat"), "CODE-cat");

        // ann comes back under a new id with her own email, using cat's code
        engine.process(signUp("ann-2", "cat", "email:ann", "phone:new"));

        assertThat(referral("ann-2").rejection()).isEqualTo(ReferralRejection.CYCLE);
        assertThat(referral("bob").status()).isEqualTo(ReferralStatus.SIGNED_UP);
        assertThat(referral("cat").status()).isEqualTo(ReferralStatus.SIGNED_UP);
    }

    @Test
    void shouldRejectARefereeWhoseIdentityBelongsToAnEarlierMember() {
        start(0, ReferralPolicy.DEFAULT);
        referrer("ann");
        engine.process(Enrolment.of(EventId.of("enrol-dan"), MemberId.of("dan"), clock.instant()).withIdentity(Set.of("card:1234")));

        engine.process(signUp("dan-2", "ann", "card:1234"));
        buy("dan-2", "10.00");

        assertThat(referral("dan-2").rejection()).isEqualTo(ReferralRejection.NOT_NEW_CUSTOMER);
        assertThat(balance("ann")).isZero();
    }

    @Test
    void shouldStopRewardingTheReferrerOnceTheCapIsReached() {
        start(0, ReferralPolicy.DEFAULT.withCap(2, CapPeriod.MONTH));
        referrer("ann");

        qualifyNow("bob", "ann");
        qualifyNow("cat", "ann");
        qualifyNow("dan", "ann");

        assertThat(referral("dan").rejection()).isEqualTo(ReferralRejection.CAP_REACHED);
        assertThat(balance("ann")).isEqualTo(2 * ReferralRules.REWARD);
        assertThat(points("dan", ReferralRules.REF)).isEqualTo(ReferralRules.REWARD);
    }

    @Test
    void shouldCutReferralRewardsToWhatRemainsOfTheCampaignBudgetThenAwardNothing() {
        start(0, ReferralPolicy.DEFAULT);
        rules.limits(Map.of(ReferralRules.REF, new CampaignLimits("REF", 700, CampaignLimits.UNLIMITED, null)));
        referrer("ann");

        qualifyNow("bob", "ann");
        qualifyNow("cat", "ann");

        assertThat(points("bob", ReferralRules.REF)).isEqualTo(ReferralRules.REWARD);
        assertThat(points("ann", ReferralRules.REF)).isEqualTo(700 - ReferralRules.REWARD);
        assertThat(points("cat", ReferralRules.REF)).isZero();
        assertThat(engine.campaignBudget("REF")).hasValueSatisfying(budget -> assertThat(budget.spent()).isEqualTo(700));
        assertThat(referral("cat").status()).isEqualTo(ReferralStatus.REWARDED);
    }

    @Test
    void shouldStopRewardingTheReferrerAtTheCampaignsMemberLimit() {
        start(0, ReferralPolicy.DEFAULT);
        rules.limits(Map.of(ReferralRules.REF, new CampaignLimits("REF", CampaignLimits.UNLIMITED, 600, null)));
        referrer("ann");

        qualifyNow("bob", "ann");
        qualifyNow("cat", "ann");
        qualifyNow("dan", "ann");

        assertThat(points("ann", ReferralRules.REF)).isEqualTo(600);
        assertThat(points("dan", ReferralRules.REF)).isEqualTo(ReferralRules.REWARD);
        assertThat(balance("ann")).isEqualTo(600);
    }

    @Test
    void shouldGiveTheReferrerOnlyTheBestRewardOfAnExclusiveGroup() {
        start(0, ReferralPolicy.DEFAULT);
        rules.limits(Map.of(ReferralRules.REF, new CampaignLimits("REF", CampaignLimits.UNLIMITED, CampaignLimits.UNLIMITED, "referral"),
                ReferralRules.STAR, new CampaignLimits("STAR", CampaignLimits.UNLIMITED, CampaignLimits.UNLIMITED, "referral")));
        referrer("ann");

        for (int i = 1; i <= ReferralRules.STAR_THRESHOLD; i++) {
            qualifyNow("friend-" + i, "ann");
        }

        assertThat(points("ann", ReferralRules.STAR)).isEqualTo(ReferralRules.STAR_POINTS);
        assertThat(points("ann", ReferralRules.REF)).isEqualTo((ReferralRules.STAR_THRESHOLD - 1) * ReferralRules.REWARD);
        assertThat(referral("friend-" + ReferralRules.STAR_THRESHOLD).starQuarter()).isEqualTo("2026-Q1");
    }

    @Test
    void shouldRewardTheReferrerAgainInTheNextCapPeriod() {
        start(0, ReferralPolicy.DEFAULT.withCap(1, CapPeriod.MONTH));
        referrer("ann");
        qualifyNow("bob", "ann");

        at(Instant.parse("2026-02-01T00:00:00Z"));
        qualifyNow("cat", "ann");

        assertThat(referral("cat").status()).isEqualTo(ReferralStatus.REWARDED);
        assertThat(balance("ann")).isEqualTo(2 * ReferralRules.REWARD);
    }

    @Test
    void shouldAwardTheStarOnTheFifthQualifiedReferralOfAQuarterAndOnlyOnce() {
        start(0, ReferralPolicy.DEFAULT);
        referrer("ann");
        for (int i = 1; i <= 4; i++) {
            qualifyNow("friend-" + i, "ann");
        }
        assertThat(points("ann", ReferralRules.STAR)).isZero();

        qualifyNow("friend-5", "ann");
        qualifyNow("friend-6", "ann");

        assertThat(points("ann", ReferralRules.STAR)).isEqualTo(ReferralRules.STAR_POINTS);
        assertThat(referral("friend-5").starQuarter()).isEqualTo("2026-Q1");
        assertThat(referral("friend-6").starQuarter()).isNull();
        assertThat(balance("ann")).isEqualTo(6 * ReferralRules.REWARD + ReferralRules.STAR_POINTS);
    }

    @Test
    void shouldNotAwardTheStarWhenTheFifthReferralQualifiesInTheNextQuarter() {
        start(0, ReferralPolicy.DEFAULT);
        referrer("ann");
        at(Instant.parse("2026-03-31T10:00:00Z"));
        for (int i = 1; i <= 4; i++) {
            qualifyNow("friend-" + i, "ann");
        }

        at(Instant.parse("2026-04-01T00:00:00Z"));
        qualifyNow("friend-5", "ann");

        assertThat(points("ann", ReferralRules.STAR)).isZero();
        assertThat(balance("ann")).isEqualTo(5 * ReferralRules.REWARD);
    }

    @Test
    void shouldCountTheQuarterInTheReferrersZone() {
        start(0, ReferralPolicy.DEFAULT);
        engine.process(Enrolment.of(EventId.of("enrol-ann"), MemberId.of("ann"), clock.instant()).withZone(ZoneId.of("Asia/Tokyo")));
        engine.assignReferralCode(MemberId.of("ann"), "CODE-ann");
        at(Instant.parse("2026-03-31T10:00:00Z"));
        for (int i = 1; i <= 4; i++) {
            qualifyNow("friend-" + i, "ann");
        }

        at(Instant.parse("2026-03-31T23:00:00Z")); // 1 April 08:00 in Tokyo: the next quarter there
        qualifyNow("friend-5", "ann");

        assertThat(points("ann", ReferralRules.STAR)).isZero();
    }

    @Test
    void shouldLinkAndRewardOnceWhenTheSameSignUpEventIsDeliveredTwice() {
        start(0, ReferralPolicy.DEFAULT);
        referrer("ann");
        Enrolment signUp = signUp("bob", "ann");

        engine.process(signUp);
        engine.process(signUp);
        buy("bob", "10.00");

        assertThat(engine.referralsMade(MemberId.of("ann"))).hasSize(1);
        assertThat(engine.referralStats().signedUp()).isEqualTo(1);
        assertThat(balance("ann")).isEqualTo(ReferralRules.REWARD);
        assertThat(points("bob", ReferralRules.REF)).isEqualTo(ReferralRules.REWARD);
    }

    @Test
    void shouldNeitherOverrunTheCapNorAwardTwoStarsWhenTwoRefereesQualifyAtOnce() throws Exception {
        start(0, ReferralPolicy.DEFAULT.withCap(5, CapPeriod.QUARTER));
        int referrers = 6;
        List<Supplier<Object>> tasks = new ArrayList<>();
        for (int r = 0; r < referrers; r++) {
            String referrer = "ref-" + r;
            referrer(referrer);
            for (int i = 1; i <= 4; i++) {
                qualifyNow(referrer + "-friend-" + i, referrer);
            }
            for (int i = 5; i <= 6; i++) {
                String referee = referrer + "-friend-" + i;
                engine.process(signUp(referee, referrer));
                EventId id = EventId.of("race-" + referee);
                tasks.add(() -> engine.process(Purchase.builder(id, MemberId.of(referee), clock.instant())
                        .line("SKU", "gifts", 1, Money.of("10.00", "GBP")).build()));
            }
        }

        List<Object> results = Fixtures.runConcurrently(tasks, 4, Duration.ofMinutes(2));

        assertThat(results).noneMatch(result -> result instanceof Throwable);
        for (int r = 0; r < referrers; r++) {
            String referrer = "ref-" + r;
            ReferralStats stats = engine.referralStats(MemberId.of(referrer));
            assertThat(stats.rewarded()).as(referrer).isEqualTo(5);
            assertThat(stats.rejected().get(ReferralRejection.CAP_REACHED)).as(referrer).isEqualTo(1);
            assertThat(points(referrer, ReferralRules.STAR)).as(referrer).isEqualTo(ReferralRules.STAR_POINTS);
            assertThat(balance(referrer)).as(referrer).isEqualTo(5 * ReferralRules.REWARD + ReferralRules.STAR_POINTS);
        }
    }

    @Test
    void shouldRewardEachSideOnceWhenSweepsSettlementsAndPurchasesSettleTheSameReferralsAtOnce() throws Exception {
        start();
        referrer("ann");
        List<String> referees = List.of("bob", "cat", "dan", "eve", "fay", "gus");
        for (String referee : referees) {
            engine.process(signUp(referee, "ann"));
            buy(referee, "10.00");
        }
        later(Duration.ofDays(15));
        Instant now = clock.instant();
        List<Supplier<Object>> tasks = new ArrayList<>();
        for (String referee : referees) {
            EventId id = EventId.of("after-window-" + referee);
            tasks.add(() -> engine.process(Purchase.builder(id, MemberId.of(referee), now).line("SKU", "gifts", 1, Money.of("10.00", "GBP")).build()));
            tasks.add(engine::sweep);
            tasks.add(() -> {
                engine.settleReferrals(now);
                return referee;
            });
        }

        List<Object> results = Fixtures.runConcurrently(tasks, 8, Duration.ofMinutes(2));

        assertThat(results).noneMatch(Throwable.class::isInstance);
        for (String referee : referees) {
            assertThat(referral(referee).status()).as(referee).isEqualTo(ReferralStatus.REWARDED);
            assertThat(points(referee, ReferralRules.REF)).as(referee).isEqualTo(ReferralRules.REWARD);
            assertThat(engine.offers(MemberId.of(referee))).as(referee).hasSize(1);
        }
        assertThat(points("ann", ReferralRules.REF)).isEqualTo(referees.size() * ReferralRules.REWARD);
        assertThat(points("ann", ReferralRules.STAR)).isEqualTo(ReferralRules.STAR_POINTS);
        assertThat(balance("ann")).isEqualTo(referees.size() * ReferralRules.REWARD + ReferralRules.STAR_POINTS);
    }

    @Test
    void shouldSettleTheReferrerSideInALaterSweepWhenItFailedAfterTheRefereeQualified() {
        start(0, ReferralPolicy.DEFAULT);
        referrer("ann");
        rules.failReferrerSide(1);

        qualifyNow("bob", "ann");
        assertThat(referral("bob").status()).isEqualTo(ReferralStatus.QUALIFIED);
        assertThat(balance("ann")).isZero();

        engine.sweep();
        engine.sweep();

        assertThat(referral("bob").status()).isEqualTo(ReferralStatus.REWARDED);
        assertThat(balance("ann")).isEqualTo(ReferralRules.REWARD);
        assertThat(points("bob", ReferralRules.REF)).isEqualTo(ReferralRules.REWARD);
    }

    @Test
    void shouldRejectTheReferrerSideWithoutRewardWhenTheReferrerIsClosedWhenTheReferralQualifies() {
        start(0, ReferralPolicy.DEFAULT);
        referrer("ann");
        setStatus("ann", MemberStatus.CLOSED);

        qualifyNow("bob", "ann");

        assertThat(referral("bob").status()).isEqualTo(ReferralStatus.REJECTED);
        assertThat(referral("bob").rejection()).isEqualTo(ReferralRejection.REFERRER_NOT_ACTIVE);
        assertThat(balance("ann")).isZero();
        assertThat(engine.offers(MemberId.of("ann"))).isEmpty();
        assertThat(points("bob", ReferralRules.REF)).isEqualTo(ReferralRules.REWARD);
    }

    @Test
    void shouldGiveTheRefereeNoPointsOrOffersWhenTheRefereeIsSuspendedWhenTheReferralQualifies() {
        start();
        referrer("ann");
        engine.process(signUp("bob", "ann"));
        buy("bob", "20.00");
        setStatus("bob", MemberStatus.SUSPENDED);

        later(Duration.ofDays(15));
        engine.sweep();

        assertThat(referral("bob").status()).isEqualTo(ReferralStatus.REWARDED);
        assertThat(points("bob", ReferralRules.REF)).isZero();
        assertThat(engine.offers(MemberId.of("bob"))).isEmpty();
        assertThat(balance("ann")).isEqualTo(ReferralRules.REWARD);
    }

    @Test
    void shouldLetTheReferrerSpendTheRewardWhenABatchListsTheRedemptionAfterTheRefereesQualifyingPurchase() {
        start(0, ReferralPolicy.DEFAULT);
        referrer("ann");
        engine.process(signUp("bob", "ann"));
        Instant now = clock.instant();

        // rules that may read the balance: the batch evaluates only events of different members together
        List<EventResult> results = engine.processAll(List.of(
                new ProfileChange(EventId.of("bob-birthday"), MemberId.of("bob"), now, LocalDate.of(1990, 5, 1), null, null),
                Purchase.builder(EventId.of("bob-first"), MemberId.of("bob"), now).line("SKU", "gifts", 1, Money.of("10.00", "GBP")).build(),
                new Redemption(EventId.of("ann-spends"), MemberId.of("ann"), now, "VOUCHER", ReferralRules.REWARD, null)));

        assertThat(results).allSatisfy(result -> assertThat(result.error()).isNull());
        assertThat(balance("ann")).isZero();
        assertThat(referral("bob").status()).isEqualTo(ReferralStatus.REWARDED);
    }

    @Test
    void shouldRefuseTheReferrersRedemptionWhenABatchListsItBeforeTheRefereesQualifyingPurchase() {
        start(0, ReferralPolicy.DEFAULT);
        referrer("ann");
        engine.process(signUp("bob", "ann"));
        Instant now = clock.instant();

        // one by one, ann spends before bob's purchase rewards her: she has nothing to spend yet
        List<EventResult> results = engine.processAll(List.of(
                new ProfileChange(EventId.of("ann-birthday"), MemberId.of("ann"), now, LocalDate.of(1990, 5, 1), null, null),
                new Redemption(EventId.of("ann-spends"), MemberId.of("ann"), now, "VOUCHER", ReferralRules.REWARD, null),
                Purchase.builder(EventId.of("bob-first"), MemberId.of("bob"), now).line("SKU", "gifts", 1, Money.of("10.00", "GBP")).build()));

        assertThat(results.get(1).error()).isInstanceOf(InsufficientPointsException.class);
        assertThat(results.get(2).succeeded()).isTrue();
        assertThat(balance("ann")).isEqualTo(ReferralRules.REWARD);
    }

    private void setStatus(String member, MemberStatus status) {
        engine.process(new ProfileChange(EventId.of("status-" + member + "-" + (++events)), MemberId.of(member), clock.instant(), null, null,
                status));
    }

    @Test
    void shouldRefuseToSettleReferralsAsOfAnInstantInTheFutureAndSettleNothing() {
        start();
        referrer("ann");
        engine.process(signUp("bob", "ann"));
        buy("bob", "20.00");

        // the window closes in 14 days: settling as of 30 days on would pay for a purchase that may still be returned
        Instant future = clock.instant().plus(Duration.ofDays(30));
        assertThatThrownBy(() -> engine.settleReferrals(future))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("settleReferrals.asOf")
                .hasMessageContaining(future.toString());

        assertThat(referral("bob").status()).isEqualTo(ReferralStatus.SIGNED_UP);
        assertThat(balance("ann")).isZero();
        assertThat(points("bob", ReferralRules.REF)).isZero();
    }

    @Test
    void shouldRefuseToSettleReferralsAsOfAnInstantBefore1900AndSettleNothing() {
        start();
        referrer("ann");
        engine.process(signUp("bob", "ann"));
        buy("bob", "20.00");
        Instant ancient = Instant.parse("1899-12-31T23:59:59Z");

        assertThatThrownBy(() -> engine.settleReferrals(ancient))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("settleReferrals.asOf")
                .hasMessageContaining("1900-01-01T00:00:00Z");

        assertThat(referral("bob").status()).isEqualTo(ReferralStatus.SIGNED_UP);
        assertThat(balance("ann")).isZero();
    }

    @Test
    void shouldRefuseAnUnknownReferralCodeLeavingNoMember() {
        start();
        referrer("ann");

        assertThatThrownBy(() -> engine.process(Enrolment.of(EventId.of("enrol-bob"), MemberId.of("bob"), clock.instant())
                .withReferralCode("NO-SUCH-CODE")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("NO-SUCH-CODE");

        assertThat(engine.member(MemberId.of("bob"))).isEmpty();
    }

    @Test
    void shouldRefuseAReferralCodeThatBelongsToAnotherMember() {
        start();
        referrer("ann");
        engine.process(Enrolment.of(EventId.of("enrol-bob"), MemberId.of("bob"), clock.instant()));

        assertThatThrownBy(() -> engine.assignReferralCode(MemberId.of("bob"), "CODE-ann"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("CODE-ann");

        assertThat(engine.referralCode(MemberId.of("bob"))).isEmpty();
        assertThat(engine.referralCode(MemberId.of("ann"))).contains("CODE-ann");
    }

    @Test
    void shouldFindNoOwnerNorMemberWhenLookingUpACodeOrFingerprintNoStoreCanHold() {
        // PostgreSQL refused a NUL in the query (a StoreException), and its driver sends a lone surrogate as '?', which
        // found the code "CODE?" and the fingerprint "email:ann?"; the in-memory store found nothing
        start();
        engine.process(Enrolment.of(EventId.of("enrol-ann"), MemberId.of("ann"), clock.instant()).withIdentity(Set.of("email:ann?")));
        engine.assignReferralCode(MemberId.of("ann"), "CODE?");

        for (String suffix : List.of("\u0000", "\uD800", "\uDC00")) {
            assertThat(store.findReferralCodeOwner("CODE" + suffix)).as("code with %s", suffix).isEmpty();
            assertThat(store.findMembersByIdentity(Set.of("email:ann" + suffix))).as("fingerprint with %s", suffix).isEmpty();
            assertThat(store.findMembersByIdentity(Set.of("email:ann" + suffix, "email:ann?"))).containsExactly(MemberId.of("ann"));
        }
        assertThat(store.findReferralCodeOwner("CODE?")).contains(MemberId.of("ann"));
    }

    @Test
    void shouldRefuseAMissingFingerprintWithAnInvalidInputExceptionWhenLookingUpMembersByIdentity() {
        // the in-memory store threw a NullPointerException, the JDBC store looked the null up and found nothing
        start();
        engine.process(Enrolment.of(EventId.of("enrol-ann"), MemberId.of("ann"), clock.instant()).withIdentity(Set.of("email:ann")));
        Set<String> withNull = new HashSet<>(Arrays.asList("email:ann", null));

        assertThatThrownBy(() -> store.findMembersByIdentity(withNull)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("fingerprints[]");
        assertThatThrownBy(() -> store.findMembersByIdentity(null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("fingerprints");
    }

    @Test
    void shouldStoreAReferralCodeWithoutTheWhiteSpaceAroundItWhenSavedStraightToTheStore() {
        // the store checked the stripped code but kept it as given: a padded code of 128 characters failed on a database
        start();
        engine.process(Enrolment.of(EventId.of("enrol-ann"), MemberId.of("ann"), clock.instant()));
        String longest = "C".repeat(128);

        store.saveReferralCode(MemberId.of("ann"), "  " + longest + "  ");

        assertThat(store.findReferralCodeOwner(longest)).contains(MemberId.of("ann"));
        assertThat(engine.referralCode(MemberId.of("ann"))).contains(longest);
    }

    @Test
    void shouldRefuseAReferralCodeForAMemberWhoIsNotEnrolled() {
        start();

        assertThatThrownBy(() -> engine.assignReferralCode(MemberId.of("ghost"), "CODE-ghost"))
                .isInstanceOf(UnknownMemberException.class);

        assertThat(engine.referralCode(MemberId.of("ghost"))).isEmpty();
    }

    @Test
    void shouldStreamEveryReferralPastOnePageWhenCountingTheProgram() {
        start();
        referrer("ann");
        int referees = 501;
        for (int i = 0; i < referees; i++) {
            engine.process(signUp(String.format("friend-%04d", i), "ann"));
        }

        List<MemberId> seen = new ArrayList<>();
        store.forEachReferral(referral -> seen.add(referral.refereeId()));

        assertThat(seen).hasSize(referees).doesNotHaveDuplicates().isSorted();
        assertThat(engine.referralStats().signedUp()).isEqualTo(referees);
    }

    /**
     * Wraps a store so that, while two enrolments race ({@link #enrolTogether}), each call runs the
     * race's hook before it and again once it is done, before it answers: a test's way to hold the
     * racers between their checks and their writes, or to fail a lookup. Outside a race, such as
     * while a test enrols the referrers, calls pass straight through.
     */
    private LoyaltyStore raceable(LoyaltyStore inner) {
        return (LoyaltyStore) Proxy.newProxyInstance(LoyaltyStore.class.getClassLoader(), new Class<?>[] {LoyaltyStore.class},
                (proxy, method, args) -> {
                    RaceHook hook = race;
                    if (hook != null) {
                        hook.run(method.getName(), false);
                    }
                    Object result;
                    try {
                        result = method.invoke(inner, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (hook != null) {
                        hook.run(method.getName(), true);
                    }
                    return result;
                });
    }

    /** What a {@linkplain #raceable raceable} store runs around each call while two enrolments race. */
    private interface RaceHook {
        void run(String method, boolean done) throws Exception;
    }

    /**
     * Holds the first two writes, the two enrolments', until both are about to write, so that each
     * was checked (a sign-up's guards looked) before the other was written; then fails the next
     * {@code failing} identity lookups, the first checks after the writes.
     */
    private static RaceHook checkedTogetherThenFailing(int failing) {
        CyclicBarrier bothChecked = new CyclicBarrier(2);
        AtomicInteger writes = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        return (method, done) -> {
            if (!done && method.equals("apply") && writes.incrementAndGet() <= 2) {
                bothChecked.await(20, TimeUnit.SECONDS);
            } else if (done && method.equals("findMembersByIdentity") && writes.get() >= 2 && failed.incrementAndGet() <= failing) {
                throw new IllegalStateException("the store is down");
            }
        };
    }

    /** Enrols both on two threads at once, the store running {@code hook} meanwhile, and waits for both. */
    private void enrolTogether(RaceHook hook, Enrolment first, Enrolment second) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        race = hook;
        try {
            Future<?> one = threads.submit(() -> engine.process(first));
            Future<?> two = threads.submit(() -> engine.process(second));
            one.get(30, TimeUnit.SECONDS);
            two.get(30, TimeUnit.SECONDS);
        } finally {
            race = null;
            threads.shutdownNow();
        }
    }

    @Test
    void shouldKeepOnlyTheFirstOfTwoSignUpsSharingAnIdentityThatPassedTheGuardsTogether() throws Exception {
        start(14, ReferralPolicy.DEFAULT, this::raceable);
        referrer("ann");
        referrer("eve");

        enrolTogether(checkedTogetherThenFailing(0), signUp("dan", "eve", "card:1234"), signUp("cat", "ann", "card:1234"));

        assertThat(referral("cat").status()).isEqualTo(ReferralStatus.SIGNED_UP);
        Referral dan = referral("dan");
        assertThat(dan.rejection()).isEqualTo(ReferralRejection.NOT_NEW_CUSTOMER);
        assertThat(dan.settledAt()).isEqualTo(dan.signedUpAt());
    }

    @Test
    void shouldRejectTheLaterOfTwoRacingSignUpsWhenItsPurchaseSettlesIfTheCheckAfterSignUpFailed() throws Exception {
        start(0, ReferralPolicy.DEFAULT, this::raceable);
        referrer("ann");
        // the two lookups that fail are the checks after each sign-up
        enrolTogether(checkedTogetherThenFailing(2), signUp("cat", "ann", "card:1234"), signUp("dan", "ann", "card:1234"));
        assertThat(referral("dan").status()).isEqualTo(ReferralStatus.SIGNED_UP);

        buy("dan", "10.00");
        buy("cat", "10.00");

        assertThat(referral("dan").rejection()).isEqualTo(ReferralRejection.NOT_NEW_CUSTOMER);
        assertThat(referral("cat").status()).isEqualTo(ReferralStatus.REWARDED);
        assertThat(points("ann", ReferralRules.REF)).isEqualTo(ReferralRules.REWARD);
        assertThat(points("dan", ReferralRules.REF)).isZero();
    }

    @Test
    void shouldRejectASignUpThatPassedTheGuardsTogetherWithAnEarlierEnrolmentWithoutACode() throws Exception {
        start(0, ReferralPolicy.DEFAULT, this::raceable);
        referrer("ann");
        Enrolment plain = Enrolment.of(EventId.of("enrol-pat"), MemberId.of("pat"), clock.instant().minusSeconds(60))
                .withIdentity(Set.of("card:1234"));

        enrolTogether(checkedTogetherThenFailing(0), signUp("dan", "ann", "card:1234"), plain);

        Referral dan = referral("dan");
        assertThat(dan.rejection()).isEqualTo(ReferralRejection.NOT_NEW_CUSTOMER);
        assertThat(dan.settledAt()).isEqualTo(dan.signedUpAt());
        buy("dan", "10.00");
        assertThat(referral("dan").rejection()).isEqualTo(ReferralRejection.NOT_NEW_CUSTOMER);
        assertThat(balance("ann")).isZero();
        assertThat(points("dan", ReferralRules.REF)).isZero();
    }

    @Test
    void shouldCountTheProgramsReferralsByStatusAndReason() {
        start(0, ReferralPolicy.DEFAULT.withCap(1, CapPeriod.MONTH));
        referrer("ann");
        referrer("eve");
        qualifyNow("bob", "ann");
        qualifyNow("cat", "ann");
        engine.process(signUp("dan", "eve"));
        engine.process(signUp("eve-2", "ann", "email:eve"));

        ReferralStats stats = engine.referralStats();

        assertThat(stats.signedUp()).isEqualTo(4);
        assertThat(stats.qualified()).isEqualTo(2);
        assertThat(stats.rewarded()).isEqualTo(1);
        assertThat(stats.rejected().get(ReferralRejection.CAP_REACHED)).isEqualTo(1);
        assertThat(stats.rejected().get(ReferralRejection.NOT_NEW_CUSTOMER)).isEqualTo(1);
        assertThat(stats.rejectedTotal()).isEqualTo(2);
    }
}
