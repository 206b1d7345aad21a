package dev.loyalty.examples.pos;

import dev.loyalty.core.event.LoyaltyEvent;
import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.event.PurchaseLine;
import dev.loyalty.core.event.Return;
import dev.loyalty.core.model.EventId;
import java.util.Comparator;
import java.util.List;

/**
 * The rows of an Online Retail invoice that a later export holds after an earlier export recorded
 * the invoice (an invoice split across two monthly files): they become an invoice of their own,
 * with the id {@code <invoice id>@<file name>}, so that nothing is lost and replaying the same
 * file again records them once. An invoice a later export holds as it was recorded (exports of
 * overlapping periods) is no continuation: it is recorded under its own id in one order of its
 * lines ({@link #inLineOrder}), whatever order the export lists its rows in, so that the later
 * export's copy is a replay that records nothing.
 */
final class InvoiceContinuation {

    /** The order an invoice's lines are recorded in: by every field of a line, so that the same rows give the same list. */
    private static final Comparator<PurchaseLine> LINE_ORDER = Comparator.comparing(PurchaseLine::sku)
            .thenComparing(PurchaseLine::category, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingInt(PurchaseLine::quantity)
            .thenComparing(line -> line.unitPrice().amount())
            .thenComparing(line -> line.unitPrice().amount().toPlainString())
            .thenComparing(line -> line.unitPrice().currency().getCurrencyCode());

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

    /**
     * Returns an invoice with its lines in the order it is recorded in (by stock code, then category,
     * quantity and price), so that an export listing the same rows in another order gives the same
     * purchase, which the engine answers as a replay; a return, a sum of its rows, is returned as it is.
     *
     * @param invoice a purchase or return of the Online Retail format
     * @return the invoice with its lines in order
     */
    static LoyaltyEvent inLineOrder(LoyaltyEvent invoice) {
        if (invoice instanceof Purchase p) {
            List<PurchaseLine> ordered = p.lines().stream().sorted(LINE_ORDER).toList();
            if (!ordered.equals(p.lines())) {
                return new Purchase(p.eventId(), p.memberId(), p.occurredAt(), ordered, p.channel(), p.store());
            }
        }
        return invoice;
    }
}
