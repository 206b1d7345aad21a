package dev.loyalty.core;

import dev.loyalty.core.event.LoyaltyEvent;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.MemberId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** How {@link LoyaltyEngine#processAll(List)} splits a list of events into batches of independent events. */
final class EventBatches {

    /** The most events whose rules {@link LoyaltyEngine#processAll(List)} evaluates in one call of the rule engine. */
    static final int MAX_BATCH = 1_024;

    private EventBatches() {
    }

    /**
     * Splits the events into batches of consecutive events, applied one after another: a batch
     * ends after {@value #MAX_BATCH} events or before an event id it already holds (so that the
     * first of two events with one id is stored before the second is looked up). Several events
     * of one member share a batch: for rules that cannot read the balance, an earlier event's
     * points cannot change what the rules decide for a later one, and a change of the member
     * itself (a promotion, say) is caught when each event is applied, which then evaluates it again.
     */
    static List<List<Integer>> inOrder(List<? extends LoyaltyEvent> events) {
        List<List<Integer>> batches = new ArrayList<>();
        List<Integer> batch = new ArrayList<>();
        Set<EventId> ids = new HashSet<>();
        for (int i = 0; i < events.size(); i++) {
            LoyaltyEvent event = events.get(i);
            EventId id = event == null ? null : event.eventId();
            if (batch.size() == MAX_BATCH || id != null && ids.contains(id)) {
                batches.add(batch);
                batch = new ArrayList<>();
                ids.clear();
            }
            batch.add(i);
            if (id != null) {
                ids.add(id);
            }
        }
        if (!batch.isEmpty()) {
            batches.add(batch);
        }
        return batches;
    }

    /**
     * Splits the events into batches applied one after another: an event goes into the batch
     * after the last one holding its member or its event id, and every batch holds at most
     * {@value #MAX_BATCH} events, in list order. Null events form no batch.
     */
    static List<List<Integer>> independent(List<? extends LoyaltyEvent> events) {
        Map<MemberId, Integer> memberRound = new HashMap<>();
        Map<EventId, Integer> idRound = new HashMap<>();
        List<List<Integer>> rounds = new ArrayList<>();
        List<Integer> nulls = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            LoyaltyEvent event = events.get(i);
            if (event == null) {
                nulls.add(i);
                continue;
            }
            int round = Math.max(memberRound.getOrDefault(event.memberId(), -1), idRound.getOrDefault(event.eventId(), -1)) + 1;
            memberRound.put(event.memberId(), round);
            idRound.put(event.eventId(), round);
            if (round == rounds.size()) {
                rounds.add(new ArrayList<>());
            }
            rounds.get(round).add(i);
        }
        List<List<Integer>> batches = new ArrayList<>();
        if (!nulls.isEmpty()) {
            batches.add(nulls);
        }
        for (List<Integer> round : rounds) {
            for (int from = 0; from < round.size(); from += MAX_BATCH) {
                batches.add(round.subList(from, Math.min(round.size(), from + MAX_BATCH)));
            }
        }
        return batches;
    }
}
