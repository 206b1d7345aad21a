package dev.loyalty.rules;

import static dev.loyalty.rules.Shop.award;
import static dev.loyalty.rules.Shop.awards;
import static dev.loyalty.rules.Shop.enrol;
import static dev.loyalty.rules.Shop.gbp;
import static dev.loyalty.rules.Shop.london;
import static dev.loyalty.rules.Shop.purchase;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.core.Explanation;
import dev.loyalty.core.LoyaltyEngine;
import dev.loyalty.core.Outcome;
import dev.loyalty.core.event.Enrolment;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.MemberId;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The default campaign pack end to end: given a member and a purchase, exactly these points with
 * these rules. Expected numbers are worked out by hand from the stacking formula; the program
 * rounds down.
 */
class DefaultCampaignsTest {

    static final String BASE = "BASE-01 one point per pound";
    static final String EXCL = "EXCL-01 no points on postage, fees and adjustments";
    static final String GARDEN = "CAT-01 garden";
    static final String HEART = "SKU-01 hanging heart";
    static final String WEEKEND = "PROMO-01 weekend double points";
    static final String ADVENT = "PROMO-02 advent";
    static final String TIER = "TIER-01 tier earn multiplier";
    static final String WELCOME = "WELCOME-01 welcome bonus";
    static final String DAILY_CAP = "CAP-01 daily cap";

    private static final String TUESDAY = "2024-03-05T12:00";
    private static final String SATURDAY = "2024-03-09T12:00";

    private final LoyaltyEngine engine = Shop.engine(Shop.DEFAULT_RULES);

    @AfterEach
    void closeEngine() {
        engine.close();
    }

    @Test
    void shouldEarnOnePointPerPoundRoundedDownWhenNoOtherCampaignApplies() {
        MemberId member = enrol(engine, "member");

        Outcome outcome = engine.process(purchase(member, london(TUESDAY)).line("22138", "kitchen", 1, gbp("12.50")).build());

        // 1 x 12.50 = 12.5, rounded down
        assertThat(awards(outcome)).containsExactly(award(BASE, 12));
        assertThat(outcome.points().value()).isEqualTo(12);
    }

    @Test
    void shouldEarnNothingOnAServiceLineWhenItsCategoryIsService() {
        MemberId member = enrol(engine, "member");

        Outcome outcome = engine.process(purchase(member, london(TUESDAY))
                .line("22138", "kitchen", 1, gbp("20.00"))
                .line("POST", "service", 1, gbp("4.99"))
                .build());

        // the 4.99 postage earns nothing: 1 x 20.00
        assertThat(awards(outcome)).containsExactly(award(BASE, 20));
        assertThat(outcome.points().value()).isEqualTo(20);
        assertThat(outcome.explanation().steps()).extracting(Explanation.Step::rule).contains(EXCL);
    }

    @Test
    void shouldAddTwoPointsPerPoundWhenTheLineIsGarden() {
        MemberId member = enrol(engine, "member");

        Outcome outcome = engine.process(purchase(member, london(TUESDAY)).line("G-7", "garden", 1, gbp("10.25")).build());

        // base 10.25 + bonus 2 x 10.25 = 30.75 -> 30; shares 10.25 -> 10 and 20.5 -> 20
        assertThat(awards(outcome)).containsExactly(award(BASE, 10), award(GARDEN, 20));
        assertThat(outcome.points().value()).isEqualTo(30);
    }

    @Test
    void shouldAdd25PointsPerItemWhenTheSkuIsTheHangingHeart() {
        MemberId member = enrol(engine, "member");

        Outcome outcome = engine.process(purchase(member, london(TUESDAY)).line("85123A", "home", 3, gbp("2.95")).build());

        // base 3 x 2.95 = 8.85 + 25 x 3 items = 83.85 -> 83
        assertThat(awards(outcome)).containsExactly(award(BASE, 8), award(HEART, 75));
        assertThat(outcome.points().value()).isEqualTo(83);
    }

    @Test
    void shouldDoubleBasePointsWhenThePurchaseIsOnASaturday() {
        MemberId member = enrol(engine, "member");

        Outcome outcome = engine.process(purchase(member, london(SATURDAY)).line("22138", "kitchen", 1, gbp("15.50")).build());

        // base 15.5 + promotion 15.5 x (2 - 1) = 31; the odd point goes to the first rule fired
        assertThat(awards(outcome)).containsExactly(award(BASE, 16), award(WEEKEND, 15));
        assertThat(outcome.points().value()).isEqualTo(31);
    }

    @Test
    void shouldUseTheMemberZoneWhenDecidingItIsTheWeekend() {
        MemberId member = enrol(engine, "member", ZoneId.of("Asia/Tokyo"));

        // Friday 23:30 in London is Saturday 08:30 in Tokyo
        Outcome outcome = engine.process(purchase(member, london("2024-03-08T23:30")).line("22138", "kitchen", 1, gbp("10.00")).build());

        assertThat(awards(outcome)).containsExactly(award(BASE, 10), award(WEEKEND, 10));
    }

    @Test
    void shouldMultiplyBasePointsByOneAndAHalfWhenTheDateIsInAdvent() {
        MemberId member = enrol(engine, "member");

        Outcome outcome = engine.process(purchase(member, london("2024-12-10T12:00")).line("22138", "kitchen", 1, gbp("20.00")).build());

        // base 20 + 20 x (1.5 - 1) = 30
        assertThat(awards(outcome)).containsExactly(award(BASE, 20), award(ADVENT, 10));
        assertThat(outcome.points().value()).isEqualTo(30);
    }

    @Test
    void shouldNotApplyAdventWhenTheDateIsAfter24December() {
        MemberId member = enrol(engine, "member");

        Outcome outcome = engine.process(purchase(member, london("2024-12-27T12:00")).line("22138", "kitchen", 1, gbp("20.00")).build());

        assertThat(awards(outcome)).containsExactly(award(BASE, 20));
    }

    @Test
    void shouldApplyOnlyTheWeekendDoubleWhenAnAdventDayIsASaturday() {
        MemberId member = enrol(engine, "member");

        Outcome outcome = engine.process(purchase(member, london("2024-12-07T12:00")).line("22138", "kitchen", 1, gbp("10.00")).build());

        // promotions do not stack: x2 beats x1.5
        assertThat(awards(outcome)).containsExactly(award(BASE, 10), award(WEEKEND, 10));
        assertThat(outcome.points().value()).isEqualTo(20);
    }

    @Test
    void shouldAddOneFifthWhenTheMemberIsSilver() {
        MemberId member = enrol(engine, "silver");

        Outcome outcome = engine.process(purchase(member, london(TUESDAY)).line("22138", "kitchen", 1, gbp("10.00")).build());

        // 10 + 10 x (1.2 - 1) = 12
        assertThat(awards(outcome)).containsExactly(award(BASE, 10), award(TIER, 2));
        assertThat(outcome.points().value()).isEqualTo(12);
    }

    @Test
    void shouldAddHalfWhenTheMemberIsGold() {
        MemberId member = enrol(engine, "gold");

        Outcome outcome = engine.process(purchase(member, london(TUESDAY)).line("22138", "kitchen", 1, gbp("10.00")).build());

        assertThat(awards(outcome)).containsExactly(award(BASE, 10), award(TIER, 5));
        assertThat(outcome.points().value()).isEqualTo(15);
    }

    @Test
    void shouldDoublePointsWhenTheMemberIsDiamond() {
        MemberId member = enrol(engine, "diamond");

        Outcome outcome = engine.process(purchase(member, london(TUESDAY)).line("22138", "kitchen", 1, gbp("10.00")).build());

        assertThat(awards(outcome)).containsExactly(award(BASE, 10), award(TIER, 10));
        assertThat(outcome.points().value()).isEqualTo(20);
    }

    @Test
    void shouldAward100PointsWhenAMemberEnrols() {
        MemberId member = MemberId.of("newcomer");

        Outcome outcome = engine.process(Enrolment.of(EventId.of("enrol-newcomer"), member, Shop.ENROLLED));

        assertThat(awards(outcome)).containsExactly(award(WELCOME, 100));
        assertThat(outcome.points().value()).isEqualTo(100);
    }

    @Test
    void shouldNotMultiplyTheWelcomeBonusWhenAGoldMemberEnrols() {
        MemberId member = MemberId.of("status-match");

        Outcome outcome = engine.process(Enrolment.of(EventId.of("enrol-status-match"), member, Shop.ENROLLED).withTier("gold"));

        assertThat(awards(outcome)).containsExactly(award(WELCOME, 100));
    }

    @Test
    void shouldCutThePurchaseTo5000PointsWhenItWouldEarnMore() {
        MemberId member = enrol(engine, "member");

        Outcome outcome = engine.process(purchase(member, london(TUESDAY)).line("SOFA", "furniture", 1, gbp("6000.00")).build());

        assertThat(awards(outcome)).containsExactly(award(BASE, 5000));
        assertThat(outcome.explanation().steps()).anySatisfy(step -> {
            assertThat(step.rule()).isEqualTo(DAILY_CAP);
            assertThat(step.points()).isEqualTo(-1000);
        });
    }

    @Test
    void shouldEarnOnlyWhatIsLeftOfTheDailyCapWhenTheMemberAlreadyEarnedThatDay() {
        MemberId member = enrol(engine, "member");
        engine.process(purchase(member, london("2024-03-05T09:00")).line("SOFA", "furniture", 1, gbp("4990.00")).build());

        Outcome outcome = engine.process(purchase(member, london("2024-03-05T17:00")).line("22138", "kitchen", 1, gbp("20.00")).build());

        // 4990 earned earlier that day leaves 10 of the 5000; that spend made the member gold, so the 20.00 would earn
        // base 20 + gold 10 = 30, cut to 10 in proportion: 6.67 and 3.33, the spare point to the larger remainder
        assertThat(awards(outcome)).containsExactly(award(BASE, 7), award(TIER, 3));
        assertThat(outcome.points().value()).isEqualTo(10);
    }

    @Test
    void shouldStackEveryCampaignByTheFormulaWhenAGoldMemberBuysOnASaturday() {
        MemberId member = enrol(engine, "gold");

        Outcome outcome = engine.process(purchase(member, london(SATURDAY))
                .line("85123A", "home", 2, gbp("2.55"))
                .line("G-7", "garden", 1, gbp("10.00"))
                .line("POST", "service", 1, gbp("5.00"))
                .build());

        // base 15.10 (postage excluded), weekend +15.10, garden +20, hearts +50: 100.2; gold +50.1; 150.3 -> 150
        assertThat(awards(outcome)).containsExactly(award(BASE, 15), award(WEEKEND, 15), award(GARDEN, 20), award(HEART, 50),
                award(TIER, 50));
        assertThat(outcome.points().value()).isEqualTo(150);
    }
}
