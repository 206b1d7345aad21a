package dev.loyalty.core.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A working copy of a member's values of one kind (lots, holds, offers) by key, inside a store
 * transaction: the values changed so far, and all of them, read from the store only when first
 * asked for (most events change a value or two and never read the others). Iteration order: as
 * stored, then new values in the order first put. Not public API.
 *
 * @param <T> the kind of value
 */
final class KeyedWorkingCopy<T> {

    private final Supplier<? extends Collection<T>> stored;
    private final Function<T, String> key;
    /** The values put, by key in the order first put; null until the first. */
    private Map<String, T> changed;
    /** Every value, stored and changed; null until first read. */
    private Map<String, T> all;

    KeyedWorkingCopy(Supplier<? extends Collection<T>> stored, Function<T, String> key) {
        this.stored = stored;
        this.key = key;
    }

    /** Returns every value by key, reading the stored ones on first use. */
    Map<String, T> all() {
        if (all == null) {
            Map<String, T> read = new LinkedHashMap<>();
            for (T value : stored.get()) {
                read.put(key.apply(value), value);
            }
            if (changed != null) {
                read.putAll(changed);
            }
            all = read;
        }
        return all;
    }

    /** Adds or replaces a value. */
    void put(T value) {
        String k = key.apply(value);
        if (changed == null) {
            changed = new LinkedHashMap<>(4);
        }
        changed.put(k, value);
        if (all != null) {
            all.put(k, value);
        }
    }

    /** Returns the values put, latest of each key, in the order each key was first put. */
    List<T> changed() {
        return changed == null ? List.of() : new ArrayList<>(changed.values());
    }
}
