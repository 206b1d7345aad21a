package dev.loyalty.examples.shop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * A count ({@code quantity}, {@code points}) past what its field holds, or written with an
 * exponent past what a double holds, is refused with a 400 naming the field and quoting the
 * number as sent, in numbers rather than in the name of a Java type (a quantity with the engine's
 * own limits); nothing is recorded.
 */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:shop-test;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE")
class NumbersOutOfRangeTest extends ShopOverHttp {

    private Reply purchase(String member, String quantity) throws Exception {
        return post("/members/" + member + "/purchases", null,
                "{\"lines\":[{\"sku\":\"85123A\",\"category\":\"home\",\"quantity\":" + quantity + ",\"unitPrice\":2.95}]}");
    }

    /** Asserts an invalid-input problem naming the field with exactly this detail, and the member's statement as it was. */
    private void assertRefused(Reply reply, String field, String detail, String member, int entries) throws Exception {
        assertInvalidField(reply, field);
        assertThat(reply.body().get("detail").asText()).isEqualTo(detail);
        assertThat(statementLines(member)).isEqualTo(entries);
    }

    @Test
    void shouldGiveTheEnginesLimitWhenAQuantityPassesTheWholeNumbersAccepted() throws Exception {
        String member = enrolled();
        int entries = statementLines(member);

        Reply reply = purchase(member, "99999999999");

        assertRefused(reply, "lines[0].quantity", "lines[0].quantity is 99999999999; at most 1000000 are accepted", member, entries);
    }

    @Test
    void shouldSayAQuantityIsAtLeastOneWhenItIsFarBelowTheWholeNumbersAccepted() throws Exception {
        String member = enrolled();
        int entries = statementLines(member);

        Reply reply = purchase(member, "-99999999999");

        assertRefused(reply, "lines[0].quantity", "lines[0].quantity must be at least 1, was -99999999999 (returns are separate events)",
                member, entries);
    }

    @Test
    void shouldSayHowSmallPointsMayBeWhenTheyPassTheWholeNumbersAccepted() throws Exception {
        String member = enrolled();
        int entries = statementLines(member);

        Reply reply = post("/members/" + member + "/redemptions", null, "{\"reward\":\"VOUCHER-5\",\"points\":-99999999999999999999}");

        assertRefused(reply, "points", "points is -99999999999999999999, outside the whole numbers accepted here (down to -9223372036854775808)",
                member, entries);
    }

    @Test
    void shouldQuoteAQuantityWithAHugeExponentAsSentRatherThanAsInfinity() throws Exception {
        String member = enrolled();
        int entries = statementLines(member);

        Reply reply = purchase(member, "1e400");

        assertRefused(reply, "lines[0].quantity", "lines[0].quantity is '1e400'; expected a whole number", member, entries);
    }
}
