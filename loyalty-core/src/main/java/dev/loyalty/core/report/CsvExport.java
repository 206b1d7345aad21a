package dev.loyalty.core.report;

import dev.loyalty.core.insight.MemberRfm;
import dev.loyalty.core.internal.Checks;
import dev.loyalty.core.insight.ProgramKpis;
import dev.loyalty.core.insight.Segment;
import dev.loyalty.core.insight.Segmentation;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes KPIs and segmentation results as CSV (RFC 4180, with a header row), with commons-csv.
 * The writers flush but do not close the output they are given.
 *
 * <p>Text that comes from outside the program (member ids, and tier codes in the member rows and the KPI rows) is
 * guarded against spreadsheet formula injection: a cell that starts with {@code =}, {@code +},
 * {@code -}, {@code @}, {@code '}, a tab or a carriage return is written with a {@code '} in front, so a spreadsheet shows
 * it as text instead of evaluating it ({@code =HYPERLINK(...)} becomes {@code '=HYPERLINK(...)}). A spreadsheet whose
 * list separator is {@code ;} starts a cell after each {@code ;} of a line, so the same guard goes after each {@code ;}
 * of such text ({@code x;=A1} becomes {@code x;'=A1}). A program reading the file back removes one {@code '} from the
 * start of those cells and one from after each {@code ;} in them to get the value. Numbers are written as they are.
 */
public final class CsvExport {

    /** The characters a cell read as a formula starts with, and the guard's own {@code '}. */
    private static final String FORMULA_START = "=+-@'\t\r";

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();

    private CsvExport() {
    }

    /**
     * Writes one row per KPI: {@code kpi,label,value,numerator,denominator,formula}; the
     * numerator and denominator are filled for rates. Then the tier distribution
     * ({@code tier:<code>}), the tier movements per pair ({@code tier_move:<from>><to>}, with {@code :promotion} or
     * {@code :demotion} after it when a pair moved both ways in the period, as after a ladder was reordered) and the
     * liability series ({@code liability:<date>}).
     *
     * @param kpis the KPIs
     * @param out where to write
     * @throws UncheckedIOException when writing fails
     * @throws dev.loyalty.core.InvalidInputException when the KPIs or the output are null, before anything is written
     */
    public static void kpis(ProgramKpis kpis, Appendable out) {
        Checks.notNull(kpis, "report.kpis");
        Checks.notNull(out, "report.out");
        try {
            CSVPrinter csv = new CSVPrinter(out, FORMAT);
            csv.printRecord("kpi", "label", "value", "numerator", "denominator", "formula");
            for (KpiRows.Row row : KpiRows.of(kpis)) {
                csv.printRecord(row.key(), row.label(), row.value(), row.ratio() == null ? "" : row.ratio().numerator(),
                        row.ratio() == null ? "" : row.ratio().denominator(), row.formula());
            }
            for (ProgramKpis.TierCount tier : kpis.tiers()) {
                csv.printRecord(text("tier:" + tier.tierCode()), text("Members on tier " + tier.tierCode()), tier.members(), "", "",
                        "members per current tier");
            }
            List<ProgramKpis.TierMove> moves = kpis.tierMovements().moves();
            for (ProgramKpis.TierMove move : moves) {
                csv.printRecord(text(moveKey(move, moves)),
                        text((move.promotion() ? "Promotions" : "Demotions") + " from " + move.fromTier() + " to " + move.toTier()), move.members(),
                        "", "", text((move.promotion() ? "PROMOTION" : "DEMOTION") + " records from " + move.fromTier() + " to " + move.toTier()
                                + " in the period"));
            }
            for (ProgramKpis.LiabilityPoint point : kpis.liability()) {
                csv.printRecord("liability:" + point.date(), "Outstanding points at the start of " + point.date(), point.points(), "", "",
                        "sum of all entries before the day's start");
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the KPIs as CSV", e);
        }
    }

    /**
     * Writes the segment sizes: {@code segment,members}.
     *
     * @param segmentation the run's result
     * @param out where to write
     * @throws UncheckedIOException when writing fails
     * @throws dev.loyalty.core.InvalidInputException when the segmentation or the output are null, before anything is written
     */
    public static void segments(Segmentation segmentation, Appendable out) {
        Checks.notNull(segmentation, "report.segmentation");
        Checks.notNull(out, "report.out");
        try {
            CSVPrinter csv = new CSVPrinter(out, FORMAT);
            csv.printRecord("segment", "members");
            for (Segment segment : Segment.values()) {
                csv.printRecord(segment.code(), segmentation.size(segment));
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the segments as CSV", e);
        }
    }

    /**
     * Starts a per-member CSV to hand to {@code Insights.segment(settings, rows)}: one row per
     * member, written as the run streams them; close it after the run to flush.
     *
     * @param out where to write
     * @return the row writer
     * @throws UncheckedIOException when writing fails
     * @throws dev.loyalty.core.InvalidInputException when the output is null
     */
    public static MemberRows members(Appendable out) {
        Checks.notNull(out, "report.out");
        try {
            CSVPrinter csv = new CSVPrinter(out, FORMAT);
            csv.printRecord("member_id", "tier", "last_purchase", "recency_days", "frequency", "monetary", "r", "f", "m", "segment");
            return new MemberRows(csv);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the member CSV", e);
        }
    }

    /**
     * Returns a movement's key, {@code tier_move:<from>><to>}; when the pair also moved the other way in the period (the
     * ladder was reordered), {@code :promotion} or {@code :demotion} follows, so that no two rows share a key.
     */
    private static String moveKey(ProgramKpis.TierMove move, List<ProgramKpis.TierMove> moves) {
        String key = "tier_move:" + move.fromTier() + ">" + move.toTier();
        for (ProgramKpis.TierMove other : moves) {
            if (other.promotion() != move.promotion() && other.fromTier().equals(move.fromTier()) && other.toTier().equals(move.toTier())) {
                return key + (move.promotion() ? ":promotion" : ":demotion");
            }
        }
        return key;
    }

    /**
     * Returns the text with a {@code '} in front of each place a spreadsheet may start a cell and read a formula: the
     * text's start and the character after each {@code ;} (spreadsheets whose list separator is {@code ;} split cells
     * there), when that character is one a formula starts with (or {@code '}).
     */
    private static String text(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        StringBuilder guarded = new StringBuilder(value.length() + 1);
        for (int at = 0; at < value.length(); at++) {
            if ((at == 0 || value.charAt(at - 1) == ';') && FORMULA_START.indexOf(value.charAt(at)) >= 0) {
                guarded.append('\'');
            }
            guarded.append(value.charAt(at));
        }
        return guarded.toString();
    }

    /** Writes one CSV row per member's RFM result. */
    public static final class MemberRows implements Consumer<MemberRfm>, Closeable {
        private final CSVPrinter csv;

        private MemberRows(CSVPrinter csv) {
            this.csv = csv;
        }

        /**
         * Writes one member's row.
         *
         * @param m the member's result
         * @throws UncheckedIOException when writing fails
         */
        @Override
        public void accept(MemberRfm m) {
            try {
                csv.printRecord(text(m.memberId().value()), text(m.tierCode()), m.lastPurchase() == null ? "" : m.lastPurchase(), m.recencyDays(),
                        m.frequency(), m.monetary().toPlainString(), m.recencyScore(), m.frequencyScore(), m.monetaryScore(), m.segment().code());
            } catch (IOException e) {
                throw new UncheckedIOException("could not write the row of member " + m.memberId(), e);
            }
        }

        /**
         * Flushes the rows; the caller closes the output it passed.
         *
         * @throws IOException when flushing fails
         */
        @Override
        public void close() throws IOException {
            csv.flush();
        }
    }
}
