package dev.loyalty.core.event;

import dev.loyalty.core.InvalidInputException;
import dev.loyalty.core.internal.Checks;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.Money;
import java.time.Instant;

/**
 * Goods are returned and refunded. Linked to the original purchase, the points that purchase
 * earned are clawed back in proportion to the refunded amount, over all its returns together
 * never more than it earned: first from the purchase's lot, then from the points that expired from
 * it (not taken again), and only for the points of it that were spent from the member's other
 * points or as debt ({@link dev.loyalty.core.ClawbackPolicy}). Give the amount of the returned
 * lines (unit price times quantity) for a partial return, or the purchase total for a whole one; any
 * amount returns the whole of a purchase of free items (a total of zero).
 *
 * <p>A return whose purchase the engine never saw (no {@code purchaseId}, or an id it does not
 * know) is recorded and handled by the program's unlinked-return rate, never with an error. An id
 * the engine knows as something other than a purchase of the return's member (an event of another
 * member, or one of the member's that is not a purchase, such as a redemption or the enrolment) is
 * a mistake of the host: the engine refuses the return with {@code InvalidInputException} (field
 * {@code return.purchaseId}) and stores nothing. {@code processAll} judges a return as
 * {@code process} would after the events listed before it: the return links to its member's
 * purchase listed before it, and is refused when an event listed before it recorded the id as
 * another member's or as not a purchase.
 *
 * @param eventId the idempotency key
 * @param memberId the member
 * @param occurredAt when the refund was made; not before the linked purchase (the engine refuses
 *                   an earlier one with {@code InvalidInputException})
 * @param purchaseId the original purchase's event id, or null when not known; never the id of another
 *                   member's event or of an event of the member that is not a purchase (the engine
 *                   refuses it with {@code InvalidInputException})
 * @param amount the refunded amount; more than zero
 */
public record Return(EventId eventId, MemberId memberId, Instant occurredAt, EventId purchaseId, Money amount) implements LoyaltyEvent {

    /**
     * Checks the components.
     *
     * @param eventId the idempotency key
     * @param memberId the member
     * @param occurredAt when the refund was made; not before the linked purchase (the engine refuses
     *                       an earlier one with {@code InvalidInputException})
     * @param purchaseId the original purchase's event id, or null when not known; never the id of another
     *                   member's event or of an event of the member that is not a purchase (the engine
     *                   refuses it with {@code InvalidInputException})
     * @param amount the refunded amount; more than zero
     */
    public Return {
        Checks.notNull(eventId, "return.eventId");
        Checks.notNull(memberId, "return.memberId");
        Checks.notNull(occurredAt, "return.occurredAt");
        Checks.notNull(amount, "return.amount");
        if (amount.signum() <= 0) {
            throw new InvalidInputException("return.amount", "must be more than zero, was " + amount);
        }
    }

    @Override
    public String kind() {
        return "return";
    }
}
