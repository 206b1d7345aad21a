package dev.loyalty.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loyalty.core.InvalidInputException;
import dev.loyalty.core.insight.MemberRfm;
import dev.loyalty.core.insight.ProgramKpis;
import dev.loyalty.core.insight.Segment;
import dev.loyalty.core.model.MemberId;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** The CSV and JSON exports read back with the same libraries that wrote them. */
class ExportTest {

    private static List<CSVRecord> parse(String csv) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv)).getRecords();
    }

    @Test
    void shouldWriteEveryKpiWithItsRatioAndFormulaWhenExportedAsCsv() throws IOException {
        StringBuilder out = new StringBuilder();
        CsvExport.kpis(Reports.kpis(), out);

        Map<String, CSVRecord> rows = parse(out.toString()).stream().collect(Collectors.toMap(r -> r.get("kpi"), Function.identity()));
        assertThat(rows.get("retention_rate").values()).containsExactly("retention_rate", "Retention rate", "50.00%", "1", "2",
                "previous period's active members who bought in the period / previous period's active members");
        assertThat(rows.get("points_issued").get("value")).isEqualTo("90");
        assertThat(rows.get("liability_value").get("value")).isEqualTo("1.52 GBP");
        assertThat(rows.get("tier:gold").get("value")).isEqualTo("1");
        assertThat(rows.get("liability:2026-02-15").get("value")).isEqualTo("162");
        assertThat(rows).hasSize(22 + 3 + 3 + 3);
    }

    @Test
    void shouldWriteTierMovementsAndOfferConversionWhenExportedAsCsv() throws IOException {
        StringBuilder out = new StringBuilder();
        CsvExport.kpis(Reports.kpis(), out);

        Map<String, CSVRecord> rows = parse(out.toString()).stream().collect(Collectors.toMap(r -> r.get("kpi"), Function.identity()));
        assertThat(rows.get("tier_promotions").get("value")).isEqualTo("3");
        assertThat(rows.get("tier_demotions").get("value")).isEqualTo("1");
        assertThat(rows.get("tier_move:member>silver").get("value")).isEqualTo("2");
        assertThat(rows.get("tier_move:gold>silver").get("label")).isEqualTo("Demotions from gold to silver");
        assertThat(rows.get("offers_issued").get("value")).isEqualTo("5");
        assertThat(rows.get("offer_conversion_rate").values()).containsSubsequence("25.00%", "1", "4");
        assertThat(rows.get("offer_redemption_rate").get("value")).isEqualTo("40.00%");
    }

    @Test
    void shouldKeyAPairsPromotionsAndDemotionsApartWhenExportedAsCsv() throws IOException {
        // a pair both ways in one period: the ladder was reordered during it
        ProgramKpis reordered = Reports.kpis(new ProgramKpis.TierMovements(2, 1, List.of(new ProgramKpis.TierMove("member", "silver", true, 1),
                new ProgramKpis.TierMove("silver", "gold", true, 1), new ProgramKpis.TierMove("silver", "gold", false, 1))));
        StringBuilder out = new StringBuilder();
        CsvExport.kpis(reordered, out);

        List<CSVRecord> moves = parse(out.toString()).stream().filter(r -> r.get("kpi").startsWith("tier_move:")).toList();
        assertThat(moves).extracting(r -> r.get("kpi"))
                .containsExactly("tier_move:member>silver", "tier_move:silver>gold:promotion", "tier_move:silver>gold:demotion");
        assertThat(moves.get(2).get("label")).isEqualTo("Demotions from silver to gold");
    }

    @Test
    void shouldWriteTierMovementsAndOfferConversionWhenExportedAsJson() throws IOException {
        JsonNode json = new ObjectMapper().readTree(JsonExport.toJson(Reports.kpis(), null));

        assertThat(json.at("/kpis/tier_promotions").asLong()).isEqualTo(3);
        assertThat(json.at("/kpis/win_back_offers_issued").asLong()).isEqualTo(4);
        assertThat(json.at("/kpis/offer_conversion_rate/numerator").asLong()).isEqualTo(1);
        assertThat(json.at("/kpis/offer_conversion_rate/percent").decimalValue()).isEqualByComparingTo("25.00");
        assertThat(json.at("/tierMovements/2/from").asText()).isEqualTo("gold");
        assertThat(json.at("/tierMovements/2/promotion").asBoolean()).isFalse();
        assertThat(json.at("/tierMovements/0/members").asLong()).isEqualTo(2);
    }

    @Test
    void shouldWriteOneRowPerMemberWhenARunStreamsItsResults() throws IOException {
        StringBuilder out = new StringBuilder();
        try (CsvExport.MemberRows rows = CsvExport.members(out)) {
            rows.accept(new MemberRfm(MemberId.of("m,1"), "gold", LocalDate.of(2026, 2, 20), 8, 3, new BigDecimal("120.50"), 4, 3, 5,
                    Segment.VIP));
            rows.accept(new MemberRfm(MemberId.of("m-2"), "member", null, -1, 0, BigDecimal.ZERO, 0, 0, 0, Segment.DORMANT));
        }

        List<CSVRecord> records = parse(out.toString());
        assertThat(records.get(0).values()).containsExactly("m,1", "gold", "2026-02-20", "8", "3", "120.50", "4", "3", "5", "vip");
        assertThat(records.get(1).values()).containsExactly("m-2", "member", "", "-1", "0", "0", "0", "0", "0", "dormant");
    }

    @Test
    void shouldWriteAMemberIdAsTextWhenItStartsLikeASpreadsheetFormula() throws IOException {
        StringBuilder out = new StringBuilder();
        try (CsvExport.MemberRows rows = CsvExport.members(out)) {
            for (String id : List.of("=HYPERLINK(\"http://x\",\"y\")", "+1", "-2+3", "@SUM(A1)", "'quoted")) {
                rows.accept(new MemberRfm(MemberId.of(id), "member", null, -1, 0, BigDecimal.ZERO, 0, 0, 0, Segment.DORMANT));
            }
        }

        assertThat(parse(out.toString())).extracting(record -> record.get(0))
                .containsExactly("'=HYPERLINK(\"http://x\",\"y\")", "'+1", "'-2+3", "'@SUM(A1)", "''quoted");
    }

    @Test
    void shouldWriteTextAfterASemicolonAsTextWhenItStartsLikeASpreadsheetFormula() throws IOException {
        StringBuilder out = new StringBuilder();
        try (CsvExport.MemberRows rows = CsvExport.members(out)) {
            rows.accept(new MemberRfm(MemberId.of("x;=HYPERLINK(\"http://x\")"), "gold;@SUM(A1)", null, -1, 0, BigDecimal.ZERO, 0, 0, 0,
                    Segment.DORMANT));
            rows.accept(new MemberRfm(MemberId.of("a;'b;c"), "member", null, -1, 0, BigDecimal.ZERO, 0, 0, 0, Segment.DORMANT));
        }

        // a spreadsheet whose list separator is ';' starts a cell after each ';' of the line
        String[] cells = out.toString().split("[;\n]");
        assertThat(cells).noneMatch(cell -> !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0);
        assertThat(parse(out.toString())).extracting(record -> record.get(0) + " " + record.get(1))
                .containsExactly("x;'=HYPERLINK(\"http://x\") gold;'@SUM(A1)", "a;''b;c member");
    }

    @Test
    void shouldWriteATierCodeInTheKpisAsTextWhenItHoldsAFormulaAfterASemicolon() throws IOException {
        StringBuilder out = new StringBuilder();
        CsvExport.kpis(Reports.kpis(new ProgramKpis.TierMovements(1, 0, List.of(new ProgramKpis.TierMove("member", "gold;=A1", true, 1)))),
                out);

        String[] cells = out.toString().split("[;\n]");
        assertThat(cells).noneMatch(cell -> !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0);
        assertThat(parse(out.toString())).extracting(record -> record.get("kpi")).contains("tier_move:member>gold;'=A1");
    }

    @Test
    void shouldWriteSegmentSizesInSegmentOrderWhenExportedAsCsv() throws IOException {
        StringBuilder out = new StringBuilder();
        CsvExport.segments(Reports.segmentation(), out);

        assertThat(parse(out.toString())).extracting(r -> r.get("segment") + "=" + r.get("members"))
                .containsExactly("dormant=1", "vip=4", "at_risk=0", "potential=0", "ordinary=6");
    }

    @Test
    void shouldWriteRatesAmountsAndSegmentsExactlyWhenExportedAsJson() throws IOException {
        JsonNode json = new ObjectMapper().readTree(JsonExport.toJson(Reports.kpis(), Reports.segmentation()));

        assertThat(json.at("/period/from").asText()).isEqualTo("2026-02-01");
        assertThat(json.at("/kpis/redemption_rate/numerator").asLong()).isEqualTo(40);
        assertThat(json.at("/kpis/redemption_rate/denominator").asLong()).isEqualTo(90);
        assertThat(json.at("/kpis/redemption_rate/percent").decimalValue()).isEqualByComparingTo("44.44");
        assertThat(json.at("/kpis/liability_points").asLong()).isEqualTo(152);
        assertThat(json.at("/kpis/liability_value/amount").asText()).isEqualTo("1.52");
        assertThat(json.at("/tiers/gold").asLong()).isEqualTo(1);
        assertThat(json.at("/liability/1/points").asLong()).isEqualTo(162);
        assertThat(json.at("/segmentation/sizes/vip").asLong()).isEqualTo(4);
        assertThat(json.at("/segmentation/thresholds/monetaryMin/0").asText()).isEqualTo("40.01");
    }

    @Test
    void shouldRefuseAMissingResultOrOutputNamingIt() {
        StringBuilder out = new StringBuilder();

        assertThatThrownBy(() -> CsvExport.kpis(null, out)).isInstanceOf(InvalidInputException.class).hasMessageContaining("report.kpis");
        assertThatThrownBy(() -> CsvExport.kpis(Reports.kpis(), null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("report.out");
        assertThatThrownBy(() -> CsvExport.segments(null, out)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("report.segmentation");
        assertThatThrownBy(() -> CsvExport.segments(Reports.segmentation(), null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("report.out");
        assertThatThrownBy(() -> CsvExport.members(null)).isInstanceOf(InvalidInputException.class).hasMessageContaining("report.out");
        assertThatThrownBy(() -> JsonExport.toJson(null, Reports.segmentation())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("report.kpis");
        assertThat(out).isEmpty();
    }

    @Test
    void shouldLeaveTheSegmentationOutOfTheJsonWhenNoneIsGiven() throws IOException {
        JsonNode json = new ObjectMapper().readTree(JsonExport.toJson(Reports.kpis(), null));

        assertThat(json.has("segmentation")).isFalse();
        assertThat(json.has("kpis")).isTrue();
    }
}
