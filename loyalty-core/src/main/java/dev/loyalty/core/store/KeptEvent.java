package dev.loyalty.core.store;

import dev.loyalty.core.Explanation;
import dev.loyalty.core.Outcome;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.LedgerEntry;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.Points;
import dev.loyalty.core.spi.StoredEvent;
import java.util.HexFormat;
import java.util.List;

/**
 * A processed event as the {@link InMemoryStore} keeps it for replays: the parts of its
 * {@link StoredEvent} and {@link Outcome} in one object, the fingerprint's 64 hex digits as four
 * {@code long}s, the points and balance as {@code long}s. The store keeps one for every event it
 * ever recorded, and a collection copies every object a young store keeps: five objects and
 * 184 bytes become one of 88. {@link #event()} makes a stored event equal to the one recorded.
 *
 * <p>An event whose parts do not fit that form (a fingerprint that is not 64 lowercase hex digits,
 * an outcome naming another event or member, as a store's own tests may write) is kept whole.
 */
final class KeptEvent {

    private static final HexFormat HEX = HexFormat.of();
    private static final int FINGERPRINT_LENGTH = 64;

    final EventId eventId;
    final MemberId memberId;
    /** The event as recorded, when it does not fit the packed form; null when packed. */
    private final StoredEvent whole;
    private final String eventKind;
    private final String ruleSetVersion;
    private final List<LedgerEntry> entries;
    private final Explanation explanation;
    private final long points;
    private final long balance;
    private final long fingerprint0;
    private final long fingerprint1;
    private final long fingerprint2;
    private final long fingerprint3;

    private KeptEvent(StoredEvent event, boolean packed) {
        Outcome outcome = event.outcome();
        this.eventId = event.eventId();
        this.memberId = event.memberId();
        this.whole = packed ? null : event;
        this.eventKind = packed ? outcome.eventKind() : null;
        this.ruleSetVersion = packed ? outcome.ruleSetVersion() : null;
        this.entries = packed ? outcome.entries() : null;
        this.explanation = packed ? outcome.explanation() : null;
        this.points = packed ? outcome.points().value() : 0;
        this.balance = packed ? outcome.balance().value() : 0;
        String fingerprint = event.fingerprint();
        this.fingerprint0 = packed ? HEX.fromHexDigitsToLong(fingerprint, 0, 16) : 0;
        this.fingerprint1 = packed ? HEX.fromHexDigitsToLong(fingerprint, 16, 32) : 0;
        this.fingerprint2 = packed ? HEX.fromHexDigitsToLong(fingerprint, 32, 48) : 0;
        this.fingerprint3 = packed ? HEX.fromHexDigitsToLong(fingerprint, 48, 64) : 0;
    }

    /** Keeps an event, packed when its parts allow. */
    static KeptEvent of(StoredEvent event) {
        return new KeptEvent(event, packs(event));
    }

    /** Whether the packed form gives back an equal event: every part present, one id and member, a hex fingerprint. */
    private static boolean packs(StoredEvent event) {
        Outcome outcome = event.outcome();
        return outcome != null && event.eventId() != null && event.memberId() != null
                && event.eventId().equals(outcome.eventId()) && event.memberId().equals(outcome.memberId())
                && outcome.points() != null && outcome.balance() != null
                && lowercaseHex(event.fingerprint());
    }

    private static boolean lowercaseHex(String text) {
        if (text == null || text.length() != FINGERPRINT_LENGTH) {
            return false;
        }
        for (int i = 0; i < FINGERPRINT_LENGTH; i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** The event as recorded: an equal stored event, its outcome equal to the recorded one. */
    StoredEvent event() {
        if (whole != null) {
            return whole;
        }
        String fingerprint = HEX.toHexDigits(fingerprint0) + HEX.toHexDigits(fingerprint1)
                + HEX.toHexDigits(fingerprint2) + HEX.toHexDigits(fingerprint3);
        Outcome outcome = new Outcome(eventId, memberId, eventKind, Points.of(points), Points.of(balance), entries,
                explanation, ruleSetVersion);
        return new StoredEvent(eventId, memberId, fingerprint, outcome);
    }
}
