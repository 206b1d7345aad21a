package dev.loyalty.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.core.LoyaltyEngine;
import dev.loyalty.core.Outcome;
import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.model.LedgerEntry;
import dev.loyalty.rules.DroolsRuleEngine;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The baseline is only a baseline if it does the same work: same entries, same explanation steps. */
class PlainJavaCampaignsTest {

    @Test
    void shouldEarnExactlyWhatTheDefaultDrlPackEarnsOnTheBenchmarkPurchases() {
        Purchase[] templates = SyntheticPurchases.generate(2_000, 7, SyntheticPurchases.START);
        try (DroolsRuleEngine drools = DroolsRuleEngine.builder().defaultCampaigns().build()) {
            LoyaltyEngine withDrools = SyntheticPurchases.engineWithMembers(drools);
            LoyaltyEngine withJava = SyntheticPurchases.engineWithMembers(new PlainJavaCampaigns());
            long points = 0;
            for (int n = 0; n < templates.length; n++) {
                Purchase purchase = SyntheticPurchases.purchase(templates[n], n);
                Outcome expected = withDrools.process(purchase);
                Outcome actual = withJava.process(purchase);
                // the order of entries follows the order rules fire in, which is the engine's own
                assertThat(withoutOrder(actual.entries())).as("entries of %s", purchase.eventId())
                        .containsExactlyInAnyOrderElementsOf(withoutOrder(expected.entries()));
                assertThat(actual.explanation().steps()).as("steps of %s", purchase.eventId())
                        .containsExactlyInAnyOrderElementsOf(expected.explanation().steps());
                points += actual.points().value();
            }
            assertThat(points).isPositive();
        }
    }

    private static List<String> withoutOrder(List<LedgerEntry> entries) {
        return entries.stream().map(e -> e.rule() + " " + e.reason() + " " + e.points() + " " + e.lotId()).toList();
    }

    @Test
    void shouldDeclareTheTierLadderTheDefaultPackDeclares() {
        try (DroolsRuleEngine drools = DroolsRuleEngine.builder().defaultCampaigns().build();
             EvreteCampaigns evrete = new EvreteCampaigns()) {
            assertThat(drools.tierPolicy()).isPresent();
            assertThat(new PlainJavaCampaigns().tierPolicy()).isEqualTo(drools.tierPolicy());
            assertThat(evrete.tierPolicy()).isEqualTo(drools.tierPolicy());
        }
    }
}
