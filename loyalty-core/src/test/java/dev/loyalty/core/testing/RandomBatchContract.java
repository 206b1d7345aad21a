package dev.loyalty.core.testing;

import static dev.loyalty.core.testing.Fixtures.MONDAY;
import static dev.loyalty.core.testing.Fixtures.NOW;
import static dev.loyalty.core.testing.Fixtures.enrolment;
import static dev.loyalty.core.testing.Fixtures.eventId;
import static dev.loyalty.core.testing.Fixtures.gbp;
import static dev.loyalty.core.testing.Fixtures.member;
import static dev.loyalty.core.testing.Fixtures.purchase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.loyalty.core.LoyaltyEngine;
import dev.loyalty.core.event.HoldCapture;
import dev.loyalty.core.event.HoldVoid;
import dev.loyalty.core.event.LoyaltyEvent;
import dev.loyalty.core.event.PointsHold;
import dev.loyalty.core.event.ProfileChange;
import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.event.Redemption;
import dev.loyalty.core.event.Return;
import dev.loyalty.core.model.LotReturn;
import dev.loyalty.core.model.MemberStatus;
import dev.loyalty.core.spi.CampaignLimits;
import dev.loyalty.core.spi.Decision;
import dev.loyalty.core.spi.LoyaltyStore;
import dev.loyalty.core.tier.QualifyingWindow;
import dev.loyalty.core.tier.TierPolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link LoyaltyEngine#processAll(List)} against {@link LoyaltyEngine#process} event by event over
 * random lists of every kind of event, for rules with a tier ladder, a daily cap and a campaign
 * with a budget and a member limit, read with the balance and blind to it, on two engines over
 * stores of one kind. A store's test extends this class and implements {@link #newStore()}.
 */
public abstract class RandomBatchContract {

    private static final String SPRING = "SPRING-01 ten points a purchase";
    private static final int MEMBERS = 6;

    /** The simple pack (daily cap 400), 10 spring points a purchase (budget 150, 40 a member) and the test ladder. */
    private static final class Laddered extends DelegatingRuleEngine {
        private final TierPolicy ladder = TierRules.ladder(QualifyingWindow.ROLLING_12_MONTHS).build();

        Laddered() {
            super(JavaRules.simplePack(400)
                    .with("spring", ctx -> ctx.event() instanceof Purchase
                            ? List.of(new Decision.FixedPoints(SPRING, "10 spring points", Decision.WHOLE_EVENT, 10)) : List.of())
                    .withLimits(Map.of(SPRING, new CampaignLimits("SPRING-01", 150, 40, null))));
        }

        @Override
        public Optional<TierPolicy> tierPolicy() {
            return Optional.of(ladder);
        }
    }

    private static Instant someTime(Random random) {
        return MONDAY.plus(Duration.ofMinutes(random.nextInt(3 * 24 * 60)));
    }

    private static LoyaltyEvent anEarlier(Random random, List<LoyaltyEvent> events) {
        return events.isEmpty() ? null : events.get(random.nextInt(events.size()));
    }

    /** A random list: enrolments, purchases, returns, redemptions, holds, profile changes, replays, conflicts, nulls. */
    private static List<LoyaltyEvent> randomEvents(long seed) {
        Random random = new Random(seed);
        List<LoyaltyEvent> events = new ArrayList<>();
        for (int n = 0; n < 250; n++) {
            String who = "m" + random.nextInt(MEMBERS);
            Instant at = someTime(random);
            LoyaltyEvent earlier = anEarlier(random, events);
            int kind = random.nextInt(24);
            if (kind < 2) {
                events.add(random.nextBoolean() ? enrolment(who, MONDAY).withTier("gold") : enrolment(who, MONDAY));
            } else if (kind < 4 && earlier != null) {
                events.add(earlier);
            } else if (kind < 5 && earlier instanceof Purchase purchase) {
                events.add(purchase(purchase.eventId().value(), who, at, "1.00"));
            } else if (kind < 7) {
                events.add(new Redemption(eventId("r" + n), member(who), at, "voucher", 1 + random.nextInt(300), null));
            } else if (kind < 9 && earlier instanceof Purchase purchase) {
                events.add(new Return(eventId("ret" + n), purchase.memberId(), at.isBefore(purchase.occurredAt()) ? purchase.occurredAt() : at,
                        purchase.eventId(), gbp((1 + random.nextInt(300)) + ".00")));
            } else if (kind < 10) {
                events.add(new Return(eventId("ret" + n), member(who), at, null, gbp((1 + random.nextInt(50)) + ".00")));
            } else if (kind < 12) {
                events.add(new PointsHold(eventId("h" + n), member(who), at, "reward", 1 + random.nextInt(200), NOW.plus(Duration.ofDays(1))));
            } else if (kind < 13 && earlier instanceof PointsHold hold) {
                events.add(random.nextBoolean() ? new HoldCapture(eventId("c" + n), hold.memberId(), at, hold.eventId())
                        : new HoldVoid(eventId("v" + n), hold.memberId(), at, hold.eventId()));
            } else if (kind < 14) {
                MemberStatus status = random.nextInt(3) == 0 ? MemberStatus.SUSPENDED : MemberStatus.ACTIVE;
                events.add(new ProfileChange(eventId("pc" + n), member(who), at, LocalDate.of(1990, 1 + random.nextInt(12), 3), null, status));
            } else if (kind < 15) {
                events.add(random.nextBoolean() ? null : purchase("p" + n, "ghost", at, "5.00"));
            } else {
                events.add(purchase("p" + n, who, at, random.nextInt(400) + ".25", random.nextInt(90) + ".10"));
            }
        }
        return events;
    }

    /** Creates the contract test; subclasses implement {@link #newStore()}. */
    protected RandomBatchContract() {
    }

    /**
     * Returns a new, empty store, independent of every store returned before.
     *
     * @return the store under test
     */
    protected abstract LoyaltyStore newStore();

    private void assertSameOnRandomLists(boolean blind) {
        for (long seed = 1; seed <= 12; seed++) {
            List<LoyaltyEvent> events = randomEvents(seed);
            new BatchDifferential(this::newStore, () -> blind ? new BlindRules(new Laddered()) : new Laddered(), engine -> { })
                    .campaigns("SPRING-01").assertSame(events);
        }
    }

    /** A purchase of 100.00 by m0 an hour after Monday's start and returns of it, one a minute after the other. */
    private static List<LoyaltyEvent> returnsOfOnePurchase() {
        Instant bought = MONDAY.plus(Duration.ofHours(1));
        return List.of(
                new Return(eventId("ret-1"), member("m0"), bought.plusSeconds(60), eventId("p-1"), gbp("30.00")),
                new Return(eventId("ret-2"), member("m0"), bought.plusSeconds(120), eventId("p-1"), gbp("20.00")),
                // a replay, a conflict, a return before the purchase: none adds to the history
                new Return(eventId("ret-1"), member("m0"), bought.plusSeconds(60), eventId("p-1"), gbp("30.00")),
                new Return(eventId("ret-2"), member("m0"), bought.plusSeconds(120), eventId("p-1"), gbp("25.00")),
                new Return(eventId("ret-early"), member("m0"), bought.minusSeconds(1), eventId("p-1"), gbp("5.00")),
                new Return(eventId("ret-3"), member("m0"), bought.plusSeconds(180), eventId("p-1"), gbp("80.00")));
    }

    private static void assertHistoryOfReturnsOfOnePurchase(BatchDifferential differential) {
        Instant bought = MONDAY.plus(Duration.ofHours(1));
        assertThat(differential.batchedReturns(member("m0"))).extracting(LotReturn::lotId, LotReturn::eventId, LotReturn::occurredAt)
                .containsExactly(tuple("p-1", eventId("ret-1"), bought.plusSeconds(60)), tuple("p-1", eventId("ret-2"), bought.plusSeconds(120)),
                        tuple("p-1", eventId("ret-3"), bought.plusSeconds(180)));
    }

    @Test
    void shouldRecordTheReturnHistoryOfOneByOneWhenABatchHoldsAPurchaseAndItsReturns() {
        List<LoyaltyEvent> events = new ArrayList<>(List.of(enrolment("m0", MONDAY), purchase("p-1", "m0", MONDAY.plus(Duration.ofHours(1)), "100.00")));
        events.addAll(returnsOfOnePurchase());
        BatchDifferential differential = new BatchDifferential(this::newStore, Laddered::new, engine -> { });

        differential.assertSame(events);

        assertHistoryOfReturnsOfOnePurchase(differential);
    }

    @Test
    void shouldRecordTheReturnHistoryOfOneByOneWhenABatchHoldsSeveralReturnsOfAnEarlierPurchase() {
        BatchDifferential differential = new BatchDifferential(this::newStore, Laddered::new, engine -> {
            engine.process(enrolment("m0", MONDAY));
            engine.process(purchase("p-1", "m0", MONDAY.plus(Duration.ofHours(1)), "100.00"));
        });

        differential.assertSame(returnsOfOnePurchase());

        assertHistoryOfReturnsOfOnePurchase(differential);
    }

    @Test
    void shouldGiveTheResultsOfOneByOneWithRulesThatReadTheBalance() {
        assertSameOnRandomLists(false);
    }

    @Test
    void shouldGiveTheResultsOfOneByOneWithRulesBlindToTheBalance() {
        assertSameOnRandomLists(true);
    }
}
