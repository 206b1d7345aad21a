package dev.loyalty.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.core.ProgramSettings;
import dev.loyalty.core.RuleEvaluationException;
import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.Member;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.MemberStatus;
import dev.loyalty.core.model.Money;
import dev.loyalty.core.model.Points;
import dev.loyalty.core.spi.RuleContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The session pool: sessions are reused when clean and disposed when not. */
class RuleSetTest {

    private static final String RULES = """
            package test;
            import dev.loyalty.rules.vocabulary.*;
            global dev.loyalty.rules.vocabulary.Earn earn;
            rule "P-01 base" when $p : Purchase( ) then earn.base($p, 1, "base"); end
            rule "P-02 fails on garden" when PurchaseLine( category == "garden" ) then earn.points(Long.parseLong("x"), "x"); end
            """;

    private static RuleSet compile() {
        return RuleSetCompiler.compile(List.of(new DrlSource("pool.drl", RULES)), RuleSetTest.class.getClassLoader(), 4);
    }

    private static RuleContext context(String id, String category) {
        Instant at = Instant.parse("2024-03-05T12:00:00Z");
        Purchase purchase = Purchase.builder(EventId.of(id), MemberId.of("m"), at).line("S", category, 1, Money.of("3.00", "GBP")).build();
        Member member = new Member(MemberId.of("m"), at, "member", MemberStatus.ACTIVE, null, null);
        return new RuleContext(member, Points.ZERO, purchase, LocalDate.of(2024, 3, 5), ZoneOffset.UTC,
                ProgramSettings.builder().currency("GBP").build());
    }

    @Test
    void shouldReuseOneSessionWhenEventsAreEvaluatedOneAfterAnother() {
        try (RuleSet rules = compile()) {
            for (int i = 0; i < 5; i++) {
                rules.evaluate(context("p-" + i, "kitchen"));
            }

            assertThat(rules.idleSessions()).isEqualTo(1);
        }
    }

    @Test
    void shouldReuseThePooledSessionWhenAFewEventsFireTogether() {
        try (RuleSet rules = compile()) {
            for (int i = 0; i < 3; i++) {
                List<List<dev.loyalty.core.spi.Decision>> decisions = rules.evaluateAll(
                        List.of(context("a-" + i, "kitchen"), context("b-" + i, "toys"), context("c-" + i, "food")));

                assertThat(decisions).allSatisfy(each -> assertThat(each).singleElement()
                        .extracting(dev.loyalty.core.spi.Decision::rule).isEqualTo("P-01 base"));
            }

            assertThat(rules.idleSessions()).isEqualTo(1);
        }
    }

    @Test
    void shouldDisposeThePooledSessionWhenARuleFailedInAFewEventsFiringTogether() {
        try (RuleSet rules = compile()) {
            rules.evaluate(context("p-1", "kitchen"));

            assertThatThrownBy(() -> rules.evaluateAll(List.of(context("p-2", "kitchen"), context("p-3", "garden"))))
                    .isInstanceOf(RuleEvaluationException.class).hasMessageContaining("p-3");
            assertThat(rules.idleSessions()).isZero();
        }
    }

    @Test
    void shouldAnnounceFiringsFromTheConsequencesWhenTheRulesDeclareEarn() {
        try (RuleSet rules = compile()) {
            List<dev.loyalty.core.spi.Decision> decisions = rules.evaluate(context("p-1", "kitchen"));

            assertThat(rules.announcesFirings()).isTrue();
            assertThat(decisions).extracting(dev.loyalty.core.spi.Decision::rule).containsExactly("P-01 base");
        }
    }

    @Test
    void shouldListenForFiringsWhenARuleHasNamedConsequences() {
        String named = """
                package test;
                import dev.loyalty.rules.vocabulary.*;
                global dev.loyalty.rules.vocabulary.Earn earn;
                rule "N-01 named" when $p : Purchase( ) do[extra] then earn.base($p, 1, "base"); then[extra] earn.points(5, "extra"); end
                """;
        try (RuleSet rules = RuleSetCompiler.compile(List.of(new DrlSource("named.drl", named)), RuleSetTest.class.getClassLoader(), 4)) {
            List<List<dev.loyalty.core.spi.Decision>> decisions = rules.evaluateAll(List.of(context("a", "kitchen"), context("b", "toys")));

            assertThat(rules.announcesFirings()).isFalse();
            assertThat(decisions).allSatisfy(each -> assertThat(each).extracting(dev.loyalty.core.spi.Decision::rule)
                    .containsOnly("N-01 named").hasSize(2));
        }
    }

    @Test
    void shouldDisposeTheSessionWhenARuleFailed() {
        try (RuleSet rules = compile()) {
            rules.evaluate(context("p-1", "kitchen"));

            assertThatThrownBy(() -> rules.evaluate(context("p-2", "garden"))).isInstanceOf(RuleEvaluationException.class);
            assertThat(rules.idleSessions()).isZero();
        }
    }

    @Test
    void shouldDisposeIdleSessionsWhenClosed() {
        RuleSet rules = compile();
        rules.evaluate(context("p-1", "kitchen"));

        rules.close();

        assertThat(rules.idleSessions()).isZero();
    }

    @Test
    void shouldDisposeIdleSessionsButKeepEvaluatingWhenRetired() {
        try (RuleSet rules = compile()) {
            rules.evaluate(context("r-1", "kitchen"));
            assertThat(rules.idleSessions()).isEqualTo(1);

            rules.retire();

            assertThat(rules.idleSessions()).isZero();
            assertThat(rules.evaluate(context("r-2", "kitchen"))).hasSize(1);
            assertThat(rules.idleSessions()).as("a retired set pools no session").isZero();
        }
    }

    @Test
    void shouldPoolOneSessionWhenWarmed() {
        try (RuleSet rules = compile()) {
            rules.warm();

            assertThat(rules.idleSessions()).isEqualTo(1);
        }
    }

    @Test
    void shouldVersionSourcesByKeyNotByName() {
        String version = RuleSetCompiler.version(List.of(new DrlSource("/etc/one/base.drl", "base.drl", RULES)));

        assertThat(RuleSetCompiler.version(List.of(new DrlSource("/srv/two/base.drl", "base.drl", RULES)))).isEqualTo(version);
        assertThat(RuleSetCompiler.version(List.of(new DrlSource("/etc/one/base.drl", "other.drl", RULES)))).isNotEqualTo(version);
    }
}
