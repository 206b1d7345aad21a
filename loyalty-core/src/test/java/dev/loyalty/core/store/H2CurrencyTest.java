package dev.loyalty.core.store;

import dev.loyalty.core.spi.LoyaltyStore;
import dev.loyalty.core.testing.CurrencyContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs the currency contract against {@link JdbcStore} on an embedded H2 database in PostgreSQL mode. */
class H2CurrencyTest extends CurrencyContract {

    @RegisterExtension
    final H2Databases databases = new H2Databases();

    @Override
    protected LoyaltyStore newStore() {
        return databases.store();
    }
}
