package dev.loyalty.core;

/**
 * What happens when a return claws back points the member has already spent. The purchase's own
 * lot is always taken first, pending points included; points that expired from it are not taken
 * again (they left the balance already), so only the spent ones fall under this policy.
 *
 * <p>The policy decides how a shortfall is kept, not whether it is repaid: later earnings repay
 * what is owed first under either policy, whichever policy left it, so a program that switches
 * policy (an engine built with other settings over the same store) leaves no debt unpaid.
 */
public enum ClawbackPolicy {
    /**
     * Take the rest from the member's other spendable points; what they cannot cover is kept
     * as a debt off the balance (which never goes below zero) and repaid from later earnings;
     * until then it comes off the points the member can spend.
     */
    DEBT,
    /**
     * Write the whole shortfall against the balance, which may go negative; later earnings
     * repay it first.
     */
    NEGATIVE_BALANCE
}
