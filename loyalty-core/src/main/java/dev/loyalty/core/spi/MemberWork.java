package dev.loyalty.core.spi;

import dev.loyalty.core.internal.Checks;
import dev.loyalty.core.model.MemberId;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * One event's work for {@link LoyaltyStore#applyAll}: what {@link LoyaltyStore#apply} takes, and
 * whether the engine must follow the event up before the next work may run.
 *
 * @param memberId the member to lock
 * @param work computes the changes from the member's current state; may run more than once
 * @param followUp asked after the work ran: true when the engine acts on the event once it is
 *                 stored (settling a referral, say), so the works after it wait for that
 */
public record MemberWork(MemberId memberId, Function<MemberView, MemberChanges> work, BooleanSupplier followUp) {

    /**
     * Checks the components.
     *
     * @param memberId the member to lock
     * @param work computes the changes from the member's current state; may run more than once
     * @param followUp asked after the work ran: true when the engine acts on the event once it is
     *                     stored (settling a referral, say), so the works after it wait for that
     * @throws dev.loyalty.core.InvalidInputException when one is null
     */
    public MemberWork {
        Checks.notNull(memberId, "work.memberId");
        Checks.notNull(work, "work.work");
        Checks.notNull(followUp, "work.followUp");
    }
}
