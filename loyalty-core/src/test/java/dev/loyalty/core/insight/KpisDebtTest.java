package dev.loyalty.core.insight;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.core.ClawbackPolicy;
import dev.loyalty.core.LoyaltyEngine;
import dev.loyalty.core.ProgramSettings;
import dev.loyalty.core.event.Enrolment;
import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.event.Redemption;
import dev.loyalty.core.event.Return;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.Money;
import dev.loyalty.core.store.InMemoryStore;
import dev.loyalty.core.testing.JavaRules;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Points flows of a period in which a member repays claw-back debt from new earnings: whichever policy left the debt,
 * the flows add up to the change of the liability.
 */
class KpisDebtTest {

    private static final MemberId ALICE = MemberId.of("alice");
    private static final LocalDate FEB = LocalDate.of(2026, 2, 1);
    private static final LocalDate MAR = LocalDate.of(2026, 3, 1);

    private static Instant at(String dateTime) {
        return Instant.parse(dateTime);
    }

    /**
     * Alice earns 100 welcome points and 100 for a purchase in January and redeems all 200; in February she returns the
     * purchase, whose 100 points were spent (a debt of 100), then earns 60 points, which repay 60 of it.
     */
    private static ProgramKpis february(ClawbackPolicy policy) {
        ProgramSettings program = ProgramSettings.builder().currency("GBP").zone("UTC").clawback(policy).build();
        InMemoryStore store = new InMemoryStore();
        LoyaltyEngine engine = LoyaltyEngine.builder().program(program).clock(Clock.fixed(at("2026-06-01T00:00:00Z"), ZoneOffset.UTC))
                .store(store).ruleEngine(JavaRules.simplePack(1_000)).build();
        engine.process(Enrolment.of(EventId.of("enrol"), ALICE, at("2026-01-05T10:00:00Z")));
        engine.process(Purchase.builder(EventId.of("p1"), ALICE, at("2026-01-06T10:00:00Z")).line("SKU", "general", 1, Money.of("100", "GBP"))
                .build());
        engine.process(new Redemption(EventId.of("r1"), ALICE, at("2026-01-07T10:00:00Z"), "R", 200, null));
        engine.process(new Return(EventId.of("ret"), ALICE, at("2026-02-03T10:00:00Z"), EventId.of("p1"), Money.of("100", "GBP")));
        engine.process(Purchase.builder(EventId.of("p2"), ALICE, at("2026-02-04T10:00:00Z")).line("SKU", "general", 1, Money.of("60", "GBP"))
                .build());
        return Insights.of(store, program).kpis(KpiSettings.builder(FEB, MAR).build());
    }

    @ParameterizedTest
    @EnumSource(ClawbackPolicy.class)
    void shouldMakeThePeriodsFlowsAddUpToTheChangeOfTheLiabilityWhenDebtIsRepaid(ClawbackPolicy policy) {
        ProgramKpis kpis = february(policy);
        long opening = kpis.liability().get(0).points();

        assertThat(opening).isZero();
        assertThat(kpis.pointsIssued()).isEqualTo(60);
        assertThat(opening + kpis.pointsIssued() - kpis.pointsRedeemed() - kpis.pointsExpired() - kpis.pointsClawedBack())
                .as("opening liability + issued - redeemed - expired - clawed back").isEqualTo(kpis.liabilityPoints());
    }

    @ParameterizedTest
    @EnumSource(ClawbackPolicy.class)
    void shouldCountPointsTakenFromNewEarningsToRepayDebtAsClawedBack(ClawbackPolicy policy) {
        ProgramKpis kpis = february(policy);

        // DEBT: the 100 owed are kept off the balance and 60 of them are taken from the new points when earned;
        // NEGATIVE_BALANCE: the 100 are written against the debt lot at the return, and repaying moves points between lots
        assertThat(kpis.pointsClawedBack()).isEqualTo(policy == ClawbackPolicy.DEBT ? 60 : 100);
        assertThat(kpis.liabilityPoints()).isEqualTo(policy == ClawbackPolicy.DEBT ? 0 : -40);
    }
}
