package dev.loyalty.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.core.EventConflictException;
import dev.loyalty.core.InvalidInputException;
import dev.loyalty.core.LoyaltyEngine;
import dev.loyalty.core.internal.Fingerprints;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.store.InMemoryStore;
import dev.loyalty.core.testing.Fixtures;
import dev.loyalty.core.testing.ReferralRules;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The referral details of an enrolment: checked, normalised, part of the idempotency fingerprint. */
class EnrolmentReferralTest {

    private static final EventId ID = EventId.of("e-1");
    private static final MemberId MEMBER = MemberId.of("42");
    private static final Instant AT = Instant.parse("2026-03-02T10:00:00Z");

    @Test
    void shouldNameTheFieldWhenTheReferralCodeIsBlank() {
        assertThatThrownBy(() -> Enrolment.of(ID, MEMBER, AT).withReferralCode(" "))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("enrolment.referralCode");
    }

    @Test
    void shouldNameTheFieldWhenAFingerprintIsBlankOrNull() {
        assertThatThrownBy(() -> Enrolment.of(ID, MEMBER, AT).withIdentity(Set.of("")))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("enrolment.identity");
        assertThatThrownBy(() -> Enrolment.of(ID, MEMBER, AT).withIdentity(new HashSet<>(Arrays.asList("a", null))))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void shouldKeepTheFingerprintOfAnEnrolmentWithoutReferralDetails() {
        Enrolment plain = new Enrolment(ID, MEMBER, AT, null, null, null, "web");

        assertThat(Fingerprints.of(plain)).isEqualTo(Fingerprints.of(Enrolment.of(ID, MEMBER, AT).withChannel("web")));
        assertThat(Fingerprints.of(plain)).isNotEqualTo(Fingerprints.of(plain.withReferralCode("CODE")));
        assertThat(Fingerprints.of(plain.withIdentity(Set.of("a", "b")))).isNotEqualTo(Fingerprints.of(plain.withIdentity(Set.of("a"))));
    }

    @Test
    void shouldRefuseTheSameSignUpIdWithAnotherReferralCode() {
        LoyaltyEngine engine = LoyaltyEngine.builder().clock(Fixtures.clock()).store(new InMemoryStore()).ruleEngine(new ReferralRules())
                .program(Fixtures.program()).build();
        engine.process(Enrolment.of(EventId.of("enrol-ann"), MemberId.of("ann"), Fixtures.NOW));
        engine.process(Enrolment.of(EventId.of("enrol-bob"), MemberId.of("bob"), Fixtures.NOW));
        engine.assignReferralCode(MemberId.of("ann"), "CODE-ann");
        engine.assignReferralCode(MemberId.of("bob"), "CODE-bob");
        engine.process(Enrolment.of(ID, MEMBER, Fixtures.NOW).withReferralCode("CODE-ann"));

        assertThatThrownBy(() -> engine.process(Enrolment.of(ID, MEMBER, Fixtures.NOW).withReferralCode("CODE-bob")))
                .isInstanceOf(EventConflictException.class);
        assertThat(engine.referral(MEMBER).orElseThrow().referrerId()).isEqualTo(MemberId.of("ann"));
    }
}
