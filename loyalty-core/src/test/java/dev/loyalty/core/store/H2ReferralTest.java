package dev.loyalty.core.store;

import dev.loyalty.core.spi.LoyaltyStore;
import dev.loyalty.core.testing.ReferralContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs the referral contract against {@link JdbcStore} on an embedded H2 database in PostgreSQL mode. */
class H2ReferralTest extends ReferralContract {

    @RegisterExtension
    final H2Databases databases = new H2Databases();

    @Override
    protected LoyaltyStore newStore() {
        return databases.store();
    }
}
