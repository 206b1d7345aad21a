package dev.loyalty.core.model;

/**
 * What a ledger entry records. Every entry names a lot; the balance is the sum of all entries.
 */
public enum EntryType {
    /** Points earned and spendable at once (positive). */
    EARN,
    /** Points earned but pending until the purchase's return window closes (positive, not spendable yet). */
    PENDING,
    /** A pending lot became spendable (zero points: an audit record). */
    RELEASE,
    /** Points spent on a reward (negative), taken from the oldest-expiring lot first. */
    REDEEM,
    /** Points clawed back after a return (negative), or a shortfall recorded against the debt lot. */
    REVERSE,
    /** Points that expired unspent (negative), never more than a lot's remainder. */
    EXPIRE,
    /** Earned points used to repay a claw-back debt (negative on the new lot; positive on the debt lot). */
    REPAY
}
