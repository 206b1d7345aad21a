package dev.loyalty.core.store;

import dev.loyalty.core.spi.LoyaltyStore;
import dev.loyalty.core.testing.SameHistoryContract;

/**
 * Runs random histories on a second in-memory store beside the reference: above all, batches
 * through {@code processAll}, and members written on several threads at once, against the same
 * events one by one.
 */
class InMemorySameHistoryTest extends SameHistoryContract {

    /**
     * 600 histories per test take about ten seconds in all. Mutations they caught: reusing an early
     * evaluation after a promotion (the batched test, at the 52nd history), and one fingerprint
     * writer shared by all threads (the concurrent test, at the 23rd).
     */
    @Override
    protected int histories() {
        return 600;
    }

    @Override
    protected LoyaltyStore newStore() {
        return new InMemoryStore();
    }
}
