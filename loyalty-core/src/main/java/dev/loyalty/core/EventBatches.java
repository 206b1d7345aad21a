package dev.loyalty.core;

import dev.loyalty.core.event.Enrolment;
import dev.loyalty.core.event.LoyaltyEvent;
import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.event.Return;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.MemberId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

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
     * itself (a promotion, say) is caught when each event is applied, which then evaluates it again;
     * so is, for rules that read it, a balance an earlier event of the batch moved.
     */
    static List<List<Integer>> inOrder(List<? extends LoyaltyEvent> events) {
        List<Integer> all = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            all.add(i);
        }
        return inOrder(events, all);
    }

    /**
     * Splits some of the events, given by their indices in list order, into batches of
     * consecutive ones as {@link #inOrder(List)} splits them all.
     *
     * @param events the events
     * @param indices the indices of the events to split, ascending
     * @return the batches, in the order to apply them
     */
    static List<List<Integer>> inOrder(List<? extends LoyaltyEvent> events, List<Integer> indices) {
        List<List<Integer>> batches = new ArrayList<>();
        List<Integer> batch = new ArrayList<>();
        Set<EventId> ids = new HashSet<>();
        // the boxed indices are put in the batches as they are: splitting them boxes nothing more
        for (Integer index : indices) {
            LoyaltyEvent event = events.get(index);
            EventId id = event == null ? null : event.eventId();
            if (batch.size() == MAX_BATCH || id != null && ids.contains(id)) {
                batches.add(batch);
                batch = new ArrayList<>();
                ids.clear();
            }
            batch.add(index);
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
     * Tells, for each batch, whether it overtakes an event: whether an event listed before one of
     * its own goes into a later batch, so that applying the batch changes the order in which the
     * list's events meet a campaign budget that all members share.
     *
     * @param batches the batches, in the order to apply them, each in list order
     * @return one flag per batch
     */
    static boolean[] overtaking(List<List<Integer>> batches) {
        boolean[] overtakes = new boolean[batches.size()];
        int firstLater = Integer.MAX_VALUE;
        for (int b = batches.size() - 1; b >= 0; b--) {
            List<Integer> batch = batches.get(b);
            if (!batch.isEmpty()) {
                overtakes[b] = firstLater < batch.get(batch.size() - 1);
                firstLater = Math.min(firstLater, batch.get(0));
            }
        }
        return overtakes;
    }

    /**
     * Splits the events into batches applied one after another: an event goes into the batch
     * after the last one holding its member or its event id (for a return, also the id of the
     * purchase it names); an event that may change another member goes into no batch before that
     * of any event listed before it, and no event listed after it into a batch before its own. Every batch holds at most {@value #MAX_BATCH} events,
     * in list order. Null events form no batch.
     *
     * <p>Events that may change another member: an enrolment with a referral code or identity
     * fingerprints (judged against other members' referrals, which it may reject), and a purchase
     * or return of a member who may be the referee of an open referral (it may settle the referral
     * and reward the referrer): one who signs up with a code earlier in the list, or for whom
     * {@code openReferee} says so. That is asked only when it matters: for an event whose batch
     * would otherwise come before that of an event listed before it, or after that of one listed
     * after it (asked when that one is placed).
     *
     * @param events the events
     * @param openReferee tells whether a member is the referee of a referral still to settle
     */
    static List<List<Integer>> independent(List<? extends LoyaltyEvent> events, Predicate<MemberId> openReferee) {
        Map<MemberId, Integer> memberRound = new HashMap<>();
        Map<EventId, Integer> idRound = new HashMap<>();
        List<List<Integer>> rounds = new ArrayList<>();
        List<Integer> nulls = new ArrayList<>();
        Set<MemberId> signingUp = new HashSet<>();
        Map<MemberId, Boolean> open = new HashMap<>();
        Predicate<MemberId> reaches = member -> signingUp.contains(member) || open.computeIfAbsent(member, openReferee::test);
        // purchases and returns not yet known to reach others, by member, with the batch each went into
        Map<MemberId, Integer> unsure = new HashMap<>();
        // no batch in unsure is later than this
        int unsureUpTo = -1;
        // the batch of the last event that reaches another member: events listed after it are applied after it
        int barrier = 0;
        for (int i = 0; i < events.size(); i++) {
            LoyaltyEvent event = events.get(i);
            if (event == null) {
                nulls.add(i);
                continue;
            }
            int round = Math.max(barrier,
                    Math.max(memberRound.getOrDefault(event.memberId(), -1), idRound.getOrDefault(event.eventId(), -1)) + 1);
            if (event instanceof Return refund && refund.purchaseId() != null) {
                // after the events listed before it under the id it names, whose member and kind decide whether it is refused
                round = Math.max(round, idRound.getOrDefault(refund.purchaseId(), -1) + 1);
            }
            // an earlier purchase or return in a later batch than this event's: asked about now, as it would be overtaken
            if (unsureUpTo > round) {
                for (Map.Entry<MemberId, Integer> earlier : List.copyOf(unsure.entrySet())) {
                    if (earlier.getValue() > round) {
                        unsure.remove(earlier.getKey());
                        if (reaches.test(earlier.getKey())) {
                            barrier = Math.max(barrier, earlier.getValue());
                        }
                    }
                }
                unsureUpTo = round;
            }
            round = Math.max(round, barrier);
            // the last batch so far: an event that reaches another member goes after every event listed before it
            int last = rounds.size() - 1;
            boolean settles = event instanceof Purchase || event instanceof Return;
            if (event instanceof Enrolment enrolment && (enrolment.referralCode() != null || !enrolment.identity().isEmpty())) {
                if (enrolment.referralCode() != null) {
                    signingUp.add(enrolment.memberId());
                }
                round = Math.max(round, last);
                barrier = round;
            } else if (settles && last > round && reaches.test(event.memberId())) {
                round = last;
                barrier = round;
            } else if (settles && round > barrier && (signingUp.contains(event.memberId()) || !Boolean.FALSE.equals(open.get(event.memberId())))) {
                // a member found without an open referral before they signed up with a code later in the list may reach the referrer
                unsure.merge(event.memberId(), round, Math::max);
                unsureUpTo = Math.max(unsureUpTo, round);
            }
            int passed = barrier;
            unsure.values().removeIf(r -> r <= passed);
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
