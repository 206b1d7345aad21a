package dev.loyalty.examples.shop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Valid bodies of every write endpoint (enrolment, purchase with lines, return, redemption,
 * offer redemption) with random slips of the hand: a character lost or added, a value replaced
 * by an odd one ({@code 1e400}, {@code -1}, {@code 99999999999999999999}, {@code ""},
 * {@code null}, {@code true}, {@code []}, {@code {}}, very long or non-ASCII text...), a field
 * renamed, doubled or dropped, the body cut short. Each is posted under a key of its own and must
 * be answered with a success or a refusal, never a 5xx; a refusal is an
 * {@code application/problem+json} problem whose {@code detail} says what is wrong without Java
 * internals, and it loses nothing: the member's summary, statement and offers read before and
 * after are equal, no event is recorded under the key, and an invalid-input problem's
 * {@code field} names a field of the request (or the misspelt name the body has).
 *
 * <p>Seeds {@value #DEFAULT_FROM} to {@value #DEFAULT_TO} run by default; others by hand with
 * {@code -Dbodies.from=} and {@code -Dbodies.to=}. A seed makes the same slips every run, and a
 * failure names the seed, the endpoint and the body. Half the seeds date their bodies with
 * {@code occurredAt}, half leave it to the key. {@code POST /sweeps} is left out: its range may
 * take in any member. The database plays no part: H2, as the shop's default.
 */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:shop-test;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE")
class MutatedBodiesTest extends ShopOverHttp {

    private static final int DEFAULT_FROM = 1;
    private static final int DEFAULT_TO = 20;
    /**
     * What a problem's detail must not show: exception and package names, stack frames, the parser's source, Java
     * names quoted in backticks as Jackson quotes them ({@code `StreamReadConstraints.getMaxNumberLength()`}), a
     * Java type's range named after it ({@code out of range of int}), a number quoted as the double Jackson read
     * ({@code 'Infinity'}) where the body has digits.
     */
    private static final Pattern JAVA_INTERNALS = Pattern.compile(
            "Exception|java\\.|javax\\.|jakarta\\.|com\\.fasterxml|org\\.springframework|at dev\\.|\\tat |\\[Source: |`[\\w.$]+(\\(\\))?`"
                    + "|out of range of (int|long|double)|'-?Infinity'");
    /** A reply that takes longer than this counts as none. */
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void shouldAnswerEverySlippedBodyWithAProblemOrSuccessAndLoseNothing() throws Exception {
        List<String> failures = new ArrayList<>();
        for (int seed = Integer.getInteger("bodies.from", DEFAULT_FROM); seed <= Integer.getInteger("bodies.to", DEFAULT_TO); seed++) {
            Fixture fixture = fixture(new Random(seed).nextBoolean());
            for (Endpoint endpoint : Endpoint.values()) {
                String body = JsonSlips.slipped(new Random(seed * 31L + endpoint.ordinal()), endpoint.validBody(fixture));
                failures.addAll(check(seed, endpoint, fixture, body));
            }
        }

        assertThat(failures).as("slipped bodies answered wrongly; rerun one seed with -Dbodies.from=N -Dbodies.to=N").isEmpty();
    }

    @Test
    void shouldAcceptEveryValidBodyTheSlipsStartFrom() throws Exception {
        for (boolean dated : new boolean[] {true, false}) {
            Fixture fixture = fixture(dated);

            for (Endpoint endpoint : Endpoint.values()) {
                HttpResponse<String> reply = postAsIs(endpoint.path(fixture), "valid-" + UUID.randomUUID(), endpoint.validBody(fixture));

                assertThat(reply.statusCode()).as(endpoint + ": " + reply.body()).isEqualTo(201);
            }
        }
    }

    /**
     * Posts the body under a key of its own and answers what is wrong with the reply, each
     * naming the seed, the endpoint and the body; none when it is right.
     */
    private List<String> check(int seed, Endpoint endpoint, Fixture fixture, String body) throws IOException, InterruptedException {
        String key = "slip-" + seed + "-" + endpoint.ordinal() + "-" + UUID.randomUUID();
        List<String> before = endpoint.state(this, fixture, key);
        HttpResponse<String> reply;
        try {
            reply = postAsIs(endpoint.path(fixture), key, body);
        } catch (HttpTimeoutException e) {
            return List.of(failure(seed, endpoint, body, "no reply within " + PATIENCE.toSeconds() + " s", null));
        }
        List<String> wrong = new ArrayList<>();
        int status = reply.statusCode();
        if (status / 100 == 4) {
            wrong.addAll(problemShape(reply, body));
            List<String> after = endpoint.state(this, fixture, key);
            if (!after.equals(before)) {
                wrong.add("the refusal changed the state:\n      before " + abbreviated(String.join("\n             ", before))
                        + "\n      after  " + abbreviated(String.join("\n             ", after)));
            }
        } else if (status / 100 != 2) {
            wrong.add("status " + status + ", neither a success nor a refusal");
        }
        return wrong.isEmpty() ? List.of() : List.of(failure(seed, endpoint, body, String.join("; ", wrong), reply));
    }

    /** What is wrong with a refusal's shape: its content type, type, status, detail and the field of the body it names. */
    private List<String> problemShape(HttpResponse<String> reply, String body) throws IOException {
        List<String> wrong = new ArrayList<>();
        String contentType = reply.headers().firstValue("Content-Type").orElse("");
        if (!contentType.startsWith("application/problem+json")) {
            wrong.add("Content-Type is '" + contentType + "', not application/problem+json");
        }
        JsonNode problem;
        try {
            problem = json.readTree(reply.body());
        } catch (IOException e) {
            wrong.add("the body is not JSON");
            return wrong;
        }
        if (problem == null || !problem.isObject()) {
            wrong.add("the body is not a JSON object");
            return wrong;
        }
        if (problem.path("type").asText().isBlank()) {
            wrong.add("no type");
        }
        if (problem.path("status").asInt() != reply.statusCode()) {
            wrong.add("status member " + problem.path("status") + " is not the reply's " + reply.statusCode());
        }
        String detail = problem.path("detail").asText();
        if (detail.isBlank()) {
            wrong.add("no detail");
        }
        Matcher internals = JAVA_INTERNALS.matcher(detail);
        if (internals.find()) {
            wrong.add("the detail shows Java internals ('" + internals.group() + "')");
        }
        if (problem.path("type").asText().endsWith(":invalid-input")) {
            String field = problem.path("field").asText();
            if (field.isBlank()) {
                wrong.add("an invalid-input problem naming no field");
            } else if (!isRequestField(field, body)) {
                wrong.add("the field '" + field + "' is no field of the request");
            }
        }
        return wrong;
    }

    /**
     * Whether the field ({@code lines[0].quantity}) is a field of a request, or a name the body has
     * as it is written in JSON (a misspelt field, refused as not a field of the request; an empty name
     * as {@code ""}), alone or in a line.
     */
    private boolean isRequestField(String field, String body) throws IOException {
        String name = field.replaceFirst("^lines\\[[0-9]+]\\.?", "");
        // a field named "" is named as written, "" with its quotes
        return name.isEmpty() || JsonSlips.FIELDS.contains(name) || body.contains(json.writeValueAsString(name))
                || name.equals("\"\"") && body.contains("\"\":");
    }

    private static String failure(int seed, Endpoint endpoint, String body, String wrong, HttpResponse<String> reply) {
        return "seed " + seed + ", " + endpoint + ": " + wrong
                + "\n    body:  " + abbreviated(body)
                + (reply == null ? "" : "\n    reply: " + reply.statusCode() + " " + abbreviated(reply.body()));
    }

    /** The text with each run of more than 16 of one character written as {@code <c x n>}, so a long value stays readable. */
    private static String abbreviated(String text) {
        return Pattern.compile("(.)\\1{16,}", Pattern.DOTALL).matcher(text)
                .replaceAll(run -> Matcher.quoteReplacement("<" + run.group(1) + " x " + run.group().length() + ">"));
    }

    /**
     * Posts the text as a JSON body under the key, whatever it holds, and answers the raw reply;
     * no reply within {@link #PATIENCE} throws {@link HttpTimeoutException}.
     */
    private HttpResponse<String> postAsIs(String path, String key, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri(path)).timeout(PATIENCE).header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The status and body of a read, as one line. */
    private String read(String path) throws IOException, InterruptedException {
        HttpResponse<String> reply = http.send(HttpRequest.newBuilder(uri(path)).timeout(PATIENCE).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return path + " " + reply.statusCode() + " " + reply.body();
    }

    /**
     * A member enrolled 100 days ago, with a win-back offer issued two hours ago and a purchase
     * an hour ago; a member id not enrolled yet; the valid bodies dated ten minutes ago, or not
     * dated, so dated by their key.
     */
    private Fixture fixture(boolean dated) throws IOException, InterruptedException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String member = enrolledDaysAgo(100);
        String offer = offerCode(member, now.minus(Duration.ofHours(2)));
        String purchaseKey = "order-" + member;
        HttpResponse<String> purchase = postAsIs("/members/" + member + "/purchases", purchaseKey,
                Endpoint.PURCHASE.validBody(new Fixture(member, null, null, null, ",\"occurredAt\":\"" + now.minus(Duration.ofHours(1)) + "\"")));
        assertThat(purchase.statusCode()).as(purchase.body()).isEqualTo(201);
        return new Fixture(member, newMember(), purchaseKey, offer, dated ? ",\"occurredAt\":\"" + now.minus(Duration.ofMinutes(10)) + "\"" : "");
    }

    /**
     * What the slipped bodies are posted about.
     *
     * @param member a member with points, a purchase and an offer
     * @param newMember a member id not enrolled
     * @param purchaseKey the key of the member's purchase
     * @param offerCode the member's offer
     * @param occurredAt the valid bodies' last field, {@code ,"occurredAt":"..."}, or nothing
     */
    private record Fixture(String member, String newMember, String purchaseKey, String offerCode, String occurredAt) {
    }

    /** The write endpoints, each with a valid body and the state a refusal must leave as it was. */
    private enum Endpoint {
        ENROLMENT("POST /members") {
            @Override
            String path(Fixture fixture) {
                return "/members";
            }

            @Override
            String validBody(Fixture fixture) {
                return "{\"memberId\":\"" + fixture.newMember() + "\",\"birthday\":\"1990-04-01\",\"zone\":\"Europe/Paris\",\"tier\":\"silver\","
                        + "\"channel\":\"web\"" + fixture.occurredAt() + "}";
            }

            @Override
            List<String> state(MutatedBodiesTest test, Fixture fixture, String key) throws IOException, InterruptedException {
                return List.of(test.read("/members/" + fixture.newMember()), test.read("/events/" + key));
            }
        },
        PURCHASE("POST /members/{member}/purchases") {
            @Override
            String path(Fixture fixture) {
                return "/members/" + fixture.member() + "/purchases";
            }

            @Override
            String validBody(Fixture fixture) {
                return "{\"lines\":[{\"sku\":\"85123A\",\"category\":\"home\",\"quantity\":2,\"unitPrice\":2.95},"
                        + "{\"sku\":\"GARDEN-1\",\"category\":\"garden\",\"quantity\":1,\"unitPrice\":\"12.50\"}],"
                        + "\"currency\":\"GBP\",\"channel\":\"web\",\"store\":\"LDN-1\"" + fixture.occurredAt() + "}";
            }
        },
        RETURN("POST /members/{member}/returns") {
            @Override
            String path(Fixture fixture) {
                return "/members/" + fixture.member() + "/returns";
            }

            @Override
            String validBody(Fixture fixture) {
                return "{\"purchaseId\":\"" + fixture.purchaseKey() + "\",\"amount\":\"2.95\",\"currency\":\"GBP\"" + fixture.occurredAt() + "}";
            }
        },
        REDEMPTION("POST /members/{member}/redemptions") {
            @Override
            String path(Fixture fixture) {
                return "/members/" + fixture.member() + "/redemptions";
            }

            @Override
            String validBody(Fixture fixture) {
                return "{\"reward\":\"VOUCHER-1\",\"points\":10,\"value\":1.00,\"currency\":\"GBP\"" + fixture.occurredAt() + "}";
            }
        },
        OFFER_REDEMPTION("POST /members/{member}/offers/{code}/redemptions") {
            @Override
            String path(Fixture fixture) {
                return "/members/" + fixture.member() + "/offers/" + fixture.offerCode() + "/redemptions";
            }

            @Override
            String validBody(Fixture fixture) {
                return "{" + fixture.occurredAt().replaceFirst("^,", "") + "}";
            }
        };

        private final String name;

        Endpoint(String name) {
            this.name = name;
        }

        abstract String path(Fixture fixture);

        abstract String validBody(Fixture fixture);

        /** The member's summary, statement and offers, and the event under the key (none before the post). */
        List<String> state(MutatedBodiesTest test, Fixture fixture, String key) throws IOException, InterruptedException {
            String member = "/members/" + fixture.member();
            return List.of(test.read(member), test.read(member + "/statement"), test.read(member + "/offers"), test.read("/events/" + key));
        }

        @Override
        public String toString() {
            return name;
        }
    }

}
