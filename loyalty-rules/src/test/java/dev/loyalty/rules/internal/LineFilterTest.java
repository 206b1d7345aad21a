package dev.loyalty.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.core.ProgramSettings;
import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.event.PurchaseLine;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.Member;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.MemberStatus;
import dev.loyalty.core.model.Money;
import dev.loyalty.core.model.Points;
import dev.loyalty.core.spi.Decision;
import dev.loyalty.core.spi.RuleContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Purchase lines no rule could see are left out of the session; every other line goes in. */
class LineFilterTest {

    private static final String HEADER = """
            package test;
            import dev.loyalty.rules.vocabulary.*;
            global dev.loyalty.rules.vocabulary.Earn earn;
            """;
    private static final LocalDate DAY = LocalDate.of(2024, 3, 5);

    private static RuleSet compile(String rules) {
        return RuleSetCompiler.compile(List.of(new DrlSource("lines.drl", HEADER + rules)), LineFilterTest.class.getClassLoader(), 2);
    }

    private static PurchaseLine line(String sku, String category) {
        return new PurchaseLine(sku, category, 1, Money.of("1.00", "GBP"));
    }

    private static RuleContext purchase(String id, String... categories) {
        Instant at = Instant.parse("2024-03-05T12:00:00Z");
        Purchase.Builder purchase = Purchase.builder(EventId.of(id), MemberId.of("m"), at);
        for (String category : categories) {
            purchase.line("SKU-" + category, category, 1, Money.of("3.00", "GBP"));
        }
        Member member = new Member(MemberId.of("m"), at, "member", MemberStatus.ACTIVE, null, null);
        return new RuleContext(member, Points.ZERO, purchase.build(), DAY, ZoneOffset.UTC, ProgramSettings.builder().currency("GBP").build());
    }

    @Test
    void shouldAdmitOnlyLinesWhoseCategoryOrSkuARuleComparesWithALiteral() {
        try (RuleSet rules = compile("""
                rule "EXCL" when $l : PurchaseLine( category == "service" ) then earn.exclude($l, "x"); end
                rule "CAT" when $l : PurchaseLine( category == "garden" ) then earn.bonus($l, 2, "x"); end
                rule "SKU" when $l : PurchaseLine( sku == "85123A", quantity > 1 ) then earn.pointsPerItem($l, 25, "x"); end
                """)) {
            LineFilter filter = rules.lineFilter();

            assertThat(filter.keepsEveryLine()).isFalse();
            assertThat(filter.admits(line("A", "service"))).isTrue();
            assertThat(filter.admits(line("B", "garden"))).isTrue();
            assertThat(filter.admits(line("85123A", "kitchen"))).isTrue();
            assertThat(filter.admits(line("C", "kitchen"))).isFalse();
            assertThat(filter.admits(line("garden", "85123A"))).isFalse();
        }
    }

    @Test
    void shouldAdmitEveryComparedSkuWhenTheRuleBaseHashesManyLiteralsOfOneField() {
        StringBuilder drl = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            drl.append("rule \"SKU-").append(i).append("\" when $l : PurchaseLine( sku == \"S").append(i)
                    .append("\" ) then earn.pointsPerItem($l, 5, \"x\"); end\n");
        }
        try (RuleSet rules = compile(drl.toString())) {
            LineFilter filter = rules.lineFilter();

            for (int i = 0; i < 12; i++) {
                assertThat(filter.admits(line("S" + i, "any"))).as("S%d", i).isTrue();
            }
            assertThat(filter.admits(line("S12", "any"))).isFalse();
        }
    }

    @Test
    void shouldKeepEveryLineWhenALinePatternFirstComparesANumber() {
        try (RuleSet rules = compile("""
                rule "CAT" when $l : PurchaseLine( category == "garden" ) then earn.bonus($l, 2, "x"); end
                rule "BULK" when $l : PurchaseLine( quantity > 10 ) then earn.bonus($l, 1, "x"); end
                """)) {
            assertThat(rules.lineFilter().keepsEveryLine()).isTrue();
        }
    }

    @Test
    void shouldKeepEveryLineWhenALinePatternHasNoTest() {
        try (RuleSet rules = compile("""
                rule "CAT" when $l : PurchaseLine( category == "garden" ) then earn.bonus($l, 2, "x"); end
                rule "ANY" when $l : PurchaseLine( ) then earn.bonus($l, 1, "x"); end
                """)) {
            assertThat(rules.lineFilter().keepsEveryLine()).isTrue();
        }
    }

    @Test
    void shouldKeepEveryLineWhenALinePatternTestsEitherOfTwoLiterals() {
        try (RuleSet rules = compile("""
                rule "EITHER" when $l : PurchaseLine( category == "garden" || category == "toys" ) then earn.bonus($l, 2, "x"); end
                """)) {
            assertThat(rules.lineFilter().keepsEveryLine()).isTrue();
        }
    }

    @Test
    void shouldDecideOnALineByItsPositionInThePurchaseWhenTheLinesBeforeItAreLeftOut() {
        try (RuleSet rules = compile("""
                rule "CAT" when $l : PurchaseLine( category == "garden" ) then earn.bonus($l, 2, "garden"); end
                """)) {
            List<Decision> decisions = rules.evaluate(purchase("p-1", "kitchen", "toys", "garden"));

            assertThat(decisions).singleElement().isInstanceOfSatisfying(Decision.BonusRate.class, bonus -> assertThat(bonus.line()).isEqualTo(2));
        }
    }

    @Test
    void shouldFireARuleOnTheAbsenceOfALineOnlyWhenNoLineMatchesIt() {
        try (RuleSet rules = compile("""
                rule "NO-GARDEN" when Purchase( ) not PurchaseLine( category == "garden" ) then earn.points(7, "no garden"); end
                """)) {
            List<List<Decision>> decisions = rules.evaluateAll(List.of(purchase("p-1", "kitchen", "toys"), purchase("p-2", "kitchen", "garden")));

            assertThat(decisions.get(0)).singleElement().extracting(Decision::rule).isEqualTo("NO-GARDEN");
            assertThat(decisions.get(1)).isEmpty();
        }
    }

    @Test
    void shouldCountOnlyTheMatchingLinesWhenARuleAccumulatesLinesAmongOthers() {
        try (RuleSet rules = compile("""
                rule "TWO-GARDEN" when
                    Purchase( )
                    Number( intValue >= 2 ) from accumulate( PurchaseLine( category == "garden" ), count( 1 ) )
                then earn.points(9, "two garden lines"); end
                """)) {
            List<Decision> twoAmongOthers = rules.evaluate(purchase("p-1", "kitchen", "garden", "toys", "garden"));
            List<Decision> one = rules.evaluate(purchase("p-2", "garden", "kitchen"));

            assertThat(twoAmongOthers).singleElement().extracting(Decision::rule).isEqualTo("TWO-GARDEN");
            assertThat(one).isEmpty();
        }
    }
}
