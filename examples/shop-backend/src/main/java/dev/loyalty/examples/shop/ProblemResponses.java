package dev.loyalty.examples.shop;

import dev.loyalty.core.CurrencyMismatchException;
import dev.loyalty.core.EventConflictException;
import dev.loyalty.core.HoldStateException;
import dev.loyalty.core.InsufficientPointsException;
import dev.loyalty.core.InvalidInputException;
import dev.loyalty.core.LoyaltyException;
import dev.loyalty.core.MemberAlreadyEnrolledException;
import dev.loyalty.core.MemberNotActiveException;
import dev.loyalty.core.OfferNotRedeemableException;
import dev.loyalty.core.PointsOverflowException;
import dev.loyalty.core.StoreException;
import dev.loyalty.core.UnknownMemberException;
import dev.loyalty.core.event.PurchaseLine;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Maps the library's typed exceptions to RFC 9457 problem responses
 * ({@code application/problem+json}); Spring's own request errors (unreadable JSON, a missing
 * body) get the same shape from {@link ResponseEntityExceptionHandler}. Each problem's
 * {@code type} is {@code urn:loyalty:problem:<name>}; a JSON value of the wrong type is an
 * invalid-input problem naming its field, like the library's own; {@code detail} is the exception's message,
 * which names the field or the member; extra members carry the field, the member, or the
 * points asked for and spendable.
 *
 * <table>
 *   <caption>Status per exception</caption>
 *   <tr><td>{@link InvalidInputException}, {@link CurrencyMismatchException}</td><td>400</td></tr>
 *   <tr><td>{@link UnknownMemberException}, unknown event id</td><td>404</td></tr>
 *   <tr><td>{@link EventConflictException}, {@link MemberAlreadyEnrolledException}, {@link MemberNotActiveException}, {@link HoldStateException}</td><td>409</td></tr>
 *   <tr><td>{@link OfferNotRedeemableException}: unknown or another member's offer</td><td>404</td></tr>
 *   <tr><td>{@link OfferNotRedeemableException}: already redeemed, not yet valid, expired, another multiplier pending</td><td>409</td></tr>
 *   <tr><td>{@link InsufficientPointsException}, {@link PointsOverflowException}</td><td>422</td></tr>
 *   <tr><td>{@link StoreException}</td><td>503</td></tr>
 *   <tr><td>any other {@link LoyaltyException}</td><td>500</td></tr>
 *   <tr><td>a request Tomcat refuses before it reaches the shop ({@link ProblemReportValve}), such as a
 *       path with {@code %00}: {@code malformed-request}</td><td>400</td></tr>
 *   <tr><td>a body over {@code loyalty.request-body-limit} (256 KiB by default), answered by {@link RequestBodyLimit}:
 *       {@code body-too-large}</td><td>413</td></tr>
 *   <tr><td>a {@code Content-Encoding} other than {@code identity}, answered by {@link ContentEncodingRefusal}:
 *       {@code unsupported-content-encoding}</td><td>415</td></tr>
 *   <tr><td>a method the path's endpoints do not take ({@code TRACE} answered by {@link TraceRefusal})</td><td>405</td></tr>
 *   <tr><td>a path no endpoint has, whatever the method ({@code TRACE} passed on by {@link TraceRefusal})</td><td>404</td></tr>
 * </table>
 *
 * <p>{@link #isRefusal} tells the 4xx exceptions from the failures, for {@link IdempotencyKeys}.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemResponses.class);
    /** The value in Jackson's refusal of text where a number belongs: {@code Cannot coerce String value ("two") to ...}. */
    private static final Pattern COERCED_TEXT = Pattern.compile("^Cannot coerce String value \\(\"(.*)\"\\) to ", Pattern.DOTALL);
    /** Jackson's words for a whole number too large for the field: its value and the range of the Java type behind the field. */
    private static final Pattern OUT_OF_RANGE = Pattern.compile("^Numeric value \\((.*)\\) out of range of \\w+ \\((-?\\d+) - (-?\\d+)\\)");
    /** A whole number as JSON writes one. */
    private static final Pattern WHOLE = Pattern.compile("-?\\d+");
    /** The exceptions answered with a 4xx, as in the table above: the request was refused. */
    private static final List<Class<? extends LoyaltyException>> REFUSALS = List.of(InvalidInputException.class,
            UnknownMemberException.class, EventConflictException.class, MemberAlreadyEnrolledException.class,
            MemberNotActiveException.class, HoldStateException.class, OfferNotRedeemableException.class,
            InsufficientPointsException.class, PointsOverflowException.class);

    /**
     * Whether the exception is answered with a 4xx: the request was refused, rather than failed
     * (a 503 when the store failed, a 500 for any other error).
     *
     * @param e what a request threw
     * @return true for a refusal
     */
    static boolean isRefusal(Throwable e) {
        return REFUSALS.stream().anyMatch(refusal -> refusal.isInstance(e));
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalidInput(InvalidInputException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", e);
        problem.setProperty("field", e.field());
        return problem;
    }

    @ExceptionHandler(UnknownMemberException.class)
    ProblemDetail unknownMember(UnknownMemberException e) {
        ProblemDetail problem = problem(HttpStatus.NOT_FOUND, "unknown-member", "Unknown member", e);
        problem.setProperty("memberId", e.memberId().value());
        return problem;
    }

    @ExceptionHandler(EventController.UnknownEventException.class)
    ProblemDetail unknownEvent(EventController.UnknownEventException e) {
        return problem(HttpStatus.NOT_FOUND, "unknown-event", "Unknown event", e);
    }

    @ExceptionHandler(EventConflictException.class)
    ProblemDetail conflict(EventConflictException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "idempotency-key-reused", "Idempotency key reused with another request", e);
        problem.setProperty("eventId", e.eventId().value());
        return problem;
    }

    @ExceptionHandler({MemberAlreadyEnrolledException.class, MemberNotActiveException.class, HoldStateException.class})
    ProblemDetail stateConflict(LoyaltyException e) {
        return problem(HttpStatus.CONFLICT, kebab(e), title(e), e);
    }

    /**
     * An offer that cannot be redeemed: 404 when the member has no such offer (unknown, or
     * another member's), 409 when its state forbids it (already redeemed, not yet valid,
     * expired); {@code reason} and {@code offerCode} name why and which.
     */
    @ExceptionHandler(OfferNotRedeemableException.class)
    ProblemDetail offerNotRedeemable(OfferNotRedeemableException e) {
        boolean missing = e.reason() == OfferNotRedeemableException.Reason.UNKNOWN
                || e.reason() == OfferNotRedeemableException.Reason.OTHER_MEMBER;
        ProblemDetail problem = problem(missing ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT, "offer-not-redeemable", "Offer not redeemable", e);
        problem.setProperty("reason", e.reason().name());
        problem.setProperty("offerCode", e.offerCode());
        return problem;
    }

    @ExceptionHandler(InsufficientPointsException.class)
    ProblemDetail insufficientPoints(InsufficientPointsException e) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_ENTITY, "insufficient-points", "Insufficient points", e);
        problem.setProperty("requested", e.requested());
        problem.setProperty("spendable", e.spendable());
        return problem;
    }

    @ExceptionHandler(PointsOverflowException.class)
    ProblemDetail overflow(PointsOverflowException e) {
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, "points-overflow", "Points overflow", e);
    }

    @ExceptionHandler(StoreException.class)
    ProblemDetail store(StoreException e) {
        LOG.warn("store failure", e);
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable", "Store unavailable; retry with the same Idempotency-Key", e);
    }

    @ExceptionHandler(LoyaltyException.class)
    ProblemDetail other(LoyaltyException e) {
        LOG.error("loyalty engine failure", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, kebab(e), title(e), e);
    }

    /**
     * A body Jackson could read as JSON but not bind, such as {@code "quantity":"two"}: an
     * invalid-input problem naming the field by its path ({@code lines[0].quantity}). Malformed
     * JSON (a field named twice, or a value after the body's, included) and a body past the
     * parser's limits (a number of over 1,000 digits) keep Spring's problem, with the parser's
     * reason ({@link JsonReasons}) and place as its detail; a body that is JSON but not an object
     * ({@code [...]}) or is missing is answered saying so.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        if (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            ProblemDetail problem = invalidInput(new InvalidInputException(field(mapping.getPath()), reason(mapping)));
            return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
        }
        // a number of thousands of digits, a name of thousands of characters, nesting too deep: the parser's limits
        JsonProcessingException parse = ex.getCause() instanceof JsonParseException malformed ? malformed
                : ex.getCause() instanceof StreamConstraintsException limit ? limit
                : ex.getCause() instanceof MismatchedInputException mismatched && trailing(mismatched) ? mismatched : null;
        if (parse != null) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "the body is not valid JSON: "
                    + JsonReasons.plain(parse.getOriginalMessage()) + (parse.getLocation() == null ? ""
                    : " (line " + parse.getLocation().getLineNr() + ", column " + parse.getLocation().getColumnNr() + ")"));
            return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
        }
        if (ex.getCause() instanceof MismatchedInputException mismatched) {
            // a JSON value where the request's object belongs, such as [...] or "text": no field to name
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "the body is "
                    + kind(mismatched.getProcessor() instanceof JsonParser parser ? parser.currentToken() : null) + "; expected a JSON object");
            return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
        }
        if (ex.getCause() == null && ex.getMessage() != null && ex.getMessage().startsWith("Required request body is missing")) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "the body is missing (or JSON null); expected a JSON object");
            return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
        }
        return super.handleHttpMessageNotReadable(ex, headers, status, request);
    }

    /** Whether the body went on after its JSON value ({@code FAIL_ON_TRAILING_TOKENS}). */
    private static boolean trailing(MismatchedInputException e) {
        return e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Trailing token");
    }

    /** What a JSON value whose first token this is is, in words: "an array", "text"... */
    private static String kind(JsonToken token) {
        if (token == null) {
            return "not a JSON object";
        }
        return switch (token) {
            case START_ARRAY, END_ARRAY -> "an array";
            case VALUE_STRING -> "text";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            default -> "not a JSON object";
        };
    }

    /** The path of a JSON value, as {@code lines[0].quantity}. */
    private static String field(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : path) {
            if (reference.getFieldName() != null) {
                // a field named "" is shown as written, so that the problem names it
                field.append(field.isEmpty() ? "" : ".").append(reference.getFieldName().isEmpty() ? "\"\"" : reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    private static String reason(JsonMappingException mapping) {
        if (mapping instanceof UnrecognizedPropertyException) {
            return "is not a field of this request";
        }
        if (mapping instanceof InvalidFormatException invalid) {
            return "is '" + sent(invalid) + "'; expected " + expected(invalid.getTargetType());
        }
        Matcher range = OUT_OF_RANGE.matcher(String.valueOf(mapping.getOriginalMessage()));
        if (range.find()) {
            // a whole number past what the field holds: said in numbers, not in the Java type's name; a quantity's in the
            // engine's words, which give its own limits
            String value = range.group(1);
            boolean negative = value.startsWith("-");
            List<JsonMappingException.Reference> path = mapping.getPath();
            if ("quantity".equals(path.get(path.size() - 1).getFieldName()) && WHOLE.matcher(value).matches()) {
                return PurchaseLine.quantityProblem(new BigInteger(value)).orElseThrow();
            }
            return "is " + value + ", outside the whole numbers accepted here (" + (negative ? "down to " + range.group(2) : "up to " + range.group(3)) + ")";
        }
        if (mapping instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            Matcher text = COERCED_TEXT.matcher(String.valueOf(mismatched.getOriginalMessage()));
            // a count sent as text ("quantity": "two", or "2"): its value, and that a JSON number is wanted
            return text.find() ? "is the text '" + text.group(1) + "'; expected " + expected(mismatched.getTargetType()) + ", not text"
                    : "has the wrong type; expected " + expected(mismatched.getTargetType());
        }
        return "cannot be read: " + JsonReasons.plain(mapping.getOriginalMessage());
    }

    /**
     * The value a client sent, as it wrote it where it was a number: Jackson reads {@code 1e400}
     * for a whole number as a double first and would quote it as {@code Infinity}.
     */
    private static Object sent(InvalidFormatException invalid) {
        if (invalid.getValue() instanceof Number && invalid.getProcessor() instanceof JsonParser parser) {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
                try {
                    return parser.getText();
                } catch (IOException e) {
                    return invalid.getValue();
                }
            }
        }
        return invalid.getValue();
    }

    private static String expected(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == BigDecimal.class) {
            return "a decimal number such as 2.95, or text holding digits and a '.' only, such as \"2.95\"";
        }
        if (type == Instant.class) {
            return "an ISO date-time with an offset, such as 2026-03-03T10:15:00Z";
        }
        if (type == LocalDate.class) {
            return "a date such as 1990-04-01";
        }
        if (type == String.class) {
            return "text";
        }
        if (List.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }

    /**
     * The problem for a request Tomcat refused before it reached the shop
     * ({@link ProblemReportValve}): 400, naming an encoded NUL in the path, else with Tomcat's
     * reason, such as an invalid character in the request target.
     *
     * @param path the request's path as sent, still encoded
     * @param reason Tomcat's reason, or null
     * @return the malformed-request problem
     */
    static ProblemDetail malformedRequest(String path, String reason) {
        String detail = path.contains("%00") ? "the path holds %00, an encoded NUL character, which no path may hold"
                : reason == null || reason.isBlank() ? "the request line or a header cannot be read" : reason;
        return problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request", detail);
    }

    private static ProblemDetail problem(HttpStatus status, String name, String title, Exception e) {
        return problem(status, name, title, e.getMessage());
    }

    private static ProblemDetail problem(HttpStatus status, String name, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:loyalty:problem:" + name));
        problem.setTitle(title);
        return problem;
    }

    /** {@code MemberNotActiveException} becomes {@code member-not-active}. */
    private static String kebab(Exception e) {
        String name = e.getClass().getSimpleName().replaceFirst("Exception$", "");
        return name.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** {@code MemberNotActiveException} becomes {@code Member not active}. */
    private static String title(Exception e) {
        String words = kebab(e).replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
