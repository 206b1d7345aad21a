package dev.loyalty.core.store;

import dev.loyalty.core.Explanation;
import dev.loyalty.core.Outcome;
import dev.loyalty.core.internal.EventSummary;
import dev.loyalty.core.internal.ExplanationSources;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.LedgerEntry;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.Points;
import dev.loyalty.core.spi.StoredEvent;
import java.util.Arrays;
import java.util.HexFormat;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

/**
 * A processed event as the {@link InMemoryStore} keeps it for replays: the parts of its
 * {@link StoredEvent} and {@link Outcome} in one object, the fingerprint's 64 hex digits as four
 * {@code long}s, the points and balance as {@code long}s. The store keeps one for every event it
 * ever recorded, and a collection copies every object a young store keeps: five objects and
 * 184 bytes become one of 104. The outcome's ledger entries are not kept twice: the event knows
 * where they stand in the member's {@link LedgerColumns}; and of an explanation not read yet, it
 * keeps the date and the function that writes the steps, as the rest of its summary is the event's
 * ({@link EventSummary}), not the explanation and its summary's function. {@link #event()} makes a
 * stored event equal to the one recorded, its explanation lazy again.
 *
 * <p>An event whose parts do not fit that form (a fingerprint that is not 64 lowercase hex digits,
 * an outcome naming another event or member, as a store's own tests may write) is kept whole.
 */
final class KeptEvent {

    private static final HexFormat HEX = HexFormat.of();
    private static final int FINGERPRINT_LENGTH = 64;
    /** Each character's value as a lowercase hex digit, -1 for any other character below 'g'. */
    private static final byte[] VALUES = new byte['g'];
    /** The four words of the fingerprint being read, per thread: one array for every event a thread keeps. */
    private static final ThreadLocal<long[]> DIGITS = ThreadLocal.withInitial(() -> new long[4]);

    static {
        Arrays.fill(VALUES, (byte) -1);
        for (char c = '0'; c <= '9'; c++) {
            VALUES[c] = (byte) (c - '0');
        }
        for (char c = 'a'; c <= 'f'; c++) {
            VALUES[c] = (byte) (c - 'a' + 10);
        }
    }

    final EventId eventId;
    final MemberId memberId;
    /** The event as recorded, when it does not fit the packed form; null when packed. */
    private final StoredEvent whole;
    private final String eventKind;
    private final String ruleSetVersion;
    /**
     * The outcome's entries: the member's {@link LedgerColumns} they stand in, from {@link #firstEntry}, when they were
     * appended there as one run; else the outcome's list itself.
     */
    private final Object entries;
    private final int firstEntry;
    private final int entryCount;
    /**
     * The outcome's explanation: while its text is not written, the function that writes its steps (then {@link #date}
     * holds the one fact of its summary the event does not hold itself); else the explanation itself.
     */
    private final Object explanation;
    /** The event's date in the member's zone, for its explanation's summary; null when {@link #explanation} is the explanation. */
    private final LocalDate date;
    private final long points;
    private final long balance;
    private final long fingerprint0;
    private final long fingerprint1;
    private final long fingerprint2;
    private final long fingerprint3;

    private KeptEvent(StoredEvent event, boolean packed, long[] digits, LedgerColumns ledger, int first) {
        Outcome outcome = event.outcome();
        this.eventId = event.eventId();
        this.memberId = event.memberId();
        this.whole = packed ? null : event;
        this.eventKind = packed ? outcome.eventKind() : null;
        this.ruleSetVersion = packed ? outcome.ruleSetVersion() : null;
        this.entries = !packed ? null : first >= 0 ? ledger : outcome.entries();
        this.firstEntry = packed && first >= 0 ? first : 0;
        this.entryCount = packed && first >= 0 ? outcome.entries().size() : 0;
        // the steps' function is read once: the explanation drops it when its steps are first read
        Supplier<List<Explanation.Step>> steps = packed && outcome.explanation() != null ? ExplanationSources.steps(outcome.explanation()) : null;
        EventSummary summary = steps != null ? summaryOf(outcome) : null;
        this.explanation = !packed ? null : summary != null ? steps : outcome.explanation();
        this.date = summary != null ? summary.date() : null;
        this.points = packed ? outcome.points().value() : 0;
        this.balance = packed ? outcome.balance().value() : 0;
        this.fingerprint0 = packed ? digits[0] : 0;
        this.fingerprint1 = packed ? digits[1] : 0;
        this.fingerprint2 = packed ? digits[2] : 0;
        this.fingerprint3 = packed ? digits[3] : 0;
    }

    /**
     * Keeps an event whose changes' entries were appended to the member's ledger at a position:
     * packed when its parts allow, and then its outcome's entries are read from the ledger when
     * they are the same objects, in a run, as some of those appended (as the engine makes them),
     * else kept as a list.
     *
     * @param event the event as recorded
     * @param ledger the member's ledger, holding the appended entries
     * @param at where the appended entries start in it
     * @param appended the entries appended, the changes' entries
     * @return the kept event
     */
    static KeptEvent of(StoredEvent event, LedgerColumns ledger, int at, List<LedgerEntry> appended) {
        long[] digits = DIGITS.get();
        boolean packed = packs(event, digits);
        return new KeptEvent(event, packed, digits, ledger, packed ? runIn(event.outcome().entries(), ledger, appended, at) : -1);
    }

    /**
     * The summary facts of the outcome's explanation when its summary is not written yet and the
     * event's outcome holds all of them but the date (as the engine makes them), so that the
     * explanation can be made again from the event, the date and its steps' function; else null.
     */
    private static EventSummary summaryOf(Outcome outcome) {
        Explanation explanation = outcome.explanation();
        if (!(ExplanationSources.summary(explanation) instanceof EventSummary summary)) {
            return null;
        }
        boolean told = summary.kind().equals(outcome.eventKind()) && summary.eventId().equals(outcome.eventId())
                && summary.memberId().equals(outcome.memberId()) && summary.net() == outcome.points().value()
                && summary.balance() == outcome.balance().value() && summary.date() != null;
        return told ? summary : null;
    }

    /**
     * Where the entries stand in the ledger as a run of the appended ones (the same objects), each
     * the ledger's member's at the sequence its position gives, so the ledger makes them again
     * equal; -1 when they do not.
     */
    private static int runIn(List<LedgerEntry> entries, LedgerColumns ledger, List<LedgerEntry> appended, int at) {
        if (entries.isEmpty()) {
            return at;
        }
        for (int start = 0; start + entries.size() <= appended.size(); start++) {
            if (appended.get(start) == entries.get(0)) {
                for (int i = 0; i < entries.size(); i++) {
                    LedgerEntry entry = entries.get(i);
                    if (appended.get(start + i) != entry || entry.sequence() != at + start + i + 1L
                            || !entry.memberId().equals(ledger.memberId())) {
                        return -1;
                    }
                }
                return at + start;
            }
        }
        return -1;
    }

    /**
     * Whether the packed form gives back an equal event: every part present, one id and member, a
     * fingerprint of 64 lowercase hex digits, which it reads into {@code digits} on the way.
     */
    private static boolean packs(StoredEvent event, long[] digits) {
        Outcome outcome = event.outcome();
        return outcome != null && event.eventId() != null && event.memberId() != null
                && event.eventId().equals(outcome.eventId()) && event.memberId().equals(outcome.memberId())
                && outcome.points() != null && outcome.balance() != null
                && lowercaseHex(event.fingerprint(), digits);
    }

    /** Reads 64 lowercase hex digits into four longs, in one pass; false for any other text. */
    private static boolean lowercaseHex(String text, long[] digits) {
        if (text == null || text.length() != FINGERPRINT_LENGTH) {
            return false;
        }
        for (int word = 0; word < 4; word++) {
            long value = 0;
            for (int i = word * 16; i < word * 16 + 16; i++) {
                char c = text.charAt(i);
                int digit = c < VALUES.length ? VALUES[c] : -1;
                if (digit < 0) {
                    return false;
                }
                value = value << 4 | digit;
            }
            digits[word] = value;
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
        @SuppressWarnings("unchecked")
        List<LedgerEntry> recorded = entries instanceof LedgerColumns ledger ? ledger.get(firstEntry, entryCount) : (List<LedgerEntry>) entries;
        @SuppressWarnings("unchecked")
        Explanation told = date == null ? (Explanation) explanation
                : Explanation.lazy(new EventSummary(eventKind, eventId, memberId, date, points, balance),
                        (Supplier<List<Explanation.Step>>) explanation);
        Outcome outcome = new Outcome(eventId, memberId, eventKind, Points.of(points), Points.of(balance), recorded,
                told, ruleSetVersion);
        return new StoredEvent(eventId, memberId, fingerprint, outcome);
    }
}
