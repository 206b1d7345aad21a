package dev.loyalty.examples.shop;

import dev.loyalty.core.InvalidInputException;
import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.event.Redemption;
import dev.loyalty.core.event.Return;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.Money;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * A member's purchases, returns and redemptions: writes as {@link EventWrites} describes, each
 * answering the event's outcome. Refusals are RFC 9457 problem responses ({@link ProblemResponses}).
 */
@RestController
class PointsController {

    private final EventWrites writes;

    PointsController(EventWrites writes) {
        this.writes = writes;
    }

    @PostMapping("/members/{memberId}/purchases")
    ResponseEntity<ShopResponses.EventOutcome> purchase(@PathVariable String memberId,
                                                        @RequestHeader(name = EventWrites.IDEMPOTENCY_KEY, required = false) String key,
                                                        @RequestBody ShopRequests.Purchase body) {
        MemberId member = MemberId.of(memberId);
        if (body.lines() == null || body.lines().isEmpty()) {
            throw new InvalidInputException("lines", "must hold at least one line");
        }
        return writes.process(key, body.occurredAt(), null, (id, at) -> {
            Purchase.Builder purchase = Purchase.builder(id, member, at).channel(body.channel()).store(body.store());
            for (int i = 0; i < body.lines().size(); i++) {
                ShopRequests.Line line = body.lines().get(i);
                if (line == null) {
                    throw new InvalidInputException("lines[" + i + "]", "must not be null");
                }
                if (line.quantity() == null) {
                    throw new InvalidInputException("lines[" + i + "].quantity", "is required");
                }
                Money unitPrice = writes.money(line.unitPrice(), body.currency(), "lines[" + i + "].unitPrice");
                try {
                    purchase.line(line.sku(), line.category(), line.quantity(), unitPrice);
                } catch (InvalidInputException e) {
                    // the engine names a line's field line.quantity; the request's path is lines[i].quantity
                    throw e.field().startsWith("line.") ? EventWrites.renamed(e, "lines[" + i + "]." + e.field().substring("line.".length())) : e;
                }
            }
            return purchase.build();
        });
    }

    @PostMapping("/members/{memberId}/returns")
    ResponseEntity<ShopResponses.EventOutcome> returned(@PathVariable String memberId,
                                                        @RequestHeader(name = EventWrites.IDEMPOTENCY_KEY, required = false) String key,
                                                        @RequestBody ShopRequests.Return body) {
        MemberId member = MemberId.of(memberId);
        EventId purchase = body.purchaseId() == null || body.purchaseId().isBlank() ? null
                : EventWrites.id(EventId::of, body.purchaseId(), "purchaseId");
        Money amount = writes.money(body.amount(), body.currency(), "amount");
        return writes.process(key, body.occurredAt(), null, (id, at) -> new Return(id, member, at, purchase, amount));
    }

    @PostMapping("/members/{memberId}/redemptions")
    ResponseEntity<ShopResponses.EventOutcome> redeem(@PathVariable String memberId,
                                                      @RequestHeader(name = EventWrites.IDEMPOTENCY_KEY, required = false) String key,
                                                      @RequestBody ShopRequests.Redeem body) {
        MemberId member = MemberId.of(memberId);
        if (body.points() == null) {
            throw new InvalidInputException("points", "is required");
        }
        if (body.value() == null) {
            writes.noAmountFor(body.currency(), "value");
        }
        Money value = body.value() == null ? null : writes.money(body.value(), body.currency(), "value");
        return writes.process(key, body.occurredAt(), null, (id, at) -> new Redemption(id, member, at, body.reward(), body.points(), value));
    }
}
