package dev.loyalty.core.store;

import dev.loyalty.core.model.EntryType;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.LedgerEntry;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.Points;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * One member's ledger in the {@link InMemoryStore}, kept in columns: each entry's points in a
 * {@code long[]}, its type in a {@code byte[]} and its seven references (event id, lot id, rule,
 * reason, rule set version, occurred and recorded instants) side by side in one {@code Object[]}.
 * An entry costs 37 bytes there, where a {@link LedgerEntry} record is an object of 64 bytes and a
 * reference to it; the member id is the slot's and the sequence is the position plus one (the
 * store checks that every change continues the sequence, {@link MemberChangesCheck}). A read
 * makes the records again, equal to the ones appended.
 *
 * <p>Appended to and cut back only under the member's lock. Read there too, with one exception:
 * an entry below a size the reader learned through a happens-before edge (a recorded event's
 * entries, appended before the event is published in the store's index) may be read without the
 * lock, as the arrays are replaced whole when they grow and published through a volatile field,
 * and a position below the size is never written again. The store's look-ups wait for the
 * member's lock anyway; the one read without it is that of an event whose id another member's
 * event claimed first, made under that other member's lock (the store contract's race of two
 * members for one event id fails when the entries are appended after the claim).
 */
final class LedgerColumns {

    /** The references each entry keeps, side by side in {@link Table#refs}. */
    private static final int REFS = 7;
    private static final EntryType[] TYPES = EntryType.values();

    /** The arrays; never written below the size once published, replaced whole when they grow. */
    private static final class Table {
        final long[] points;
        final byte[] types;
        final Object[] refs;

        Table(int capacity) {
            points = new long[capacity];
            types = new byte[capacity];
            refs = new Object[capacity * REFS];
        }

        int capacity() {
            return points.length;
        }
    }

    private static final Table EMPTY = new Table(0);

    private final MemberId memberId;
    private volatile Table table = EMPTY;
    /** How many entries there are; read and written under the member's lock. */
    private int size;

    /**
     * Starts an empty ledger.
     *
     * @param memberId the member whose entries these are
     */
    LedgerColumns(MemberId memberId) {
        this.memberId = memberId;
    }

    /** Returns the member whose entries these are. */
    MemberId memberId() {
        return memberId;
    }

    /** Returns how many entries there are (under the member's lock). */
    int size() {
        return size;
    }

    /** Returns the last entry's sequence, 0 when there is none (under the member's lock). */
    long lastSequence() {
        return size;
    }

    /**
     * Appends entries (under the member's lock). They must continue the sequence, as the store's
     * check of every change makes sure: the first one's sequence is {@link #size()} plus one.
     *
     * @param entries the entries, in sequence order
     */
    void append(List<LedgerEntry> entries) {
        int count = entries.size();
        if (count == 0) {
            return;
        }
        Table current = table;
        if (size + count > current.capacity()) {
            current = grown(current, size + count);
        }
        for (int i = 0; i < count; i++) {
            LedgerEntry entry = entries.get(i);
            int at = size + i;
            current.points[at] = entry.points().value();
            current.types[at] = (byte) entry.type().ordinal();
            int ref = at * REFS;
            current.refs[ref] = entry.eventId();
            current.refs[ref + 1] = entry.lotId();
            current.refs[ref + 2] = entry.rule();
            current.refs[ref + 3] = entry.reason();
            current.refs[ref + 4] = entry.ruleSetVersion();
            current.refs[ref + 5] = entry.occurredAt();
            current.refs[ref + 6] = entry.recordedAt();
        }
        size += count;
    }

    /**
     * Cuts the ledger back to a size it had (under the member's lock): the entries appended for an
     * event whose id another event took first, which nobody can have read.
     *
     * @param to the size to go back to
     */
    void truncate(int to) {
        Table current = table;
        Arrays.fill(current.refs, to * REFS, size * REFS, null);
        size = to;
    }

    /**
     * Makes entries at consecutive positions again.
     *
     * @param from the first position
     * @param count how many
     * @return the entries, unmodifiable
     */
    List<LedgerEntry> get(int from, int count) {
        Table current = table;
        return switch (count) {
            case 0 -> List.of();
            case 1 -> List.of(entry(current, from));
            case 2 -> List.of(entry(current, from), entry(current, from + 1));
            default -> {
                LedgerEntry[] entries = new LedgerEntry[count];
                for (int i = 0; i < count; i++) {
                    entries[i] = entry(current, from + i);
                }
                yield List.of(entries);
            }
        };
    }

    /** Returns every entry, in sequence order (under the member's lock). */
    List<LedgerEntry> copy() {
        return get(0, size);
    }

    private LedgerEntry entry(Table current, int at) {
        int ref = at * REFS;
        Object[] refs = current.refs;
        return new LedgerEntry(memberId, at + 1L, (EventId) refs[ref], TYPES[current.types[at]], Points.of(current.points[at]),
                (String) refs[ref + 1], (String) refs[ref + 2], (String) refs[ref + 3], (String) refs[ref + 4],
                (Instant) refs[ref + 5], (Instant) refs[ref + 6]);
    }

    /**
     * Copies the entries into arrays of the capacity needed, at least half as large again as before, and publishes them.
     * The first arrays are as large as the first append needs: most members have one entry, their enrolment's.
     */
    private Table grown(Table current, int needed) {
        Table grown = new Table(Math.max(needed, current.capacity() + (current.capacity() >> 1)));
        System.arraycopy(current.points, 0, grown.points, 0, size);
        System.arraycopy(current.types, 0, grown.types, 0, size);
        System.arraycopy(current.refs, 0, grown.refs, 0, size * REFS);
        table = grown;
        return grown;
    }
}
