package dev.loyalty.core.store;

import dev.loyalty.core.spi.LoyaltyStore;
import dev.loyalty.core.testing.SegmentStoreContract;

/** Runs the segment contract against {@link InMemoryStore}. */
class InMemorySegmentStoreTest extends SegmentStoreContract {

    @Override
    protected LoyaltyStore newStore() {
        return new InMemoryStore();
    }
}
