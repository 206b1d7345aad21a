package dev.loyalty.examples.shop;

import org.springframework.test.context.TestPropertySource;

/** Idempotency keys on an in-memory H2 database, the shop's default. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:shop-test;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE")
class H2IdempotencyKeyTest extends IdempotencyKeyContract {
}
