package dev.loyalty.examples.shop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * A body sent with a {@code Content-Encoding} other than {@code identity} is refused with a 415
 * problem naming the encoding, and nothing is recorded: the shop reads plain JSON only. The
 * database plays no part: H2, as the shop's default.
 */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:shop-test;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE")
class ContentEncodingTest extends ShopOverHttp {

    private Reply enrol(String member, String encoding, byte[] body) throws Exception {
        return send(HttpRequest.newBuilder(uri("/members")).header("Content-Type", "application/json")
                .header("Content-Encoding", encoding).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    @Test
    void shouldAnswerUnsupportedMediaTypeNamingGzipWhenTheBodyIsGzipped() throws Exception {
        String member = newMember();
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write(("{\"memberId\":\"" + member + "\"}").getBytes(StandardCharsets.UTF_8));
        }

        Reply reply = enrol(member, "gzip", zipped.toByteArray());

        assertProblem(reply, 415, "urn:loyalty:problem:unsupported-content-encoding");
        assertThat(reply.body().get("detail").asText()).contains("gzip");
        assertThat(reply.body().get("contentEncoding").asText()).isEqualTo("gzip");
        assertProblem(get("/members/" + member), 404, "urn:loyalty:problem:unknown-member");
    }

    @Test
    void shouldNotEnrolWhenAPlainBodyIsLabelledWithAnEncoding() throws Exception {
        String member = newMember();

        Reply reply = enrol(member, "br", ("{\"memberId\":\"" + member + "\"}").getBytes(StandardCharsets.UTF_8));

        assertProblem(reply, 415, "urn:loyalty:problem:unsupported-content-encoding");
        assertThat(reply.body().get("detail").asText()).contains("br");
        assertProblem(get("/members/" + member), 404, "urn:loyalty:problem:unknown-member");
    }

    @Test
    void shouldEnrolWhenTheEncodingIsIdentity() throws Exception {
        String member = newMember();

        Reply reply = enrol(member, "identity", ("{\"memberId\":\"" + member + "\"}").getBytes(StandardCharsets.UTF_8));

        assertThat(reply.status()).as(reply.response().body()).isEqualTo(201);
    }
}
