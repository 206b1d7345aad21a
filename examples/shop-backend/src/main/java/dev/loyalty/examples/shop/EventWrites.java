package dev.loyalty.examples.shop;

import dev.loyalty.core.CurrencyMismatchException;
import dev.loyalty.core.EventResult;
import dev.loyalty.core.InvalidInputException;
import dev.loyalty.core.LoyaltyEngine;
import dev.loyalty.core.ProgramSettings;
import dev.loyalty.core.event.LoyaltyEvent;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.Money;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * How the shop's writes become events. Writes take an optional {@code Idempotency-Key} header,
 * which becomes the event id: the same key with the same body answers {@code 200} with the first
 * outcome and header {@code Idempotent-Replayed: true}; with another body {@code 409}; with the
 * header sent twice {@code 400}. Without a key every request is a new event. A write without
 * {@code occurredAt} is dated when its key was first seen, not counting attempts that were
 * refused ({@link IdempotencyKeys}). The engine's refusals are named by the request's fields.
 */
@Component
class EventWrites {

    /** The request header whose value becomes the event id. */
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** The response header set on an answer replayed for a key seen before. */
    static final String REPLAYED = "Idempotent-Replayed";

    /** The kinds of event the engine names an event's fields after, as in {@code purchase.occurredAt}. */
    private static final Set<String> EVENT_KINDS = Set.of("enrolment", "purchase", "return", "redemption", "offer-redemption", "offerRedemption");
    /** The engine's names of event fields that a request names otherwise. */
    private static final Map<String, String> REQUEST_FIELDS = Map.of("tierCode", "tier", "rewardCode", "reward", "offerCode", "code",
            "total", "lines");

    private final LoyaltyEngine engine;
    private final ProgramSettings program;
    private final IdempotencyKeys keys;
    private final Clock clock;
    /** The request being answered (a proxy to it), to tell a key sent once from a key sent twice. */
    private final HttpServletRequest request;

    EventWrites(LoyaltyEngine engine, ProgramSettings program, IdempotencyKeys keys, Clock clock, HttpServletRequest request) {
        this.engine = engine;
        this.program = program;
        this.keys = keys;
        this.clock = clock;
        this.request = request;
    }

    /** Builds an event from its id and time. */
    @FunctionalInterface
    interface EventFactory {
        /**
         * The event.
         *
         * @param id the event id, from the key
         * @param at when it occurred
         * @return the event
         */
        LoyaltyEvent apply(EventId id, Instant at);
    }

    /**
     * Builds the event under the key's id and time and processes it: 201 for a new event (with
     * {@code Location} when given), 200 for a replay of a key seen before.
     */
    ResponseEntity<ShopResponses.EventOutcome> process(String key, Instant occurredAt, URI location, EventFactory factory) {
        EventId id = eventId(key);
        return dated(key, id, occurredAt, at -> {
            // a batch of one: its result tells whether this request recorded the event or an earlier (or racing) one did
            EventResult result = processOne(() -> factory.apply(id, at));
            ResponseEntity.BodyBuilder response = result.replayed() ? ResponseEntity.ok().header(REPLAYED, "true")
                    : location != null ? ResponseEntity.created(location) : ResponseEntity.status(HttpStatus.CREATED);
            return response.body(ShopResponses.EventOutcome.of(result.outcome()));
        });
    }

    /**
     * Builds the event and processes it as a batch of one; a refusal, by the event's constructor
     * or by the engine, is named by the request's field. The result has an outcome.
     */
    EventResult processOne(Supplier<LoyaltyEvent> event) {
        try {
            EventResult result = engine.processAll(List.of(event.get())).get(0);
            result.outcomeOrThrow();
            return result;
        } catch (InvalidInputException e) {
            throw requestField(e);
        }
    }

    /**
     * The key as the event id; a random one without a key. A key header sent more than once
     * (which Spring joins with commas into one value) names no one event and is refused.
     */
    EventId eventId(String key) {
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
    <T> T dated(String key, EventId id, Instant occurredAt, Function<Instant, T> answer) {
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

    /** The amount in the currency (the program's when absent); a refused amount is named by the request's field. */
    Money money(BigDecimal amount, String currency, String field) {
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
     * Refuses a currency sent without the amount it would be the currency of, unless it is the
     * program's: a client that always names the currency is served, one whose currency would be
     * ignored is told.
     *
     * @param currency the request's currency, or null
     * @param field the amount's field, named in the refusal
     * @throws InvalidInputException naming {@code currency} when it is another
     */
    void noAmountFor(String currency, String field) {
        if (currency != null && !currency.equals(program.currency().getCurrencyCode())) {
            throw new InvalidInputException("currency", "is '" + currency + "', but there is no " + field
                    + " for it to be the currency of; leave it out, or send the " + field);
        }
    }

    /**
     * The engine's refusal of an event's field named by the request's field: the engine names a
     * field after the event ({@code purchase.occurredAt}, {@code return.amount}), the request by
     * itself ({@code occurredAt}, {@code amount}); an enrolment's {@code tierCode} is the request's
     * {@code tier}, a redemption's {@code rewardCode} its {@code reward}, an offer redemption's
     * {@code offerCode} the path's {@code code}, a purchase's {@code total} its {@code lines}, and
     * an event whose currency is not the program's names {@code currency}.
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
    static <T> T id(Function<String, T> parse, String value, String field) {
        try {
            return parse.apply(value);
        } catch (InvalidInputException e) {
            throw renamed(e, field);
        }
    }

    /** The same refusal named by the request's field. */
    static InvalidInputException renamed(InvalidInputException e, String field) {
        String message = e.getMessage();
        String problem = message.startsWith(e.field() + " ") ? message.substring(e.field().length() + 1) : message;
        return new InvalidInputException(field, problem);
    }
}
