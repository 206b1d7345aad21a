package dev.loyalty.examples.shop;

import dev.loyalty.core.model.EventId;
import dev.loyalty.core.spi.LoyaltyStore;
import dev.loyalty.core.spi.StoredEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The recorded outcome of a processed event, and its explanation; 404 for an event id never
 * processed ({@link UnknownEventException}).
 */
@RestController
class EventController {

    private final LoyaltyStore store;

    EventController(LoyaltyStore store) {
        this.store = store;
    }

    @GetMapping("/events/{eventId}")
    ShopResponses.EventOutcome event(@PathVariable String eventId) {
        EventId id = EventId.of(eventId);
        return ShopResponses.EventOutcome.of(store.findEvent(id).map(StoredEvent::outcome).orElseThrow(() -> new UnknownEventException(id)));
    }

    @GetMapping("/events/{eventId}/explanation")
    ShopResponses.ExplanationBody explanation(@PathVariable String eventId) {
        return event(eventId).explanation();
    }

    /** An event id the store has never seen: answered with 404. */
    static final class UnknownEventException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnknownEventException(EventId eventId) {
            super("event " + eventId + " was never processed");
        }
    }
}
