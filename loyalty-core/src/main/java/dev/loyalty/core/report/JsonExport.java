package dev.loyalty.core.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loyalty.core.insight.ProgramKpis;
import dev.loyalty.core.insight.Ratio;
import dev.loyalty.core.insight.RfmThresholds;
import dev.loyalty.core.insight.Segment;
import dev.loyalty.core.insight.Segmentation;
import dev.loyalty.core.internal.Checks;
import java.io.UncheckedIOException;

/**
 * Writes KPIs and segmentation results as JSON, with Jackson. Dates are ISO text, amounts
 * decimal text (exact), rates objects with their numerator, denominator and percentage.
 */
public final class JsonExport {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonExport() {
    }

    /**
     * Returns the KPIs and, when given, the segmentation as one JSON document:
     * {@code {"period": {...}, "kpis": {...}, "tiers": {...}, "tierMovements": [...], "liability": [...], "segmentation": {...}}};
     * each tier movement is {@code {"from", "to", "promotion", "members"}}.
     *
     * @param kpis the KPIs
     * @param segmentation the segmentation run's result, or null to leave it out
     * @return the JSON text
     * @throws dev.loyalty.core.InvalidInputException when the KPIs are null
     */
    public static String toJson(ProgramKpis kpis, Segmentation segmentation) {
        Checks.notNull(kpis, "report.kpis");
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode period = root.putObject("period");
        period.put("from", kpis.from().toString());
        period.put("to", kpis.to().toString());
        ObjectNode values = root.putObject("kpis");
        for (KpiRows.Row row : KpiRows.of(kpis)) {
            if (row.ratio() != null) {
                ratio(values.putObject(row.key()), row.ratio());
            } else if (row.key().equals("liability_value")) {
                if (kpis.liabilityValue() == null) {
                    values.putNull(row.key());
                } else {
                    values.putObject(row.key()).put("amount", kpis.liabilityValue().amount().toPlainString())
                            .put("currency", kpis.liabilityValue().currency().getCurrencyCode());
                }
            } else {
                values.put(row.key(), Long.parseLong(row.value()));
            }
        }
        ObjectNode tiers = root.putObject("tiers");
        kpis.tiers().forEach(tier -> tiers.put(tier.tierCode(), tier.members()));
        ArrayNode movements = root.putArray("tierMovements");
        kpis.tierMovements().moves().forEach(move -> movements.addObject().put("from", move.fromTier()).put("to", move.toTier())
                .put("promotion", move.promotion()).put("members", move.members()));
        ArrayNode liability = root.putArray("liability");
        kpis.liability().forEach(point -> liability.addObject().put("date", point.date().toString()).put("points", point.points()));
        if (segmentation != null) {
            segmentation(root.putObject("segmentation"), segmentation);
        }
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("could not write the KPIs as JSON", e);
        }
    }

    private static void ratio(ObjectNode node, Ratio ratio) {
        node.put("numerator", ratio.numerator()).put("denominator", ratio.denominator());
        if (ratio.isDefined()) {
            node.put("percent", ratio.percent());
        } else {
            node.putNull("percent");
        }
    }

    private static void segmentation(ObjectNode node, Segmentation s) {
        node.put("asOf", s.asOf().toString()).put("windowDays", s.windowDays()).put("members", s.members()).put("buyers", s.buyers());
        RfmThresholds t = s.thresholds();
        ObjectNode thresholds = node.putObject("thresholds");
        t.recencyMaxDays().forEach(thresholds.putArray("recencyMaxDays")::add);
        t.frequencyMin().forEach(thresholds.putArray("frequencyMin")::add);
        ArrayNode monetary = thresholds.putArray("monetaryMin");
        t.monetaryMin().forEach(m -> monetary.add(m.toPlainString()));
        ObjectNode sizes = node.putObject("sizes");
        for (Segment segment : Segment.values()) {
            sizes.put(segment.code(), s.size(segment));
        }
    }
}
