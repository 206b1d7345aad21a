package dev.loyalty.core.store;

import dev.loyalty.core.Outcome;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.spi.StoredEvent;
import java.nio.charset.StandardCharsets;

/**
 * A processed event as the in-memory store keeps it for replays, as long as the store lives. The
 * engine's fingerprints are SHA-256 hashes in 64 lowercase hex digits: such a fingerprint is kept
 * as its 32 bytes in four {@code long} fields (this record takes about 64 bytes where a
 * {@link StoredEvent} and its fingerprint's string took about 136), and written out again when the
 * event is read. Any other fingerprint is kept as given.
 *
 * @param eventId the event's id
 * @param memberId the member the event was processed for
 * @param outcome the recorded outcome
 * @param packed whether the fingerprint is kept in the four hash fields
 * @param otherFingerprint the fingerprint when not packed (it may be null), else null
 * @param hash0 the fingerprint's first 16 hex digits, when packed
 * @param hash1 the next 16
 * @param hash2 the next 16
 * @param hash3 the last 16
 */
record RecordedEvent(EventId eventId, MemberId memberId, Outcome outcome, boolean packed, String otherFingerprint, long hash0, long hash1,
                     long hash2, long hash3) {

    private static final int DIGITS = 64;
    private static final int DIGITS_PER_LONG = 16;
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    /** Returns the event to keep, its fingerprint packed when it is 64 lowercase hex digits. */
    static RecordedEvent of(StoredEvent event) {
        String fingerprint = event.fingerprint();
        long[] hashes = fingerprint == null || fingerprint.length() != DIGITS ? null : hashes(fingerprint);
        return hashes == null
                ? new RecordedEvent(event.eventId(), event.memberId(), event.outcome(), false, fingerprint, 0, 0, 0, 0)
                : new RecordedEvent(event.eventId(), event.memberId(), event.outcome(), true, null, hashes[0], hashes[1], hashes[2], hashes[3]);
    }

    /** Returns the event as it was given to the store: the same ids, fingerprint text and outcome. */
    StoredEvent event() {
        return new StoredEvent(eventId, memberId, packed ? fingerprint() : otherFingerprint, outcome);
    }

    private String fingerprint() {
        byte[] text = new byte[DIGITS];
        long[] hashes = {hash0, hash1, hash2, hash3};
        for (int i = 0; i < DIGITS; i++) {
            int shift = 4 * (DIGITS_PER_LONG - 1 - i % DIGITS_PER_LONG);
            text[i] = HEX[(int) (hashes[i / DIGITS_PER_LONG] >>> shift) & 0xf];
        }
        return new String(text, StandardCharsets.ISO_8859_1);
    }

    /** The 64 digits as four longs, or null when a character is not a lowercase hex digit. */
    private static long[] hashes(String fingerprint) {
        long[] hashes = new long[DIGITS / DIGITS_PER_LONG];
        for (int i = 0; i < DIGITS; i++) {
            char c = fingerprint.charAt(i);
            int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
            if (digit < 0) {
                return null;
            }
            hashes[i / DIGITS_PER_LONG] = hashes[i / DIGITS_PER_LONG] << 4 | digit;
        }
        return hashes;
    }
}
