package dev.loyalty.examples.shop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * A count ({@code quantity}, {@code points}) past what its field holds, or written with an
 * exponent past what a double holds, is refused with a 400 naming the field and quoting the
 * number as sent, in numbers rather than in the name of a Java type; nothing is recorded.
 */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:shop-test;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE")
class NumbersOutOfRangeTest extends ShopOverHttp {

    private Reply purchase(String member, String quantity) throws Exception {
        return post("/members/" + member + "/purchases", null,
                "{\"lines\":[{\"sku\":\"85123A\",\"category\":\"home\",\"quantity\":" + quantity + ",\"unitPrice\":2.95}]}");
    }

    @Test
    void shouldSayHowLargeAQuantityMayBeWhenItPassesTheWholeNumbersAccepted() throws Exception {
        String member = enrolled();
        int entries = statementLines(member);

        Reply reply = purchase(member, "99999999999");

        assertInvalidField(reply, "lines[0].quantity");
        assertThat(reply.body().get("detail").asText())
                .isEqualTo("lines[0].quantity is 99999999999, outside the whole numbers accepted here (up to 2147483647)");
        assertThat(statementLines(member)).isEqualTo(entries);
    }

    @Test
    void shouldSayHowSmallPointsMayBeWhenTheyPassTheWholeNumbersAccepted() throws Exception {
        String member = enrolled();
        int entries = statementLines(member);

        Reply reply = post("/members/" + member + "/redemptions", null, "{\"reward\":\"VOUCHER-5\",\"points\":-99999999999999999999}");

        assertInvalidField(reply, "points");
        assertThat(reply.body().get("detail").asText())
                .isEqualTo("points is -99999999999999999999, outside the whole numbers accepted here (down to -9223372036854775808)");
        assertThat(statementLines(member)).isEqualTo(entries);
    }

    @Test
    void shouldQuoteAQuantityWithAHugeExponentAsSentRatherThanAsInfinity() throws Exception {
        String member = enrolled();
        int entries = statementLines(member);

        Reply reply = purchase(member, "1e400");

        assertInvalidField(reply, "lines[0].quantity");
        assertThat(reply.body().get("detail").asText()).isEqualTo("lines[0].quantity is '1e400'; expected a whole number");
        assertThat(statementLines(member)).isEqualTo(entries);
    }
}
