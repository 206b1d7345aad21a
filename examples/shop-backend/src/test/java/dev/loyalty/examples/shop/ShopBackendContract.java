package dev.loyalty.examples.shop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The shop's endpoints over HTTP; subclasses give it a database. Each test works on members of
 * its own.
 */
abstract class ShopBackendContract extends ShopOverHttp {

    private static final String BASKET = """
            {"lines":[{"sku":"85123A","category":"home","quantity":2,"unitPrice":2.95},
                      {"sku":"GARDEN-1","category":"garden","quantity":1,"unitPrice":"12.50"}],
             "channel":"web"}""";

    @Test
    void enrolmentAnswersCreatedWithTheMembersLocation() throws Exception {
        String member = newMember();

        Reply reply = post("/members", "enrol-" + member, "{\"memberId\":\"" + member + "\",\"zone\":\"Europe/Paris\",\"birthday\":\"1990-04-01\"}");

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.header("Location")).isEqualTo("/members/" + member);
        JsonNode summary = get("/members/" + member).body();
        assertThat(summary.get("zone").asText()).isEqualTo("Europe/Paris");
        assertThat(summary.get("birthday").asText()).isEqualTo("1990-04-01");
        assertThat(summary.at("/points/balance").asLong()).isEqualTo(reply.body().get("balance").asLong());
    }

    @Test
    void purchaseEarnsPointsShownInTheSummaryAndStatement() throws Exception {
        String member = enrolled();
        long before = balance(member);

        Reply purchase = post("/members/" + member + "/purchases", "order-" + member, BASKET);

        assertThat(purchase.status()).isEqualTo(201);
        long points = purchase.body().get("points").asLong();
        assertThat(points).isPositive();
        assertThat(balance(member)).isEqualTo(before + points);
        JsonNode statement = get("/members/" + member + "/statement").body();
        JsonNode last = statement.get("lines").get(statement.get("lines").size() - 1);
        assertThat(last.get("runningBalance").asLong()).isEqualTo(before + points);
        assertThat(last.at("/entry/eventId").asText()).isEqualTo("order-" + member);
    }

    @Test
    void explanationOfAProcessedEventIsTheOneThePurchaseAnsweredWith() throws Exception {
        String member = enrolled();
        Reply purchase = post("/members/" + member + "/purchases", "order-" + member, BASKET);

        Reply explanation = get("/events/order-" + member + "/explanation");

        assertThat(explanation.status()).isEqualTo(200);
        assertThat(explanation.body()).isEqualTo(purchase.body().get("explanation"));
        assertThat(explanation.body().get("text").asText()).contains("BASE-01");
    }

    @Test
    void sameIdempotencyKeyAndBodyAnswersTheFirstOutcomeAndWritesNothing() throws Exception {
        String member = enrolled();
        Reply first = post("/members/" + member + "/purchases", "order-" + member, BASKET);
        int entries = statementLines(member);

        Reply retry = post("/members/" + member + "/purchases", "order-" + member, BASKET);

        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(statementLines(member)).isEqualTo(entries);
    }

    @Test
    void sameIdempotencyKeyWithAnotherBodyIsAConflict() throws Exception {
        String member = enrolled();
        post("/members/" + member + "/purchases", "order-" + member, BASKET);
        long balance = balance(member);

        Reply reply = post("/members/" + member + "/purchases", "order-" + member, BASKET.replace("\"quantity\":2", "\"quantity\":3"));

        assertProblem(reply, 409, "urn:loyalty:problem:idempotency-key-reused");
        assertThat(reply.body().get("eventId").asText()).isEqualTo("order-" + member);
        assertThat(balance(member)).isEqualTo(balance);
    }

    @Test
    void requestsWithoutAKeyAreEachANewEvent() throws Exception {
        String member = enrolled();
        Reply first = post("/members/" + member + "/purchases", null, BASKET);

        Reply second = post("/members/" + member + "/purchases", null, BASKET);

        assertThat(second.status()).isEqualTo(201);
        assertThat(second.body().get("eventId").asText()).isNotEqualTo(first.body().get("eventId").asText());
    }

    @Test
    void invalidLineIsABadRequestNamingTheFieldAndStoresNothing() throws Exception {
        String member = enrolled();
        int entries = statementLines(member);

        Reply reply = post("/members/" + member + "/purchases", "bad-" + member, BASKET.replace("\"quantity\":2", "\"quantity\":-2"));

        assertInvalidField(reply, "lines[0].quantity");
        assertThat(reply.body().get("detail").asText()).contains("-2");
        assertThat(statementLines(member)).isEqualTo(entries);
        assertThat(get("/events/bad-" + member).status()).isEqualTo(404);
    }

    @Test
    void unknownCurrencyIsABadRequest() throws Exception {
        String member = enrolled();

        Reply reply = post("/members/" + member + "/purchases", null, BASKET.replace("\"channel\"", "\"currency\":\"ZZZ\",\"channel\""));

        assertProblem(reply, 400, "urn:loyalty:problem:invalid-input");
        assertThat(reply.body().get("detail").asText()).contains("ZZZ");
    }

    @Test
    void malformedJsonIsABadRequestProblem() throws Exception {
        String member = enrolled();

        Reply reply = post("/members/" + member + "/purchases", null, "{\"lines\":");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }

    @Test
    void shouldAnswerABadRequestNamingTheFieldWhenAQuantityIsNotANumber() throws Exception {
        String member = enrolled();
        int entries = statementLines(member);

        Reply reply = post("/members/" + member + "/purchases", "bad-" + member, BASKET.replace("\"quantity\":2", "\"quantity\":\"two\""));

        assertInvalidField(reply, "lines[0].quantity");
        assertThat(reply.body().get("detail").asText()).contains("two");
        assertThat(statementLines(member)).isEqualTo(entries);
        assertThat(get("/events/bad-" + member).status()).isEqualTo(404);
    }

    @Test
    void shouldAnswerABadRequestNamingTheFieldWhenAQuantityHasAFraction() throws Exception {
        String member = enrolled();
        int entries = statementLines(member);

        Reply reply = post("/members/" + member + "/purchases", "bad-" + member, BASKET.replace("\"quantity\":2", "\"quantity\":1.5"));

        assertInvalidField(reply, "lines[0].quantity");
        assertThat(statementLines(member)).isEqualTo(entries);
        assertThat(get("/events/bad-" + member).status()).isEqualTo(404);
    }

    @Test
    void shouldAnswerABadRequestNamingTheFieldWhenTheBodyHasAnUnknownField() throws Exception {
        String member = enrolled();
        int entries = statementLines(member);

        Reply reply = post("/members/" + member + "/purchases", "bad-" + member,
                BASKET.replace("\"channel\"", "\"occuredAt\":\"2026-01-05T10:00:00Z\",\"channel\""));

        assertInvalidField(reply, "occuredAt");
        assertThat(statementLines(member)).isEqualTo(entries);
        assertThat(get("/events/bad-" + member).status()).isEqualTo(404);
    }

    @Test
    void unknownMemberIsNotFound() throws Exception {
        String member = newMember();

        assertProblem(get("/members/" + member), 404, "urn:loyalty:problem:unknown-member");
        assertProblem(post("/members/" + member + "/purchases", null, BASKET), 404, "urn:loyalty:problem:unknown-member");
    }

    @Test
    void unknownEventIsNotFound() throws Exception {
        assertProblem(get("/events/" + UUID.randomUUID() + "/explanation"), 404, "urn:loyalty:problem:unknown-event");
    }

    @Test
    void enrollingTwiceUnderAnotherKeyIsAConflict() throws Exception {
        String member = enrolled();

        Reply reply = post("/members", "again-" + member, "{\"memberId\":\"" + member + "\"}");

        assertProblem(reply, 409, "urn:loyalty:problem:member-already-enrolled");
    }

    @Test
    void redeemingMoreThanSpendableIsUnprocessableAndSpendsNothing() throws Exception {
        String member = enrolled();
        long spendable = get("/members/" + member).body().at("/points/spendable").asLong();

        Reply reply = post("/members/" + member + "/redemptions", null, "{\"reward\":\"VOUCHER-5\",\"points\":" + (spendable + 1) + "}");

        assertProblem(reply, 422, "urn:loyalty:problem:insufficient-points");
        assertThat(reply.body().get("requested").asLong()).isEqualTo(spendable + 1);
        assertThat(reply.body().get("spendable").asLong()).isEqualTo(spendable);
        assertThat(balance(member)).isEqualTo(spendable);
    }

    @Test
    void redemptionSpendsPoints() throws Exception {
        String member = enrolled();
        long before = balance(member);

        Reply reply = post("/members/" + member + "/redemptions", "redeem-" + member, "{\"reward\":\"VOUCHER-1\",\"points\":10,\"value\":1.00}");

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.body().get("points").asLong()).isEqualTo(-10);
        assertThat(balance(member)).isEqualTo(before - 10);
    }

    @Test
    void returningAWholePurchaseTakesBackWhatItEarned() throws Exception {
        String member = enrolled();
        long before = balance(member);
        post("/members/" + member + "/purchases", "order-" + member, BASKET);

        Reply reply = post("/members/" + member + "/returns", "return-" + member, "{\"purchaseId\":\"order-" + member + "\",\"amount\":\"18.40\"}");

        assertThat(reply.status()).isEqualTo(201);
        assertThat(balance(member)).isEqualTo(before);
    }

    @Test
    void returnNamingAnotherMembersPurchaseIsABadRequestNamingThePurchaseIdField() throws Exception {
        String owner = enrolled();
        post("/members/" + owner + "/purchases", "order-" + owner, BASKET);
        String member = enrolled();

        Reply reply = post("/members/" + member + "/returns", "return-" + member, "{\"purchaseId\":\"order-" + owner + "\",\"amount\":\"18.40\"}");

        assertInvalidField(reply, "purchaseId");
        assertThat(reply.body().get("detail").asText()).isEqualTo("purchaseId order-" + owner + " is a purchase of member " + owner
                + ", not of member " + member + ", whose return this is: a return is linked to a purchase of its own member");
    }

    @Test
    void returnNamingAnotherMembersPurchaseChangesNeitherMembersPointsNorRecordsTheReturn() throws Exception {
        String owner = enrolled();
        post("/members/" + owner + "/purchases", "order-" + owner, BASKET);
        String member = enrolled();
        JsonNode ownerSummary = get("/members/" + owner).body();
        JsonNode ownerStatement = get("/members/" + owner + "/statement").body();
        JsonNode memberSummary = get("/members/" + member).body();
        JsonNode memberStatement = get("/members/" + member + "/statement").body();

        post("/members/" + member + "/returns", "return-" + member, "{\"purchaseId\":\"order-" + owner + "\",\"amount\":\"18.40\"}");

        assertThat(get("/members/" + owner).body()).isEqualTo(ownerSummary);
        assertThat(get("/members/" + owner + "/statement").body()).isEqualTo(ownerStatement);
        assertThat(get("/members/" + member).body()).isEqualTo(memberSummary);
        assertThat(get("/members/" + member + "/statement").body()).isEqualTo(memberStatement);
        assertProblem(get("/events/return-" + member), 404, "urn:loyalty:problem:unknown-event");
    }

    @Test
    void returnNamingTheMembersOwnRedemptionIsABadRequestNamingThePurchaseIdField() throws Exception {
        String member = enrolled();
        post("/members/" + member + "/purchases", "order-" + member, BASKET);
        post("/members/" + member + "/redemptions", "redeem-" + member, "{\"reward\":\"VOUCHER-1\",\"points\":10,\"value\":1.00}");

        assertReturnRefusedAsNotAPurchase(member, "redeem-" + member, "a redemption");
    }

    @Test
    void returnNamingTheMembersEnrolmentIsABadRequestNamingThePurchaseIdField() throws Exception {
        String member = enrolled();

        assertReturnRefusedAsNotAPurchase(member, "enrol-" + member, "an enrolment");
    }

    /** Posts a return of the member naming one of its events that is not a purchase: a bad request naming the field, nothing stored. */
    private void assertReturnRefusedAsNotAPurchase(String member, String named, String described) throws Exception {
        JsonNode statement = get("/members/" + member + "/statement").body();

        Reply reply = post("/members/" + member + "/returns", "return-" + member, "{\"purchaseId\":\"" + named + "\",\"amount\":\"1.00\"}");

        assertInvalidField(reply, "purchaseId");
        assertThat(reply.body().get("detail").asText()).isEqualTo("purchaseId " + named + " is " + described + " of member " + member
                + ", not a purchase: a return is linked to a purchase of its own member");
        assertThat(get("/members/" + member + "/statement").body()).isEqualTo(statement);
    }

    @Test
    void returnRefusedForAnotherMembersPurchaseLeavesItsKeyForTheCorrectedReturn() throws Exception {
        String owner = enrolled();
        post("/members/" + owner + "/purchases", "order-" + owner, BASKET);
        String member = enrolled();
        long before = balance(member);
        post("/members/" + member + "/purchases", "order-" + member, BASKET);
        post("/members/" + member + "/returns", "return-" + member, "{\"purchaseId\":\"order-" + owner + "\",\"amount\":\"18.40\"}");

        Reply corrected = post("/members/" + member + "/returns", "return-" + member, "{\"purchaseId\":\"order-" + member + "\",\"amount\":\"18.40\"}");

        assertThat(corrected.status()).as(corrected.response().body()).isEqualTo(201);
        assertThat(balance(member)).isEqualTo(before);
    }

    @Test
    void returnNamingAPurchaseIdTheEngineNeverSawIsRecordedUnlinked() throws Exception {
        String member = enrolled();

        Reply reply = post("/members/" + member + "/returns", "return-" + member, "{\"purchaseId\":\"order-" + UUID.randomUUID() + "\",\"amount\":\"18.40\"}");

        assertThat(reply.status()).as(reply.response().body()).isEqualTo(201);
        assertThat(get("/events/return-" + member).status()).isEqualTo(200);
    }

    @Test
    void benefitsOfANewMemberAreTheEntryTiersWithTheWayToTheNext() throws Exception {
        String member = enrolled();

        Reply reply = get("/members/" + member + "/benefits");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("tier").asText()).isEqualTo("member");
        assertThat(reply.body().get("earnMultiplier").decimalValue()).isEqualByComparingTo("1");
        assertThat(reply.body().get("discountPercent").decimalValue()).isEqualByComparingTo("0");
        assertThat(reply.body().get("perks").size()).isZero();
        assertThat(reply.body().at("/progress/nextTier").asText()).isEqualTo("silver");
        assertThat(reply.body().at("/progress/needed").decimalValue()).isEqualByComparingTo("500.00");
        assertThat(reply.body().at("/progress/text").asText()).contains("500.00").contains("silver");
    }

    @Test
    void purchaseReachingTheGoldThresholdGivesGoldBenefitsAtCheckout() throws Exception {
        String member = enrolled();

        post("/members/" + member + "/purchases", "order-" + member, "{\"lines\":[{\"sku\":\"SOFA\",\"category\":\"home\",\"quantity\":1,\"unitPrice\":\"1500.00\"}]}");

        JsonNode benefits = get("/members/" + member + "/benefits").body();
        assertThat(benefits.get("tier").asText()).isEqualTo("gold");
        assertThat(benefits.get("earnMultiplier").decimalValue()).isEqualByComparingTo("1.5");
        assertThat(benefits.get("discountPercent").decimalValue()).isEqualByComparingTo("10");
        assertThat(benefits.at("/perks/free-delivery").asText()).isEqualTo("yes");
        assertThat(benefits.at("/progress/nextTier").asText()).isEqualTo("diamond");
        assertThat(benefits.at("/progress/needed").decimalValue()).isEqualByComparingTo("3500.00");
    }

    @Test
    void tierHistoryListsTheEnrolmentAndThePromotionWithItsPurchase() throws Exception {
        String member = enrolled();
        post("/members/" + member + "/purchases", "order-" + member, "{\"lines\":[{\"sku\":\"CHAIR\",\"category\":\"home\",\"quantity\":1,\"unitPrice\":\"500.00\"}]}");

        Reply reply = get("/members/" + member + "/tier-history");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().size()).isEqualTo(2);
        assertThat(reply.body().get(0).get("kind").asText()).isEqualTo("ENROLMENT");
        JsonNode promotion = reply.body().get(1);
        assertThat(promotion.get("kind").asText()).isEqualTo("PROMOTION");
        assertThat(promotion.get("fromTier").asText()).isEqualTo("member");
        assertThat(promotion.get("toTier").asText()).isEqualTo("silver");
        assertThat(promotion.get("eventId").asText()).isEqualTo("order-" + member);
    }

    @Test
    void benefitsOfAnUnknownMemberAreNotFound() throws Exception {
        assertProblem(get("/members/" + newMember() + "/benefits"), 404, "urn:loyalty:problem:unknown-member");
    }

    @Test
    void sweepIssuesAWinBackOfferToAMemberDormantFor90Days() throws Exception {
        String member = enrolledDaysAgo(100);

        Reply sweep = sweep(member, Instant.now());

        assertThat(sweep.status()).as(sweep.response().body()).isEqualTo(200);
        assertThat(sweep.body().get("members").asLong()).isEqualTo(1);
        assertThat(sweep.body().get("offersIssued").asLong()).isEqualTo(1);
        JsonNode offers = get("/members/" + member + "/offers").body();
        assertThat(offers.size()).isEqualTo(1);
        assertThat(offers.get(0).get("template").asText()).isEqualTo("WINBACK-90");
        assertThat(offers.get(0).get("kind").asText()).isEqualTo("DISCOUNT");
        assertThat(offers.get(0).get("value").decimalValue()).isEqualByComparingTo("10");
        assertThat(offers.get(0).get("status").asText()).isEqualTo("ISSUED");
    }

    @Test
    void sweepingAgainAtTheSameInstantIssuesNothingMore() throws Exception {
        String member = enrolledDaysAgo(100);
        Instant asOf = Instant.now();
        sweep(member, asOf);

        Reply again = sweep(member, asOf);

        assertThat(again.body().get("offersIssued").asLong()).isZero();
        assertThat(get("/members/" + member + "/offers").body().size()).isEqualTo(1);
    }

    @Test
    void sweepAfterNowIsABadRequest() throws Exception {
        Reply reply = post("/sweeps", null, "{\"asOf\":\"" + Instant.now().plus(Duration.ofDays(1)) + "\"}");

        assertInvalidField(reply, "asOf");
    }

    @Test
    void redeemingAnOfferAnswersWhatToGiveAndMarksItRedeemed() throws Exception {
        String member = enrolledDaysAgo(100);
        String code = offerCode(member, Instant.now());

        Reply reply = post("/members/" + member + "/offers/" + code + "/redemptions", "use-" + code, "{}");

        assertThat(reply.status()).as(reply.response().body()).isEqualTo(201);
        assertThat(reply.body().at("/offer/kind").asText()).isEqualTo("DISCOUNT");
        assertThat(reply.body().at("/offer/value").decimalValue()).isEqualByComparingTo("10");
        assertThat(reply.body().at("/offer/status").asText()).isEqualTo("REDEEMED");
        assertThat(reply.body().at("/outcome/eventId").asText()).isEqualTo("use-" + code);
        JsonNode offer = get("/members/" + member + "/offers").body().get(0);
        assertThat(offer.get("status").asText()).isEqualTo("REDEEMED");
        assertThat(offer.get("redeemedBy").asText()).isEqualTo("use-" + code);
    }

    @Test
    void redeemingAnOfferAgainWithTheSameKeyReplaysTheFirstAnswer() throws Exception {
        String member = enrolledDaysAgo(100);
        String code = offerCode(member, Instant.now());
        Reply first = post("/members/" + member + "/offers/" + code + "/redemptions", "use-" + code, "{}");

        Reply retry = post("/members/" + member + "/offers/" + code + "/redemptions", "use-" + code, "{}");

        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.body()).isEqualTo(first.body());
    }

    @Test
    void redeemingAnOfferUnderAnotherKeyIsAConflictNamingTheReason() throws Exception {
        String member = enrolledDaysAgo(100);
        String code = offerCode(member, Instant.now());
        post("/members/" + member + "/offers/" + code + "/redemptions", "use-" + code, "{}");

        Reply reply = post("/members/" + member + "/offers/" + code + "/redemptions", "again-" + code, "{}");

        assertProblem(reply, 409, "urn:loyalty:problem:offer-not-redeemable");
        assertThat(reply.body().get("reason").asText()).isEqualTo("ALREADY_REDEEMED");
        assertThat(reply.body().get("offerCode").asText()).isEqualTo(code);
        assertThat(get("/events/again-" + code).status()).isEqualTo(404);
    }

    @Test
    void redeemingAnExpiredOfferIsAConflictAndStoresNothing() throws Exception {
        String member = enrolledDaysAgo(140);
        String code = offerCode(member, Instant.now().minus(Duration.ofDays(40)));   // valid for 30 days from then
        int entries = statementLines(member);

        Reply reply = post("/members/" + member + "/offers/" + code + "/redemptions", "late-" + code, null);

        assertProblem(reply, 409, "urn:loyalty:problem:offer-not-redeemable");
        assertThat(reply.body().get("reason").asText()).isEqualTo("EXPIRED");
        assertThat(statementLines(member)).isEqualTo(entries);
        assertThat(get("/members/" + member + "/offers").body().get(0).get("status").asText()).isNotEqualTo("REDEEMED");
    }

    @Test
    void redeemingAnotherMembersOfferIsNotFound() throws Exception {
        String owner = enrolledDaysAgo(100);
        String code = offerCode(owner, Instant.now());
        String other = enrolled();

        Reply reply = post("/members/" + other + "/offers/" + code + "/redemptions", null, "{}");

        assertProblem(reply, 404, "urn:loyalty:problem:offer-not-redeemable");
        assertThat(reply.body().get("reason").asText()).isEqualTo("OTHER_MEMBER");
        assertThat(get("/members/" + owner + "/offers").body().get(0).get("status").asText()).isEqualTo("ISSUED");
    }

    @Test
    void redeemingAnUnknownOfferIsNotFound() throws Exception {
        String member = enrolled();

        Reply reply = post("/members/" + member + "/offers/NO-SUCH-OFFER/redemptions", null, "{}");

        assertProblem(reply, 404, "urn:loyalty:problem:offer-not-redeemable");
        assertThat(reply.body().get("reason").asText()).isEqualTo("UNKNOWN");
        assertThat(reply.body().get("offerCode").asText()).isEqualTo("NO-SUCH-OFFER");
    }
}
