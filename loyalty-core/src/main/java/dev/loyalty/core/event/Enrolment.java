package dev.loyalty.core.event;

import dev.loyalty.core.internal.Checks;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.MemberId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

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
 * @param birthday the member's date of birth, or null; from 1900-01-01 to the enrolment's date
 * @param zone the member's time zone, or null to use the program's
 * @param tierCode the starting tier, or null for the program's entry tier; for status matches
 *                 and migrations from another program
 * @param channel where the member enrolled, such as {@code web} or a store code, or null
 * @param referralCode the referral code the member signed up with, or null
 * @param identity the identity fingerprints the host supplies (hashed email, phone, payment token,
 *                 address), compared with other members' to guard referrals; empty when none
 */
public record Enrolment(EventId eventId, MemberId memberId, Instant occurredAt, LocalDate birthday, ZoneId zone,
                        String tierCode, String channel, String referralCode, Set<String> identity) implements LoyaltyEvent {

    /**
     * Checks the components.
     *
     * @param eventId the idempotency key
     * @param memberId the new member
     * @param occurredAt when the member enrolled
     * @param birthday the member's date of birth, or null; from 1900-01-01 to the enrolment's date
     * @param zone the member's time zone, or null to use the program's
     * @param tierCode the starting tier, or null for the program's entry tier; for status matches
     *                     and migrations from another program
     * @param channel where the member enrolled, such as {@code web} or a store code, or null
     * @param referralCode the referral code the member signed up with, or null
     * @param identity the identity fingerprints the host supplies (hashed email, phone, payment token,
     *                     address), compared with other members' to guard referrals; empty when none
     */
    public Enrolment {
        Checks.notNull(eventId, "enrolment.eventId");
        Checks.notNull(memberId, "enrolment.memberId");
        Checks.notNull(occurredAt, "enrolment.occurredAt");
        Checks.birthday(birthday, occurredAt, "enrolment.birthday");
        tierCode = Checks.optionalText(tierCode, "enrolment.tierCode");
        channel = Checks.optionalText(channel, "enrolment.channel");
        referralCode = Checks.optionalText(referralCode, "enrolment.referralCode");
        TreeSet<String> sorted = new TreeSet<>();
        if (identity != null) {
            for (String fingerprint : identity) {
                sorted.add(Checks.text(fingerprint, "enrolment.identity"));
            }
        }
        identity = Collections.unmodifiableSortedSet(sorted);
    }

    /**
     * Creates an enrolment without referral details.
     *
     * @param eventId the idempotency key
     * @param memberId the new member
     * @param occurredAt when the member enrolled
     * @param birthday the date of birth, or null
     * @param zone the member's zone, or null
     * @param tierCode the starting tier, or null
     * @param channel the channel, or null
     */
    public Enrolment(EventId eventId, MemberId memberId, Instant occurredAt, LocalDate birthday, ZoneId zone, String tierCode,
                     String channel) {
        this(eventId, memberId, occurredAt, birthday, zone, tierCode, channel, null, Set.of());
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
        return new Enrolment(eventId, memberId, occurredAt, null, null, null, null, null, Set.of());
    }

    /**
     * Returns a copy with the member's birthday.
     *
     * @param date the date of birth
     * @return the changed enrolment
     */
    public Enrolment withBirthday(LocalDate date) {
        return new Enrolment(eventId, memberId, occurredAt, date, zone, tierCode, channel, referralCode, identity);
    }

    /**
     * Returns a copy with the member's time zone.
     *
     * @param memberZone the zone the member's dates are computed in
     * @return the changed enrolment
     */
    public Enrolment withZone(ZoneId memberZone) {
        return new Enrolment(eventId, memberId, occurredAt, birthday, memberZone, tierCode, channel, referralCode, identity);
    }

    /**
     * Returns a copy with a starting tier.
     *
     * @param code the tier code; must be on the program's ladder
     * @return the changed enrolment
     */
    public Enrolment withTier(String code) {
        return new Enrolment(eventId, memberId, occurredAt, birthday, zone, code, channel, referralCode, identity);
    }

    /**
     * Returns a copy with the enrolment channel.
     *
     * @param name the channel, such as {@code web}
     * @return the changed enrolment
     */
    public Enrolment withChannel(String name) {
        return new Enrolment(eventId, memberId, occurredAt, birthday, zone, tierCode, name, referralCode, identity);
    }

    /**
     * Returns a copy that signs the member up with a referral code, linking them to its owner as referee.
     *
     * @param code the referrer's code
     * @return the changed enrolment
     */
    public Enrolment withReferralCode(String code) {
        return new Enrolment(eventId, memberId, occurredAt, birthday, zone, tierCode, channel, code, identity);
    }

    /**
     * Returns a copy with the identity fingerprints the host supplies, already hashed (email,
     * phone, payment token, address); the core compares them only for equality.
     *
     * @param fingerprints the fingerprints
     * @return the changed enrolment
     */
    public Enrolment withIdentity(Set<String> fingerprints) {
        return new Enrolment(eventId, memberId, occurredAt, birthday, zone, tierCode, channel, referralCode, fingerprints);
    }

    @Override
    public String kind() {
        return "enrolment";
    }
}
