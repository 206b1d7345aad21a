package dev.loyalty.core.tier;

import dev.loyalty.core.internal.Checks;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.MemberId;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One line of a member's tier history: what happened to their tier, when and why.
 *
 * @param memberId the member
 * @param sequence the position in the member's tier history, from 1
 * @param kind what happened
 * @param fromTier the tier code before
 * @param toTier the tier code after (equal to {@code fromTier} for a grace period, say)
 * @param date the member's local date it took effect
 * @param at the instant it took effect: the event's time, or the start of the review day
 * @param eventId the event that caused it, or null for time-based changes and overrides
 * @param reason why, readable by a member or a support agent
 */
public record TierChange(MemberId memberId, long sequence, Kind kind, String fromTier, String toTier, LocalDate date, Instant at,
                         EventId eventId, String reason) {

    /**
     * Checks the components.
     *
     * @param memberId the member
     * @param sequence the position in the member's tier history, from 1
     * @param kind what happened
     * @param fromTier the tier code before
     * @param toTier the tier code after (equal to {@code fromTier} for a grace period, say)
     * @param date the member's local date it took effect
     * @param at the instant it took effect: the event's time, or the start of the review day
     * @param eventId the event that caused it, or null for time-based changes and overrides
     * @param reason why, readable by a member or a support agent
     */
    public TierChange {
        Checks.notNull(memberId, "tierChange.memberId");
        Checks.notNull(kind, "tierChange.kind");
        fromTier = Checks.text(fromTier, "tierChange.fromTier");
        toTier = Checks.text(toTier, "tierChange.toTier");
        Checks.notNull(date, "tierChange.date");
        Checks.notNull(at, "tierChange.at");
        Checks.notNull(reason, "tierChange.reason");
        if (reason.isBlank() || reason.length() > 4000) {
            throw new IllegalArgumentException("tierChange.reason must hold 1 to 4000 characters, was " + reason.length());
        }
        if (sequence < 1) {
            throw new IllegalArgumentException("tierChange.sequence must be at least 1, was " + sequence);
        }
    }

    /** What happened to a member's tier. */
    public enum Kind {
        /** The member joined on this tier. */
        ENROLMENT,
        /** A purchase (or a review) took the qualifying total over a higher tier's threshold. */
        PROMOTION,
        /** At a review, or when a grace period ended, the member fell to a lower tier. */
        DEMOTION,
        /** At a review the member fell short, and keeps the tier until the grace period ends. */
        GRACE,
        /** During a grace period the member re-qualified and keeps the tier. */
        RETAINED,
        /** A manual override (such as a status match) set the tier until a date. */
        OVERRIDE,
        /** A manual override ended; the member has the tier they earned. */
        OVERRIDE_EXPIRED
    }
}
