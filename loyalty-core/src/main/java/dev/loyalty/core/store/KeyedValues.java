package dev.loyalty.core.store;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One member's values of a kind (lots, holds) by key, in the order each key was first put: what a
 * {@code LinkedHashMap} gives, for the one write every purchase makes (its new lot) at less cost.
 * The values stand in a list; an open-addressing index of {@code long}s holds each key's hash and
 * its value's position. So putting a new key writes one slot of a primitive array and makes no
 * entry object, and growing the index copies that array without reading a value; a value is read
 * only when its key's hash matches. A map's entries, by contrast, are objects of their own, each
 * read on a lookup that lands on it and on every resize, and in a member's map of thousands of lots
 * those reads miss the processor's caches. Not thread-safe: the store reads and writes it under
 * the member's lock. A primitive-collections library would give such an index too, but the
 * smallest of them weighs megabytes in every host's class path for this one use.
 *
 * @param <T> the kind of value
 */
final class KeyedValues<T> {

    /** Shared by the members who have no value of the kind yet. */
    private static final long[] NO_SLOTS = new long[0];

    private final Function<T, String> key;
    /** Grown from nothing: most members have one lot (their enrolment's) and no hold. */
    private final List<T> values = new ArrayList<>(0);
    /** Zero for a free slot, else the key's hash in the high half and the value's position plus one in the low half. */
    private long[] slots = NO_SLOTS;

    /**
     * Starts with no values.
     *
     * @param key a value's key
     */
    KeyedValues(Function<T, String> key) {
        this.key = key;
    }

    /**
     * Puts a value under its key: in the key's place when the key is there, else after the others.
     *
     * @param value the value
     * @return the value it replaced, or null when the key is new
     */
    T put(T value) {
        String k = key.apply(value);
        if (2 * (values.size() + 1) > slots.length) {
            grow();
        }
        int hash = k.hashCode();
        int mask = slots.length - 1;
        for (int i = spread(hash) & mask; ; i = (i + 1) & mask) {
            long slot = slots[i];
            if (slot == 0) {
                values.add(value);
                slots[i] = ((long) hash << 32) | values.size();
                return null;
            }
            if ((int) (slot >>> 32) == hash) {
                int position = (int) slot - 1;
                T old = values.get(position);
                if (key.apply(old).equals(k)) {
                    values.set(position, value);
                    return old;
                }
            }
        }
    }

    /**
     * Returns a copy of the values, in the order their keys were first put.
     *
     * @return the values
     */
    List<T> copy() {
        return List.copyOf(values);
    }

    /** Doubles the index (from four slots), keeping it at most half full. */
    private void grow() {
        long[] old = slots;
        long[] grown = new long[Math.max(4, old.length * 2)];
        int mask = grown.length - 1;
        for (long slot : old) {
            if (slot != 0) {
                int i = spread((int) (slot >>> 32)) & mask;
                while (grown[i] != 0) {
                    i = (i + 1) & mask;
                }
                grown[i] = slot;
            }
        }
        slots = grown;
    }

    /** Mixes the high bits of a hash into the low ones the mask keeps, as {@code HashMap} does. */
    private static int spread(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
