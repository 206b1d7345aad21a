package dev.loyalty.examples.shop;

import dev.loyalty.core.InvalidInputException;
import dev.loyalty.core.LoyaltyEngine;
import dev.loyalty.core.SweepRequest;
import dev.loyalty.core.model.MemberId;
import java.time.Clock;
import java.time.Instant;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin trigger of the daily sweep, {@code POST /sweeps}. Refusals are RFC 9457 problem
 * responses ({@link ProblemResponses}) naming the request's fields.
 */
@RestController
class SweepController {

    private final LoyaltyEngine engine;
    private final Clock clock;

    SweepController(LoyaltyEngine engine, Clock clock) {
        this.engine = engine;
        this.clock = clock;
    }

    /**
     * Runs the sweep (pending points, expiry, holds, tier reviews, birthday and win-back offers)
     * for every member, or a range, at {@code asOf} (now by default; never later than now).
     * Sweeping again at the same instant changes nothing.
     */
    @PostMapping("/sweeps")
    ShopResponses.SweepBody sweep(@RequestBody(required = false) ShopRequests.Sweep body) {
        Instant now = clock.instant();
        Instant asOf = body == null || body.asOf() == null ? now : body.asOf();
        if (asOf.isAfter(now)) {
            throw new InvalidInputException("asOf", asOf + " is after now (" + now + ")");
        }
        SweepRequest.Builder request;
        try {
            request = SweepRequest.builder().asOf(asOf);
        } catch (InvalidInputException e) {
            // the engine names it sweep.asOf
            throw EventWrites.renamed(e, "asOf");
        }
        MemberId from = body == null || body.from() == null ? null : EventWrites.id(MemberId::of, body.from(), "from");
        MemberId to = body == null || body.to() == null ? null : EventWrites.id(MemberId::of, body.to(), "to");
        SweepRequest sweep;
        try {
            // range(...) refuses an empty range itself, naming it sweep.range
            sweep = request.range(from, to).build();
        } catch (InvalidInputException e) {
            if (!e.field().equals("sweep.range")) {
                throw e;
            }
            // the engine names an empty range sweep.range; the request's field that ends it is to
            throw new InvalidInputException("to", "'" + body.to() + "' must sort after from '" + body.from() + "'");
        }
        return ShopResponses.SweepBody.of(asOf, engine.sweep(sweep));
    }
}
