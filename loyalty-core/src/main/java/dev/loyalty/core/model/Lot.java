package dev.loyalty.core.model;

import dev.loyalty.core.internal.Checks;
import java.time.Instant;

/**
 * A parcel of points earned by one event. Points are held in lots so that spending and
 * expiry can take them oldest first and a reversal can find what it reverses. A lot's
 * remaining points always equal the sum of the ledger entries that name it.
 *
 * @param id the lot id; the id of the event that earned it
 * @param memberId the owner
 * @param sourceEventId the event that earned the points
 * @param earnedAt when that event happened
 * @param expiresAt when the remaining points expire, or null when they do not
 * @param points the points credited
 * @param remaining the points not yet spent, expired or reversed
 */
public record Lot(String id, MemberId memberId, EventId sourceEventId, Instant earnedAt, Instant expiresAt,
                  long points, long remaining) {

    /** Checks the components. */
    public Lot {
        Checks.notNull(id, "lot.id");
        Checks.notNull(memberId, "lot.memberId");
        Checks.notNull(sourceEventId, "lot.sourceEventId");
        Checks.notNull(earnedAt, "lot.earnedAt");
    }
}
