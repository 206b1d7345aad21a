package dev.loyalty.core.internal;

import dev.loyalty.core.spi.MemberView;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A working copy of a member's values of one kind (lots, holds, offers) by key, inside a store
 * transaction: the values changed so far, and all of them, read from the store only when first
 * asked for (most events change a value or two and never read the others). Iteration order: as
 * stored, then new values in the order first put. Not public API.
 *
 * <p>Made for every event, so it allocates little: the values put are kept in a list, found by
 * a walk over it while there are few (one lot for a purchase) and through an index by key past
 * {@value #WALKED}.
 *
 * @param <T> the kind of value
 */
final class KeyedWorkingCopy<T> {

    /** Up to this many values put, a key is found by walking the list. */
    private static final int WALKED = 8;

    private final MemberView view;
    private final Function<MemberView, ? extends Collection<T>> stored;
    private final Function<T, String> key;
    /** The latest value of each key put, in the order each key was first put; null until the first. */
    private List<T> changed;
    /** The position in {@link #changed} of each key, once there are more than {@value #WALKED}. */
    private Map<String, Integer> positions;
    /** Every value, stored and changed; null until first read. */
    private Map<String, T> all;

    /**
     * Starts a working copy with nothing put.
     *
     * @param view the member's stored state
     * @param stored reads the stored values from the view (a method reference that captures nothing)
     * @param key a value's key
     */
    KeyedWorkingCopy(MemberView view, Function<MemberView, ? extends Collection<T>> stored, Function<T, String> key) {
        this.view = view;
        this.stored = stored;
        this.key = key;
    }

    /** Returns every value by key, reading the stored ones on first use. */
    Map<String, T> all() {
        if (all == null) {
            Map<String, T> read = new LinkedHashMap<>();
            for (T value : stored.apply(view)) {
                read.put(key.apply(value), value);
            }
            if (changed != null) {
                for (T value : changed) {
                    read.put(key.apply(value), value);
                }
            }
            all = read;
        }
        return all;
    }

    /**
     * Returns a key's value as far as it is known without reading the stored values: the value
     * put, else the value read if the stored values were read.
     *
     * @param k the key
     * @return the value, or null when it was neither put nor read (see {@link #read()})
     */
    T known(String k) {
        if (all != null) {
            return all.get(k);
        }
        int at = changed == null ? -1 : positionOf(k);
        return at >= 0 ? changed.get(at) : null;
    }

    /**
     * Tells whether the stored values were read: then {@link #known} answers every key.
     *
     * @return true once {@link #all()} was called
     */
    boolean read() {
        return all != null;
    }

    /** Adds or replaces a value. */
    void put(T value) {
        String k = key.apply(value);
        if (changed == null) {
            changed = new ArrayList<>(2);
        }
        int at = positionOf(k);
        if (at >= 0) {
            changed.set(at, value);
        } else {
            changed.add(value);
            if (positions != null) {
                positions.put(k, changed.size() - 1);
            } else if (changed.size() > WALKED) {
                positions = new HashMap<>();
                for (int i = 0; i < changed.size(); i++) {
                    positions.put(key.apply(changed.get(i)), i);
                }
            }
        }
        if (all != null) {
            all.put(k, value);
        }
    }

    /** Returns the values put, latest of each key, in the order each key was first put. */
    List<T> changed() {
        return changed == null ? List.of() : List.copyOf(changed);
    }

    private int positionOf(String k) {
        if (positions != null) {
            Integer at = positions.get(k);
            return at == null ? -1 : at;
        }
        for (int i = 0; i < changed.size(); i++) {
            if (key.apply(changed.get(i)).equals(k)) {
                return i;
            }
        }
        return -1;
    }
}
