package dev.loyalty.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.core.LoyaltyEngine;
import dev.loyalty.core.ProgramSettings;
import dev.loyalty.core.event.Enrolment;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.referral.CapPeriod;
import dev.loyalty.core.referral.ReferralPolicy;
import dev.loyalty.core.referral.ReferralRejection;
import dev.loyalty.core.store.InMemoryStore;
import dev.loyalty.core.testing.Fixtures;
import dev.loyalty.core.testing.ReferralRules;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The sign-up guards on their own, in the order they apply. */
class ReferralGuardTest {

    private final InMemoryStore store = new InMemoryStore();
    private final ProgramSettings program = ProgramSettings.builder().currency("GBP").build();
    private final LoyaltyEngine engine = LoyaltyEngine.builder().clock(Fixtures.clock()).store(store).ruleEngine(new ReferralRules())
            .program(program).build();

    private ReferralWork work(int chainWalkLimit) {
        return new ReferralWork(store, program, new ReferralRules(), new ReferralPolicy(10, CapPeriod.MONTH, chainWalkLimit));
    }

    /** Enrols a chain: m0 first, each next one with the previous one's code. */
    private void chain(int length) {
        for (int i = 0; i < length; i++) {
            Enrolment enrolment = Enrolment.of(EventId.of("enrol-m" + i), MemberId.of("m" + i), Fixtures.NOW.minusSeconds(100 - i))
                    .withIdentity(Set.of("email:m" + i));
            engine.process(i == 0 ? enrolment : enrolment.withReferralCode("CODE-m" + (i - 1)));
            engine.assignReferralCode(MemberId.of("m" + i), "CODE-m" + i);
        }
    }

    @Test
    void shouldRejectAReferralOfAMemberByThemselves() {
        chain(1);

        assertThat(work(32).guard(MemberId.of("m0"), Set.of(), MemberId.of("m0"))).isEqualTo(ReferralRejection.SELF_REFERRAL);
    }

    @Test
    void shouldFindACycleByIdUpTheChain() {
        chain(3);

        assertThat(work(32).guard(MemberId.of("m0"), Set.of("email:new"), MemberId.of("m2"))).isEqualTo(ReferralRejection.CYCLE);
    }

    @Test
    void shouldStopWalkingTheChainAtTheLimit() {
        chain(4);

        // m0 is three referrers above m3: a walk of two steps does not reach it
        assertThat(work(2).guard(MemberId.of("new"), Set.of("email:m0"), MemberId.of("m3"))).isEqualTo(ReferralRejection.NOT_NEW_CUSTOMER);
        assertThat(work(3).guard(MemberId.of("new"), Set.of("email:m0"), MemberId.of("m3"))).isEqualTo(ReferralRejection.CYCLE);
    }

    @Test
    void shouldAcceptANewIdentity() {
        chain(2);

        assertThat(work(32).guard(MemberId.of("new"), Set.of("email:new"), MemberId.of("m1"))).isNull();
    }
}
