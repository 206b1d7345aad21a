package dev.loyalty.examples.shop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Values the engine refuses are named by the request's field, as a client sent them, not by
 * the engine's name for the event's field ({@code purchase.occurredAt}); nothing is recorded.
 * The database plays no part: H2, as the shop's default.
 */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:shop-test;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE")
class RequestFieldNamesTest extends ShopOverHttp {

    private static final String LINE = "{\"sku\":\"85123A\",\"category\":\"home\",\"quantity\":2,\"unitPrice\":2.95}";

    @Test
    void shouldNameTheOccurredAtFieldWhenAPurchaseIsDatedInTheFuture() throws Exception {
        String member = enrolled();
        int entries = statementLines(member);

        Reply reply = post("/members/" + member + "/purchases", "bad-" + member,
                "{\"lines\":[" + LINE + "],\"occurredAt\":\"2999-01-01T00:00:00Z\"}");

        assertInvalidField(reply, "occurredAt");
        assertThat(reply.body().get("detail").asText()).startsWith("occurredAt 2999-01-01T00:00:00Z is in the future");
        assertThat(statementLines(member)).isEqualTo(entries);
    }

    @Test
    void shouldNameThePointsFieldWhenARedemptionSpendsNoPoints() throws Exception {
        String member = enrolled();
        int entries = statementLines(member);

        Reply reply = post("/members/" + member + "/redemptions", "bad-" + member, "{\"reward\":\"VOUCHER-5\",\"points\":0}");

        assertInvalidField(reply, "points");
        assertThat(statementLines(member)).isEqualTo(entries);
    }

    @Test
    void shouldNameTheTierFieldWhenAnEnrolmentsTierIsNotTheProgramsOne() throws Exception {
        String member = newMember();

        Reply reply = post("/members", null, "{\"memberId\":\"" + member + "\",\"tier\":\"platinum\"}");

        assertInvalidField(reply, "tier");
        assertProblem(get("/members/" + member), 404, "urn:loyalty:problem:unknown-member");
    }

    @Test
    void shouldNameTheOccurredAtFieldWhenAnOfferRedemptionIsDatedInTheFuture() throws Exception {
        String member = enrolled();

        Reply reply = post("/members/" + member + "/offers/ANY/redemptions", null, "{\"occurredAt\":\"2999-01-01T00:00:00Z\"}");

        assertInvalidField(reply, "occurredAt");
    }

    @Test
    void shouldNameTheCodeInThePathWhenAnOfferCodeIsTooLong() throws Exception {
        String member = enrolled();
        int entries = statementLines(member);

        Reply reply = post("/members/" + member + "/offers/" + "o".repeat(200) + "/redemptions", null, null);

        assertInvalidField(reply, "code");
        assertThat(statementLines(member)).isEqualTo(entries);
    }

    @Test
    void shouldNameTheToFieldWhenASweepsRangeIsEmpty() throws Exception {
        Reply reply = post("/sweeps", null, "{\"from\":\"b\",\"to\":\"a\"}");

        assertInvalidField(reply, "to");
        assertThat(reply.body().get("detail").asText()).startsWith("to ").contains("'a'").contains("'b'");
    }

    @Test
    void shouldNameTheAsOfFieldWhenASweepIsDatedBeforeTheAcceptedRange() throws Exception {
        Reply reply = post("/sweeps", null, "{\"asOf\":\"1800-01-01T00:00:00Z\",\"from\":\"a\",\"to\":\"b\"}");

        assertInvalidField(reply, "asOf");
        assertThat(reply.body().get("detail").asText()).startsWith("asOf 1800-01-01T00:00:00Z ");
    }

    @Test
    void shouldNameTheLinesFieldWhenAPurchasesTotalExceedsTheProgramsLimit() throws Exception {
        String member = enrolled();
        int entries = statementLines(member);

        Reply reply = post("/members/" + member + "/purchases", "big-" + member,
                "{\"lines\":[{\"sku\":\"85123A\",\"category\":\"home\",\"quantity\":1000000,\"unitPrice\":2.95}]}");

        assertInvalidField(reply, "lines");
        assertThat(reply.body().get("detail").asText()).contains("2950000.00").contains("big-" + member).contains("exceeds the program's limit");
        assertThat(statementLines(member)).isEqualTo(entries);
    }

    @Test
    void shouldNameTheCurrencyFieldWhenARedemptionWithoutAValueNamesAnotherCurrency() throws Exception {
        String member = enrolled();
        int entries = statementLines(member);

        Reply reply = post("/members/" + member + "/redemptions", "odd-" + member, "{\"reward\":\"VOUCHER-5\",\"points\":1,\"currency\":\"bogus\"}");

        assertInvalidField(reply, "currency");
        assertThat(reply.body().get("detail").asText()).contains("'bogus'").contains("no value");
        assertThat(statementLines(member)).isEqualTo(entries);
    }
}
