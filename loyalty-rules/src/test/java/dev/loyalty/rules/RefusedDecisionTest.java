package dev.loyalty.rules;

import static dev.loyalty.rules.Shop.gbp;
import static dev.loyalty.rules.Shop.london;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.loyalty.core.LoyaltyEngine;
import dev.loyalty.core.RuleEvaluationException;
import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.Points;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/** A campaign's mistake reaches the core as a decision it refuses, naming the rule, before anything is stored. */
class RefusedDecisionTest {

    @Test
    void shouldRefuseTheLargestLongThatAnMvelDivisionByZeroAwardsNamingTheRuleAndItsLineAndStoringNothing() {
        refusedStoringNothing("""
                rule "TYPO-01 ten points shared by nobody"
                    dialect "mvel"
                when
                    Purchase()
                then
                    earn.points(10 / 0, "ten points");
                end
                """, "KITCHEN-1")
                .hasMessageContaining("TYPO-01").hasMessageContaining("consequence at campaign.drl:8 failed: ")
                .hasMessageContaining("points is " + Long.MAX_VALUE);
    }

    @Test
    void shouldRefuseTheNaNThatAnMvelZeroDividedByZeroAwardsNamingTheRuleAndItsLineAndStoringNothing() {
        // MVEL's cast of NaN to long is 0: without the refusal the purchase would be stored with no bonus
        refusedStoringNothing("""
                rule "TYPO-02 nothing shared by nobody"
                    dialect "mvel"
                when
                    Purchase()
                then
                    earn.points(0 / 0, "no points");
                end
                """, "KITCHEN-1")
                .hasMessageContaining("TYPO-02").hasMessageContaining("consequence at campaign.drl:8 failed: ")
                .hasMessageContaining("a whole number such as points is NaN (not a number)");
    }

    @Test
    void shouldRefuseTheNaNOfAnMvelZeroDividedByZeroKeptInALongLocalNamingTheRuleAndNaNAndStoringNothing() {
        // the purchase has one line: 0 / 0 at run time; MVEL's typed local turns the refusal into "cannot convert"
        refusedStoringNothing("""
                rule "TYPO-03 nothing kept in a long"
                    dialect "mvel"
                when
                    $p : Purchase()
                then
                    long n = ($p.getLineCount() - 1) / ($p.getLineCount() - 1);
                    earn.points(n, "no points");
                end
                """, "KITCHEN-1")
                .hasMessageContaining("TYPO-03").hasMessageContaining("consequence at campaign.drl:8 failed: ")
                .hasMessageContaining("a whole number such as points is NaN (not a number)");
    }

    @Test
    void shouldRefuseTheNaNOfAnMvelZeroDividedByZeroKeptInAnIntLocalNamingTheRuleAndNaNAndStoringNothing() {
        refusedStoringNothing("""
                rule "TYPO-04 nothing kept in an int"
                    dialect "mvel"
                when
                    $p : Purchase()
                then
                    int n = ($p.getLineCount() - 1) / ($p.getLineCount() - 1);
                    earn.points(n, "no points");
                end
                """, "KITCHEN-1")
                .hasMessageContaining("TYPO-04").hasMessageContaining("consequence at campaign.drl:8 failed: ")
                .hasMessageContaining("a whole number such as points is NaN (not a number)");
    }

    @Test
    void shouldRefuseTheInfinityOfAnMvelDivisionByZeroKeptInALongLocalNamingTheRuleAndStoringNothing() {
        refusedStoringNothing("""
                rule "TYPO-05 one point kept in a long shared by nobody"
                    dialect "mvel"
                when
                    Purchase()
                then
                    long n = 1 / 0;
                    earn.points(n, "one point");
                end
                """, "KITCHEN-1")
                .hasMessageContaining("TYPO-05").hasMessageContaining("consequence at campaign.drl:8 failed: ")
                .hasMessageContaining("points is " + Long.MAX_VALUE);
    }

    @Test
    void shouldRefuseTheNaNOfAnMvelZeroDividedByZeroCastToLongNamingTheRuleAndStoringNothing() {
        refusedStoringNothing("""
                rule "TYPO-06 nothing cast to long"
                    dialect "mvel"
                when
                    Purchase()
                then
                    earn.points((long) (0 / 0), "no points");
                end
                """, "KITCHEN-1")
                .hasMessageContaining("TYPO-06").hasMessageContaining("consequence at campaign.drl:8 failed: ")
                .hasMessageContaining("a whole number such as points is NaN (not a number)");
    }

    @Test
    void shouldRefuseAReasonThatCutsACharacterBeyondTheBasicPlaneInHalfStoringNothing() {
        // the SKU starts with U+1F389, two UTF-16 units: the rule keeps only the first
        refusedStoringNothing("""
                rule "CUT-01 bonus named after the first character of the SKU"
                when
                    $l : PurchaseLine()
                then
                    earn.bonus($l, 1, "Bonus on " + $l.getSku().substring(0, 1));
                end
                """, "\uD83C\uDF89-PARTY")
                .hasMessageContaining("CUT-01").hasMessageContaining("unpaired surrogate \\uD83C");
    }

    /** Processes a purchase of one line with the SKU under a campaign, expects a refusal, and checks nothing was stored. */
    private static AbstractThrowableAssert<?, ? extends Throwable> refusedStoringNothing(String campaign, String sku) {
        try (DroolsRuleEngine rules = DroolsRuleEngine.builder().drl("campaign.drl", MalformedDrlTest.HEADER + campaign).build()) {
            LoyaltyEngine engine = Shop.engine(rules);
            MemberId member = Shop.enrol(engine, "member");
            Points before = engine.balance(member);
            Purchase purchase = Purchase.builder(EventId.of("p-refused"), member, london("2024-03-05T12:00"))
                    .line(sku, "kitchen", 1, gbp("10.00")).build();

            Throwable refusal = catchThrowable(() -> engine.process(purchase));

            assertThat(engine.balance(member)).isEqualTo(before);
            assertThat(engine.ledger(member)).noneMatch(entry -> entry.eventId().equals(purchase.eventId()));
            return assertThat(refusal).isInstanceOf(RuleEvaluationException.class);
        }
    }
}
