package dev.loyalty.examples.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.core.Outcome;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class EmbeddingExampleTest {

    @Test
    void shouldEarnBaseAndSkuBonusButNothingOnPostageWhenRunOnATuesday() {
        Outcome outcome = EmbeddingExample.run(Clock.fixed(Instant.parse("2026-03-03T12:00:00Z"), ZoneOffset.UTC));

        // 2 x 2.95 = 5.90 -> 5 base points (rounded down); 25 per hanging heart -> 50; postage excluded
        assertThat(outcome.entries()).extracting(e -> e.rule() + "=" + e.points())
                .containsExactly("BASE-01 one point per pound=5", "SKU-01 hanging heart=50");
        assertThat(outcome.balance().value()).isEqualTo(100 + 55);
        assertThat(outcome.explanation().toText()).contains("EXCL-01").contains("POST excluded");
    }
}
