package dev.loyalty.core.store;

import dev.loyalty.core.spi.LoyaltyStore;
import dev.loyalty.core.testing.ApplyAllContract;

/** Runs the {@code applyAll} contract against the in-memory store, which applies each work on its own. */
class InMemoryApplyAllTest extends ApplyAllContract {

    @Override
    protected LoyaltyStore newStore() {
        return new InMemoryStore();
    }
}
