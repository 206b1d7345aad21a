package dev.loyalty.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.core.LoyaltyEngine;
import dev.loyalty.core.ProgramSettings;
import dev.loyalty.core.event.Enrolment;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.referral.Referral;
import dev.loyalty.core.referral.ReferralPolicy;
import dev.loyalty.core.referral.ReferralRejection;
import dev.loyalty.core.referral.ReferralStatus;
import dev.loyalty.core.spi.LoyaltyStore;
import dev.loyalty.core.spi.MemberChanges;
import dev.loyalty.core.spi.ReferralUpdate;
import dev.loyalty.core.store.InMemoryStore;
import dev.loyalty.core.testing.Fixtures;
import dev.loyalty.core.testing.ReferralRules;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Which of several referrals sharing an identity fingerprint is kept when sign-ups raced past
 * the guards, beside each other or beside enrolments without a referral code: the states are
 * written straight into the store, as racing enrolments leave them.
 */
class SharedIdentityTest {

    private static final MemberId REFERRER = MemberId.of("ann");
    private static final Instant EARLY = Fixtures.NOW.minusSeconds(60);
    private static final Instant LATE = Fixtures.NOW.minusSeconds(30);

    private final InMemoryStore store = new InMemoryStore();
    private final ProgramSettings program = ProgramSettings.builder().currency("GBP").build();
    private final LoyaltyEngine engine = LoyaltyEngine.builder().clock(Fixtures.clock()).store(store).ruleEngine(new ReferralRules())
            .program(program).build();
    private final ReferralWork work = new ReferralWork(store, program, new ReferralRules(), ReferralPolicy.DEFAULT);

    /**
     * Enrols a member at the referral's sign-up and writes the referral and a fingerprint for them,
     * as a sign-up that passed the guards would.
     */
    private void referee(String member, Referral referral, String fingerprint) {
        enrol(member, referral.signedUpAt(), List.of(referral), fingerprint);
    }

    /** Enrols a member without a referral code and writes fingerprints for them, as an enrolment racing a sign-up would. */
    private void plain(String member, Instant enrolledAt, String... fingerprints) {
        enrol(member, enrolledAt, List.of(), fingerprints);
    }

    private void enrol(String member, Instant at, List<Referral> referral, String... fingerprints) {
        MemberId id = MemberId.of(member);
        engine.process(Enrolment.of(EventId.of("enrol-" + member), id, at));
        store.apply(id, view -> new MemberChanges(null, null, List.of(), List.of())
                .withReferrals(new ReferralUpdate(referral, Set.of(fingerprints))));
    }

    /** Wraps a store so that it no longer finds one member, whose fingerprints and referral it still holds. */
    private static LoyaltyStore forgetting(LoyaltyStore inner, MemberId gone) {
        return (LoyaltyStore) Proxy.newProxyInstance(LoyaltyStore.class.getClassLoader(), new Class<?>[] {LoyaltyStore.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("findMember") && gone.equals(args[0])) {
                        return Optional.empty();
                    }
                    try {
                        return method.invoke(inner, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static Referral signedUp(String member, Instant at) {
        return Referral.signedUp(MemberId.of(member), REFERRER, "CODE-ann", at);
    }

    private Referral referral(String member) {
        return store.findReferral(MemberId.of(member)).orElseThrow();
    }

    @Test
    void shouldKeepTheEarlierSignUpWhateverTheIds() {
        referee("amy", signedUp("amy", LATE), "card:1");
        referee("zoe", signedUp("zoe", EARLY), "card:1");

        boolean own = work.rejectSharedIdentity(MemberId.of("zoe"));

        assertThat(own).isFalse();
        assertThat(referral("zoe").status()).isEqualTo(ReferralStatus.SIGNED_UP);
        assertThat(referral("amy").rejection()).isEqualTo(ReferralRejection.NOT_NEW_CUSTOMER);
        assertThat(referral("amy").settledAt()).isEqualTo(LATE);
    }

    @Test
    void shouldAnswerTrueWhenTheRefereesOwnReferralIsTheOneRejected() {
        referee("amy", signedUp("amy", LATE), "card:1");
        referee("zoe", signedUp("zoe", EARLY), "card:1");

        assertThat(work.rejectSharedIdentity(MemberId.of("amy"))).isTrue();
        assertThat(referral("amy").status()).isEqualTo(ReferralStatus.REJECTED);
    }

    @Test
    void shouldKeepAQualifiedReferralOverAnEarlierSignUp() {
        referee("amy", signedUp("amy", LATE).qualified(EventId.of("buy-amy"), Fixtures.NOW), "card:1");
        referee("zoe", signedUp("zoe", EARLY), "card:1");

        work.rejectSharedIdentity(MemberId.of("amy"));

        assertThat(referral("amy").status()).isEqualTo(ReferralStatus.QUALIFIED);
        assertThat(referral("zoe").rejection()).isEqualTo(ReferralRejection.NOT_NEW_CUSTOMER);
    }

    @Test
    void shouldRejectALaterSignUpWhenTheEarlierMembersReferralWasAlreadyRejected() {
        referee("amy", signedUp("amy", LATE), "card:1");
        referee("zoe", signedUp("zoe", EARLY).rejected(ReferralRejection.CYCLE, EARLY), "card:1");

        assertThat(work.rejectSharedIdentity(MemberId.of("amy"))).isTrue();
        assertThat(referral("amy").rejection()).isEqualTo(ReferralRejection.NOT_NEW_CUSTOMER);
        assertThat(referral("zoe").rejection()).isEqualTo(ReferralRejection.CYCLE);
    }

    @Test
    void shouldKeepAReferralCappedOnTheReferrersSideOverAnEarlierSignUp() {
        referee("amy", signedUp("amy", LATE).qualified(EventId.of("buy-amy"), Fixtures.NOW)
                .rejected(ReferralRejection.CAP_REACHED, Fixtures.NOW), "card:1");
        referee("zoe", signedUp("zoe", EARLY), "card:1");

        assertThat(work.rejectSharedIdentity(MemberId.of("amy"))).isFalse();
        assertThat(referral("zoe").rejection()).isEqualTo(ReferralRejection.NOT_NEW_CUSTOMER);
        assertThat(referral("amy").rejection()).isEqualTo(ReferralRejection.CAP_REACHED);
    }

    @Test
    void shouldRejectALaterRefereesReferralWhenAPlainMemberEnrolledEarlier() {
        plain("pat", EARLY, "card:1");
        referee("amy", signedUp("amy", LATE), "card:1");

        assertThat(work.rejectSharedIdentity(MemberId.of("amy"))).isTrue();
        assertThat(referral("amy").rejection()).isEqualTo(ReferralRejection.NOT_NEW_CUSTOMER);
        assertThat(referral("amy").settledAt()).isEqualTo(LATE);
    }

    @Test
    void shouldRejectALaterRefereesReferralWhenCheckedFromTheEarlierPlainMember() {
        plain("pat", EARLY, "card:1");
        referee("amy", signedUp("amy", LATE), "card:1");

        assertThat(work.rejectSharedIdentity(MemberId.of("pat"))).isFalse();
        assertThat(referral("amy").rejection()).isEqualTo(ReferralRejection.NOT_NEW_CUSTOMER);
    }

    @Test
    void shouldLeaveTheRefereesReferralAloneWhenAPlainMemberEnrolledLater() {
        referee("amy", signedUp("amy", EARLY), "card:1");
        plain("pat", LATE, "card:1");

        assertThat(work.rejectSharedIdentity(MemberId.of("pat"))).isFalse();
        assertThat(referral("amy").status()).isEqualTo(ReferralStatus.SIGNED_UP);
    }

    @Test
    void shouldKeepAQualifiedReferralWhenAPlainMemberEnrolledEarlier() {
        plain("pat", EARLY, "card:1");
        referee("amy", signedUp("amy", LATE).qualified(EventId.of("buy-amy"), Fixtures.NOW), "card:1");

        assertThat(work.rejectSharedIdentity(MemberId.of("amy"))).isFalse();
        assertThat(referral("amy").status()).isEqualTo(ReferralStatus.QUALIFIED);
    }

    @Test
    void shouldRejectARacingSignUpWhenTheEngineProcessesAnEarlierPlainEnrolmentAfterIt() {
        referee("amy", signedUp("amy", LATE), "card:1");

        engine.process(Enrolment.of(EventId.of("enrol-pat"), MemberId.of("pat"), EARLY).withIdentity(Set.of("card:1")));

        assertThat(referral("amy").rejection()).isEqualTo(ReferralRejection.NOT_NEW_CUSTOMER);
    }

    @Test
    void shouldNotCountAMemberNoLongerStored() {
        plain("pat", EARLY, "card:1");
        referee("amy", signedUp("amy", LATE), "card:1");
        ReferralWork forgetful = new ReferralWork(forgetting(store, MemberId.of("pat")), program, new ReferralRules(), ReferralPolicy.DEFAULT);

        assertThat(forgetful.rejectSharedIdentity(MemberId.of("amy"))).isFalse();
        assertThat(referral("amy").status()).isEqualTo(ReferralStatus.SIGNED_UP);
    }

    @Test
    void shouldLeaveReferralsSharingNoFingerprintAlone() {
        referee("amy", signedUp("amy", LATE), "card:1");
        referee("zoe", signedUp("zoe", EARLY), "card:2");

        work.rejectSharedIdentity(MemberId.of("amy"));

        assertThat(referral("amy").status()).isEqualTo(ReferralStatus.SIGNED_UP);
        assertThat(referral("zoe").status()).isEqualTo(ReferralStatus.SIGNED_UP);
    }

    @Test
    void shouldKeepAReferralWhenOnlyAMemberSharingNoneOfItsFingerprintsEnrolledEarlier() {
        plain("pat", EARLY, "card:1");
        referee("amy", signedUp("amy", LATE), "phone:2");
        plain("bob", Fixtures.NOW, "card:1", "phone:2");

        work.rejectSharedIdentity(MemberId.of("bob"));

        assertThat(referral("amy").status()).isEqualTo(ReferralStatus.SIGNED_UP);
    }

    @Test
    void shouldRejectAReferralWhenAMemberSharingOneOfItsFingerprintsEnrolledEarlier() {
        plain("pat", EARLY, "card:1", "phone:2");
        referee("amy", signedUp("amy", LATE), "phone:2");

        work.rejectSharedIdentity(MemberId.of("pat"));

        assertThat(referral("amy").rejection()).isEqualTo(ReferralRejection.NOT_NEW_CUSTOMER);
    }
}
