package dev.loyalty.core.store;

import dev.loyalty.core.spi.LoyaltyStore;
import dev.loyalty.core.testing.SameHistoryContract;
import org.junit.jupiter.api.AfterEach;

/** Runs random histories on {@link JdbcStore} over embedded H2 in PostgreSQL mode and on the in-memory store, side by side. */
class H2SameHistoryTest extends SameHistoryContract {

    private final H2Databases databases = new H2Databases();

    @Override
    protected void historyDone() {
        databases.close();
    }

    @Override
    protected LoyaltyStore newStore() {
        return JdbcStore.builder(databases.withSchema()).build();
    }

    @AfterEach
    void dropDatabases() {
        databases.close();
    }
}
