package dev.loyalty.core.event;

import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.MemberId;
import java.time.Instant;

/**
 * Something that happened to a member, handed to {@code LoyaltyEngine.process}. Every event
 * carries a caller-supplied id, which is its idempotency key, the member it concerns and the
 * instant it happened. The hierarchy is sealed: the engine handles each kind explicitly.
 */
public sealed interface LoyaltyEvent
        permits Enrolment, Purchase, ProfileChange, Redemption, PointsHold, HoldCapture, HoldVoid, Return, OfferRedemption {

    /**
     * Returns the event's id, the idempotency key.
     *
     * @return the event id
     */
    EventId eventId();

    /**
     * Returns the member the event concerns.
     *
     * @return the member id
     */
    MemberId memberId();

    /**
     * Returns when the event happened; dates are derived from it in the member's zone. The engine
     * refuses an event dated before {@code 1900-01-01T00:00:00Z} or after its clock (plus the
     * program's clock skew) with an {@code InvalidInputException}.
     *
     * @return the instant of the event
     */
    Instant occurredAt();

    /**
     * Returns a short lower-case name of the event's kind, such as {@code purchase}.
     *
     * @return the kind's name, used in explanations and stored outcomes
     */
    String kind();
}
