package dev.loyalty.examples.shop;

import dev.loyalty.core.CurrencyMismatchException;
import dev.loyalty.core.EventResult;
import dev.loyalty.core.InvalidInputException;
import dev.loyalty.core.LoyaltyEngine;
import dev.loyalty.core.Outcome;
import dev.loyalty.core.ProgramSettings;
import dev.loyalty.core.RedeemedOffer;
import dev.loyalty.core.SweepRequest;
import dev.loyalty.core.UnknownMemberException;
import dev.loyalty.core.event.Enrolment;
import dev.loyalty.core.event.LoyaltyEvent;
import dev.loyalty.core.event.OfferRedemption;
import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.event.Redemption;
import dev.loyalty.core.event.Return;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.Member;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.Money;
import dev.loyalty.core.model.Offer;
import dev.loyalty.core.spi.LoyaltyStore;
import dev.loyalty.core.spi.StoredEvent;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/**
 * The shop's loyalty endpoints. Writes take an optional {@code Idempotency-Key} header, which
 * becomes the event id: the same key with the same body answers {@code 200} with the first
 * outcome and header {@code Idempotent-Replayed: true}; with another body {@code 409}; with the
 * header sent twice {@code 400}. Without a key every request is a new event. A write without
 * {@code occurredAt} is dated when its key was first seen, not counting attempts that were
 * refused ({@link IdempotencyKeys}). Refusals are RFC 9457 problem responses ({@link ProblemResponses}).
 */
@RestController
class LoyaltyController {

    /** The request header whose value becomes the event id. */
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** The response header set on an answer replayed for a key seen before. */
    static final String REPLAYED = "Idempotent-Replayed";

    /** The kinds of event the engine names an event's fields after, as in {@code purchase.occurredAt}. */
    private static final Set<String> EVENT_KINDS = Set.of("enrolment", "purchase", "return", "redemption", "offer-redemption", "offerRedemption");
    /** The engine's names of event fields that a request names otherwise. */
    private static final Map<String, String> REQUEST_FIELDS = Map.of("tierCode", "tier", "rewardCode", "reward", "offerCode", "code");

    private final LoyaltyEngine engine;
    private final LoyaltyStore store;
    private final ProgramSettings program;
    private final IdempotencyKeys keys;
    private final Clock clock;
    /** The request being answered (a proxy to it), to tell a key sent once from a key sent twice. */
    private final HttpServletRequest request;

    LoyaltyController(LoyaltyEngine engine, LoyaltyStore store, ProgramSettings program, IdempotencyKeys keys, Clock clock,
                      HttpServletRequest request) {
        this.request = request;
        this.engine = engine;
        this.store = store;
        this.program = program;
        this.keys = keys;
        this.clock = clock;
    }

    @PostMapping("/members")
    ResponseEntity<ShopResponses.EventOutcome> enrol(@RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
                                                     @RequestBody ShopRequests.Enrol body) {
        MemberId member = MemberId.of(body.memberId());
        ZoneId zone = zone(body.zone());
        // a path segment may hold ';' as it is, but Tomcat reads what follows it as a path parameter, not as the id
        URI location = URI.create("/members/" + UriUtils.encodePathSegment(member.value(), StandardCharsets.UTF_8).replace(";", "%3B"));
        return process(key, body.occurredAt(), location,
                (id, at) -> new Enrolment(id, member, at, body.birthday(), zone, body.tier(), body.channel()));
    }

    @PostMapping("/members/{memberId}/purchases")
    ResponseEntity<ShopResponses.EventOutcome> purchase(@PathVariable String memberId,
                                                        @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
                                                        @RequestBody ShopRequests.Purchase body) {
        MemberId member = MemberId.of(memberId);
        if (body.lines() == null || body.lines().isEmpty()) {
            throw new InvalidInputException("lines", "must hold at least one line");
        }
        return process(key, body.occurredAt(), null, (id, at) -> {
            Purchase.Builder purchase = Purchase.builder(id, member, at).channel(body.channel()).store(body.store());
            for (int i = 0; i < body.lines().size(); i++) {
                ShopRequests.Line line = body.lines().get(i);
                if (line == null) {
                    throw new InvalidInputException("lines[" + i + "]", "must not be null");
                }
                if (line.quantity() == null) {
                    throw new InvalidInputException("lines[" + i + "].quantity", "is required");
                }
                Money unitPrice = money(line.unitPrice(), body.currency(), "lines[" + i + "].unitPrice");
                try {
                    purchase.line(line.sku(), line.category(), line.quantity(), unitPrice);
                } catch (InvalidInputException e) {
                    // the engine names a line's field line.quantity; the request's path is lines[i].quantity
                    throw e.field().startsWith("line.") ? renamed(e, "lines[" + i + "]." + e.field().substring("line.".length())) : e;
                }
            }
            return purchase.build();
        });
    }

    @PostMapping("/members/{memberId}/returns")
    ResponseEntity<ShopResponses.EventOutcome> returned(@PathVariable String memberId,
                                                        @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
                                                        @RequestBody ShopRequests.Return body) {
        MemberId member = MemberId.of(memberId);
        EventId purchase = body.purchaseId() == null || body.purchaseId().isBlank() ? null : id(EventId::of, body.purchaseId(), "purchaseId");
        Money amount = money(body.amount(), body.currency(), "amount");
        return process(key, body.occurredAt(), null, (id, at) -> new Return(id, member, at, purchase, amount));
    }

    @PostMapping("/members/{memberId}/redemptions")
    ResponseEntity<ShopResponses.EventOutcome> redeem(@PathVariable String memberId,
                                                      @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
                                                      @RequestBody ShopRequests.Redeem body) {
        MemberId member = MemberId.of(memberId);
        if (body.points() == null) {
            throw new InvalidInputException("points", "is required");
        }
        Money value = body.value() == null ? null : money(body.value(), body.currency(), "value");
        return process(key, body.occurredAt(), null, (id, at) -> new Redemption(id, member, at, body.reward(), body.points(), value));
    }

    @GetMapping("/members/{memberId}")
    ShopResponses.MemberSummary member(@PathVariable String memberId) {
        MemberId id = MemberId.of(memberId);
        Member member = engine.member(id).orElseThrow(() -> new UnknownMemberException(id));
        return ShopResponses.MemberSummary.of(member, engine.summary(id));
    }

    @GetMapping("/members/{memberId}/statement")
    ShopResponses.StatementBody statement(@PathVariable String memberId) {
        return ShopResponses.StatementBody.of(engine.statement(MemberId.of(memberId)));
    }

    @GetMapping("/members/{memberId}/benefits")
    ShopResponses.Benefits benefits(@PathVariable String memberId) {
        return ShopResponses.Benefits.of(engine.tier(MemberId.of(memberId)));
    }

    @GetMapping("/members/{memberId}/tier-history")
    List<ShopResponses.TierChangeBody> tierHistory(@PathVariable String memberId) {
        return engine.tierHistory(MemberId.of(memberId)).stream().map(ShopResponses.TierChangeBody::of).toList();
    }

    @GetMapping("/members/{memberId}/offers")
    List<ShopResponses.OfferBody> offers(@PathVariable String memberId) {
        return engine.offers(MemberId.of(memberId)).stream().map(ShopResponses.OfferBody::of).toList();
    }

    @PostMapping("/members/{memberId}/offers/{code}/redemptions")
    ResponseEntity<ShopResponses.OfferRedemptionBody> redeemOffer(@PathVariable String memberId, @PathVariable String code,
                                                                  @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
                                                                  @RequestBody(required = false) ShopRequests.RedeemOffer body) {
        MemberId member = MemberId.of(memberId);
        EventId id = eventId(key);
        return dated(key, id, body == null ? null : body.occurredAt(), at -> {
            // a batch of one, as for the other writes: its result tells whether this request redeemed the offer
            EventResult result;
            Outcome outcome;
            try {
                result = engine.processAll(List.of(new OfferRedemption(id, member, at, code))).get(0);
                outcome = result.outcomeOrThrow();
            } catch (InvalidInputException e) {
                throw requestField(e);
            }
            Offer offer = store.findOffer(code).orElseThrow(() -> new IllegalStateException("offer " + code + " vanished after its redemption"));
            ResponseEntity.BodyBuilder response = result.replayed() ? ResponseEntity.ok().header(REPLAYED, "true")
                    : ResponseEntity.status(HttpStatus.CREATED);
            return response.body(ShopResponses.OfferRedemptionBody.of(new RedeemedOffer(outcome, offer)));
        });
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
            throw renamed(e, "asOf");
        }
        if (body != null && (body.from() != null || body.to() != null)) {
            request.range(body.from() == null ? null : id(MemberId::of, body.from(), "from"),
                    body.to() == null ? null : id(MemberId::of, body.to(), "to"));
        }
        SweepRequest sweep;
        try {
            sweep = request.build();
        } catch (InvalidInputException e) {
            if (!e.field().equals("sweep.range")) {
                throw e;
            }
            // the engine names an empty range sweep.range; the request's field that ends it is to
            throw new InvalidInputException("to", "'" + body.to() + "' must sort after from '" + body.from() + "'");
        }
        return ShopResponses.SweepBody.of(asOf, engine.sweep(sweep));
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

    /**
     * Builds the event under the key's id and time and processes it: 201 for a new event (with
     * {@code Location} for an enrolment), 200 for a replay of a key seen before.
     */
    private ResponseEntity<ShopResponses.EventOutcome> process(String key, Instant occurredAt, URI location,
                                                               EventFactory factory) {
        EventId id = eventId(key);
        return dated(key, id, occurredAt, at -> {
            EventResult result;
            try {
                // a batch of one: its result tells whether this request recorded the event or an earlier (or racing) one did
                result = engine.processAll(List.of(factory.apply(id, at))).get(0);
                result.outcomeOrThrow();
            } catch (InvalidInputException e) {
                throw requestField(e);
            }
            Outcome outcome = result.outcome();
            ResponseEntity.BodyBuilder response = result.replayed() ? ResponseEntity.ok().header(REPLAYED, "true")
                    : location != null ? ResponseEntity.created(location) : ResponseEntity.status(HttpStatus.CREATED);
            return response.body(ShopResponses.EventOutcome.of(outcome));
        });
    }

    /**
     * The key as the event id; a random one without a key. A key header sent more than once
     * (which Spring joins with commas into one value) names no one event and is refused.
     */
    private EventId eventId(String key) {
        if (key == null) {
            return EventId.of(UUID.randomUUID().toString());
        }
        int sent = Collections.list(request.getHeaders(IDEMPOTENCY_KEY)).size();
        if (sent > 1) {
            throw new InvalidInputException(IDEMPOTENCY_KEY, "is sent " + sent + " times; send one key per request");
        }
        return EventId.of(key);
    }

    /**
     * Answers the request at its event's time: {@code occurredAt} when given, else when its key
     * was first seen, else now. An attempt dated by its key that fails gives up its claim on the
     * key's time, which a refusal (a 4xx) may forget ({@link IdempotencyKeys}).
     */
    private <T> T dated(String key, EventId id, Instant occurredAt, Function<Instant, T> answer) {
        if (occurredAt != null || key == null) {
            return answer.apply(occurredAt == null ? clock.instant() : occurredAt);
        }
        IdempotencyKeys.Claim claim = keys.claim(id, clock.instant());
        try {
            return answer.apply(claim.firstSeen());
        } catch (RuntimeException e) {
            keys.giveUp(claim, ProblemResponses.isRefusal(e));
            throw e;
        }
    }

    /** Builds an event from its id and time. */
    @FunctionalInterface
    private interface EventFactory {
        LoyaltyEvent apply(EventId id, Instant at);
    }

    /** The amount in the currency (the program's when absent); a refused amount is named by the request's field. */
    private Money money(BigDecimal amount, String currency, String field) {
        if (amount == null) {
            throw new InvalidInputException(field, "is required");
        }
        try {
            return Money.of(amount, currency == null ? program.currency().getCurrencyCode() : currency);
        } catch (InvalidInputException e) {
            throw e.field().equals("money.amount") ? renamed(e, field) : e;
        }
    }

    /**
     * The engine's refusal of an event's field named by the request's field: the engine names a
     * field after the event ({@code purchase.occurredAt}, {@code return.amount}), the request by
     * itself ({@code occurredAt}, {@code amount}); an enrolment's {@code tierCode} is the request's
     * {@code tier}, a redemption's {@code rewardCode} its {@code reward}, an offer redemption's
     * {@code offerCode} the path's {@code code}, and an event whose
     * currency is not the program's names {@code currency}.
     */
    private static InvalidInputException requestField(InvalidInputException e) {
        if (e instanceof CurrencyMismatchException) {
            // the engine names it after the event, such as "purchase order-1 currency"; the request's field is currency
            return renamed(e, "currency");
        }
        int dot = e.field().indexOf('.');
        if (dot < 0 || !EVENT_KINDS.contains(e.field().substring(0, dot))) {
            return e;
        }
        String field = e.field().substring(dot + 1);
        return renamed(e, REQUEST_FIELDS.getOrDefault(field, field));
    }

    /** The id of a request's field; a refused one is named by that field, not by the id's type ({@code memberId}). */
    private static <T> T id(Function<String, T> parse, String value, String field) {
        try {
            return parse.apply(value);
        } catch (InvalidInputException e) {
            throw renamed(e, field);
        }
    }

    /** The same refusal named by the request's field. */
    private static InvalidInputException renamed(InvalidInputException e, String field) {
        String message = e.getMessage();
        String problem = message.startsWith(e.field() + " ") ? message.substring(e.field().length() + 1) : message;
        return new InvalidInputException(field, problem);
    }

    private static ZoneId zone(String zone) {
        try {
            return zone == null ? null : ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new InvalidInputException("zone", "'" + zone + "' is not a time zone such as Europe/London");
        }
    }
}
