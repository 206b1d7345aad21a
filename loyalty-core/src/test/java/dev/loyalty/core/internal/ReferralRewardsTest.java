package dev.loyalty.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.core.LoyaltyEngine;
import dev.loyalty.core.PointsOverflowException;
import dev.loyalty.core.PointsPolicy;
import dev.loyalty.core.ProgramSettings;
import dev.loyalty.core.RuleEvaluationException;
import dev.loyalty.core.event.Enrolment;
import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.Money;
import dev.loyalty.core.referral.ReferralOccasion;
import dev.loyalty.core.referral.ReferralPolicy;
import dev.loyalty.core.referral.ReferralStatus;
import dev.loyalty.core.spi.Decision;
import dev.loyalty.core.store.InMemoryStore;
import dev.loyalty.core.testing.Fixtures;
import dev.loyalty.core.testing.ReferralRules;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Referral rewards whose points add up past what a long holds: the settlement is refused with a
 * message naming the rules, their points and the referral, and nothing is written. The engine
 * logs such a failure and leaves it to the next sweep, so the settlement is driven here directly.
 */
class ReferralRewardsTest {

    private static final List<Decision> PAST_LONG = List.of(
            new Decision.FixedPoints("A", "most of it", Decision.WHOLE_EVENT, Long.MAX_VALUE),
            new Decision.FixedPoints("B", "one more", Decision.WHOLE_EVENT, 1));

    /** One reward a point above the default ceiling on one credit: a rate typed a thousand times too high, say. */
    private static final List<Decision> ABOVE_CEILING = List.of(
            new Decision.FixedPoints("TYPO", "a reward typed too high", Decision.WHOLE_EVENT, PointsPolicy.DEFAULT_MAX_POINTS_PER_CREDIT + 1));

    private final InMemoryStore store = new InMemoryStore();
    private final ReferralRules rules = new ReferralRules();
    private final ProgramSettings program = ProgramSettings.builder().currency("GBP").returnWindowDays(0).build();
    private final LoyaltyEngine engine = LoyaltyEngine.builder().clock(Fixtures.clock()).store(store).ruleEngine(rules)
            .program(program).build();
    private final ReferralWork work = new ReferralWork(store, program, rules, ReferralPolicy.DEFAULT);

    /** Enrols ann with a code, signs bob up with it, and has bob buy for 10 pounds, which qualifies at once. */
    private void annRefersBobWhoBuys() {
        engine.process(Enrolment.of(EventId.of("enrol-ann"), MemberId.of("ann"), Fixtures.NOW.minusSeconds(60))
                .withIdentity(Set.of("email:ann")));
        engine.assignReferralCode(MemberId.of("ann"), "CODE-ann");
        engine.process(Enrolment.of(EventId.of("enrol-bob"), MemberId.of("bob"), Fixtures.NOW.minusSeconds(30))
                .withIdentity(Set.of("email:bob")).withReferralCode("CODE-ann"));
        engine.process(Purchase.builder(EventId.of("buy-bob"), MemberId.of("bob"), Fixtures.NOW.minusSeconds(10))
                .line("SKU", "gifts", 1, Money.of("10.00", "GBP")).build());
    }

    @Test
    void shouldRefuseRefereeRewardsAddingUpPastALongNamingTheRulesAndTheReferralAndWriteNothing() {
        rules.answer(ReferralOccasion.REFEREE_REWARD, PAST_LONG);
        annRefersBobWhoBuys();

        assertThatThrownBy(() -> work.settle(MemberId.of("bob"), Fixtures.NOW))
                .isInstanceOf(PointsOverflowException.class)
                .hasMessage("points overflow: the referee reward of the referral of bob by ann would earn member bob 9223372036854775808 points,"
                        + " more than a long can hold, from rules \"A\" 9223372036854775807, \"B\" 1");

        assertThat(store.findReferral(MemberId.of("bob")).orElseThrow().status()).isEqualTo(ReferralStatus.SIGNED_UP);
        assertThat(engine.balance(MemberId.of("bob")).value()).isEqualTo(10);
        assertThat(engine.balance(MemberId.of("ann")).value()).isZero();
    }

    @Test
    void shouldRefuseReferrerRewardsAddingUpPastALongNamingTheRulesAndTheReferralAndWriteNothing() {
        rules.answer(ReferralOccasion.REFERRER_REWARD, PAST_LONG);
        annRefersBobWhoBuys();
        long bobBefore = engine.balance(MemberId.of("bob")).value();

        assertThatThrownBy(() -> work.settle(MemberId.of("bob"), Fixtures.NOW))
                .isInstanceOf(PointsOverflowException.class)
                .hasMessage("points overflow: the referrer reward of the referral of bob by ann would earn member ann 9223372036854775808 points,"
                        + " more than a long can hold, from rules \"A\" 9223372036854775807, \"B\" 1");

        assertThat(store.findReferral(MemberId.of("bob")).orElseThrow().status()).isEqualTo(ReferralStatus.QUALIFIED);
        assertThat(engine.balance(MemberId.of("bob")).value()).isEqualTo(bobBefore).isEqualTo(10 + ReferralRules.REWARD);
        assertThat(engine.balance(MemberId.of("ann")).value()).isZero();
    }

    @Test
    void shouldRefuseARefereeRewardAboveTheProgramsCeilingPerCreditNamingTheRuleAndWriteNothing() {
        rules.answer(ReferralOccasion.REFEREE_REWARD, ABOVE_CEILING);
        annRefersBobWhoBuys();

        assertThatThrownBy(() -> work.settle(MemberId.of("bob"), Fixtures.NOW))
                .isInstanceOf(RuleEvaluationException.class)
                .hasMessageContaining("rule \"TYPO\"").hasMessageContaining("program.maxPointsPerCredit");

        assertThat(store.findReferral(MemberId.of("bob")).orElseThrow().status()).isEqualTo(ReferralStatus.SIGNED_UP);
        assertThat(engine.balance(MemberId.of("bob")).value()).isEqualTo(10);
        assertThat(engine.balance(MemberId.of("ann")).value()).isZero();
    }

    @Test
    void shouldRefuseAReferrerRewardAboveTheProgramsCeilingPerCreditNamingTheRuleAndWriteNothing() {
        rules.answer(ReferralOccasion.REFERRER_REWARD, ABOVE_CEILING);
        annRefersBobWhoBuys();
        long bobBefore = engine.balance(MemberId.of("bob")).value();

        assertThatThrownBy(() -> work.settle(MemberId.of("bob"), Fixtures.NOW))
                .isInstanceOf(RuleEvaluationException.class)
                .hasMessageContaining("rule \"TYPO\"").hasMessageContaining("program.maxPointsPerCredit");

        assertThat(store.findReferral(MemberId.of("bob")).orElseThrow().status()).isEqualTo(ReferralStatus.QUALIFIED);
        assertThat(engine.balance(MemberId.of("bob")).value()).isEqualTo(bobBefore).isEqualTo(10 + ReferralRules.REWARD);
        assertThat(engine.balance(MemberId.of("ann")).value()).isZero();
    }
}
