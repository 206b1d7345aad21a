package dev.loyalty.core.insight;

import dev.loyalty.core.CurrencyMismatchException;
import dev.loyalty.core.ProgramSettings;
import dev.loyalty.core.internal.Checks;
import dev.loyalty.core.model.Lot;
import dev.loyalty.core.model.Member;
import dev.loyalty.core.model.MemberSegment;
import dev.loyalty.core.spi.LoyaltyStore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Segmentation and KPIs over a store, computed by streaming: members come one at a time from
 * {@link LoyaltyStore#forEachMember}, each member's lots, returns and ledger are read, folded into a few
 * counters and dropped. Nothing holds all members' data; a segmentation run keeps three
 * {@code long}s per buyer to compute exact quintiles.
 *
 * <pre>{@code
 * Insights insights = Insights.of(store, program);
 * Segmentation run = insights.segmentAndStore(RfmSettings.builder(LocalDate.of(2026, 3, 31)).build());
 * ProgramKpis q1 = insights.kpis(KpiSettings.builder(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 1))
 *         .pointValue(Money.of("0.01", "GBP")).build());
 * }</pre>
 *
 * <p>Run it off the event path (a nightly job); it reads what the store holds at the time,
 * so run a sweep first when expiries should be counted.
 */
public final class Insights {

    /** Members per {@link LoyaltyStore#saveSegments} call when a run stores its results. */
    static final int SAVE_BATCH = 1_000;

    private final LoyaltyStore store;
    private final ProgramSettings program;

    private Insights(LoyaltyStore store, ProgramSettings program) {
        this.store = store;
        this.program = program;
    }

    /**
     * Creates the analytics over a store. The store is bound to the program currency as an
     * engine binds it ({@link LoyaltyStore#bindCurrency}): the analytics read its amounts as that
     * currency, so a store that records money in another is refused, and a store not yet used
     * records it.
     *
     * @param store the store to read
     * @param program the program, for its zone, currency and tier ladder
     * @return the analytics
     * @throws dev.loyalty.core.CurrencyMismatchException when the store records money in another currency than the program's
     * @throws dev.loyalty.core.StoreException when the store cannot read or record its currency
     */
    public static Insights of(LoyaltyStore store, ProgramSettings program) {
        Checks.notNull(store, "store").bindCurrency(Checks.notNull(program, "program").currency());
        return new Insights(store, program);
    }

    /**
     * Scores every member and assigns segments, in two passes over the store: the first
     * collects the buyers' values and fixes the thresholds (quintiles unless configured), the
     * second scores each member against them and hands the result to {@code each}.
     *
     * @param settings the scoring and segment settings
     * @param each receives every member's result, in member id order
     * @return the thresholds and segment sizes
     */
    public Segmentation segment(RfmSettings settings, Consumer<MemberRfm> each) {
        Checks.notNull(settings, "settings");
        Checks.notNull(each, "each");
        Rfm rfm = new Rfm(settings, program);
        RfmThresholds thresholds = settings.thresholds();
        if (thresholds == null) {
            Rfm.Collector collector = rfm.collector();
            store.forEachMember(member -> collector.add(values(rfm, member)));
            thresholds = collector.quintiles();
        }
        RfmThresholds fixed = thresholds;
        Map<Segment, Long> sizes = new EnumMap<>(Segment.class);
        for (Segment segment : Segment.values()) {
            sizes.put(segment, 0L);
        }
        long[] counts = new long[2];
        store.forEachMember(member -> {
            MemberRfm result = rfm.score(member, values(rfm, member), fixed);
            counts[0]++;
            if (result.frequency() > 0) {
                counts[1]++;
            }
            sizes.merge(result.segment(), 1L, Long::sum);
            each.accept(result);
        });
        return new Segmentation(settings.asOf(), settings.windowDays(), fixed, counts[0], counts[1], sizes);
    }

    /**
     * One member's RFM values; the return history is read only for a member with something returned, since most have
     * nothing (on a database that saves a query per member).
     */
    private Rfm.Values values(Rfm rfm, Member member) {
        List<Lot> lots = store.lots(member.id());
        boolean returned = false;
        for (Lot lot : lots) {
            returned |= lot.returnedAmount().signum() != 0;
        }
        return rfm.values(member, lots, returned ? store.returns(member.id()) : List.of());
    }

    /**
     * Scores every member as {@link #segment} does and stores each member's scores and segment
     * ({@link LoyaltyStore#saveSegments}, in batches), where the event path reads them for
     * campaigns to match.
     *
     * @param settings the scoring and segment settings
     * @return the thresholds and segment sizes
     */
    public Segmentation segmentAndStore(RfmSettings settings) {
        return segmentAndStore(settings, rfm -> { });
    }

    /**
     * Scores, stores and hands every member's result to {@code each} (to export it, say), in one run.
     *
     * @param settings the scoring and segment settings
     * @param each receives every member's result, in member id order
     * @return the thresholds and segment sizes
     */
    public Segmentation segmentAndStore(RfmSettings settings, Consumer<MemberRfm> each) {
        Checks.notNull(settings, "settings");
        Checks.notNull(each, "each");
        LocalDate asOf = settings.asOf();
        List<MemberSegment> batch = new ArrayList<>(SAVE_BATCH);
        Segmentation result = segment(settings, rfm -> {
            each.accept(rfm);
            batch.add(rfm.toMemberSegment(asOf));
            if (batch.size() == SAVE_BATCH) {
                store.saveSegments(List.copyOf(batch));
                batch.clear();
            }
        });
        if (!batch.isEmpty()) {
            store.saveSegments(List.copyOf(batch));
        }
        return result;
    }

    /**
     * Computes the program's KPIs over a period in one pass over the store.
     *
     * @param settings the period and the point value, which must be in the program's currency
     * @return the KPIs
     * @throws CurrencyMismatchException when the point value is in another currency than the program's, before the store is read
     */
    public ProgramKpis kpis(KpiSettings settings) {
        Checks.notNull(settings, "settings");
        if (settings.pointValue() != null && !settings.pointValue().currency().equals(program.currency())) {
            // the liability would be valued in a currency the program does not keep
            throw new CurrencyMismatchException("kpi.pointValue", program.currency(), settings.pointValue().currency());
        }
        Kpis kpis = new Kpis(settings, program);
        store.forEachMember(member -> kpis.add(member, store.lots(member.id()), store.ledger(member.id()), store.tierHistory(member.id()),
                store.offers(member.id()), store.findReferral(member.id()).isPresent()));
        return kpis.result();
    }
}
