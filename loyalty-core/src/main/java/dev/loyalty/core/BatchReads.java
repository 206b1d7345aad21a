package dev.loyalty.core;

import dev.loyalty.core.event.LoyaltyEvent;
import dev.loyalty.core.event.Return;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.spi.LoyaltyStore;
import dev.loyalty.core.spi.MemberSnapshot;
import dev.loyalty.core.spi.StoredEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@link LoyaltyEngine#processAll(List)} reads of one batch before locking anyone: the
 * events already recorded under the batch's ids and the stored state of its members, each kind
 * in one call of the store ({@link LoyaltyStore#findEvents}, {@link LoyaltyStore#memberSnapshots}).
 * When a bulk call is refused, each event reads on its own, as {@link LoyaltyEngine#process} does,
 * so a failing read refuses only the events that needed it.
 */
final class BatchReads {

    private static final Logger LOG = LoggerFactory.getLogger(BatchReads.class);

    private final LoyaltyStore store;
    /** The recorded events by id; null when the bulk look-up failed. */
    private final Map<EventId, StoredEvent> recorded;
    private Map<MemberId, MemberSnapshot> members = Map.of();
    private boolean withSegments;

    private BatchReads(LoyaltyStore store, Map<EventId, StoredEvent> recorded) {
        this.store = store;
        this.recorded = recorded;
    }

    /**
     * Looks up, in one call of the store, the events recorded under the ids of a batch's events and
     * under the purchase ids its returns name; null events are skipped.
     */
    static BatchReads lookUp(LoyaltyStore store, List<? extends LoyaltyEvent> events, List<Integer> batch) {
        List<EventId> ids = new ArrayList<>(batch.size());
        for (int i : batch) {
            LoyaltyEvent event = events.get(i);
            if (event != null) {
                ids.add(event.eventId());
                if (event instanceof Return refund && refund.purchaseId() != null) {
                    ids.add(refund.purchaseId());
                }
            }
        }
        Map<EventId, StoredEvent> recorded;
        try {
            recorded = ids.isEmpty() ? Map.of() : store.findEvents(ids);
        } catch (LoyaltyException e) {
            LOG.debug("could not look up {} events at once; looking each up on its own: {}", ids.size(), e.toString());
            recorded = null;
        }
        return new BatchReads(store, recorded);
    }

    /** Returns the event recorded under an id, looking it up on its own when the bulk look-up failed. */
    Optional<StoredEvent> recorded(EventId eventId) {
        return recorded == null ? store.findEvent(eventId) : Optional.ofNullable(recorded.get(eventId));
    }

    /** Reads the stored state of the members, in one call of the store; the segments only when asked. */
    void readMembers(Collection<MemberId> memberIds, boolean segments) {
        withSegments = segments;
        if (memberIds.isEmpty()) {
            return;
        }
        try {
            members = store.memberSnapshots(memberIds, segments);
        } catch (LoyaltyException e) {
            LOG.debug("could not read {} members at once; reading each on its own: {}", memberIds.size(), e.toString());
        }
    }

    /** Returns a member's state as read, or reads it now on its own when the bulk read failed or left the member out. */
    MemberSnapshot member(MemberId memberId) {
        MemberSnapshot snapshot = members.get(memberId);
        if (snapshot != null) {
            return snapshot;
        }
        return MemberSnapshot.readFrom(store, memberId, withSegments);
    }
}
