package dev.loyalty.rules.internal;

import java.util.Arrays;

/**
 * Which event of a batch a fact handle belongs to. A session numbers its fact handles in the
 * order of insertion and the events' facts were inserted one event after another, so the ids
 * form one unbroken range: the event is read from an array indexed by the id's offset in it (a
 * firing looks it up, so this is on the hot path). Should the ids have gaps, they are kept
 * and searched instead.
 */
final class Owners {
    /** The first id of the range. */
    private final long base;
    /** The event of each fact, in insertion order. */
    private final int[] events;
    /** Every fact's id, in insertion order, when they have gaps; else null. */
    private final long[] ids;
    private final int count;

    private Owners(long base, int[] events, long[] ids, int count) {
        this.base = base;
        this.events = events;
        this.ids = ids;
        this.count = count;
    }

    int eventOf(long handleId) {
        long at = ids == null ? handleId - base : Arrays.binarySearch(ids, 0, count, handleId);
        if (at < 0 || at >= count) {
            throw new IllegalStateException("fact handle " + handleId + " is not one of the batch's");
        }
        return events[(int) at];
    }

    /** Collects the ids in insertion order; while they form one range, only the range's start is kept. */
    static final class Builder {
        private int[] events;
        /** Every id so far, once one broke the range; null while they form one. */
        private long[] ids;
        private long base;
        private int size;

        Builder(int capacity) {
            events = new int[Math.max(capacity, 1)];
        }

        void add(long id, int event) {
            if (size == events.length) {
                events = Arrays.copyOf(events, size * 2);
                if (ids != null) {
                    ids = Arrays.copyOf(ids, size * 2);
                }
            }
            if (size == 0) {
                base = id;
            } else if (ids == null && id != base + size) {
                // a gap: the ids so far were base, base + 1, ...
                ids = new long[events.length];
                for (int k = 0; k < size; k++) {
                    ids[k] = base + k;
                }
            }
            if (ids != null) {
                ids[size] = id;
            }
            events[size++] = event;
        }

        Owners build() {
            return new Owners(base, events, ids, size);
        }
    }
}
