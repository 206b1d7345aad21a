package dev.loyalty.examples.shop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.context.TestPropertySource;

/**
 * Instants ({@code occurredAt}, {@code asOf}) and dates ({@code birthday}) are ISO text exactly as
 * documented: {@code 2026-03-03T10:15:00Z} (seconds and a fraction optional, the offset {@code Z}
 * or {@code +HH:MM}), {@code 1990-04-01}. Text with spaces around or inside it, lower-case
 * letters, an offset of hours alone or with seconds, or a year of other than four digits is
 * refused with a 400 naming the field and quoting the text as sent; nothing is recorded. The
 * database plays no part: H2, as the shop's default.
 */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:shop-test;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE")
class DatesAsTextTest extends ShopOverHttp {

    private static final String LINE = "{\"sku\":\"85123A\",\"category\":\"home\",\"quantity\":2,\"unitPrice\":2.95}";

    /** Asserts an invalid-input problem naming the field and quoting the text as sent. */
    private void assertRefused(Reply reply, String field, String text, String expected) {
        assertInvalidField(reply, field);
        assertThat(reply.body().get("detail").asText()).contains("'" + text + "'").contains(expected);
    }

    /**
     * Asserts the instant's text refused naming the field, and neither entry nor event recorded
     * under the key; the member enrolled long enough ago for the instant meant to be accepted.
     */
    private void assertOccurredAtRefused(Reply reply, String text, String member, int entries, String key) throws Exception {
        assertRefused(reply, "occurredAt", text, "ISO date-time");
        assertThat(statementLines(member)).isEqualTo(entries);
        assertThat(get("/events/" + key).status()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {" 2026-03-03T10:15:00Z ", " 2026-03-03T10:15:00Z", "2026-03-03T10:15:00Z ", "2026-03-03T10:15:00Z\n",
            "\t2026-03-03T10:15:00Z", "2026-03-03 T10:15:00Z", "2026-03-03T10:15:00 Z", "2026-03-03T10:15:00Z\u00a0",
            "2026-03-03t10:15:00z", "2026-03-03T10:15:00+01", "2026-03-03T10:15:00+01:00:30", "2026-03-03T10:15:00+0100",
            "+2026-03-03T10:15:00Z", "2026-03-03", "2026-03-03T10:15:00", ""})
    void shouldAnswerABadRequestNamingTheFieldWhenAPurchasesOccurredAtIsNotIsoText(String text) throws Exception {
        String member = enrolledDaysAgo(400);
        int entries = statementLines(member);
        String key = "at-" + member;

        Reply reply = post("/members/" + member + "/purchases", key,
                "{\"lines\":[" + LINE + "],\"occurredAt\":\"" + text.replace("\n", "\\n").replace("\t", "\\t") + "\"}");

        assertOccurredAtRefused(reply, text, member, entries, key);
    }

    @ParameterizedTest
    @ValueSource(strings = {" 2026-03-03T10:15:00Z ", "2026-03-03t10:15:00Z"})
    void shouldAnswerABadRequestNamingTheFieldWhenAReturnsOccurredAtIsNotIsoText(String text) throws Exception {
        String member = enrolledDaysAgo(400);
        int entries = statementLines(member);
        String key = "return-" + member;

        Reply reply = post("/members/" + member + "/returns", key, "{\"amount\":5,\"occurredAt\":\"" + text + "\"}");

        assertOccurredAtRefused(reply, text, member, entries, key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-03-03T10:15:00Z ", "2026-03-03T10:15:00+01"})
    void shouldAnswerABadRequestNamingTheFieldWhenARedemptionsOccurredAtIsNotIsoText(String text) throws Exception {
        String member = enrolledDaysAgo(400);
        int entries = statementLines(member);
        String key = "redeem-" + member;

        Reply reply = post("/members/" + member + "/redemptions", key, "{\"reward\":\"VOUCHER-1\",\"points\":10,\"occurredAt\":\"" + text + "\"}");

        assertOccurredAtRefused(reply, text, member, entries, key);
    }

    @ParameterizedTest
    @ValueSource(strings = {" 2026-03-03T10:15:00Z"})
    void shouldAnswerABadRequestNamingTheFieldWhenAnEnrolmentsOccurredAtIsNotIsoText(String text) throws Exception {
        String member = newMember();

        Reply reply = post("/members", "enrol-" + member, "{\"memberId\":\"" + member + "\",\"occurredAt\":\"" + text + "\"}");

        assertRefused(reply, "occurredAt", text, "ISO date-time");
        assertProblem(get("/members/" + member), 404, "urn:loyalty:problem:unknown-member");
    }

    @ParameterizedTest
    @ValueSource(strings = {" 1990-04-01 ", "1990-04-01 ", " 1990-04-01", "1990-04-01\u2003", "1990 -04-01", "+1990-04-01",
            "+10000-04-01", "1990-4-01", "19900401", "1990-04-01T00:00:00Z", ""})
    void shouldAnswerABadRequestNamingTheFieldWhenABirthdayIsNotIsoText(String text) throws Exception {
        String member = newMember();

        Reply reply = post("/members", "enrol-" + member, "{\"memberId\":\"" + member + "\",\"birthday\":\"" + text + "\"}");

        assertRefused(reply, "birthday", text, "date such as 1990-04-01");
        assertProblem(get("/members/" + member), 404, "urn:loyalty:problem:unknown-member");
    }

    @ParameterizedTest
    @ValueSource(strings = {" %s ", "%s ", "%s\t"})
    void shouldAnswerABadRequestNamingTheFieldWhenASweepsAsOfIsNotIsoText(String form) throws Exception {
        String member = enrolledDaysAgo(100);
        String text = form.formatted(Instant.now().truncatedTo(ChronoUnit.SECONDS));

        Reply reply = post("/sweeps", null, "{\"asOf\":\"" + text.replace("\t", "\\t") + "\",\"from\":\"" + member + "\",\"to\":\"" + member + "~\"}");

        assertRefused(reply, "asOf", text, "ISO date-time");
        assertThat(get("/members/" + member + "/offers").body().size()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-03-03T10:15:00Z", "2026-03-03T10:15Z", "2026-03-03T10:15:00.123Z", "2026-03-03T11:15:00+01:00",
            "2026-03-03T05:15:00-05:00", "2026-03-03T10:15:00.123456789+00:00"})
    void shouldAcceptAnOccurredAtWrittenAsIsoText(String text) throws Exception {
        String member = enrolledDaysAgo(400);

        Reply reply = post("/members/" + member + "/purchases", null, "{\"lines\":[" + LINE + "],\"occurredAt\":\"" + text + "\"}");

        assertThat(reply.status()).as(reply.response().body()).isEqualTo(201);
    }

    @Test
    void shouldAcceptAReturnAndARedemptionDatedByIsoText() throws Exception {
        String member = enrolledDaysAgo(400);

        Reply returned = post("/members/" + member + "/returns", null, "{\"amount\":5,\"occurredAt\":\"2026-03-03T10:15:00Z\"}");
        Reply redeemed = post("/members/" + member + "/redemptions", null,
                "{\"reward\":\"VOUCHER-1\",\"points\":10,\"occurredAt\":\"2026-03-03T10:15:00Z\"}");

        assertThat(returned.status()).as(returned.response().body()).isEqualTo(201);
        assertThat(redeemed.status()).as(redeemed.response().body()).isEqualTo(201);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1990-04-01", "2000-02-29"})
    void shouldAcceptABirthdayWrittenAsIsoText(String text) throws Exception {
        String member = newMember();

        Reply reply = post("/members", null, "{\"memberId\":\"" + member + "\",\"birthday\":\"" + text + "\"}");

        assertThat(reply.status()).as(reply.response().body()).isEqualTo(201);
        assertThat(get("/members/" + member).body().get("birthday").asText()).isEqualTo(text);
    }
}
