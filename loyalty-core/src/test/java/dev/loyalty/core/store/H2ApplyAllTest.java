package dev.loyalty.core.store;

import dev.loyalty.core.spi.LoyaltyStore;
import dev.loyalty.core.testing.ApplyAllContract;
import org.junit.jupiter.api.AfterEach;

/** Runs the {@code applyAll} contract against {@link JdbcStore} on an embedded H2 database in PostgreSQL mode. */
class H2ApplyAllTest extends ApplyAllContract {

    private final H2Databases databases = new H2Databases();

    @Override
    protected LoyaltyStore newStore() {
        return JdbcStore.builder(databases.withSchema()).build();
    }

    @AfterEach
    void dropDatabases() {
        databases.close();
    }
}
