package dev.loyalty.examples.retail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.core.event.Purchase;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.HashSet;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RetailDemoTest {

    private static RetailSample sample;
    private static Replay first;

    @BeforeAll
    static void replayOnce() throws IOException {
        try (Reader csv = RetailDemo.bundled()) {
            sample = RetailSample.read(csv);
        }
        first = Replay.run(sample, 5);
    }

    @Test
    void shouldCountEveryRowOfTheSampleByKind() {
        // The data's own README: 30,000 rows, 2,000 guest rows, 620 return rows, 3,569 customers.
        assertThat(sample.rows()).isEqualTo(30_000);
        assertThat(sample.guestRows()).isEqualTo(2_000);
        assertThat(sample.returnRows()).isEqualTo(620);
        assertThat(sample.members()).isEqualTo(3_569);
        assertThat(sample.rejected()).isEmpty();
        int purchaseLines = sample.events().stream().filter(Purchase.class::isInstance)
                .mapToInt(e -> ((Purchase) e).lines().size()).sum();
        assertThat(purchaseLines + sample.guestRows() + sample.returnRows() - sample.guestReturnRows() + sample.adjustmentRows())
                .isEqualTo(sample.rows());
    }

    @Test
    void shouldProcessEveryEnrolmentAndPurchaseWithoutRefusal() {
        assertThat(first.failures()).isEmpty();
        assertThat(first.events()).isEqualTo(sample.events().size());
    }

    @Test
    void shouldReplayEveryMemberReturnInvoiceAsOneReturn() throws IOException {
        Set<String> memberReturnInvoices = new HashSet<>();
        try (Reader csv = RetailDemo.bundled()) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(csv)) {
                if (row.get("InvoiceNo").startsWith("C") && !row.get("CustomerID").isBlank()) {
                    memberReturnInvoices.add(row.get("InvoiceNo"));
                }
            }
        }
        assertThat(sample.returns() + sample.zeroValueReturns()).isEqualTo(memberReturnInvoices.size());
    }

    @Test
    void shouldClawBackNoMoreThanWasIssuedAndSomethingForTheReturns() {
        assertThat(first.pointsClawedBack()).isPositive().isLessThan(first.pointsIssued());
    }

    @Test
    void shouldPutEveryMemberOnOneTierAndPromoteSomeAboveTheEntryTier() {
        assertThat(first.membersByTier().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(sample.members());
        assertThat(first.membersByTier().get("silver") + first.membersByTier().get("gold") + first.membersByTier().get("diamond")).isPositive();
    }

    @Test
    void shouldIssueWinBackOffersOnlyWhenTheClosingSweepFindsDormantMembers() {
        // the sample holds no birthdays; a year of trading leaves many customers without a purchase for 90 days or more
        assertThat(first.offersByTemplate()).containsOnlyKeys("WINBACK-90", "WINBACK-180");
        assertThat(first.offersByTemplate().values()).allMatch(count -> count > 0);
        assertThat(first.offersByTemplate().values().stream().mapToLong(Long::longValue).sum()).isLessThan(sample.members());
    }

    @Test
    void shouldIssueTheSamePointsOnEveryRun() {
        Replay second = Replay.run(sample, 5);
        assertThat(second.pointsClawedBack()).isEqualTo(first.pointsClawedBack());
        assertThat(second.pointsByRule()).isEqualTo(first.pointsByRule());
        assertThat(second.topMembers()).isEqualTo(first.topMembers());
        assertThat(second.membersByTier()).isEqualTo(first.membersByTier());
        assertThat(second.ruleSetVersion()).isEqualTo(first.ruleSetVersion());
    }

    @Test
    void shouldCreditEveryIssuedPointToACampaignRule() {
        long perRule = first.pointsByRule().values().stream().mapToLong(Long::longValue).sum();
        assertThat(perRule).isEqualTo(first.pointsIssued());
        assertThat(first.pointsByRule()).containsKeys("BASE-01 one point per pound", "WELCOME-01 welcome bonus");
        assertThat(first.pointsByRule().get("WELCOME-01 welcome bonus")).isEqualTo(100L * sample.members());
    }

    @Test
    void shouldReportMalformedRowsWithTheirLineNumber() {
        String csv = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n"
                + "1,A,X,2,2011-01-01 10:00:00,1.50,1.0,UK\n"
                + "2,B,Y,2,not a date,1.50,1.0,UK\n"
                + "3,C,Z,2,2011-01-01 10:00:00,-1,1.0,UK\n";
        RetailSample small = RetailSample.read(new StringReader(csv));
        assertThat(small.rejected()).hasSize(2);
        assertThat(small.rejected().get(0)).startsWith("line 3:");
        assertThat(small.rejected().get(1)).startsWith("line 4:").contains("unitPrice");
        assertThat(small.purchases()).isEqualTo(1);
    }

    @Test
    void shouldCategorisePostageAsServiceAndGardenItemsAsGarden() {
        assertThat(Categories.of("POST", "POSTAGE")).isEqualTo("service");
        assertThat(Categories.of("22086", "GARDEN KNEELING PAD")).isEqualTo("garden");
        assertThat(Categories.of("21232", "STRAWBERRY CERAMIC TRINKET BOX")).isEqualTo("gifts");
    }
}
