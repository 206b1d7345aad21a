package dev.loyalty.examples.shop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Counts ({@code quantity}, {@code points}) are JSON numbers: text holding digits is refused
 * with a 400 naming the field, nothing recorded. Money amounts may be numbers or text holding a
 * decimal, as documented. The database plays no part: H2, as the shop's default.
 */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:shop-test;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE")
class NumbersAsTextTest extends ShopOverHttp {

    private Reply purchase(String member, String quantity) throws Exception {
        return post("/members/" + member + "/purchases", null,
                "{\"lines\":[{\"sku\":\"85123A\",\"category\":\"home\",\"quantity\":" + quantity + ",\"unitPrice\":2.95}]}");
    }

    private void assertQuantityRefused(String quantity) throws Exception {
        String member = enrolled();
        int entries = statementLines(member);

        Reply reply = purchase(member, quantity);

        assertProblem(reply, 400, "urn:loyalty:problem:invalid-input");
        assertThat(reply.body().get("field").asText()).isEqualTo("lines[0].quantity");
        assertThat(reply.body().get("detail").asText()).contains("'" + quantity.replace("\"", "") + "'").contains("whole number");
        assertThat(statementLines(member)).isEqualTo(entries);
    }

    @Test
    void shouldAnswerABadRequestNamingTheFieldWhenAQuantityIsText() throws Exception {
        assertQuantityRefused("\"2\"");
    }

    @Test
    void shouldAnswerABadRequestNamingTheFieldWhenAQuantityIsTextWithSpaces() throws Exception {
        assertQuantityRefused("\" 2 \"");
    }

    @Test
    void shouldAnswerABadRequestNamingTheFieldWhenAQuantityIsTextWithAPlusSign() throws Exception {
        assertQuantityRefused("\"+2\"");
    }

    @Test
    void shouldAnswerABadRequestNamingTheFieldWhenPointsAreText() throws Exception {
        String member = enrolled();
        int entries = statementLines(member);

        Reply reply = post("/members/" + member + "/redemptions", null, "{\"reward\":\"VOUCHER-5\",\"points\":\"1\"}");

        assertProblem(reply, 400, "urn:loyalty:problem:invalid-input");
        assertThat(reply.body().get("field").asText()).isEqualTo("points");
        assertThat(statementLines(member)).isEqualTo(entries);
    }

    @Test
    void shouldAcceptAUnitPriceWrittenAsText() throws Exception {
        String member = enrolled();

        Reply reply = post("/members/" + member + "/purchases", null,
                "{\"lines\":[{\"sku\":\"85123A\",\"category\":\"home\",\"quantity\":2,\"unitPrice\":\"2.95\"}]}");

        assertThat(reply.status()).as(reply.response().body()).isEqualTo(201);
    }
}
