package dev.loyalty.core.store;

import dev.loyalty.core.spi.LoyaltyStore;
import dev.loyalty.core.testing.LifecycleContract;

class InMemoryLifecycleTest extends LifecycleContract {

    @Override
    protected LoyaltyStore newStore() {
        return new InMemoryStore();
    }
}
