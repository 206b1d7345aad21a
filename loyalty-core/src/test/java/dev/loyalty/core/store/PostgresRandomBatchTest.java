package dev.loyalty.core.store;

import dev.loyalty.core.spi.LoyaltyStore;
import dev.loyalty.core.testing.RandomBatchContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs the random {@code processAll} differential against {@link JdbcStore} on a real PostgreSQL
 * server, each store in a fresh schema. Skipped with a message when {@code LOYALTY_PG_URL} is not
 * set; fails then when {@code CI=true}.
 */
class PostgresRandomBatchTest extends RandomBatchContract {

    @RegisterExtension
    final PostgresDatabases databases = new PostgresDatabases();

    @Override
    protected LoyaltyStore newStore() {
        return databases.store(2);
    }
}
