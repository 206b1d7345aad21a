package dev.loyalty.core.model;

/** What a ledger entry records. */
public enum EntryType {
    /** Points earned from an event and credited to a lot. */
    EARN
}
