package dev.loyalty.examples.shop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * When a request without {@code occurredAt} is dated by its {@code Idempotency-Key}: at the key's
 * first attempt, unless that attempt was refused; subclasses give the shop a database. A time is
 * checked against when an attempt was sent and answered, on the machine's one clock.
 */
abstract class IdempotencyKeyContract extends ShopOverHttp {

    private static final String BASKET = "{\"lines\":[{\"sku\":\"85123A\",\"category\":\"home\",\"quantity\":2,\"unitPrice\":2.95}]}";
    private static final String INVALID_BASKET = BASKET.replace("\"quantity\":2", "\"quantity\":-2");
    /** How many identical requests race. */
    private static final int RACERS = 6;
    /** The check constraint that makes the store fail on one event, while it is there. */
    private static final String OUTAGE = "shop_test_store_outage";

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void shouldDateARetryAtItsOwnArrivalWhenTheFirstAttemptWasInvalid() throws Exception {
        String member = enrolled();
        assertProblem(post("/members/" + member + "/purchases", "order-" + member, INVALID_BASKET), 400, "urn:loyalty:problem:invalid-input");

        Attempt retry = attempt("/members/" + member + "/purchases", "order-" + member, BASKET);

        assertThat(retry.reply().status()).as(retry.reply().response().body()).isEqualTo(201);
        assertThat(occurredAt(retry.reply())).isBetween(retry.sent(), retry.answered());
    }

    @Test
    void shouldDateARetryAtItsOwnArrivalWhenTheFirstAttemptCameBeforeTheMembersEnrolment() throws Exception {
        String member = newMember();
        assertProblem(post("/members/" + member + "/purchases", "order-" + member, BASKET), 404, "urn:loyalty:problem:unknown-member");
        assertThat(post("/members", "enrol-" + member, "{\"memberId\":\"" + member + "\"}").status()).isEqualTo(201);

        Attempt retry = attempt("/members/" + member + "/purchases", "order-" + member, BASKET);

        assertThat(retry.reply().status()).as(retry.reply().response().body()).isEqualTo(201);
        assertThat(occurredAt(retry.reply())).isBetween(retry.sent(), retry.answered());
    }

    @Test
    void shouldDateAnOfferRedemptionRetryAtItsOwnArrivalWhenTheFirstNamedAnUnknownOffer() throws Exception {
        String member = enrolledDaysAgo(100);
        String code = offerCode(member, Instant.now());
        assertProblem(post("/members/" + member + "/offers/NO-SUCH-OFFER/redemptions", "use-" + code, "{}"), 404,
                "urn:loyalty:problem:offer-not-redeemable");

        Attempt retry = attempt("/members/" + member + "/offers/" + code + "/redemptions", "use-" + code, "{}");

        assertThat(retry.reply().status()).as(retry.reply().response().body()).isEqualTo(201);
        assertThat(Instant.parse(retry.reply().body().at("/offer/redeemedAt").asText())).isBetween(retry.sent(), retry.answered());
    }

    @Test
    void shouldCreateOnceAndReplayToTheOthersWhenIdenticalKeyedRequestsRace() throws Exception {
        String member = enrolled();
        for (int round = 0; round < 5; round++) {
            assertCreatedOnceAndReplayed(race("/members/" + member + "/purchases", "race-" + round + "-" + member, BASKET), round);
        }
    }

    @Test
    void shouldCreateOnceAndReplayToTheOthersWhenIdenticalKeyedOfferRedemptionsRace() throws Exception {
        for (int round = 0; round < 3; round++) {
            String member = enrolledDaysAgo(100);
            String code = offerCode(member, Instant.now());

            List<Reply> answered = race("/members/" + member + "/offers/" + code + "/redemptions", "use-" + code, "{}");

            assertCreatedOnceAndReplayed(answered, round);
            assertThat(get("/members/" + member + "/offers").body().get(0).get("status").asText()).isEqualTo("REDEEMED");
        }
    }

    /** Posts the same keyed request from {@value #RACERS} threads at once and returns the replies. */
    private List<Reply> race(String path, String key, String body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Reply>> replies = new ArrayList<>();
            for (int r = 0; r < RACERS; r++) {
                replies.add(pool.submit(() -> {
                    start.await();
                    return post(path, key, body);
                }));
            }
            start.countDown();
            List<Reply> answered = new ArrayList<>();
            for (Future<Reply> reply : replies) {
                answered.add(reply.get(60, TimeUnit.SECONDS));
            }
            return answered;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Exactly one reply created the event; the others replayed it, with the same body. */
    private static void assertCreatedOnceAndReplayed(List<Reply> answered, int round) {
        assertThat(answered).as("round %d", round).filteredOn(reply -> reply.status() == 201).hasSize(1);
        assertThat(answered).as("round %d", round).filteredOn(reply -> reply.status() == 200)
                .hasSize(RACERS - 1).allSatisfy(reply -> assertThat(reply.header("Idempotent-Replayed")).isEqualTo("true"));
        assertThat(answered.stream().map(Reply::body).distinct()).as("round %d", round).hasSize(1);
    }

    @Test
    void shouldReplayTheFirstOutcomeWhenARetryWithAnotherBodyWasRefusedAsAConflict() throws Exception {
        String member = enrolled();
        Reply first = post("/members/" + member + "/purchases", "order-" + member, BASKET);
        assertProblem(post("/members/" + member + "/purchases", "order-" + member, BASKET.replace("\"quantity\":2", "\"quantity\":3")), 409,
                "urn:loyalty:problem:idempotency-key-reused");

        Reply retry = post("/members/" + member + "/purchases", "order-" + member, BASKET);

        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.body()).isEqualTo(first.body());
    }

    @Test
    void shouldDateARetryAtTheFirstAttemptWhenTheStoreFailed() throws Exception {
        String member = enrolled();
        Attempt first;
        failStoreOn("order-" + member);
        try {
            first = attempt("/members/" + member + "/purchases", "order-" + member, BASKET);
        } finally {
            restoreStore();
        }
        assertProblem(first.reply(), 503, "urn:loyalty:problem:store-unavailable");

        Reply retry = post("/members/" + member + "/purchases", "order-" + member, BASKET);

        assertThat(retry.status()).as(retry.response().body()).isEqualTo(201);
        assertThat(occurredAt(retry)).isBetween(first.sent(), first.answered());
    }

    @Test
    void shouldDateARetryAtItsOwnArrivalWhenTheRetryAfterAStoreFailureWasRefused() throws Exception {
        String member = enrolled();
        failStoreOn("order-" + member);
        try {
            assertProblem(post("/members/" + member + "/purchases", "order-" + member, BASKET), 503, "urn:loyalty:problem:store-unavailable");
        } finally {
            restoreStore();
        }
        assertProblem(post("/members/" + member + "/purchases", "order-" + member, INVALID_BASKET), 400, "urn:loyalty:problem:invalid-input");

        Attempt retry = attempt("/members/" + member + "/purchases", "order-" + member, BASKET);

        assertThat(retry.reply().status()).as(retry.reply().response().body()).isEqualTo(201);
        assertThat(occurredAt(retry.reply())).isBetween(retry.sent(), retry.answered());
    }

    /** A request with the instants just before it was sent and just after it was answered. */
    private record Attempt(Instant sent, Reply reply, Instant answered) {
    }

    private Attempt attempt(String path, String key, String body) throws IOException, InterruptedException {
        Instant sent = Instant.now();
        Reply reply = post(path, key, body);
        return new Attempt(sent, reply, Instant.now());
    }

    /** When the event of an outcome happened, read from its first ledger entry. */
    private static Instant occurredAt(Reply outcome) {
        return Instant.parse(outcome.body().at("/entries/0/occurredAt").asText());
    }

    /** Makes the store fail on the event with this id, as a database refusing its row would, until restored. */
    private void failStoreOn(String eventId) {
        jdbc.execute("ALTER TABLE loyalty_event ADD CONSTRAINT " + OUTAGE + " CHECK (event_id <> '" + eventId + "')");
    }

    private void restoreStore() {
        jdbc.execute("ALTER TABLE loyalty_event DROP CONSTRAINT " + OUTAGE);
    }
}
