package dev.loyalty.core.store;

import static dev.loyalty.core.testing.Fixtures.MONDAY;
import static dev.loyalty.core.testing.Fixtures.NOW;
import static dev.loyalty.core.testing.Fixtures.eventId;
import static dev.loyalty.core.testing.Fixtures.member;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.core.Explanation;
import dev.loyalty.core.Outcome;
import dev.loyalty.core.internal.EventSummary;
import dev.loyalty.core.model.EntryType;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.LedgerEntry;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.Points;
import dev.loyalty.core.spi.StoredEvent;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class KeptEventTest {

    private static final EventId EVENT = eventId("E-1");
    private static final MemberId MEMBER = member("M-1");
    private static final String FINGERPRINT = "0123456789abcdef00ff00ff00ff00fffedcba9876543210a5a5a5a5a5a5a5a5";

    private static StoredEvent event(String fingerprint, MemberId outcomeMember, long points, long balance) {
        LedgerEntry entry = new LedgerEntry(outcomeMember, 1, EVENT, EntryType.EARN, Points.of(points), EVENT.value(),
                "BASE", "base points", "v1", MONDAY, NOW);
        Outcome outcome = new Outcome(EVENT, outcomeMember, "purchase", Points.of(points), Points.of(balance), List.of(entry),
                new Explanation("purchase E-1", List.of(new Explanation.Step("BASE", "base points", points, "1 x 10.00 GBP"))), "v1");
        return new StoredEvent(EVENT, MEMBER, fingerprint, outcome);
    }

    /** Keeps the event as the store does: its entries appended to an empty ledger of its member first. */
    private static KeptEvent kept(StoredEvent recorded) {
        LedgerColumns ledger = new LedgerColumns(recorded.memberId());
        ledger.append(recorded.outcome().entries());
        return KeptEvent.of(recorded, ledger, 0, recorded.outcome().entries());
    }

    @Test
    void packedEventComesBackEqualWithItsFingerprintDigits() {
        StoredEvent recorded = event(FINGERPRINT, MEMBER, 25, 1_000_000);

        StoredEvent kept = kept(recorded).event();

        assertThat(kept).isEqualTo(recorded);
        assertThat(kept.fingerprint()).isEqualTo(FINGERPRINT);
        assertThat(kept.outcome().balance()).isEqualTo(Points.of(1_000_000));
    }

    @Test
    void packedEventKeepsNegativeAndExtremePoints() {
        StoredEvent recorded = event("f".repeat(64), MEMBER, -9_000, Long.MIN_VALUE);

        assertThat(kept(recorded).event()).isEqualTo(recorded);
    }

    @Test
    void uppercaseFingerprintIsKeptAsWritten() {
        StoredEvent recorded = event(FINGERPRINT.toUpperCase(), MEMBER, 25, 25);

        assertThat(kept(recorded).event().fingerprint()).isEqualTo(FINGERPRINT.toUpperCase());
    }

    @Test
    void fingerprintEndingInALetterBeyondHexIsKeptAsWritten() {
        StoredEvent recorded = event(FINGERPRINT.substring(0, 63) + "g", MEMBER, 25, 25);

        assertThat(kept(recorded).event()).isEqualTo(recorded);
    }

    @Test
    void fingerprintOfAnotherLengthIsKeptAsWritten() {
        StoredEvent recorded = event("abc", MEMBER, 25, 25);

        assertThat(kept(recorded).event()).isEqualTo(recorded);
    }

    @Test
    void outcomeOfAnotherMemberIsKeptAsWritten() {
        StoredEvent recorded = event(FINGERPRINT, member("M-2"), 25, 25);

        StoredEvent kept = kept(recorded).event();

        assertThat(kept.outcome().memberId()).isEqualTo(member("M-2"));
        assertThat(kept).isEqualTo(recorded);
    }

    @Test
    void entriesAppendedAfterOthersComeBackEqualFromTheirPosition() {
        LedgerColumns ledger = new LedgerColumns(MEMBER);
        ledger.append(List.of(entry(1, "enrol", 100), entry(2, "p-0", 5)));
        List<LedgerEntry> appended = List.of(entry(3, EVENT.value(), 40), entry(4, EVENT.value(), 9_000_000_000L));
        StoredEvent recorded = withEntries(appended);
        ledger.append(appended);

        StoredEvent kept = KeptEvent.of(recorded, ledger, 2, appended).event();

        assertThat(kept).isEqualTo(recorded);
        assertThat(kept.outcome().entries()).containsExactlyElementsOf(appended);
    }

    @Test
    void outcomeEntriesWhoseSequenceIsNotTheirPositionComeBackAsRecorded() {
        // the appended entry says sequence 5 where the ledger's position gives 1 (the store's check refuses such changes)
        List<LedgerEntry> appended = List.of(entry(5, EVENT.value(), 40));
        StoredEvent recorded = withEntries(appended);
        LedgerColumns ledger = new LedgerColumns(MEMBER);
        ledger.append(appended);

        assertThat(KeptEvent.of(recorded, ledger, 0, appended).event()).isEqualTo(recorded);
    }

    @Test
    void outcomeEntriesEqualToButNotTheAppendedObjectsComeBackAsRecorded() {
        List<LedgerEntry> appended = List.of(entry(1, EVENT.value(), 40));
        StoredEvent recorded = withEntries(List.of(entry(1, EVENT.value(), 40)));
        LedgerColumns ledger = new LedgerColumns(MEMBER);
        ledger.append(appended);
        KeptEvent kept = KeptEvent.of(recorded, ledger, 0, appended);
        // the ledger changes after the event was kept (as it cannot in the store): the event kept its own list
        ledger.truncate(0);
        ledger.append(List.of(entry(1, "other", 1)));

        assertThat(kept.event()).isEqualTo(recorded);
    }

    private static LedgerEntry entry(long sequence, String lot, long points) {
        return new LedgerEntry(MEMBER, sequence, EVENT, EntryType.EARN, Points.of(points), lot, "BASE", "base points", "v1", MONDAY, NOW);
    }

    private static StoredEvent withEntries(List<LedgerEntry> entries) {
        long points = entries.stream().mapToLong(e -> e.points().value()).sum();
        Outcome outcome = new Outcome(EVENT, MEMBER, "purchase", Points.of(points), Points.of(points), entries,
                new Explanation("purchase E-1", List.of()), "v1");
        return new StoredEvent(EVENT, MEMBER, FINGERPRINT, outcome);
    }

    @Test
    void unreadEventExplanationComesBackEqualWithoutItsTextWrittenWhenKept() {
        AtomicInteger written = new AtomicInteger();
        LocalDate day = LocalDate.of(2024, 2, 29);
        List<LedgerEntry> appended = List.of(entry(1, EVENT.value(), 40));
        Explanation lazy = Explanation.lazy(new EventSummary("purchase", EVENT, MEMBER, day, 40, 40), () -> {
            written.incrementAndGet();
            return List.of(new Explanation.Step("BASE", "base points", 40, "1 x 10.00 GBP"));
        });
        StoredEvent recorded = withExplanation(appended, lazy);
        LedgerColumns ledger = new LedgerColumns(MEMBER);
        ledger.append(appended);

        StoredEvent kept = KeptEvent.of(recorded, ledger, 0, appended).event();

        assertThat(written).hasValue(0);
        assertThat(kept.outcome().explanation().summary()).isEqualTo("purchase E-1 of member M-1 on 2024-02-29 (THURSDAY): +40 points, balance 40");
        assertThat(kept).isEqualTo(recorded);
    }

    @Test
    void explanationWhoseSummaryWasReadComesBackEqual() {
        List<LedgerEntry> appended = List.of(entry(1, EVENT.value(), 40));
        Explanation lazy = Explanation.lazy(new EventSummary("purchase", EVENT, MEMBER, LocalDate.of(2026, 12, 31), 40, 40), List::of);
        String summary = lazy.summary();
        StoredEvent recorded = withExplanation(appended, lazy);
        LedgerColumns ledger = new LedgerColumns(MEMBER);
        ledger.append(appended);

        StoredEvent kept = KeptEvent.of(recorded, ledger, 0, appended).event();

        assertThat(kept.outcome().explanation().summary()).isEqualTo(summary);
        assertThat(kept).isEqualTo(recorded);
    }

    @Test
    void explanationWhoseSummaryTellsOtherPointsThanTheOutcomeComesBackAsRecorded() {
        List<LedgerEntry> appended = List.of(entry(1, EVENT.value(), 40));
        // the summary says +41: made again from the outcome's 40 points, it would read otherwise
        Explanation lazy = Explanation.lazy(new EventSummary("purchase", EVENT, MEMBER, LocalDate.of(2026, 3, 2), 41, 40), List::of);
        StoredEvent recorded = withExplanation(appended, lazy);
        LedgerColumns ledger = new LedgerColumns(MEMBER);
        ledger.append(appended);

        StoredEvent kept = KeptEvent.of(recorded, ledger, 0, appended).event();

        assertThat(kept.outcome().explanation().summary()).contains("+41 points");
        assertThat(kept).isEqualTo(recorded);
    }

    private static StoredEvent withExplanation(List<LedgerEntry> entries, Explanation explanation) {
        long points = entries.stream().mapToLong(e -> e.points().value()).sum();
        Outcome outcome = new Outcome(EVENT, MEMBER, "purchase", Points.of(points), Points.of(points), entries, explanation, "v1");
        return new StoredEvent(EVENT, MEMBER, FINGERPRINT, outcome);
    }
}
