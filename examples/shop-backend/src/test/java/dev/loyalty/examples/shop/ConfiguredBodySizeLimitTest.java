package dev.loyalty.examples.shop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The body limit is {@code loyalty.request-body-limit}: set to 1 KiB, a purchase of 2 KiB, which
 * the default limit lets through, is refused with a 413 problem naming the configured limit,
 * whether its {@code Content-Length} says so or it is sent in chunks, and nothing is recorded.
 * The database plays no part: H2, as the shop's default.
 */
@TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:mem:shop-test;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
        "loyalty.request-body-limit=1KB"})
class ConfiguredBodySizeLimitTest extends ShopOverHttp {

    /** The configured limit, 1 KiB. */
    private static final long MAX_BYTES = 1024;

    /** A purchase of 40 lines: over 2 KiB, far under the default limit. */
    private static String purchaseOverTheLimit() {
        String lines = IntStream.range(0, 40).mapToObj(i -> "{\"sku\":\"85123A\",\"category\":\"home\",\"quantity\":1,\"unitPrice\":2.95}")
                .collect(Collectors.joining(","));
        String body = "{\"lines\":[" + lines + "]}";
        assertThat(body.length()).isGreaterThan(2 * 1024);
        return body;
    }

    @Test
    void shouldAnswerPayloadTooLargeWhenTheContentLengthIsOverTheConfiguredLimit() throws Exception {
        String member = enrolled();
        int entries = statementLines(member);

        Reply reply = post("/members/" + member + "/purchases", "big-" + member, purchaseOverTheLimit());

        assertBodyTooLarge(reply, MAX_BYTES);
        assertThat(reply.body().get("detail").asText()).contains(Long.toString(MAX_BYTES));
        assertThat(statementLines(member)).isEqualTo(entries);
        assertThat(get("/events/big-" + member).status()).isEqualTo(404);
    }

    @Test
    void shouldAnswerPayloadTooLargeWhenAChunkedBodyGoesOverTheConfiguredLimit() throws Exception {
        String member = enrolled();
        int entries = statementLines(member);
        Reply reply = postChunked("/members/" + member + "/purchases", purchaseOverTheLimit());

        assertBodyTooLarge(reply, MAX_BYTES);
        assertThat(statementLines(member)).isEqualTo(entries);
    }

    @Test
    void shouldAcceptABodyUnderTheConfiguredLimit() throws Exception {
        String member = enrolled();

        Reply reply = post("/members/" + member + "/purchases", null,
                "{\"lines\":[{\"sku\":\"85123A\",\"category\":\"home\",\"quantity\":2,\"unitPrice\":2.95}]}");

        assertThat(reply.status()).as(reply.response().body()).isEqualTo(201);
    }
}
