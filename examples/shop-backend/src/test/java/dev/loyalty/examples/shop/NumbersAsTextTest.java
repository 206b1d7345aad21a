package dev.loyalty.examples.shop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.context.TestPropertySource;

/**
 * Counts ({@code quantity}, {@code points}) are JSON numbers: text holding digits is refused
 * with a 400 naming the field, nothing recorded. Money amounts may be numbers or text holding a
 * plain decimal ({@code "2.95"}), as documented; any other text (spaces, a sign, an exponent) is
 * refused the same way. The database plays no part: H2, as the shop's default.
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

        assertInvalidField(reply, "lines[0].quantity");
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

        assertInvalidField(reply, "points");
        assertThat(statementLines(member)).isEqualTo(entries);
    }

    @Test
    void shouldAcceptAUnitPriceWrittenAsText() throws Exception {
        String member = enrolled();

        Reply reply = post("/members/" + member + "/purchases", null,
                "{\"lines\":[{\"sku\":\"85123A\",\"category\":\"home\",\"quantity\":2,\"unitPrice\":\"2.95\"}]}");

        assertThat(reply.status()).as(reply.response().body()).isEqualTo(201);
    }

    /** Asserts an invalid-input problem naming the field and quoting the amount's text, and no event under the key. */
    private void assertAmountRefused(Reply reply, String field, String text, String member, int entries, String key) throws Exception {
        assertInvalidField(reply, field);
        assertThat(reply.body().get("detail").asText()).contains("'" + text + "'").contains("decimal");
        assertThat(statementLines(member)).isEqualTo(entries);
        assertThat(get("/events/" + key).status()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {" 2.95 ", "2.95 ", "+2.95", "-2.95", "2.95e0", "1E+2", "2,95", "2.", ".95", "", "\u0662.\u0669\u0665"})
    void shouldAnswerABadRequestNamingTheFieldWhenAUnitPriceIsTextOtherThanAPlainDecimal(String text) throws Exception {
        String member = enrolled();
        int entries = statementLines(member);
        String key = "price-" + member;

        Reply reply = post("/members/" + member + "/purchases", key,
                "{\"lines\":[{\"sku\":\"85123A\",\"category\":\"home\",\"quantity\":2,\"unitPrice\":\"" + text + "\"}]}");

        assertAmountRefused(reply, "lines[0].unitPrice", text, member, entries, key);
    }

    @ParameterizedTest
    @ValueSource(strings = {" 5.00", "+5.00"})
    void shouldAnswerABadRequestNamingTheFieldWhenAReturnAmountIsTextOtherThanAPlainDecimal(String text) throws Exception {
        String member = enrolled();
        int entries = statementLines(member);
        String key = "return-" + member;

        Reply reply = post("/members/" + member + "/returns", key, "{\"amount\":\"" + text + "\"}");

        assertAmountRefused(reply, "amount", text, member, entries, key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.00 ", "+1.00"})
    void shouldAnswerABadRequestNamingTheFieldWhenARedemptionValueIsTextOtherThanAPlainDecimal(String text) throws Exception {
        String member = enrolled();
        int entries = statementLines(member);
        String key = "redeem-" + member;

        Reply reply = post("/members/" + member + "/redemptions", key, "{\"reward\":\"VOUCHER-1\",\"points\":10,\"value\":\"" + text + "\"}");

        assertAmountRefused(reply, "value", text, member, entries, key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"3\"", "\"0.5\"", "\"007.50\"", "2.95", "2.95e0", "1E+2"})
    void shouldAcceptAUnitPriceWrittenAsAPlainDecimalOrAJsonNumber(String unitPrice) throws Exception {
        String member = enrolled();

        Reply reply = post("/members/" + member + "/purchases", null,
                "{\"lines\":[{\"sku\":\"85123A\",\"category\":\"home\",\"quantity\":2,\"unitPrice\":" + unitPrice + "}]}");

        assertThat(reply.status()).as(reply.response().body()).isEqualTo(201);
    }
}
