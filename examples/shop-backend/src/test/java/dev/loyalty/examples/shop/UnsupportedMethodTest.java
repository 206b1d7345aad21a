package dev.loyalty.examples.shop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Methods no endpoint takes are answered with a 405 problem naming the method, and change
 * nothing; on a path no endpoint has, any method, {@code TRACE} included, is answered with the
 * 404 problem of an unknown path. The database plays no part: H2, as the shop's default.
 */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:shop-test;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE")
class UnsupportedMethodTest extends ShopOverHttp {

    @Test
    void shouldAnswerAMethodNotAllowedProblemToATraceWithoutEchoingTheRequest() throws Exception {
        String member = enrolled();

        Reply reply = send(HttpRequest.newBuilder(uri("/members/" + member)).header("X-Secret", "s3cret")
                .method("TRACE", HttpRequest.BodyPublishers.noBody()).build());

        assertThat(reply.status()).as(reply.response().body()).isEqualTo(405);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.body().get("status").asInt()).isEqualTo(405);
        assertThat(reply.body().get("detail").asText()).contains("TRACE");
        assertThat(reply.response().body()).doesNotContain("s3cret");
    }

    @Test
    void shouldAnswerAMethodNotAllowedProblemToADeleteAndKeepTheMember() throws Exception {
        String member = enrolled();

        Reply reply = send(HttpRequest.newBuilder(uri("/members/" + member)).DELETE().build());

        assertThat(reply.status()).as(reply.response().body()).isEqualTo(405);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.body().get("detail").asText()).contains("DELETE");
        assertThat(get("/members/" + member).status()).isEqualTo(200);
    }

    @Test
    void shouldAllowTheMethodsOfTheMemberPathWhenRefusingATrace() throws Exception {
        String member = enrolled();

        assertThat(allowed("TRACE", "/members/" + member)).isEqualTo(allowed("DELETE", "/members/" + member)).contains("GET")
                .doesNotContain("POST");
    }

    @Test
    void shouldAllowTheMethodsOfTheSweepsPathWhenRefusingATrace() throws Exception {
        assertThat(allowed("TRACE", "/sweeps")).isEqualTo(allowed("DELETE", "/sweeps")).contains("POST").doesNotContain("GET");
    }

    @Test
    void shouldAnswerTheNotFoundProblemOfAnUnknownPathToATraceOnIt() throws Exception {
        Reply unknown = send(HttpRequest.newBuilder(uri("/nowhere")).DELETE().build());

        Reply reply = send(HttpRequest.newBuilder(uri("/nowhere")).header("X-Secret", "s3cret")
                .method("TRACE", HttpRequest.BodyPublishers.noBody()).build());

        assertThat(unknown.status()).as(unknown.response().body()).isEqualTo(404);
        assertThat(reply.status()).as(reply.response().body()).isEqualTo(404);
        assertThat(reply.contentType()).isEqualTo(unknown.contentType());
        assertThat(reply.header("Allow")).isNull();
        assertThat(reply.body().get("detail").asText()).isEqualTo(unknown.body().get("detail").asText().replace("DELETE", "TRACE"));
        assertThat(withoutDetail(reply)).isEqualTo(withoutDetail(unknown));
        assertThat(reply.response().body()).doesNotContain("s3cret");
    }

    /** The problem's members but its detail, as text. */
    private static String withoutDetail(Reply reply) {
        return ((ObjectNode) reply.body().deepCopy()).without("detail").toString();
    }

    /** The methods a 405 to this method on the path allows, from its {@code Allow} header. */
    private Set<String> allowed(String method, String path) throws Exception {
        Reply reply = send(HttpRequest.newBuilder(uri(path)).method(method, HttpRequest.BodyPublishers.noBody()).build());
        assertThat(reply.status()).as(reply.response().body()).isEqualTo(405);
        return Arrays.stream(reply.header("Allow").split(",")).map(String::strip).collect(Collectors.toSet());
    }
}
