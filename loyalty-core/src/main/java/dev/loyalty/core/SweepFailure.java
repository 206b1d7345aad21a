package dev.loyalty.core;

import dev.loyalty.core.internal.Checks;
import dev.loyalty.core.model.MemberId;

/**
 * One member a sweep run could not sweep: the member's sweep work failed (the rules threw, or
 * proposed what the core refuses), so nothing of that member's sweep was stored, and the run
 * went on with the next member. A later run at the same instant (the same checkpoint id, or a
 * run without one) sweeps the member again.
 *
 * @param memberId the member whose sweep failed
 * @param cause why it failed, naming the member and, for a rule, the rule
 */
public record SweepFailure(MemberId memberId, LoyaltyException cause) {

    /**
     * Checks the components.
     *
     * @param memberId the member whose sweep failed
     * @param cause why it failed
     */
    public SweepFailure {
        Checks.notNull(memberId, "sweepFailure.memberId");
        Checks.notNull(cause, "sweepFailure.cause");
    }
}
