package dev.loyalty.core.store;

import dev.loyalty.core.spi.LoyaltyStore;
import dev.loyalty.core.testing.SameHistoryContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs random histories on {@link JdbcStore} over a real PostgreSQL server and on the in-memory
 * store, side by side, each history in a fresh schema. Skipped with a message when
 * {@code LOYALTY_PG_URL} is not set; fails then when {@code CI=true}.
 */
class PostgresSameHistoryTest extends SameHistoryContract {

    @RegisterExtension
    final PostgresDatabases databases = new PostgresDatabases();

    @BeforeEach
    void requireServer() {
        PostgresDatabases.assumeConfigured();
    }

    @Override
    protected void historyDone() {
        databases.close();
    }

    @Override
    protected LoyaltyStore newStore() {
        return databases.store(2);
    }
}
