package dev.loyalty.core;

import dev.loyalty.core.event.LoyaltyEvent;
import dev.loyalty.core.event.Return;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.spi.StoredEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Refuses a return whose {@code purchaseId} names an event known to be something other than a
 * purchase of the return's member: another member's event, or one of the member's that is not a
 * purchase. An id known as no event is left to the program's unlinked-return rate, and a purchase
 * of the member is linked under its lock. In a batch ({@code processAll}), a return is judged as
 * {@code process} would judge it after the events listed before it: the event recorded under the
 * id before the batch, else the first event listed before the return under that id that was
 * recorded (a refused one records nothing); one not applied yet defers the check until it is.
 */
final class ReturnedPurchases {

    /** By id a return names, the indices of the events listed under it, ascending, purchases or not. */
    private final Map<EventId, List<Integer>> listed;
    /** The batch's results so far: an event applied has one. */
    private final EventResult[] results;

    private ReturnedPurchases(Map<EventId, List<Integer>> listed, EventResult[] results) {
        this.listed = listed;
        this.results = results;
    }

    /**
     * Prepares the checks of a list's returns: finds the events listed under the ids they name, which
     * may record those ids while the list is applied.
     *
     * @param events the list
     * @param results the list's results, filled in as its events are applied
     * @return the checks
     */
    static ReturnedPurchases of(List<? extends LoyaltyEvent> events, EventResult[] results) {
        Map<EventId, List<Integer>> listed = new HashMap<>();
        for (LoyaltyEvent event : events) {
            if (event instanceof Return refund && refund.purchaseId() != null) {
                listed.putIfAbsent(refund.purchaseId(), new ArrayList<>(1));
            }
        }
        if (!listed.isEmpty()) {
            for (int i = 0; i < events.size(); i++) {
                LoyaltyEvent event = events.get(i);
                List<Integer> under = event == null ? null : listed.get(event.eventId());
                if (under != null) {
                    under.add(i);
                }
            }
        }
        return new ReturnedPurchases(listed.isEmpty() ? Map.of() : listed, results);
    }

    /**
     * Checks a return processed on its own.
     *
     * @param refund the return, naming a purchase
     * @param recorded the event recorded under the id it names, if any
     * @throws InvalidInputException when that event is another member's or not a purchase
     */
    static void check(Return refund, Optional<StoredEvent> recorded) {
        check(refund, recorded.map(Named::of).orElse(null));
    }

    /**
     * Checks a return of the list now, unless an event listed before it under the id it names is
     * still to be applied: then the check waits for {@link #checkDeferred}.
     *
     * @param refund the return, naming a purchase
     * @param index its index in the list
     * @param recorded the event recorded under the id it names before the batch, if any
     * @return true when checked, false when deferred
     * @throws InvalidInputException when the named event is another member's or not a purchase
     */
    boolean checkOrDefer(Return refund, int index, Optional<StoredEvent> recorded) {
        Named named = named(refund, index, recorded);
        if (named == Named.PENDING) {
            return false;
        }
        check(refund, named);
        return true;
    }

    /**
     * Checks, once the events listed before it in its batch are applied, a return whose purchase id
     * an event of them may have recorded.
     *
     * @param refund the return, naming a purchase
     * @param index its index in the list
     * @throws InvalidInputException when the named event is another member's or not a purchase
     * @throws IllegalStateException when an event listed before it under that id is still not applied, which
     *         {@link EventBatches} never lets happen: it applies a return after the events listed before it under the id
     */
    void checkDeferred(Return refund, int index) {
        Named named = named(refund, index, Optional.empty());
        if (named == Named.PENDING) {
            throw new IllegalStateException("return " + refund.eventId() + " is applied before an event listed before it under "
                    + refund.purchaseId());
        }
        check(refund, named);
    }

    /** The member and kind of the event recorded under the id a return names as its purchase. */
    private record Named(MemberId owner, String kind) {

        /** Stands for an event listed before the return under the id, not applied yet: whether it records the id is not known. */
        static final Named PENDING = new Named(null, null);

        /** The member and kind of a recorded event. */
        static Named of(StoredEvent recorded) {
            return new Named(recorded.memberId(), recorded.outcome().eventKind());
        }
    }

    /**
     * Returns the event recorded under the purchase id a return names, as the return would find it
     * processed on its own after the events listed before it: the one recorded before the batch,
     * else the first event listed before the return under that id that was recorded (answered with
     * an outcome). Null when none is: the id is unknown. {@link Named#PENDING} when an event listed
     * before the return under that id is still to be applied.
     */
    private Named named(Return refund, int index, Optional<StoredEvent> recorded) {
        if (recorded.isPresent()) {
            return Named.of(recorded.get());
        }
        for (int j : listed.getOrDefault(refund.purchaseId(), List.of())) {
            if (j >= index) {
                break;
            }
            EventResult result = results[j];
            if (result == null) {
                return Named.PENDING;
            }
            if (result.outcome() != null) {
                return new Named(result.outcome().memberId(), result.outcome().eventKind());
            }
        }
        return null;
    }

    /** Refuses the return when the named event (null when none) is another member's or not a purchase. */
    private static void check(Return refund, Named named) {
        if (named == null) {
            return;
        }
        String what = refund.purchaseId() + " is " + article(named.kind()) + " " + named.kind() + " of member " + named.owner();
        if (!named.owner().equals(refund.memberId())) {
            throw new InvalidInputException("return.purchaseId", what + ", not of member " + refund.memberId()
                    + ", whose return this is: a return is linked to a purchase of its own member");
        }
        if (!"purchase".equals(named.kind())) {
            throw new InvalidInputException("return.purchaseId", what + ", not a purchase: a return is linked to a purchase of its own member");
        }
    }

    /** The indefinite article for an event kind. */
    private static String article(String kind) {
        return !kind.isEmpty() && "aeiou".indexOf(kind.charAt(0)) >= 0 ? "an" : "a";
    }
}
