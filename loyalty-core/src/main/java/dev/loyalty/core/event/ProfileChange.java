package dev.loyalty.core.event;

import dev.loyalty.core.InvalidInputException;
import dev.loyalty.core.internal.Checks;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.MemberStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A member's profile changes. Null fields are left as they are; at least one must be set.
 *
 * @param eventId the idempotency key
 * @param memberId the member
 * @param occurredAt when the change was made
 * @param birthday the new date of birth, or null to keep it; from 1900-01-01 to the change's date
 * @param zone the new time zone, or null to keep it
 * @param status the new status, or null to keep it
 */
public record ProfileChange(EventId eventId, MemberId memberId, Instant occurredAt, LocalDate birthday, ZoneId zone,
                            MemberStatus status) implements LoyaltyEvent {

    /**
     * Checks the components.
     *
     * @param eventId the idempotency key
     * @param memberId the member
     * @param occurredAt when the change was made
     * @param birthday the new date of birth, or null to keep it; from 1900-01-01 to the change's date
     * @param zone the new time zone, or null to keep it
     * @param status the new status, or null to keep it
     */
    public ProfileChange {
        Checks.notNull(eventId, "profileChange.eventId");
        Checks.notNull(memberId, "profileChange.memberId");
        Checks.notNull(occurredAt, "profileChange.occurredAt");
        Checks.birthday(birthday, occurredAt, "profileChange.birthday");
        if (birthday == null && zone == null && status == null) {
            throw new InvalidInputException("profileChange", "changes nothing: set a birthday, a zone or a status");
        }
    }

    @Override
    public String kind() {
        return "profile-change";
    }
}
