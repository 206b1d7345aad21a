package dev.loyalty.core.store;

import dev.loyalty.core.spi.LoyaltyStore;
import dev.loyalty.core.testing.CurrencyContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs the currency contract against {@link JdbcStore} on a real PostgreSQL server, each test in
 * a fresh schema. Skipped with a message when {@code LOYALTY_PG_URL} is not set; fails then when
 * {@code CI=true}.
 */
class PostgresCurrencyTest extends CurrencyContract {

    @RegisterExtension
    final PostgresDatabases databases = new PostgresDatabases();

    @Override
    protected LoyaltyStore newStore() {
        return databases.store(4);
    }
}
