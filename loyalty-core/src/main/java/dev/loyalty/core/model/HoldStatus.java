package dev.loyalty.core.model;

/** Where a points hold is in its life. */
public enum HoldStatus {
    /** Reserving points: they are not spendable by anything else. */
    ACTIVE,
    /** Turned into a redemption. */
    CAPTURED,
    /** Released by the caller; the points are spendable again. */
    VOIDED,
    /** Released because its time ran out by the engine's clock. */
    EXPIRED
}
