package dev.loyalty.core.model;

import dev.loyalty.core.internal.Checks;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One return of a purchase, as the engine recorded it on the purchase's lot: what was returned
 * and when. A lot's {@link Lot#returnedAmount()} is the sum of its returns; the history dates
 * each part, so that figures as of a past date count only the returns made by then.
 * Append-only, like the ledger.
 *
 * @param memberId the member who returned the goods
 * @param lotId the lot of the purchase returned
 * @param eventId the return event
 * @param occurredAt when the return happened
 * @param amount the amount returned, as the event gave it (it may exceed what is left of the purchase)
 */
public record LotReturn(MemberId memberId, String lotId, EventId eventId, Instant occurredAt, BigDecimal amount) {

    /**
     * Checks the components.
     *
     * @param memberId the member who returned the goods
     * @param lotId the lot of the purchase returned
     * @param eventId the return event
     * @param occurredAt when the return happened
     * @param amount the amount returned, as the event gave it
     */
    public LotReturn {
        Checks.notNull(memberId, "return.memberId");
        Checks.notNull(lotId, "return.lotId");
        Checks.notNull(eventId, "return.eventId");
        Checks.notNull(occurredAt, "return.occurredAt");
        Checks.notNull(amount, "return.amount");
    }
}
