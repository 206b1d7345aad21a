package dev.loyalty.examples.shop;

import dev.loyalty.core.EventResult;
import dev.loyalty.core.LoyaltyEngine;
import dev.loyalty.core.RedeemedOffer;
import dev.loyalty.core.event.OfferRedemption;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.Offer;
import dev.loyalty.core.spi.LoyaltyStore;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * A member's offers, and their redemption at the till (a write as {@link EventWrites} describes).
 * Refusals are RFC 9457 problem responses ({@link ProblemResponses}).
 */
@RestController
class OfferController {

    private final LoyaltyEngine engine;
    private final LoyaltyStore store;
    private final EventWrites writes;

    OfferController(LoyaltyEngine engine, LoyaltyStore store, EventWrites writes) {
        this.engine = engine;
        this.store = store;
        this.writes = writes;
    }

    @GetMapping("/members/{memberId}/offers")
    List<ShopResponses.OfferBody> offers(@PathVariable String memberId) {
        return engine.offers(MemberId.of(memberId)).stream().map(ShopResponses.OfferBody::of).toList();
    }

    @PostMapping("/members/{memberId}/offers/{code}/redemptions")
    ResponseEntity<ShopResponses.OfferRedemptionBody> redeemOffer(@PathVariable String memberId, @PathVariable String code,
                                                                  @RequestHeader(name = EventWrites.IDEMPOTENCY_KEY, required = false) String key,
                                                                  @RequestBody(required = false) ShopRequests.RedeemOffer body) {
        MemberId member = MemberId.of(memberId);
        EventId id = writes.eventId(key);
        return writes.dated(key, id, body == null ? null : body.occurredAt(), at -> {
            // a batch of one, as for the other writes: its result tells whether this request redeemed the offer
            EventResult result = writes.processOne(() -> new OfferRedemption(id, member, at, code));
            Offer offer = store.findOffer(code).orElseThrow(() -> new IllegalStateException("offer " + code + " vanished after its redemption"));
            ResponseEntity.BodyBuilder response = result.replayed() ? ResponseEntity.ok().header(EventWrites.REPLAYED, "true")
                    : ResponseEntity.status(HttpStatus.CREATED);
            return response.body(ShopResponses.OfferRedemptionBody.of(new RedeemedOffer(result.outcome(), offer)));
        });
    }
}
