package dev.loyalty.examples.shop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * A body larger than the documented limit, 256 KiB, is refused with a 413 problem naming the
 * limit, whether its {@code Content-Length} says so or it is sent in chunks, and nothing is
 * recorded. The database plays no part: H2, as the shop's default.
 */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:shop-test;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE")
class BodySizeLimitTest extends ShopOverHttp {

    /** The largest body the shop reads, as its README documents it. */
    private static final long MAX_BYTES = 256 * 1024;

    /** A purchase whose SKU alone is 3 MiB long. */
    private static String hugePurchase() {
        return "{\"lines\":[{\"sku\":\"" + "x".repeat(3 * 1024 * 1024) + "\",\"category\":\"home\",\"quantity\":2,\"unitPrice\":2.95}]}";
    }

    @Test
    void shouldAnswerPayloadTooLargeWhenTheContentLengthIsOverTheLimit() throws Exception {
        String member = enrolled();
        int entries = statementLines(member);

        Reply reply = post("/members/" + member + "/purchases", "big-" + member, hugePurchase());

        assertBodyTooLarge(reply, MAX_BYTES);
        assertThat(reply.body().get("detail").asText()).contains(Long.toString(MAX_BYTES));
        assertThat(statementLines(member)).isEqualTo(entries);
    }

    @Test
    void shouldAnswerPayloadTooLargeWhenAChunkedBodyGoesOverTheLimit() throws Exception {
        String member = enrolled();
        int entries = statementLines(member);

        Reply reply = postChunked("/members/" + member + "/purchases", hugePurchase());

        assertBodyTooLarge(reply, MAX_BYTES);
        assertThat(statementLines(member)).isEqualTo(entries);
    }

    @Test
    void shouldAcceptAChunkedBodyUnderTheLimit() throws Exception {
        String member = enrolled();

        Reply reply = postChunked("/members/" + member + "/purchases", "{\"lines\":[{\"sku\":\"85123A\",\"category\":\"home\",\"quantity\":2,\"unitPrice\":2.95}]}");

        assertThat(reply.status()).as(reply.response().body()).isEqualTo(201);
    }
}
