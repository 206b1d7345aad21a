package dev.loyalty.core.store;

import dev.loyalty.core.spi.LoyaltyStore;
import dev.loyalty.core.testing.CurrencyContract;

/** Runs the currency contract against {@link InMemoryStore}. */
class InMemoryCurrencyTest extends CurrencyContract {

    @Override
    protected LoyaltyStore newStore() {
        return new InMemoryStore();
    }
}
