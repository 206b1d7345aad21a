package dev.loyalty.core.event;

import dev.loyalty.core.internal.Checks;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.MemberId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A new member joins the program.
 *
 * <p>Start from {@link #of(EventId, MemberId, Instant)} and add what is known:
 * <pre>{@code
 * Enrolment.of(EventId.of("enrol-42"), MemberId.of("42"), now)
 *          .withBirthday(LocalDate.of(1990, 2, 28))
 *          .withZone(ZoneId.of("Europe/London"));
 * }</pre>
 *
 * @param eventId the idempotency key
 * @param memberId the new member
 * @param occurredAt when the member enrolled
 * @param birthday the member's date of birth, or null
 * @param zone the member's time zone, or null to use the program's
 * @param tierCode the starting tier, or null for the program's entry tier; for status matches
 *                 and migrations from another program
 * @param channel where the member enrolled, such as {@code web} or a store code, or null
 */
public record Enrolment(EventId eventId, MemberId memberId, Instant occurredAt, LocalDate birthday, ZoneId zone,
                        String tierCode, String channel) implements LoyaltyEvent {

    /** Checks the components. */
    public Enrolment {
        Checks.notNull(eventId, "enrolment.eventId");
        Checks.notNull(memberId, "enrolment.memberId");
        Checks.notNull(occurredAt, "enrolment.occurredAt");
        tierCode = Checks.optionalText(tierCode, "enrolment.tierCode");
        channel = Checks.optionalText(channel, "enrolment.channel");
    }

    /**
     * Returns an enrolment with no profile details.
     *
     * @param eventId the idempotency key
     * @param memberId the new member
     * @param occurredAt when the member enrolled
     * @return the enrolment
     */
    public static Enrolment of(EventId eventId, MemberId memberId, Instant occurredAt) {
        return new Enrolment(eventId, memberId, occurredAt, null, null, null, null);
    }

    /**
     * Returns a copy with the member's birthday.
     *
     * @param date the date of birth
     * @return the changed enrolment
     */
    public Enrolment withBirthday(LocalDate date) {
        return new Enrolment(eventId, memberId, occurredAt, date, zone, tierCode, channel);
    }

    /**
     * Returns a copy with the member's time zone.
     *
     * @param memberZone the zone the member's dates are computed in
     * @return the changed enrolment
     */
    public Enrolment withZone(ZoneId memberZone) {
        return new Enrolment(eventId, memberId, occurredAt, birthday, memberZone, tierCode, channel);
    }

    /**
     * Returns a copy with a starting tier.
     *
     * @param code the tier code; must be on the program's ladder
     * @return the changed enrolment
     */
    public Enrolment withTier(String code) {
        return new Enrolment(eventId, memberId, occurredAt, birthday, zone, code, channel);
    }

    /**
     * Returns a copy with the enrolment channel.
     *
     * @param name the channel, such as {@code web}
     * @return the changed enrolment
     */
    public Enrolment withChannel(String name) {
        return new Enrolment(eventId, memberId, occurredAt, birthday, zone, tierCode, name);
    }

    @Override
    public String kind() {
        return "enrolment";
    }
}
