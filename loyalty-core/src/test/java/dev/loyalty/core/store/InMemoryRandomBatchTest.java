package dev.loyalty.core.store;

import dev.loyalty.core.spi.LoyaltyStore;
import dev.loyalty.core.testing.RandomBatchContract;

/** Runs the random {@code processAll} differential against {@link InMemoryStore}. */
class InMemoryRandomBatchTest extends RandomBatchContract {

    @Override
    protected LoyaltyStore newStore() {
        return new InMemoryStore();
    }
}
