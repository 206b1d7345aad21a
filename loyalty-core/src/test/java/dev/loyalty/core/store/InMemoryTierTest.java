package dev.loyalty.core.store;

import dev.loyalty.core.spi.LoyaltyStore;
import dev.loyalty.core.testing.TierContract;

class InMemoryTierTest extends TierContract {

    @Override
    protected LoyaltyStore newStore() {
        return new InMemoryStore();
    }
}
