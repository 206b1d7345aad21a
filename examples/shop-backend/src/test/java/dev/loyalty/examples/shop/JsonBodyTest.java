package dev.loyalty.examples.shop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Bodies that are JSON only in part, or hold values no field can take as meant: refused with a
 * 400 problem naming the field, nothing recorded. The database plays no part: H2, as the shop's default.
 */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:shop-test;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE")
class JsonBodyTest extends ShopOverHttp {

    private static final String LINE = "{\"sku\":\"85123A\",\"category\":\"home\",\"quantity\":2,\"unitPrice\":2.95}";

    @Test
    void shouldAnswerABadRequestNamingTheFieldWhenOccurredAtIsANumber() throws Exception {
        String member = enrolled();
        int entries = statementLines(member);

        Reply reply = post("/members/" + member + "/purchases", "bad-" + member, "{\"lines\":[" + LINE + "],\"occurredAt\":1e400}");

        assertInvalidField(reply, "occurredAt");
        assertThat(statementLines(member)).isEqualTo(entries);
    }

    @Test
    void shouldAnswerABadRequestNamingTheFieldWhenOccurredAtIsTextOfDigits() throws Exception {
        Reply reply = post("/members", null, "{\"memberId\":\"" + newMember() + "\",\"occurredAt\":\"99999999999999999999.5\"}");

        assertInvalidField(reply, "occurredAt");
        assertThat(reply.body().get("detail").asText()).contains("99999999999999999999.5").contains("ISO date-time");
    }

    @Test
    void shouldAnswerABadRequestWhenTheBodyGoesOnAfterItsObject() throws Exception {
        String member = enrolled();
        int entries = statementLines(member);

        Reply reply = post("/members/" + member + "/purchases", "bad-" + member, "{\"lines\":[" + LINE + "]} {\"lines\":[]}");

        assertThat(reply.status()).as(reply.response().body()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(statementLines(member)).isEqualTo(entries);
    }

    @Test
    void shouldAnswerABadRequestNamingTheFieldWhenTheBodyNamesAFieldTwice() throws Exception {
        String member = enrolled();
        int entries = statementLines(member);

        Reply reply = post("/members/" + member + "/purchases", "bad-" + member,
                "{\"lines\":[{\"sku\":\"A\",\"category\":\"home\",\"quantity\":2,\"quantity\":20,\"unitPrice\":2.95}]}");

        assertThat(reply.status()).as(reply.response().body()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.body().get("detail").asText()).contains("quantity");
        assertThat(statementLines(member)).isEqualTo(entries);
    }

    @Test
    void shouldNameTheLinesFieldWhenTheEngineRefusesALinesQuantity() throws Exception {
        String member = enrolled();

        Reply reply = post("/members/" + member + "/purchases", null, "{\"lines\":[" + LINE + "," + LINE.replace("\"quantity\":2", "\"quantity\":-1") + "]}");

        assertInvalidField(reply, "lines[1].quantity");
    }

    @Test
    void shouldNameTheLinesFieldWhenAUnitPriceIsTooLarge() throws Exception {
        String member = enrolled();

        Reply reply = post("/members/" + member + "/purchases", null, "{\"lines\":[" + LINE.replace("2.95", "1e400") + "]}");

        assertInvalidField(reply, "lines[0].unitPrice");
    }

    @Test
    void shouldNameTheAmountFieldWhenTheEngineRefusesAReturnsAmount() throws Exception {
        String member = enrolled();
        int entries = statementLines(member);

        Reply reply = post("/members/" + member + "/returns", "bad-" + member, "{\"amount\":-5}");

        assertInvalidField(reply, "amount");
        assertThat(reply.body().get("detail").asText()).startsWith("amount ");
        assertThat(statementLines(member)).isEqualTo(entries);
    }

    @Test
    void shouldNameTheValueFieldWhenTheEngineRefusesARedemptionsValue() throws Exception {
        String member = enrolled();
        int entries = statementLines(member);

        Reply reply = post("/members/" + member + "/redemptions", "bad-" + member, "{\"reward\":\"VOUCHER-5\",\"points\":5,\"value\":-1}");

        assertInvalidField(reply, "value");
        assertThat(statementLines(member)).isEqualTo(entries);
    }

    @Test
    void shouldNameTheCurrencyFieldWhenAReturnsCurrencyIsNotTheProgramsOne() throws Exception {
        String member = enrolled();
        int entries = statementLines(member);

        Reply reply = post("/members/" + member + "/returns", "bad-" + member, "{\"amount\":5,\"currency\":\"EUR\"}");

        assertInvalidField(reply, "currency");
        assertThat(reply.body().get("detail").asText()).isEqualTo("currency is in EUR but GBP is required");
        assertThat(statementLines(member)).isEqualTo(entries);
    }

    @Test
    void shouldNameTheCurrencyFieldWhenAPurchasesCurrencyIsNotTheProgramsOne() throws Exception {
        String member = enrolled();
        int entries = statementLines(member);

        Reply reply = post("/members/" + member + "/purchases", "bad-" + member, "{\"lines\":[" + LINE + "],\"currency\":\"USD\"}");

        assertInvalidField(reply, "currency");
        assertThat(statementLines(member)).isEqualTo(entries);
    }

    @Test
    void shouldAnswerABadRequestSayingAnObjectIsExpectedWhenTheBodyIsAnArray() throws Exception {
        String member = enrolled();
        int entries = statementLines(member);

        Reply reply = post("/members/" + member + "/purchases", "bad-" + member, "[" + LINE + "]");

        assertThat(reply.status()).as(reply.response().body()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.body().get("detail").asText()).contains("array").contains("expected a JSON object");
        assertThat(statementLines(member)).isEqualTo(entries);
    }

    @Test
    void shouldAnswerABadRequestSayingTheBodyIsMissingWhenThereIsNone() throws Exception {
        String member = enrolled();
        int entries = statementLines(member);

        Reply reply = post("/members/" + member + "/purchases", "bad-" + member, null);

        assertThat(reply.status()).as(reply.response().body()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.body().get("detail").asText()).contains("body is missing");
        assertThat(statementLines(member)).isEqualTo(entries);
    }

    @Test
    void shouldGiveThePlaceInTheDetailWhenTheBodyGoesOnAfterItsObject() throws Exception {
        String member = enrolled();

        Reply reply = post("/members/" + member + "/purchases", "bad-" + member, "{\"lines\":[" + LINE + "]} {\"lines\":[]}");

        assertThat(reply.status()).as(reply.response().body()).isEqualTo(400);
        assertThat(reply.body().get("detail").asText()).startsWith("the body is not valid JSON: ").contains("Trailing token")
                .contains("(line 1, column ");
    }

    @Test
    void shouldAnswerABadRequestNamingTheFieldWhenAMemberIdIsABoolean() throws Exception {
        Reply reply = post("/members", null, "{\"memberId\":true}");

        assertInvalidField(reply, "memberId");
        assertThat(get("/members/true").status()).isEqualTo(404);
    }

    @Test
    void shouldAnswerABadRequestNamingTheFieldWhenASkuIsANumber() throws Exception {
        String member = enrolled();
        int entries = statementLines(member);

        Reply reply = post("/members/" + member + "/purchases", "bad-" + member, "{\"lines\":[" + LINE.replace("\"85123A\"", "85123") + "]}");

        assertInvalidField(reply, "lines[0].sku");
        assertThat(statementLines(member)).isEqualTo(entries);
    }

    @Test
    void shouldAnswerABadRequestNamingTheFieldWhenAStoreIsADecimalNumber() throws Exception {
        String member = enrolled();
        int entries = statementLines(member);

        Reply reply = post("/members/" + member + "/purchases", "bad-" + member, "{\"lines\":[" + LINE + "],\"store\":1.5}");

        assertInvalidField(reply, "store");
        assertThat(statementLines(member)).isEqualTo(entries);
    }

    @Test
    void shouldAnswerABadRequestNamingTheFieldWhenABirthdayIsANumber() throws Exception {
        String member = newMember();

        Reply reply = post("/members", null, "{\"memberId\":\"" + member + "\",\"birthday\":7000}");

        assertInvalidField(reply, "birthday");
        assertProblem(get("/members/" + member), 404, "urn:loyalty:problem:unknown-member");
    }

    @Test
    void shouldNameTheFromFieldWhenASweepsFromIsBlank() throws Exception {
        Reply reply = post("/sweeps", null, "{\"from\":\" \"}");

        assertInvalidField(reply, "from");
    }

    @Test
    void shouldNameThePurchaseIdFieldWhenAReturnsPurchaseIdIsTooLong() throws Exception {
        String member = enrolled();
        int entries = statementLines(member);

        Reply reply = post("/members/" + member + "/returns", null, "{\"purchaseId\":\"" + "p".repeat(200) + "\",\"amount\":1}");

        assertInvalidField(reply, "purchaseId");
        assertThat(statementLines(member)).isEqualTo(entries);
    }
}
