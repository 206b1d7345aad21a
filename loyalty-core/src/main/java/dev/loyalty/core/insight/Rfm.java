package dev.loyalty.core.insight;

import dev.loyalty.core.ProgramSettings;
import dev.loyalty.core.model.Lot;
import dev.loyalty.core.model.LotReturn;
import dev.loyalty.core.model.Member;
import dev.loyalty.core.model.Money;
import dev.loyalty.core.spi.Decision;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** RFM values of one member, and the quintiles over all buyers. Not public API. */
final class Rfm {

    /**
     * The largest monetary cut point within {@link Decision#digitsProblem}'s digits: 18 nines before the point, 16 after
     * (10^18 less one in the 34th significant digit).
     */
    private static final BigDecimal LARGEST_CUT = BigDecimal.TEN.pow(Money.MAX_INTEGER_DIGITS)
            .subtract(BigDecimal.ONE.movePointLeft(Decision.MAX_SIGNIFICANT_DIGITS - Money.MAX_INTEGER_DIGITS));

    private final RfmSettings settings;
    private final ProgramSettings program;
    private final LocalDate firstDay;
    /**
     * Monetary values are compared in the currency's minor units for the quintiles, fractions of a
     * minor unit dropped (rounded down): a cut point is a whole number of minor units, so a spend
     * is at or above it exactly when its rounded-down value is, and scoring the exact spend
     * against the cut points agrees with the order the quintiles were cut from. Rounding to the
     * nearest would put 10.016 (10.02) above a quintile ending at 10.01 while scoring it below
     * that quintile's cut point 10.02.
     */
    private final int scale;

    Rfm(RfmSettings settings, ProgramSettings program) {
        this.settings = settings;
        this.program = program;
        this.firstDay = settings.asOf().minusDays(settings.windowDays() - 1L);
        this.scale = Math.max(0, program.currency().getDefaultFractionDigits());
    }

    /**
     * One member's purchases in the window: every lot earned by a purchase (the lot keeps the
     * purchase amount and what was returned of it), dated in the member's zone, less the returns
     * made by {@code asOf}. A return counts on its own local date: those after {@code asOf} are
     * added back, so that a past date scores the same whatever was returned since. What a lot
     * records as returned beyond its return history (returns recorded before the history was
     * kept) counts as returned by any date.
     */
    Values values(Member member, List<Lot> lots, List<LotReturn> returns) {
        ZoneId zone = member.zoneOr(program.zone());
        Map<String, BigDecimal> returnedLater = new HashMap<>();
        for (LotReturn r : returns) {
            if (LocalDate.ofInstant(r.occurredAt(), zone).isAfter(settings.asOf())) {
                returnedLater.merge(r.lotId(), r.amount(), BigDecimal::add);
            }
        }
        LocalDate last = null;
        long count = 0;
        BigDecimal spend = BigDecimal.ZERO;
        for (Lot lot : lots) {
            if (lot.sourceAmount() == null || lot.id().equals(Lot.DEBT_LOT)) {
                continue;
            }
            LocalDate date = LocalDate.ofInstant(lot.earnedAt(), zone);
            if (date.isBefore(firstDay) || date.isAfter(settings.asOf())) {
                continue;
            }
            count++;
            // returns beyond the amount (a refund sent twice) return the purchase once: the engine claws back no more either
            BigDecimal returned = lot.returnedAmount().subtract(returnedLater.getOrDefault(lot.id(), BigDecimal.ZERO)).max(BigDecimal.ZERO);
            spend = spend.add(lot.sourceAmount()).subtract(returned.min(lot.sourceAmount()));
            if (last == null || date.isAfter(last)) {
                last = date;
            }
        }
        long days = last == null ? -1 : ChronoUnit.DAYS.between(last, settings.asOf());
        return new Values(last, days, count, spend);
    }

    MemberRfm score(Member member, Values values, RfmThresholds thresholds) {
        if (values.count() == 0) {
            // nothing spent, written at the currency's scale as a buyer's spend is: 0.00 in pounds, 0 in yen
            return new MemberRfm(member.id(), member.tierCode(), null, -1, 0, BigDecimal.valueOf(0, scale), 0, 0, 0, Segment.DORMANT);
        }
        int r = thresholds.recencyScore(values.days());
        int f = thresholds.frequencyScore(values.count());
        int m = thresholds.monetaryScore(values.spend());
        return new MemberRfm(member.id(), member.tierCode(), values.last(), values.days(), values.count(), values.spend(), r, f, m,
                settings.segmentOf(values.days(), r, f, m));
    }

    Collector collector() {
        return new Collector();
    }

    /** A member's RFM values; {@code days} is -1 and {@code last} null without a purchase in the window. */
    record Values(LocalDate last, long days, long count, BigDecimal spend) {
    }

    /** The buyers' values as primitives, for exact quintiles: 24 bytes per buyer. */
    final class Collector {
        private long[] negativeDays = new long[1024];
        private long[] counts = new long[1024];
        private long[] spends = new long[1024];
        private int size;

        void add(Values values) {
            if (values.count() == 0) {
                return;
            }
            if (size == counts.length) {
                int grown = Math.addExact(size, size >> 1);
                negativeDays = Arrays.copyOf(negativeDays, grown);
                counts = Arrays.copyOf(counts, grown);
                spends = Arrays.copyOf(spends, grown);
            }
            negativeDays[size] = -values.days();
            counts[size] = values.count();
            spends[size] = values.spend().setScale(scale, RoundingMode.FLOOR).unscaledValue().longValueExact();
            size++;
        }

        /** Returns the quintile thresholds; with no buyer, thresholds nobody is scored against. */
        RfmThresholds quintiles() {
            if (size == 0) {
                return new RfmThresholds(List.of(0, 0, 0, 0), List.of(1L, 1L, 1L, 1L),
                        List.of(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO));
            }
            long[] r = lowerBounds(negativeDays, size);
            long[] f = lowerBounds(counts, size);
            long[] m = lowerBounds(spends, size);
            return new RfmThresholds(
                    List.of(Math.toIntExact(-r[3]), Math.toIntExact(-r[2]), Math.toIntExact(-r[1]), Math.toIntExact(-r[0])),
                    List.of(f[0], f[1], f[2], f[3]),
                    List.of(monetaryCut(m[0]), monetaryCut(m[1]), monetaryCut(m[2]), monetaryCut(m[3])));
        }

        /**
         * Returns a monetary cut point of whole minor units, or, beyond the 18 digits before the point a cut point may
         * have ({@link RfmThresholds}), {@link #LARGEST_CUT}: only a net spend of 10^18 or more reaches it, as only such
         * a spend reaches the cut point of a buyer who spent the largest amount (18 nines in a currency without minor
         * units); net spends summed past that score up from 10^18 rather than from their own quintile's bound.
         */
        private BigDecimal monetaryCut(long minorUnits) {
            BigDecimal cut = BigDecimal.valueOf(minorUnits, scale);
            return Decision.digitsProblem(cut) == null ? cut : LARGEST_CUT;
        }
    }

    /**
     * Returns the least value of scores 2 to 5 for values where higher is better: one more than
     * the upper bound of each of the first four quintiles, so values tied at a bound stay below it.
     */
    static long[] lowerBounds(long[] values, int size) {
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        long[] bounds = new long[4];
        for (int k = 1; k <= 4; k++) {
            int index = (int) ((k * (long) size + 4) / 5) - 1;
            bounds[k - 1] = Math.addExact(sorted[index], 1);
        }
        return bounds;
    }
}
