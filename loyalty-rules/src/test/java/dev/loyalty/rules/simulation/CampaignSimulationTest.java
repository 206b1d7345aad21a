package dev.loyalty.rules.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.core.ExpiryPolicy;
import dev.loyalty.core.LoyaltyConfigurationException;
import dev.loyalty.core.LoyaltyEngine;
import dev.loyalty.core.ProgramSettings;
import dev.loyalty.core.event.Enrolment;
import dev.loyalty.core.event.LoyaltyEvent;
import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.event.Redemption;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.LedgerEntry;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.Money;
import dev.loyalty.core.store.InMemoryStore;
import dev.loyalty.rules.DroolsRuleEngine;
import dev.loyalty.rules.fixtures.FailingCampaigns;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class CampaignSimulationTest {

    static final ProgramSettings PROGRAM = ProgramSettings.builder().currency("GBP").zone("Europe/London").build();
    static final Instant START = Instant.parse("2025-03-03T10:00:00Z");
    static final DroolsRuleEngine LIVE = DroolsRuleEngine.builder().id("live").defaultCampaigns().build();

    static final String GARDEN = """
            package candidate;
            import dev.loyalty.rules.vocabulary.*;
            global dev.loyalty.rules.vocabulary.Earn earn;
            rule "GARDEN-02 ten extra points per pound on garden items"
            when
                $l : PurchaseLine( category == "garden" )
            then
                earn.bonus($l, 10, "10 extra points per pound on garden items");
            end
            """;

    @AfterAll
    static void close() {
        LIVE.close();
    }

    /** Two members: a's enrolment, a garden purchase and a kitchen purchase; b's enrolment and a kitchen purchase; one purchase of nobody. */
    static List<LoyaltyEvent> events() {
        MemberId a = MemberId.of("a");
        MemberId b = MemberId.of("b");
        return List.of(
                Enrolment.of(EventId.of("e-a"), a, START).withTier("gold"),
                Enrolment.of(EventId.of("e-b"), b, START.plusSeconds(60)),
                Purchase.builder(EventId.of("p-1"), a, START.plusSeconds(3600)).line("G", "garden", 1, Money.of("10.00", "GBP")).build(),
                Purchase.builder(EventId.of("p-2"), b, START.plusSeconds(7200)).line("K", "kitchen", 2, Money.of("5.00", "GBP")).build(),
                Purchase.builder(EventId.of("p-3"), MemberId.of("nobody"), START.plusSeconds(7300)).line("K", "kitchen", 1, Money.of("5.00", "GBP")).build());
    }

    static SimulationReport simulate() {
        return CampaignSimulation.builder().program(PROGRAM).current(LIVE)
                .candidate(DroolsRuleEngine.builder().id("candidate").defaultCampaigns().drl("garden.drl", GARDEN))
                .build().run(events());
    }

    @Test
    void shouldReportPointsPerCampaignOnBothSides() {
        SimulationReport report = simulate();

        // a (gold, weekday): base 10 + garden 2 x 10 = 30, gold adds 15; b: base 10; welcome 100 each
        assertThat(report.current().pointsByCampaign()).isEqualTo(Map.of("WELCOME-01", 200L, "BASE-01", 20L, "CAT-01", 20L, "TIER-01", 15L));
        // the candidate adds 10 x 10 = 100 on a's garden item, on which gold adds 50
        assertThat(report.candidate().pointsByCampaign()).containsEntry("GARDEN-02", 100L).containsEntry("TIER-01", 65L);
        assertThat(report.pointsByCampaignChange()).containsEntry("GARDEN-02", 100L).containsEntry("TIER-01", 50L).containsEntry("BASE-01", 0L);
    }

    @Test
    void shouldReportTheChangeInLiabilityAndMembersPerTier() {
        SimulationReport report = simulate();

        assertThat(report.current().liability()).isEqualTo(255);
        assertThat(report.candidate().liability()).isEqualTo(405);
        assertThat(report.liabilityChange()).isEqualTo(150);
        assertThat(report.current().membersByTier()).isEqualTo(Map.of("gold", 1L, "member", 1L));
        assertThat(report.candidate().membersByTier()).isEqualTo(report.current().membersByTier());
    }

    @Test
    void shouldCountRejectedEventsAndNameBothSets() {
        SimulationReport report = simulate();

        assertThat(report.current().eventsProcessed()).isEqualTo(4);
        assertThat(report.current().eventsRejected()).isEqualTo(1);
        assertThat(report.current().campaignSetId()).isEqualTo("live");
        assertThat(report.candidate().campaignSetId()).isEqualTo("candidate");
        assertThat(report.candidate().version()).isNotEqualTo(report.current().version());
        assertThat(report.toText()).contains("GARDEN-02").contains("points liability").containsPattern("points liability +255 +405 +\\+150");
    }

    @Test
    void shouldLeaveTheLiveStoreUnchanged() {
        InMemoryStore liveStore = new InMemoryStore();
        try (LoyaltyEngine live = LoyaltyEngine.builder().program(PROGRAM).store(liveStore).ruleEngine(LIVE)
                .clock(Clock.fixed(START.plusSeconds(86_400), ZoneOffset.UTC)).build()) {
            live.process(events().get(0));
            live.process(events().get(2));
            List<LedgerEntry> before = live.ledger(MemberId.of("a"));

            simulate();

            assertThat(live.ledger(MemberId.of("a"))).isEqualTo(before);
            assertThat(live.member(MemberId.of("b"))).as("b enrolled only in the simulation").isEmpty();
        }
    }

    @Test
    void shouldListCampaignsAndTiersInIdOrder() {
        SimulationReport report = simulate();

        assertThat(report.candidate().pointsByCampaign().keySet()).containsExactly("BASE-01", "CAT-01", "GARDEN-02", "TIER-01", "WELCOME-01");
        assertThat(report.current().membersByTier().keySet()).containsExactly("gold", "member");
    }

    @Test
    void shouldLeaveARunningEngineOpen() {
        simulate();

        assertThat(LIVE.ruleNames()).isNotEmpty();
    }

    static final String CAKE = """
            package candidate;
            import dev.loyalty.rules.vocabulary.*;
            global dev.loyalty.rules.vocabulary.Offers offers;
            rule "CAKE-01 a birthday cake"
            when
                $b : BirthdayDue( )
            then
                offers.freeItem($b, "CAKE", "SKU-CAKE", 7, "A birthday cake on us");
            end
            """;

    @Test
    void shouldReportTheOffersTheClosingSweepIssuesPerTemplate() {
        // the clock is a day after the last event: 2025-03-04 in London; c's birthday is that day, c last bought
        // (enrolled) 100 days before, d 200 days before
        List<LoyaltyEvent> events = new java.util.ArrayList<>();
        events.add(Enrolment.of(EventId.of("e-d"), MemberId.of("d"), START.minus(Duration.ofDays(199))));
        events.add(Enrolment.of(EventId.of("e-c"), MemberId.of("c"), START.minus(Duration.ofDays(99)))
                .withBirthday(java.time.LocalDate.of(1995, 3, 4)));
        events.addAll(events());

        SimulationReport report = CampaignSimulation.builder().program(PROGRAM).current(LIVE)
                .candidate(DroolsRuleEngine.builder().id("candidate").defaultCampaigns().drl("cake.drl", CAKE))
                .build().run(events);

        assertThat(report.current().offersByTemplate()).isEqualTo(Map.of("BDAY-01", 1L, "WINBACK-90", 1L, "WINBACK-180", 1L));
        assertThat(report.candidate().offersByTemplate()).isEqualTo(Map.of("BDAY-01", 1L, "CAKE", 1L, "WINBACK-90", 1L, "WINBACK-180", 1L));
        assertThat(report.offersByTemplateChange()).isEqualTo(Map.of("BDAY-01", 0L, "CAKE", 1L, "WINBACK-90", 0L, "WINBACK-180", 0L));
        assertThat(report.toText()).contains("offers issued per template (closing sweep)").containsPattern("CAKE +0 +1 +\\+1");
    }

    @Test
    void shouldFailNamingTheRuleWhenTheClosingSweepFailsForAMember() {
        List<LoyaltyEvent> events = new java.util.ArrayList<>();
        events.add(Enrolment.of(EventId.of("e-d"), MemberId.of("d"), START.minus(Duration.ofDays(199))));
        events.addAll(events());
        assertThatThrownBy(() -> CampaignSimulation.builder().program(PROGRAM).current(LIVE)
                .candidate(DroolsRuleEngine.builder().id("candidate").defaultCampaigns().drl("bad.drl", FailingCampaigns.ZERO_POINT_WIN_BACK))
                .build().run(events))
                .isInstanceOf(dev.loyalty.core.RuleEvaluationException.class).hasMessageContaining(FailingCampaigns.ZERO_POINT_RULE);
    }

    @Test
    void shouldRefuseToRunWithoutACandidate() {
        assertThatThrownBy(() -> CampaignSimulation.builder().program(PROGRAM).current(LIVE).build())
                .isInstanceOf(LoyaltyConfigurationException.class).hasMessageContaining("candidate(...)");
    }

    @Test
    void shouldCountAnEventOnceWhenTheHistoryHoldsItTwice() {
        List<LoyaltyEvent> history = new java.util.ArrayList<>(events());
        history.add(history.get(2)); // p-1 again, as a retried export would hold it: the engine ignores it by its id

        SimulationReport once = simulate();
        SimulationReport twice = CampaignSimulation.builder().program(PROGRAM).current(LIVE)
                .candidate(DroolsRuleEngine.builder().id("candidate").defaultCampaigns().drl("garden.drl", GARDEN))
                .build().run(history);

        assertThat(twice.current().pointsIssued()).isEqualTo(once.current().pointsIssued());
        assertThat(twice.current().pointsByCampaign()).isEqualTo(once.current().pointsByCampaign());
        assertThat(twice.current().eventsProcessed()).isEqualTo(once.current().eventsProcessed());
        assertThat(twice.candidate().pointsIssued()).isEqualTo(once.candidate().pointsIssued());
    }

    @Test
    void shouldNameTheNullEventWhenTheHistoryHoldsOne() {
        List<LoyaltyEvent> history = new java.util.ArrayList<>(events());
        history.add(2, null);

        assertThatThrownBy(() -> CampaignSimulation.builder().program(PROGRAM).current(LIVE).candidate(LIVE).build().run(history))
                .isInstanceOfSatisfying(dev.loyalty.core.InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("events[2]"))
                .hasMessage("events[2] is null");
    }

    @Test
    void shouldNotCountARepaymentOfClawedBackPointsAsPointsIssuedOrRemoved() {
        // a spends everything, returns the purchase (the claw-back leaves a debt of 100), then earns 50, of which all repay the debt
        ProgramSettings negative = ProgramSettings.builder().currency("GBP").zone("Europe/London")
                .clawback(dev.loyalty.core.ClawbackPolicy.NEGATIVE_BALANCE).build();
        MemberId a = MemberId.of("a");
        Instant day = START;
        List<LoyaltyEvent> history = List.of(
                Enrolment.of(EventId.of("e-a"), a, day),
                Purchase.builder(EventId.of("p-1"), a, day.plus(Duration.ofDays(1))).line("K", "kitchen", 1, Money.of("100.00", "GBP")).build(),
                new Redemption(EventId.of("r-1"), a, day.plus(Duration.ofDays(40)), "voucher", 200, null),
                new dev.loyalty.core.event.Return(EventId.of("x-1"), a, day.plus(Duration.ofDays(41)), EventId.of("p-1"), Money.of("100.00", "GBP")),
                Purchase.builder(EventId.of("p-2"), a, day.plus(Duration.ofDays(42))).line("K", "kitchen", 1, Money.of("50.00", "GBP")).build());
        long issuedForReal = 0;
        long removedForReal = 0;
        try (LoyaltyEngine real = LoyaltyEngine.builder().program(negative).store(new InMemoryStore()).ruleEngine(LIVE)
                .clock(Clock.fixed(day.plus(Duration.ofDays(43)), ZoneOffset.UTC)).build()) {
            history.forEach(real::process);
            for (LedgerEntry entry : real.ledger(a)) {
                switch (entry.type()) {
                    case EARN, PENDING -> issuedForReal += entry.points().value();
                    case REDEEM, REVERSE, EXPIRE -> removedForReal -= entry.points().value();
                    default -> { }
                }
            }
            assertThat(real.ledger(a)).as("the second purchase repays the debt").anyMatch(e -> e.type() == dev.loyalty.core.model.EntryType.REPAY);
        }

        SimulationReport report = CampaignSimulation.builder().program(negative).current(LIVE).candidate(LIVE).build().run(history);

        assertThat(report.current().pointsIssued()).isEqualTo(issuedForReal);
        assertThat(report.current().pointsRemoved()).isEqualTo(removedForReal);
        assertThat(report.current().pointsIssued() - report.current().pointsRemoved()).isEqualTo(report.current().liability());
        assertThat(report.current().pointsByCampaign()).doesNotContainKey(dev.loyalty.core.CoreRules.REPAYMENT);
    }

    @Test
    void shouldKeepTheColumnsAlignedWhenALabelOrANumberIsWiderThanItsColumn() {
        SimulationReport.Side current = new SimulationReport.Side("live", "0123456789ab", 10, 0, 100, 0, 1_500_000_000_000L,
                Map.of("SPRING-GARDEN-WEEKEND-BONUS-2026", 100L, "BASE-01", 7L), Map.of("gold", 1L));
        SimulationReport.Side candidate = new SimulationReport.Side("a-rather-long-candidate-set-name", "ba9876543210", 10, 0, 100, 0, 2L,
                Map.of("BASE-01", 7L), Map.of("gold", 1L));

        List<String> lines = new SimulationReport(current, candidate).toText().lines().toList();

        String header = lines.get(0);
        int currentEnd = header.indexOf("current") + "current".length();
        int candidateEnd = header.indexOf("candidate") + "candidate".length();
        List<String> sections = List.of("points issued per campaign", "members per tier", "offers issued per template (closing sweep)");
        List<String> rows = lines.subList(1, lines.size()).stream().filter(line -> !sections.contains(line)).toList();
        assertThat(rows).hasSize(9).allSatisfy(row -> {
            assertThat(row).as("row %s", row).hasSameSizeAs(header);
            assertThat(row.charAt(currentEnd - 1)).as("current column of %s", row).isNotEqualTo(' ');
            assertThat(row.charAt(currentEnd)).as("after the current column of %s", row).isEqualTo(' ');
            assertThat(row.charAt(candidateEnd - 1)).as("candidate column of %s", row).isNotEqualTo(' ');
            assertThat(row.charAt(candidateEnd)).as("after the candidate column of %s", row).isEqualTo(' ');
        });
        assertThat(rows).anySatisfy(row -> assertThat(row).startsWith("points liability").endsWith(" -1,499,999,999,998"));
    }

    @Test
    void shouldRefuseToReportWhenTheRunningCurrentSetIsReloadedDuringTheRun() {
        // the hook rule reloads the running engine while p-2 is evaluated: later events meet the garden set
        String hook = """
                package candidate;
                import dev.loyalty.rules.vocabulary.*;
                rule "HOOK-01 reloads the set it belongs to"
                when
                    Purchase( eventId == "p-2" )
                then
                    dev.loyalty.rules.fixtures.Hooks.run();
                end
                """;
        try (DroolsRuleEngine running = DroolsRuleEngine.builder().id("running").defaultCampaigns().drl("hook.drl", hook).build()) {
            String before = running.version();
            List<LoyaltyEvent> history = new java.util.ArrayList<>(events());
            history.add(Purchase.builder(EventId.of("p-4"), MemberId.of("a"), START.plusSeconds(9000)).line("G", "garden", 1, Money.of("10.00", "GBP")).build());
            dev.loyalty.rules.fixtures.Hooks.set(() -> running.reload(DroolsRuleEngine.builder().id("running").defaultCampaigns().drl("garden.drl", GARDEN)));

            assertThatThrownBy(() -> CampaignSimulation.builder().program(PROGRAM).current(running).candidate(LIVE).build().run(history))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("reloaded").hasMessageContaining(before);
            assertThat(running.version()).as("the hook ran").isNotEqualTo(before);
        } finally {
            dev.loyalty.rules.fixtures.Hooks.set(() -> { });
        }
    }

    @Test
    void shouldCountAnEventDatedBeyondWhatTheEngineTakesAsRejected() {
        List<LoyaltyEvent> history = new java.util.ArrayList<>(events());
        history.add(Purchase.builder(EventId.of("p-max"), MemberId.of("a"), Instant.MAX).line("K", "kitchen", 1, Money.of("5.00", "GBP")).build());

        SimulationReport report = CampaignSimulation.builder().program(PROGRAM).current(LIVE).candidate(LIVE).build().run(history);

        assertThat(report.current().eventsRejected()).isEqualTo(2);
        assertThat(report.current().eventsProcessed()).isEqualTo(4);
        assertThat(report.current().liability()).isEqualTo(simulate().current().liability());
    }

    /** The engine as it ran in production: its clock at each event's time as it comes in, then a day after the last. */
    static final class EventClock extends Clock {
        Instant now;

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return Clock.fixed(now, zone);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static SimulationReport.Side replayedForReal(ProgramSettings program, List<LoyaltyEvent> history) {
        EventClock clock = new EventClock();
        long processed = 0;
        long rejected = 0;
        long issued = 0;
        long removed = 0;
        MemberId a = MemberId.of("a");
        try (LoyaltyEngine real = LoyaltyEngine.builder().program(program).store(new InMemoryStore()).ruleEngine(LIVE).clock(clock).build()) {
            for (LoyaltyEvent event : history) {
                clock.now = event.occurredAt();
                try {
                    real.process(event);
                    processed++;
                } catch (dev.loyalty.core.LoyaltyException e) {
                    rejected++;
                }
            }
            clock.now = history.get(history.size() - 1).occurredAt().plus(Duration.ofDays(1));
            for (LedgerEntry entry : real.ledger(a)) {
                switch (entry.type()) {
                    case EARN, PENDING -> issued += entry.points().value();
                    case REDEEM, REVERSE, EXPIRE -> removed -= entry.points().value();
                    default -> { }
                }
            }
            return new SimulationReport.Side("live", LIVE.version(), processed, rejected, issued, removed, real.balance(a).value(), Map.of(),
                    Map.of());
        }
    }

    @Test
    void shouldSpendPointsThatHadNotExpiredYetWhenTheEventWasMade() {
        // points expire 12 months after they are earned; a spends 150 of them on day 40, and buys again 500 days on
        ProgramSettings expiring = ProgramSettings.builder().currency("GBP").zone("Europe/London")
                .expiry(ExpiryPolicy.rollingMonths(12)).build();
        List<LoyaltyEvent> history = redeemingBetweenTwoPurchases(40, 500);
        SimulationReport.Side real = replayedForReal(expiring, history);
        assertThat(real.eventsRejected()).as("the redemption was made while the points were valid").isZero();

        SimulationReport.Side simulated = CampaignSimulation.builder().program(expiring).current(LIVE).candidate(LIVE).build().run(history).current();

        assertThat(simulated.eventsRejected()).isEqualTo(real.eventsRejected());
        assertThat(simulated.eventsProcessed()).isEqualTo(real.eventsProcessed());
        assertThat(simulated.pointsIssued()).isEqualTo(real.pointsIssued());
        assertThat(simulated.pointsRemoved()).as("150 redeemed, 50 expired").isEqualTo(real.pointsRemoved()).isEqualTo(200);
        assertThat(simulated.liability()).isEqualTo(real.liability());
        assertThat(simulated.pointsIssued() - simulated.pointsRemoved()).isEqualTo(simulated.liability());
    }

    @Test
    void shouldNotSpendPointsStillPendingInTheReturnWindowWhenTheEventWasMade() {
        // a purchase's points stay pending for 14 days; a tries to spend them on day 5, before they are spendable
        ProgramSettings pending = ProgramSettings.builder().currency("GBP").zone("Europe/London").returnWindowDays(14).build();
        List<LoyaltyEvent> history = redeemingBetweenTwoPurchases(5, 60);
        SimulationReport.Side real = replayedForReal(pending, history);
        assertThat(real.eventsRejected()).as("the 100 points of p-1 were pending on day 5").isEqualTo(1);

        SimulationReport.Side simulated = CampaignSimulation.builder().program(pending).current(LIVE).candidate(LIVE).build().run(history).current();

        assertThat(simulated.eventsRejected()).isEqualTo(real.eventsRejected());
        assertThat(simulated.pointsRemoved()).isEqualTo(real.pointsRemoved());
        assertThat(simulated.liability()).isEqualTo(real.liability());
    }

    /** Member a enrols at the start, buys for 100 the day after, redeems 150 points on one day and buys for 10 on another. */
    private static List<LoyaltyEvent> redeemingBetweenTwoPurchases(int redeemDay, int secondPurchaseDay) {
        MemberId a = MemberId.of("a");
        return List.of(
                Enrolment.of(EventId.of("e-a"), a, START),
                Purchase.builder(EventId.of("p-1"), a, START.plus(Duration.ofDays(1))).line("K", "kitchen", 1, Money.of("100.00", "GBP")).build(),
                new Redemption(EventId.of("r-1"), a, START.plus(Duration.ofDays(redeemDay)), "voucher", 150, null),
                Purchase.builder(EventId.of("p-2"), a, START.plus(Duration.ofDays(secondPurchaseDay))).line("K", "kitchen", 1, Money.of("10.00", "GBP"))
                        .build());
    }
}
