package dev.loyalty.core.store;

import static dev.loyalty.core.testing.Fixtures.MONDAY;
import static dev.loyalty.core.testing.Fixtures.NOW;
import static dev.loyalty.core.testing.Fixtures.eventId;
import static dev.loyalty.core.testing.Fixtures.member;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.core.model.EntryType;
import dev.loyalty.core.model.LedgerEntry;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.Points;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LedgerColumnsTest {

    private static final MemberId MEMBER = member("M-1");

    private static LedgerEntry entry(long sequence, EntryType type, long points) {
        return new LedgerEntry(MEMBER, sequence, eventId("E-" + sequence), type, Points.of(points), "lot-" + sequence % 3,
                "RULE-" + sequence, "reason " + sequence, "v" + sequence % 2, MONDAY.plusSeconds(sequence), NOW.plusNanos(sequence));
    }

    private static List<LedgerEntry> entries(long from, long to) {
        List<LedgerEntry> entries = new ArrayList<>();
        EntryType[] types = EntryType.values();
        for (long s = from; s <= to; s++) {
            long points = s % 5 == 0 ? Long.MIN_VALUE + s : s % 7 == 0 ? Long.MAX_VALUE - s : s * 1_000_003 - 500_000;
            entries.add(entry(s, types[(int) (s % types.length)], points));
        }
        return entries;
    }

    @Test
    void appendedEntriesComeBackEqualInSequenceOrderAcrossGrowth() {
        LedgerColumns ledger = new LedgerColumns(MEMBER);
        List<LedgerEntry> all = entries(1, 40);

        // runs of one, two, three, ... entries: each append may grow the columns
        for (int from = 0, run = 1; from < all.size(); from += run, run++) {
            ledger.append(all.subList(from, Math.min(all.size(), from + run)));
        }

        assertThat(ledger.copy()).containsExactlyElementsOf(all);
        assertThat(ledger.lastSequence()).isEqualTo(40);
    }

    @Test
    void entriesOfAPositionRangeComeBackEqual() {
        LedgerColumns ledger = new LedgerColumns(MEMBER);
        List<LedgerEntry> all = entries(1, 9);
        ledger.append(all);

        assertThat(ledger.get(3, 4)).containsExactlyElementsOf(all.subList(3, 7));
        assertThat(ledger.get(8, 1)).containsExactly(all.get(8));
        assertThat(ledger.get(5, 0)).isEmpty();
    }

    @Test
    void truncatedEntriesAreGoneAndTheNextAppendTakesTheirPositions() {
        LedgerColumns ledger = new LedgerColumns(MEMBER);
        ledger.append(entries(1, 3));
        ledger.append(entries(4, 9));

        ledger.truncate(3);
        List<LedgerEntry> next = List.of(entry(4, EntryType.REDEEM, -70));
        ledger.append(next);

        List<LedgerEntry> expected = new ArrayList<>(entries(1, 3));
        expected.addAll(next);
        assertThat(ledger.copy()).containsExactlyElementsOf(expected);
        assertThat(ledger.size()).isEqualTo(4);
    }

    @Test
    void emptyLedgerHasNoEntriesAndSequenceZero() {
        LedgerColumns ledger = new LedgerColumns(MEMBER);
        ledger.append(List.of());

        assertThat(ledger.copy()).isEmpty();
        assertThat(ledger.lastSequence()).isZero();
    }
}
