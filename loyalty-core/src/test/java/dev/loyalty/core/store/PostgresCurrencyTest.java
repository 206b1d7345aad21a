package dev.loyalty.core.store;

import com.zaxxer.hikari.HikariDataSource;
import dev.loyalty.core.spi.LoyaltyStore;
import dev.loyalty.core.testing.CurrencyContract;
import java.util.IdentityHashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs the currency contract against {@link JdbcStore} on a real PostgreSQL server, each test in
 * a fresh schema; a store opened again is a new {@link JdbcStore} over another pool on the same
 * schema, as a second process would have. Skipped with a message when {@code LOYALTY_PG_URL} is
 * not set; fails then when {@code CI=true}.
 */
class PostgresCurrencyTest extends CurrencyContract {

    @RegisterExtension
    final PostgresDatabases databases = new PostgresDatabases();

    private final Map<LoyaltyStore, HikariDataSource> pools = new IdentityHashMap<>();

    @Override
    protected LoyaltyStore newStore() {
        PostgresDatabases.assumeConfigured();
        HikariDataSource pool = databases.freshSchema(4);
        LoyaltyStore store = JdbcStore.builder(pool).build();
        pools.put(store, pool);
        return store;
    }

    @Override
    protected LoyaltyStore reopen(LoyaltyStore store) {
        HikariDataSource pool = databases.anotherPool(pools.get(store), 4);
        LoyaltyStore again = JdbcStore.builder(pool).build();
        pools.put(again, pool);
        return again;
    }
}
