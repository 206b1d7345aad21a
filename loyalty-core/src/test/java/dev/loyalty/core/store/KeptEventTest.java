package dev.loyalty.core.store;

import static dev.loyalty.core.testing.Fixtures.MONDAY;
import static dev.loyalty.core.testing.Fixtures.NOW;
import static dev.loyalty.core.testing.Fixtures.eventId;
import static dev.loyalty.core.testing.Fixtures.member;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.core.Explanation;
import dev.loyalty.core.Outcome;
import dev.loyalty.core.model.EntryType;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.LedgerEntry;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.Points;
import dev.loyalty.core.spi.StoredEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeptEventTest {

    private static final EventId EVENT = eventId("E-1");
    private static final MemberId MEMBER = member("M-1");
    private static final String FINGERPRINT = "0123456789abcdef00ff00ff00ff00fffedcba9876543210a5a5a5a5a5a5a5a5";

    private static StoredEvent event(String fingerprint, MemberId outcomeMember, long points, long balance) {
        LedgerEntry entry = new LedgerEntry(outcomeMember, 7, EVENT, EntryType.EARN, Points.of(points), EVENT.value(),
                "BASE", "base points", "v1", MONDAY, NOW);
        Outcome outcome = new Outcome(EVENT, outcomeMember, "purchase", Points.of(points), Points.of(balance), List.of(entry),
                new Explanation("purchase E-1", List.of(new Explanation.Step("BASE", "base points", points, "1 x 10.00 GBP"))), "v1");
        return new StoredEvent(EVENT, MEMBER, fingerprint, outcome);
    }

    @Test
    void packedEventComesBackEqualWithItsFingerprintDigits() {
        StoredEvent recorded = event(FINGERPRINT, MEMBER, 25, 1_000_000);

        StoredEvent kept = KeptEvent.of(recorded).event();

        assertThat(kept).isEqualTo(recorded);
        assertThat(kept.fingerprint()).isEqualTo(FINGERPRINT);
        assertThat(kept.outcome().balance()).isEqualTo(Points.of(1_000_000));
    }

    @Test
    void packedEventKeepsNegativeAndExtremePoints() {
        StoredEvent recorded = event("f".repeat(64), MEMBER, -9_000, Long.MIN_VALUE);

        assertThat(KeptEvent.of(recorded).event()).isEqualTo(recorded);
    }

    @Test
    void uppercaseFingerprintIsKeptAsWritten() {
        StoredEvent recorded = event(FINGERPRINT.toUpperCase(), MEMBER, 25, 25);

        assertThat(KeptEvent.of(recorded).event().fingerprint()).isEqualTo(FINGERPRINT.toUpperCase());
    }

    @Test
    void fingerprintEndingInALetterBeyondHexIsKeptAsWritten() {
        StoredEvent recorded = event(FINGERPRINT.substring(0, 63) + "g", MEMBER, 25, 25);

        assertThat(KeptEvent.of(recorded).event()).isEqualTo(recorded);
    }

    @Test
    void fingerprintOfAnotherLengthIsKeptAsWritten() {
        StoredEvent recorded = event("abc", MEMBER, 25, 25);

        assertThat(KeptEvent.of(recorded).event()).isEqualTo(recorded);
    }

    @Test
    void outcomeOfAnotherMemberIsKeptAsWritten() {
        StoredEvent recorded = event(FINGERPRINT, member("M-2"), 25, 25);

        StoredEvent kept = KeptEvent.of(recorded).event();

        assertThat(kept.outcome().memberId()).isEqualTo(member("M-2"));
        assertThat(kept).isEqualTo(recorded);
    }
}
