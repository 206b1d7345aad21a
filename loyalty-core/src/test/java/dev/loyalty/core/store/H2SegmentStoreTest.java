package dev.loyalty.core.store;

import dev.loyalty.core.spi.LoyaltyStore;
import dev.loyalty.core.testing.SegmentStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs the segment contract against {@link JdbcStore} on an embedded H2 database in PostgreSQL mode. */
class H2SegmentStoreTest extends SegmentStoreContract {

    @RegisterExtension
    final H2Databases databases = new H2Databases();

    @Override
    protected LoyaltyStore newStore() {
        return databases.store();
    }
}
