package dev.loyalty.core.store;

import dev.loyalty.core.spi.LoyaltyStore;
import dev.loyalty.core.testing.LoyaltyStoreContract;

/** Runs the store contract against {@link InMemoryStore}. */
class InMemoryStoreTest extends LoyaltyStoreContract {

    @Override
    protected LoyaltyStore newStore() {
        return new InMemoryStore();
    }
}
