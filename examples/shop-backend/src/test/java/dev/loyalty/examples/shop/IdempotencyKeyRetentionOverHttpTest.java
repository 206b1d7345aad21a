package dev.loyalty.examples.shop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.core.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;

/**
 * A keyed request without {@code occurredAt} retried within the key's retention window replays
 * the first outcome; retried after it, it is dated anew, so the engine, which keeps the event,
 * refuses it as another payload under the same key. The shop's clock is moved, not waited for.
 */
@TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:mem:shop-retention;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
        "loyalty.idempotency-key-retention=1h"})
class IdempotencyKeyRetentionOverHttpTest extends ShopOverHttp {

    private static final String BASKET = "{\"lines\":[{\"sku\":\"85123A\",\"category\":\"home\",\"quantity\":2,\"unitPrice\":2.95}]}";

    @Autowired
    private TestClock clock;

    @Test
    void shouldReplayTheFirstOutcomeWhenTheKeyIsRetriedWithinItsRetention() throws Exception {
        String member = enrolled();
        Reply first = post("/members/" + member + "/purchases", "order-" + member, BASKET);
        clock.advance(Duration.ofHours(1).minusSeconds(1));

        Reply retry = post("/members/" + member + "/purchases", "order-" + member, BASKET);

        assertThat(retry.status()).as(retry.response().body()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(first.body());
    }

    @Test
    void shouldTreatTheKeyAsNewWhenItIsRetriedAfterItsRetention() throws Exception {
        String member = enrolled();
        assertThat(post("/members/" + member + "/purchases", "order-" + member, BASKET).status()).isEqualTo(201);
        clock.advance(Duration.ofHours(1));

        Reply retry = post("/members/" + member + "/purchases", "order-" + member, BASKET);

        assertProblem(retry, 409, "urn:loyalty:problem:idempotency-key-reused");
    }

    /** Gives the shop a clock the tests move by hand. */
    @TestConfiguration
    static class Config {
        @Bean
        @Primary
        TestClock movableClock() {
            return new TestClock(Instant.now());
        }
    }
}
