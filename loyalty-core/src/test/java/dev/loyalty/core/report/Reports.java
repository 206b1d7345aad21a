package dev.loyalty.core.report;

import dev.loyalty.core.insight.ProgramKpis;
import dev.loyalty.core.insight.Ratio;
import dev.loyalty.core.insight.RfmThresholds;
import dev.loyalty.core.insight.Segment;
import dev.loyalty.core.insight.Segmentation;
import dev.loyalty.core.model.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Hand-made KPI and segmentation results for the writers' tests. */
final class Reports {

    private Reports() {
    }

    static ProgramKpis kpis() {
        return kpis(new ProgramKpis.TierMovements(3, 1, List.of(new ProgramKpis.TierMove("member", "silver", true, 2),
                new ProgramKpis.TierMove("silver", "gold", true, 1), new ProgramKpis.TierMove("gold", "silver", false, 1))));
    }

    /** The same KPIs with other tier movements. */
    static ProgramKpis kpis(ProgramKpis.TierMovements movements) {
        return new ProgramKpis(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 1), 4, 1, 2, 2, new Ratio(1, 2), new Ratio(1, 2),
                new Ratio(1, 2), 90, 40, 20, 5, 152, Money.of("1.52", "GBP"), new Ratio(20, 90), new Ratio(40, 90),
                List.of(new ProgramKpis.TierCount("member", 3), new ProgramKpis.TierCount("silver", 0), new ProgramKpis.TierCount("gold", 1)),
                List.of(new ProgramKpis.LiabilityPoint(LocalDate.of(2026, 2, 1), 127), new ProgramKpis.LiabilityPoint(LocalDate.of(2026, 2, 15), 162),
                        new ProgramKpis.LiabilityPoint(LocalDate.of(2026, 3, 1), 152)),
                movements,
                new ProgramKpis.OfferConversion(5, 2, 4, 1, new Ratio(2, 5), new Ratio(1, 4)), new Ratio(1, 1));
    }

    static Segmentation segmentation() {
        return new Segmentation(LocalDate.of(2026, 2, 28), 365, new RfmThresholds(List.of(1, 3, 5, 7), List.of(3L, 5L, 7L, 9L),
                List.of(new BigDecimal("40.01"), new BigDecimal("160.01"), new BigDecimal("360.01"), new BigDecimal("640.01"))), 11, 10,
                Map.of(Segment.VIP, 4L, Segment.ORDINARY, 6L, Segment.DORMANT, 1L, Segment.AT_RISK, 0L, Segment.POTENTIAL, 0L));
    }
}
