package dev.loyalty.core.internal;

import dev.loyalty.core.CurrencyMismatchException;
import dev.loyalty.core.InvalidInputException;
import dev.loyalty.core.ProgramSettings;
import dev.loyalty.core.event.Enrolment;
import dev.loyalty.core.event.LoyaltyEvent;
import dev.loyalty.core.event.PointsHold;
import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.event.Redemption;
import dev.loyalty.core.event.Return;
import dev.loyalty.core.model.Lot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Checks what can be checked of an event, or of a sweep's instant, without the member's state:
 * reserved ids, the clock, dates, currency and limits. The {@link EventProcessor} facade
 * delegates to it before any member is locked.
 */
final class EventChecks {

    private final ProgramSettings program;
    private final Clock clock;

    /**
     * Creates the checks.
     *
     * @param program the program settings
     * @param clock the clock for rejecting future events and past hold expiries
     */
    EventChecks(ProgramSettings program, Clock clock) {
        this.program = program;
        this.clock = clock;
    }

    /**
     * Refuses an instant later than the engine's clock allows, the program's clock skew ahead:
     * an event's time, or the instant a sweep is asked for.
     *
     * @param at the instant
     * @param field the field path for the message
     * @throws InvalidInputException when the instant is further ahead of the clock than the skew
     */
    void notInTheFuture(Instant at, String field) {
        notInTheFuture(at, clock.instant(), field);
    }

    private void notInTheFuture(Instant at, Instant now, String field) {
        // compared as a duration, not as now + skew: a skew of up to Duration's range would overflow an Instant
        if (at.isAfter(now) && Duration.between(now, at).compareTo(program.maxClockSkew()) > 0) {
            throw new InvalidInputException(field, at + " is in the future; the engine's clock reads " + now);
        }
    }

    /**
     * Checks what can be checked without the member's state: currency, limits, the clock, and
     * that the event is dated from {@link Checks#EARLIEST_INSTANT} to {@link Checks#LATEST_INSTANT}.
     *
     * @param event the event
     * @throws InvalidInputException when the event is unacceptable
     */
    void validate(LoyaltyEvent event) {
        if (event.eventId().value().equals(Lot.DEBT_LOT)) {
            // lots are keyed by the id of the event that earned them: this one would land on the debt lot
            throw new InvalidInputException(event.kind() + ".eventId", "'" + Lot.DEBT_LOT + "' is reserved for the lot that carries claw-back debt");
        }
        String id = event.eventId().value();
        if (id.startsWith(ReferralWork.REFEREE_EVENT) || id.startsWith(ReferralWork.REFERRER_EVENT)) {
            // a referral's sides are recorded under these ids: an event holding one would leave that referral unsettled for good
            throw new InvalidInputException(event.kind() + ".eventId", "'" + id + "' starts with a prefix reserved for referral settlements ('"
                    + ReferralWork.REFEREE_EVENT + "', '" + ReferralWork.REFERRER_EVENT + "')");
        }
        Instant now = clock.instant();
        Instant at = event.occurredAt();
        if (at.isAfter(now) || at.isBefore(Checks.EARLIEST_INSTANT) || at.isAfter(Checks.LATEST_INSTANT)) {
            // the field's name is made only for a time that may be refused, not for every event
            String field = event.kind() + ".occurredAt";
            notInTheFuture(at, now, field);
            // before the member's zone turns it into a date: the earliest instants have none, and aeons-old ones stall tier reviews
            Checks.instant(at, field);
        }
        if (event instanceof Purchase purchase) {
            if (!purchase.currency().equals(program.currency())) {
                throw new CurrencyMismatchException("purchase " + purchase.eventId() + " currency", program.currency(), purchase.currency());
            }
            if (purchase.total().compareTo(program.maxPurchaseAmount()) > 0) {
                throw new InvalidInputException("purchase.total", purchase.total() + " of purchase " + purchase.eventId()
                        + " exceeds the program's limit of " + program.maxPurchaseAmount());
            }
        }
        if (event instanceof Return refund) {
            if (!refund.amount().currency().equals(program.currency())) {
                throw new CurrencyMismatchException("return " + refund.eventId() + " amount", program.currency(), refund.amount().currency());
            }
            if (refund.amount().compareTo(program.maxPurchaseAmount()) > 0) {
                // no purchase may be larger, so no refund of one is: an absurd amount, refused as a purchase's total is
                throw new InvalidInputException("return.amount", refund.amount() + " of return " + refund.eventId()
                        + " exceeds the program's limit of " + program.maxPurchaseAmount());
            }
        }
        if (event instanceof Redemption redemption && redemption.value() != null && !redemption.value().currency().equals(program.currency())) {
            throw new CurrencyMismatchException("redemption " + redemption.eventId() + " value", program.currency(), redemption.value().currency());
        }
        if (event instanceof PointsHold hold) {
            if (!hold.expiresAt().isAfter(now)) {
                throw new InvalidInputException("hold.expiresAt", hold.expiresAt() + " has already passed; the engine's clock reads " + now);
            }
            // a database keeps no later instant, and the expiry's date must exist in every zone
            Checks.instant(hold.expiresAt(), "hold.expiresAt");
        }
        if (event instanceof Enrolment enrolment && enrolment.tierCode() != null && program.tier(enrolment.tierCode()).isEmpty()) {
            throw new InvalidInputException("enrolment.tierCode", "'" + enrolment.tierCode() + "' is not a tier of this program (" + program.tierCodes() + ")");
        }
    }
}
