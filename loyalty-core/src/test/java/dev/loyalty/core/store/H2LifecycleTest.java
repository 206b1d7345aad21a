package dev.loyalty.core.store;

import dev.loyalty.core.spi.LoyaltyStore;
import dev.loyalty.core.testing.LifecycleContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs the lifecycle contract against {@link JdbcStore} on an embedded H2 database in PostgreSQL mode. */
class H2LifecycleTest extends LifecycleContract {

    @RegisterExtension
    final H2Databases databases = new H2Databases();

    @Override
    protected LoyaltyStore newStore() {
        return databases.store();
    }
}
