package dev.loyalty.core.store;

import dev.loyalty.core.spi.LoyaltyStore;
import dev.loyalty.core.testing.BudgetContract;

/** Runs the budget contract against {@link InMemoryStore}. */
class InMemoryBudgetTest extends BudgetContract {

    @Override
    protected LoyaltyStore newStore() {
        return new InMemoryStore();
    }
}
