package dev.loyalty.examples.shop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The shop started on a random local port, and the JDK's HTTP client to drive it with; subclasses
 * give it a database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ShopOverHttp {

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    private ObjectMapper json;

    @LocalServerPort
    private int port;

    /** An answer: its status, the response and its JSON body (null when empty). */
    record Reply(int status, HttpResponse<String> response, JsonNode body) {
        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        String contentType() {
            return header("Content-Type");
        }
    }

    /** Asserts a problem response of this status and type, with a detail. */
    void assertProblem(Reply reply, int status, String type) {
        assertThat(reply.status()).as(reply.response().body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.body().get("type").asText()).isEqualTo(type);
        assertThat(reply.body().get("status").asInt()).isEqualTo(status);
        assertThat(reply.body().get("detail").asText()).isNotBlank();
    }

    /** Asserts the 400 invalid-input problem naming the request's field. */
    void assertInvalidField(Reply reply, String field) {
        assertProblem(reply, 400, "urn:loyalty:problem:invalid-input");
        assertThat(reply.body().get("field").asText()).isEqualTo(field);
    }

    /** Asserts the 413 problem of a body over the limit, naming the limit in bytes. */
    void assertBodyTooLarge(Reply reply, long maxBytes) {
        assertProblem(reply, 413, "urn:loyalty:problem:body-too-large");
        assertThat(reply.body().get("maxBytes").asLong()).isEqualTo(maxBytes);
    }

    /** A member id no test used before. */
    static String newMember() {
        return "m-" + UUID.randomUUID();
    }

    /** A member enrolled now under a key of its own. */
    String enrolled() throws IOException, InterruptedException {
        String member = newMember();
        assertThat(post("/members", "enrol-" + member, "{\"memberId\":\"" + member + "\"}").status()).isEqualTo(201);
        return member;
    }

    /** A member enrolled that many days ago, so dormant since then. */
    String enrolledDaysAgo(int days) throws IOException, InterruptedException {
        String member = newMember();
        Instant at = Instant.now().minus(Duration.ofDays(days));
        assertThat(post("/members", "enrol-" + member, "{\"memberId\":\"" + member + "\",\"occurredAt\":\"" + at + "\"}").status()).isEqualTo(201);
        return member;
    }

    /** Sweeps this member alone: the range from its id to the next id with it as a prefix. */
    Reply sweep(String member, Instant asOf) throws IOException, InterruptedException {
        return post("/sweeps", null, "{\"asOf\":\"" + asOf + "\",\"from\":\"" + member + "\",\"to\":\"" + member + "~\"}");
    }

    /** Sweeps the member at an instant and answers the code of the one offer it issued. */
    String offerCode(String member, Instant asOf) throws IOException, InterruptedException {
        assertThat(sweep(member, asOf).body().get("offersIssued").asLong()).isEqualTo(1);
        return get("/members/" + member + "/offers").body().get(0).get("code").asText();
    }

    /** The member's balance. */
    long balance(String member) throws IOException, InterruptedException {
        return get("/members/" + member).body().at("/points/balance").asLong();
    }

    /** How many lines the member's statement has. */
    int statementLines(String member) throws IOException, InterruptedException {
        return get("/members/" + member + "/statement").body().get("lines").size();
    }

    /** Posts a JSON body, or none when null, with an {@code Idempotency-Key} unless it is null. */
    Reply post(String path, String key, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return send(request.build());
    }

    /** Posts a JSON body chunked: of unknown length, with no {@code Content-Length} for the server to check first. */
    Reply postChunked(String path, String body) throws IOException, InterruptedException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))).build());
    }

    /** Gets the path. */
    Reply get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    /** Sends the request and reads the JSON it answers. */
    Reply send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response, response.body().isEmpty() ? null : json.readTree(response.body()));
    }

    /** The path on the shop's port; sent as written, percent-escapes included. */
    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
