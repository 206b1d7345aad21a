package dev.loyalty.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.core.EventResult;
import dev.loyalty.core.LoyaltyEngine;
import dev.loyalty.core.Outcome;
import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.model.LedgerEntry;
import dev.loyalty.rules.DroolsRuleEngine;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The peer engine's port is only a fair comparison if it earns exactly what the DRL earns. */
class EvreteCampaignsTest {

    @Test
    void shouldEarnExactlyWhatTheDefaultDrlPackEarnsWhenEventsComeOneByOne() {
        Purchase[] templates = SyntheticPurchases.generate(1_000, 11, SyntheticPurchases.START);
        try (DroolsRuleEngine drools = DroolsRuleEngine.builder().defaultCampaigns().build(); EvreteCampaigns evrete = new EvreteCampaigns()) {
            LoyaltyEngine withDrools = SyntheticPurchases.engineWithMembers(drools);
            LoyaltyEngine withEvrete = SyntheticPurchases.engineWithMembers(evrete);
            for (int n = 0; n < templates.length; n++) {
                Purchase purchase = SyntheticPurchases.purchase(templates[n], n);
                Outcome expected = withDrools.process(purchase);
                Outcome actual = withEvrete.process(purchase);

                assertThat(withoutOrder(actual.entries())).as("entries of %s", purchase.eventId())
                        .containsExactlyInAnyOrderElementsOf(withoutOrder(expected.entries()));
                assertThat(actual.explanation().steps()).as("steps of %s", purchase.eventId())
                        .containsExactlyInAnyOrderElementsOf(expected.explanation().steps());
            }
            assertThat(withEvrete.balance(SyntheticPurchases.memberId(0))).isEqualTo(withDrools.balance(SyntheticPurchases.memberId(0)));
        }
    }

    @Test
    void shouldEarnExactlyWhatTheDefaultDrlPackEarnsWhenEventsComeInBatches() {
        List<Purchase> purchases = Arrays.asList(SyntheticPurchases.purchases(SyntheticPurchases.generate(512, 3, SyntheticPurchases.START), 0, 2_000));
        try (DroolsRuleEngine drools = DroolsRuleEngine.builder().defaultCampaigns().build(); EvreteCampaigns evrete = new EvreteCampaigns()) {
            List<EventResult> expected = SyntheticPurchases.engineWithMembers(drools).processAll(purchases);
            List<EventResult> actual = SyntheticPurchases.engineWithMembers(evrete).processAll(purchases);

            for (int i = 0; i < purchases.size(); i++) {
                assertThat(actual.get(i).outcomeOrThrow().points()).as("points of event %d", i).isEqualTo(expected.get(i).outcomeOrThrow().points());
                assertThat(actual.get(i).outcome().explanation().steps()).as("steps of event %d", i)
                        .containsExactlyInAnyOrderElementsOf(expected.get(i).outcome().explanation().steps());
            }
        }
    }

    private static List<String> withoutOrder(List<LedgerEntry> entries) {
        return entries.stream().map(e -> e.rule() + " " + e.reason() + " " + e.points() + " " + e.lotId()).toList();
    }
}
