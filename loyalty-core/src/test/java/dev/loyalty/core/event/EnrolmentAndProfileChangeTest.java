package dev.loyalty.core.event;

import static dev.loyalty.core.testing.Fixtures.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.core.InvalidInputException;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.MemberStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class EnrolmentAndProfileChangeTest {

    private static final EventId ID = EventId.of("e-1");
    private static final MemberId MEMBER = MemberId.of("42");
    private static final Instant AT = Instant.parse("2026-03-02T10:00:00Z");

    @Test
    void shouldNameFieldWhenEnrolmentFieldIsNull() {
        assertInvalid(() -> Enrolment.of(null, MEMBER, AT), "enrolment.eventId");
        assertInvalid(() -> Enrolment.of(ID, null, AT), "enrolment.memberId");
        assertInvalid(() -> Enrolment.of(ID, MEMBER, null), "enrolment.occurredAt");
    }

    @Test
    void shouldNameFieldWhenEnrolmentTextIsBlank() {
        assertInvalid(() -> Enrolment.of(ID, MEMBER, AT).withTier(" "), "enrolment.tierCode");
        assertInvalid(() -> Enrolment.of(ID, MEMBER, AT).withChannel("\n"), "enrolment.channel");
    }

    @Test
    void shouldKeepEveryDetailWhenEnrolmentIsBuiltStepByStep() {
        Enrolment enrolment = Enrolment.of(ID, MEMBER, AT).withBirthday(LocalDate.of(1990, 2, 28)).withZone(ZoneId.of("Europe/London"))
                .withTier(" gold ").withChannel("web");

        assertThat(enrolment).isEqualTo(new Enrolment(ID, MEMBER, AT, LocalDate.of(1990, 2, 28), ZoneId.of("Europe/London"), "gold", "web"));
        assertThat(enrolment.kind()).isEqualTo("enrolment");
    }

    @Test
    void shouldRefuseABirthdayBefore1900() {
        assertInvalid(() -> Enrolment.of(ID, MEMBER, AT).withBirthday(LocalDate.of(1899, 12, 31)), "enrolment.birthday");
        assertInvalid(() -> Enrolment.of(ID, MEMBER, AT).withBirthday(LocalDate.MIN), "enrolment.birthday");
        assertInvalid(() -> new ProfileChange(ID, MEMBER, AT, LocalDate.of(1, 1, 1), null, null), "profileChange.birthday");
    }

    @Test
    void shouldRefuseABirthdayAfterTheEventsDateEverywhereOnEarth() {
        // 10:00 UTC on 2 March is already 3 March at UTC+14, and no later date exists anywhere
        assertInvalid(() -> Enrolment.of(ID, MEMBER, AT).withBirthday(LocalDate.of(2026, 3, 4)), "enrolment.birthday");
        assertInvalid(() -> Enrolment.of(ID, MEMBER, AT).withBirthday(LocalDate.MAX), "enrolment.birthday");
        assertInvalid(() -> new ProfileChange(ID, MEMBER, AT, LocalDate.of(2027, 1, 1), null, null), "profileChange.birthday");
    }

    @Test
    void shouldAcceptABirthdayOnTheEventsDateInTheZoneFurthestAhead() {
        assertThat(Enrolment.of(ID, MEMBER, AT).withBirthday(LocalDate.of(2026, 3, 3)).birthday()).isEqualTo(LocalDate.of(2026, 3, 3));
        assertThat(Enrolment.of(ID, MEMBER, AT).withBirthday(LocalDate.of(1900, 1, 1)).birthday()).isEqualTo(LocalDate.of(1900, 1, 1));
    }

    @Test
    void shouldRejectProfileChangeWhenItChangesNothing() {
        assertThatThrownBy(() -> new ProfileChange(ID, MEMBER, AT, null, null, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("profileChange").hasMessageContaining("changes nothing");
    }

    @Test
    void shouldNameFieldWhenProfileChangeFieldIsNull() {
        assertInvalid(() -> new ProfileChange(null, MEMBER, AT, null, null, MemberStatus.CLOSED), "profileChange.eventId");
        assertInvalid(() -> new ProfileChange(ID, null, AT, null, null, MemberStatus.CLOSED), "profileChange.memberId");
        assertInvalid(() -> new ProfileChange(ID, MEMBER, null, null, null, MemberStatus.CLOSED), "profileChange.occurredAt");
    }
}
