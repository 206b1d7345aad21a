package dev.loyalty.examples.shop;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * An {@code Idempotency-Key} header sent more than once names no one event: refused with a 400
 * problem naming the header, nothing recorded under either key or both. The database plays no
 * part: H2, as the shop's default.
 */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:shop-test;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE")
class IdempotencyKeyHeaderTest extends ShopOverHttp {

    @Test
    void shouldAnswerABadRequestNamingTheHeaderWhenTwoIdempotencyKeysAreSent() throws Exception {
        String member = enrolled();
        int entries = statementLines(member);

        Reply reply = send(HttpRequest.newBuilder(uri("/members/" + member + "/purchases")).header("Content-Type", "application/json")
                .header("Idempotency-Key", "a-" + member).header("Idempotency-Key", "b-" + member)
                .POST(HttpRequest.BodyPublishers.ofString("{\"lines\":[{\"sku\":\"A\",\"category\":\"home\",\"quantity\":1,\"unitPrice\":5}]}"))
                .build());

        assertInvalidField(reply, "Idempotency-Key");
        assertThat(statementLines(member)).isEqualTo(entries);
    }
}
