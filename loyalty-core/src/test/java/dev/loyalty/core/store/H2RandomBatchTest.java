package dev.loyalty.core.store;

import dev.loyalty.core.spi.LoyaltyStore;
import dev.loyalty.core.testing.RandomBatchContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs the random {@code processAll} differential against {@link JdbcStore} on embedded H2 databases in PostgreSQL mode. */
class H2RandomBatchTest extends RandomBatchContract {

    @RegisterExtension
    final H2Databases databases = new H2Databases();

    @Override
    protected LoyaltyStore newStore() {
        return databases.store();
    }
}
