package dev.loyalty.core.model;

import dev.loyalty.core.internal.Checks;
import java.time.Instant;

/**
 * One append-only line of a member's points ledger. A member's balance is the sum of the
 * points of all their entries; every entry names the event and the rule that produced it.
 *
 * @param memberId the member whose balance this entry changes
 * @param sequence the entry's position in the member's ledger, from 1
 * @param eventId the event that produced the entry
 * @param type what the entry records
 * @param points the signed change to the balance
 * @param lotId the lot the points were credited to or taken from
 * @param rule the rule (campaign) that produced the points
 * @param reason the rule's reason, readable by a member or a support agent
 * @param ruleSetVersion the version of the rule set that evaluated the event
 * @param occurredAt when the event happened
 * @param recordedAt when the engine recorded the entry, by its clock
 */
public record LedgerEntry(MemberId memberId, long sequence, EventId eventId, EntryType type, Points points,
                          String lotId, String rule, String reason, String ruleSetVersion,
                          Instant occurredAt, Instant recordedAt) {

    /**
     * Checks the components.
     *
     * @param memberId the member whose balance this entry changes
     * @param sequence the entry's position in the member's ledger, from 1
     * @param eventId the event that produced the entry
     * @param type what the entry records
     * @param points the signed change to the balance
     * @param lotId the lot the points were credited to or taken from
     * @param rule the rule (campaign) that produced the points
     * @param reason the rule's reason, readable by a member or a support agent
     * @param ruleSetVersion the version of the rule set that evaluated the event
     * @param occurredAt when the event happened
     * @param recordedAt when the engine recorded the entry, by its clock
     */
    public LedgerEntry {
        Checks.notNull(memberId, "entry.memberId");
        Checks.notNull(eventId, "entry.eventId");
        Checks.notNull(type, "entry.type");
        Checks.notNull(points, "entry.points");
        Checks.notNull(lotId, "entry.lotId");
        Checks.notNull(rule, "entry.rule");
        Checks.notNull(reason, "entry.reason");
        Checks.notNull(ruleSetVersion, "entry.ruleSetVersion");
        Checks.notNull(occurredAt, "entry.occurredAt");
        Checks.notNull(recordedAt, "entry.recordedAt");
    }
}
