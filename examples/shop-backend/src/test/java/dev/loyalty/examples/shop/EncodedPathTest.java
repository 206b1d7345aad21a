package dev.loyalty.examples.shop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Ids with a character that must be percent-encoded in a path, and paths Tomcat refuses, sent
 * with their escapes as written. The database plays no part: H2, as the shop's default.
 */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:shop-test;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE")
class EncodedPathTest extends ShopOverHttp {

    @Test
    void shouldAnswerUnknownMemberWhenTheIdInThePathHoldsAnEncodedSlash() throws Exception {
        String member = newMember();

        Reply reply = get("/members/" + member + "%2Fx/statement");

        assertProblem(reply, 404, "urn:loyalty:problem:unknown-member");
        assertThat(reply.body().get("memberId").asText()).isEqualTo(member + "/x");
    }

    @Test
    void shouldAnswerUnknownMemberWhenTheIdInThePathHoldsAnEncodedBackslash() throws Exception {
        String member = newMember();

        Reply reply = get("/members/" + member + "%5Cx");

        assertProblem(reply, 404, "urn:loyalty:problem:unknown-member");
        assertThat(reply.body().get("memberId").asText()).isEqualTo(member + "\\x");
    }

    @Test
    void shouldAnswerTheMemberWhoseIdHoldsASlashEncodedInThePath() throws Exception {
        String member = newMember() + "/x";
        assertThat(post("/members", "enrol-" + member, "{\"memberId\":\"" + member + "\"}").status()).isEqualTo(201);

        Reply reply = get("/members/" + member.replace("/", "%2F"));

        assertThat(reply.status()).as(reply.response().body()).isEqualTo(200);
        assertThat(reply.body().get("memberId").asText()).isEqualTo(member);
    }

    @Test
    void enrolmentLocationEncodesTheMemberIdAsOnePathSegment() throws Exception {
        String member = newMember() + " a/b";

        Reply enrolment = post("/members", "enrol-" + member, "{\"memberId\":\"" + member + "\"}");

        assertThat(enrolment.status()).as(enrolment.response().body()).isEqualTo(201);
        assertThat(enrolment.header("Location")).isEqualTo("/members/" + member.replace(" ", "%20").replace("/", "%2F"));
        assertThat(get(enrolment.header("Location")).body().get("memberId").asText()).isEqualTo(member);
    }

    @Test
    void shouldLeadTheEnrolmentsLocationToTheMemberWhoseIdHoldsASemicolon() throws Exception {
        String member = newMember() + ";x=1";

        Reply enrolment = post("/members", "enrol-" + member, "{\"memberId\":\"" + member + "\"}");

        assertThat(enrolment.status()).as(enrolment.response().body()).isEqualTo(201);
        Reply located = get(enrolment.header("Location"));
        assertThat(located.status()).as(located.response().body()).isEqualTo(200);
        assertThat(located.body().get("memberId").asText()).isEqualTo(member);
    }

    @Test
    void shouldAnswerAMalformedRequestProblemWhenThePathHoldsAnEncodedNul() throws Exception {
        Reply reply = get("/members/" + newMember() + "%00x/statement");

        assertProblem(reply, 400, "urn:loyalty:problem:malformed-request");
        assertThat(reply.body().get("title").asText()).isEqualTo("Malformed request");
        assertThat(reply.body().get("detail").asText()).contains("%00").contains("NUL");
    }

    @Test
    void shouldAnswerAMalformedRequestProblemWhenThePathIsNotPercentEncodedUtf8() throws Exception {
        Reply reply = get("/members/" + newMember() + "%FF");

        assertProblem(reply, 400, "urn:loyalty:problem:malformed-request");
    }
}
