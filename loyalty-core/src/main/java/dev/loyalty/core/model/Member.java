package dev.loyalty.core.model;

import dev.loyalty.core.internal.Checks;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A member of the loyalty program, as stored.
 *
 * @param id the member's id
 * @param enrolledAt when the member enrolled
 * @param tierCode the code of the member's current tier
 * @param status whether the member may earn and spend
 * @param birthday the member's date of birth, or null when not given
 * @param zone the member's time zone, or null to use the program's zone
 */
public record Member(MemberId id, Instant enrolledAt, String tierCode, MemberStatus status, LocalDate birthday, ZoneId zone) {

    /**
     * Checks the components.
     *
     * @param id the member's id
     * @param enrolledAt when the member enrolled
     * @param tierCode the code of the member's current tier
     * @param status whether the member may earn and spend
     * @param birthday the member's date of birth, or null when not given
     * @param zone the member's time zone, or null to use the program's zone
     */
    public Member {
        Checks.notNull(id, "member.id");
        Checks.notNull(enrolledAt, "member.enrolledAt");
        tierCode = Checks.text(tierCode, "member.tierCode");
        Checks.notNull(status, "member.status");
    }

    /**
     * Returns the zone the member's dates are computed in.
     *
     * @param programZone the program's zone, used when the member has none
     * @return the member's zone, else the program's
     */
    public ZoneId zoneOr(ZoneId programZone) {
        return zone != null ? zone : programZone;
    }

    /**
     * Returns a copy with another tier.
     *
     * @param newTierCode the new tier's code
     * @return the changed member
     */
    public Member withTier(String newTierCode) {
        return new Member(id, enrolledAt, newTierCode, status, birthday, zone);
    }

    /**
     * Returns a copy with the given profile fields changed; null arguments keep the current value.
     *
     * @param newBirthday the new birthday, or null to keep it
     * @param newZone the new zone, or null to keep it
     * @param newStatus the new status, or null to keep it
     * @return the changed member
     */
    public Member withProfile(LocalDate newBirthday, ZoneId newZone, MemberStatus newStatus) {
        return new Member(id, enrolledAt, tierCode,
                newStatus != null ? newStatus : status,
                newBirthday != null ? newBirthday : birthday,
                newZone != null ? newZone : zone);
    }
}
