package dev.loyalty.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RetainedByClassTest {

    @Test
    void shouldCountOneRecordedEventPerPurchaseTheStoreKeepsAndNoExplanationOutcomeOrEntryObjects() {
        List<RetainedByClass.Share> shares = RetainedByClass.measure(RuleEngines.PLAIN_JAVA, 3_000);

        // the in-memory store keeps each purchase's event packed, with its outcome's explanation's facts, to answer
        // replays: one each, whatever else it keeps; the stored event, the outcome and its explanation are made again on
        // a look-up, and the ledger entries, kept in the member's columns, on a read
        assertThat(share(shares, "dev.loyalty.core.store.KeptEvent").instancesPerPurchase()).isEqualTo(1.0);
        assertThat(shares).noneMatch(share -> share.className().equals("dev.loyalty.core.Explanation"));
        assertThat(shares).noneMatch(share -> share.className().equals("dev.loyalty.core.Outcome"));
        assertThat(shares).noneMatch(share -> share.className().equals("dev.loyalty.core.model.LedgerEntry"));
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
