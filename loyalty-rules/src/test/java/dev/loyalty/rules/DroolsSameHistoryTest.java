package dev.loyalty.rules;

import dev.loyalty.core.spi.LoyaltyStore;
import dev.loyalty.core.spi.RuleEngine;
import dev.loyalty.core.store.InMemoryStore;
import dev.loyalty.core.testing.SameHistoryContract;

/**
 * Random histories through the default campaign pack on Drools: above all, batches through
 * {@code processAll}, whose purchases Drools evaluates in one firing, and members written on
 * several threads at once through pooled sessions, against the same events one by one.
 */
class DroolsSameHistoryTest extends SameHistoryContract {

    @Override
    protected RuleEngine rules() {
        return Shop.DEFAULT_RULES;
    }

    /** The default pack has no campaign budget, and the concurrent histories sign no one up with a referral code. */
    @Override
    protected RuleEngine concurrentRules() {
        return Shop.DEFAULT_RULES;
    }

    /** A few seconds; a mutation that reuses an early evaluation after a promotion failed at the 33rd. */
    @Override
    protected int histories() {
        return 300;
    }

    @Override
    protected LoyaltyStore newStore() {
        return new InMemoryStore();
    }
}
