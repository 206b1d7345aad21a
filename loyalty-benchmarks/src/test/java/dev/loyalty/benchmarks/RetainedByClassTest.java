package dev.loyalty.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RetainedByClassTest {

    @Test
    void shouldCountOneRecordedEventWithItsOutcomePerPurchaseTheStoreKeeps() {
        List<RetainedByClass.Share> shares = RetainedByClass.measure(RuleEngines.PLAIN_JAVA, 3_000);

        // the store keeps each purchase's event, with its outcome, to answer replays: one each, whatever else it keeps
        assertThat(share(shares, "dev.loyalty.core.spi.StoredEvent").instancesPerPurchase()).isEqualTo(1.0);
        assertThat(share(shares, "dev.loyalty.core.Outcome").instancesPerPurchase()).isEqualTo(1.0);
        assertThat(share(shares, "dev.loyalty.core.model.LedgerEntry").instancesPerPurchase()).isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void shouldListTheLargestShareFirst() {
        List<RetainedByClass.Share> shares = RetainedByClass.measure(RuleEngines.PLAIN_JAVA, 1_000);

        assertThat(shares).isSortedAccordingTo((a, b) -> Double.compare(b.bytesPerPurchase(), a.bytesPerPurchase()));
        assertThat(shares.get(0).bytesPerPurchase()).isGreaterThan(40);
    }

    private static RetainedByClass.Share share(List<RetainedByClass.Share> shares, String className) {
        return shares.stream().filter(share -> share.className().equals(className)).findFirst().orElseThrow();
    }
}
