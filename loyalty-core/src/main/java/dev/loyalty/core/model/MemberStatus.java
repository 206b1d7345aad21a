package dev.loyalty.core.model;

/** Whether a member may earn and spend points. */
public enum MemberStatus {
    /** Earns and spends normally. */
    ACTIVE,
    /** Temporarily blocked, for example during a fraud review; events are refused. */
    SUSPENDED,
    /** The membership has ended; events are refused. */
    CLOSED
}
