package dev.loyalty.examples.shop;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Idempotency keys on the PostgreSQL server named by {@code LOYALTY_PG_URL} ({@link PostgresSchema}), in
 * a fresh schema dropped afterwards. Disabled without {@code LOYALTY_PG_URL}.
 */
@EnabledIfEnvironmentVariable(named = "LOYALTY_PG_URL", matches = ".+")
class PostgresIdempotencyKeyTest extends IdempotencyKeyContract {

    private static final PostgresSchema SCHEMA = new PostgresSchema();

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        SCHEMA.create(registry);
    }

    @AfterAll
    static void dropSchema() {
        SCHEMA.drop();
    }
}
