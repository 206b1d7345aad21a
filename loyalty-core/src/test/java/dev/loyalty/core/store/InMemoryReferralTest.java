package dev.loyalty.core.store;

import dev.loyalty.core.spi.LoyaltyStore;
import dev.loyalty.core.testing.ReferralContract;

/** Runs the referral contract against {@link InMemoryStore}. */
class InMemoryReferralTest extends ReferralContract {

    @Override
    protected LoyaltyStore newStore() {
        return new InMemoryStore();
    }
}
