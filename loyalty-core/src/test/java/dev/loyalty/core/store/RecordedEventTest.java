package dev.loyalty.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.spi.StoredEvent;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class RecordedEventTest {

    private static StoredEvent event(String fingerprint) {
        return new StoredEvent(EventId.of("p-1"), MemberId.of("m-1"), fingerprint, null);
    }

    @Test
    void shouldGiveBackEveryHashFingerprintDigitForDigitWhenPacked() {
        qt().forAll(longs().all(), longs().all(), longs().all(), longs().all()).checkAssert((a, b, c, d) -> {
            String fingerprint = HexFormat.of().formatHex(ByteBuffer.allocate(32).putLong(a).putLong(b).putLong(c).putLong(d).array());
            RecordedEvent recorded = RecordedEvent.of(event(fingerprint));

            assertThat(recorded.packed()).isTrue();
            assertThat(recorded.event()).isEqualTo(event(fingerprint));
        });
    }

    @Test
    void shouldKeepAFingerprintAsGivenWhenItIsNotSixtyFourLowercaseHexDigits() {
        assertThat(RecordedEvent.of(event("fp-1")).packed()).isFalse();
        String upper = "A".repeat(64);
        String notHex = "g" + "0".repeat(63);
        String shorter = "0".repeat(63);

        assertThat(RecordedEvent.of(event(upper)).event().fingerprint()).isEqualTo(upper);
        assertThat(RecordedEvent.of(event(notHex)).event().fingerprint()).isEqualTo(notHex);
        assertThat(RecordedEvent.of(event(shorter)).event().fingerprint()).isEqualTo(shorter);
        assertThat(RecordedEvent.of(event("fp-1")).event()).isEqualTo(event("fp-1"));
        assertThat(RecordedEvent.of(event(null)).event()).isEqualTo(event(null));
    }
}
