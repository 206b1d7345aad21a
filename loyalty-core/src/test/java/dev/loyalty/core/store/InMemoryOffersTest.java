package dev.loyalty.core.store;

import dev.loyalty.core.spi.LoyaltyStore;
import dev.loyalty.core.testing.OffersContract;

/** Runs the offers contract against {@link InMemoryStore}. */
class InMemoryOffersTest extends OffersContract {

    @Override
    protected LoyaltyStore newStore() {
        return new InMemoryStore();
    }
}
