package dev.loyalty.examples.pos;

import dev.loyalty.core.event.LoyaltyEvent;
import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.event.Return;
import dev.loyalty.core.model.EventId;

/**
 * The rows of an Online Retail invoice that a later export holds after an earlier export recorded
 * the invoice (an invoice split across two monthly files): they become an invoice of their own,
 * with the id {@code <invoice id>@<file name>}, so that nothing is lost and replaying the same
 * file again records them once.
 */
final class InvoiceContinuation {

    private InvoiceContinuation() {
    }

    /**
     * Returns the id of an invoice's rows in a file that continues it.
     *
     * @param invoice the invoice's id, such as {@code invoice-536365}
     * @param fileName the file's name without its directory, such as {@code december.csv}
     * @return the continuation's id, such as {@code invoice-536365@december.csv}
     */
    static EventId id(EventId invoice, String fileName) {
        return EventId.of(invoice.value() + "@" + fileName);
    }

    /**
     * Returns the invoice's event under the continuation's id, all else the same.
     *
     * @param invoice a purchase or return of the Online Retail format
     * @param fileName the file's name without its directory
     * @return the continuation
     * @throws IllegalArgumentException when the event is neither a purchase nor a return
     */
    static LoyaltyEvent of(LoyaltyEvent invoice, String fileName) {
        EventId id = id(invoice.eventId(), fileName);
        if (invoice instanceof Purchase p) {
            return new Purchase(id, p.memberId(), p.occurredAt(), p.lines(), p.channel(), p.store());
        }
        if (invoice instanceof Return r) {
            return new Return(id, r.memberId(), r.occurredAt(), r.purchaseId(), r.amount());
        }
        throw new IllegalArgumentException("an invoice is a purchase or a return, not " + invoice.getClass().getSimpleName());
    }
}
