package dev.loyalty.examples.retail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.core.event.Enrolment;
import dev.loyalty.core.event.LoyaltyEvent;
import dev.loyalty.rules.simulation.SimulationReport;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The what-if report on the retail sample: the default campaigns against the same plus a kitchen bonus. */
class SimulateCampaignsTest {

    static List<LoyaltyEvent> events;
    static SimulationReport report;

    @BeforeAll
    static void simulate() throws URISyntaxException {
        events = RetailEvents.bundled();
        Path kitchen = Path.of(SimulateCampaignsTest.class.getResource("/candidate/kitchen.drl").toURI());
        report = SimulateCampaigns.simulate(events, SimulateCampaigns.candidate(List.of(kitchen), true));
    }

    @Test
    void shouldIssueWhatTheDemoIssuesOnTheCurrentSide() {
        Replay replay = Replay.run(RetailSample.read(RetailDemo.bundled()), 1);

        assertThat(report.current().pointsIssued()).isEqualTo(replay.pointsIssued());
        assertThat(report.current().eventsProcessed()).isEqualTo(replay.events());
    }

    @Test
    void shouldCreditTheNewCampaignOnlyOnTheCandidateSide() {
        assertThat(report.current().pointsByCampaign()).doesNotContainKey("KITCHEN-01");
        assertThat(report.candidate().pointsByCampaign().get("KITCHEN-01")).isPositive();
        assertThat(report.pointsByCampaignChange().get("KITCHEN-01")).isEqualTo(report.candidate().pointsByCampaign().get("KITCHEN-01"));
    }

    @Test
    void shouldRaiseTheLiabilityByTheExtraPointsNetOfClawBacks() {
        long extraIssued = report.candidate().pointsIssued() - report.current().pointsIssued();
        long extraRemoved = report.candidate().pointsRemoved() - report.current().pointsRemoved();

        assertThat(report.liabilityChange()).isPositive().isEqualTo(extraIssued - extraRemoved);
    }

    @Test
    void shouldCountEveryEnrolledMemberInOneTierOnEachSide() {
        long enrolled = events.stream().filter(Enrolment.class::isInstance).count();

        assertThat(report.current().membersByTier().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(enrolled);
        assertThat(report.candidate().membersByTier()).isEqualTo(report.current().membersByTier());
    }

    @Test
    void shouldReportTheKitchenCampaignsFiguresTheReadmesQuote() {
        // quoted by README.md (the pos-cli what-if) and loyalty-rules/README.md (What-if simulation)
        assertThat(report.current().eventsProcessed()).isEqualTo(15_296);
        assertThat(report.pointsByCampaignChange()).containsEntry("KITCHEN-01", 189_340L);
        assertThat(report.candidate().pointsIssued() - report.current().pointsIssued()).isEqualTo(203_133);
        assertThat(report.liabilityChange()).isEqualTo(202_832);
    }

    @Test
    void shouldPrintBothSidesAndTheChange() {
        assertThat(report.toText()).contains("KITCHEN-01").contains("points liability").contains("members per tier");
    }
}
