package dev.loyalty.core.store;

import dev.loyalty.core.spi.LoyaltyStore;
import dev.loyalty.core.testing.SameHistoryContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs random histories on {@link JdbcStore} over embedded H2 in PostgreSQL mode and on the in-memory store, side by side. */
class H2SameHistoryTest extends SameHistoryContract {

    @RegisterExtension
    final H2Databases databases = new H2Databases();

    @Override
    protected void historyDone() {
        databases.close();
    }

    @Override
    protected LoyaltyStore newStore() {
        return databases.store();
    }
}
