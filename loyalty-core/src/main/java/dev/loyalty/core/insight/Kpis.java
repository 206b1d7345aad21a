package dev.loyalty.core.insight;

import dev.loyalty.core.ProgramSettings;
import dev.loyalty.core.model.LedgerEntry;
import dev.loyalty.core.model.Lot;
import dev.loyalty.core.model.Member;
import dev.loyalty.core.model.Money;
import dev.loyalty.core.model.Offer;
import dev.loyalty.core.model.OfferStatus;
import dev.loyalty.core.model.OfferTrigger;
import dev.loyalty.core.model.Points;
import dev.loyalty.core.model.Tier;
import dev.loyalty.core.tier.TierChange;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Folds members one at a time into the KPI counters; holds nothing per member. A KPI that needs
 * other member data (tier history, offers, referrals) adds its counters here and
 * reads that data in {@link #add}, so every KPI stays one pass over the store. Not public API.
 */
final class Kpis {

    private final KpiSettings settings;
    private final ProgramSettings program;
    private final Instant from;
    private final Instant to;
    private final Instant previousFrom;
    private final LocalDate[] steps;
    private final Instant[] stepStarts;
    /** Points of entries before each step's start but not before the previous step's; summed at the end. */
    private final long[] stepDeltas;
    private final Map<String, Long> tiers = new TreeMap<>();

    private long members;
    private long newMembers;
    /** New members of the period who signed up with a referral code. */
    private long referredNewMembers;
    private long active;
    private long previousActive;
    private long retained;
    private long repurchasers;
    private long issued;
    private long redeemed;
    private long expired;
    private long clawedBack;
    private long liability;
    private long promotions;
    private long demotions;
    /**
     * Promotions and demotions per pair of tiers: from, then to, then promotions at 0 and demotions
     * at 1, as the records say, so that codes no longer on the ladder keep their direction.
     */
    private final Map<String, Map<String, long[]>> moves = new TreeMap<>();
    private long offersIssued;
    private long offersRedeemed;
    private long winBackIssued;
    private long winBackConverted;

    Kpis(KpiSettings settings, ProgramSettings program) {
        this.settings = settings;
        this.program = program;
        ZoneId zone = program.zone();
        this.from = settings.from().atStartOfDay(zone).toInstant();
        this.to = settings.to().atStartOfDay(zone).toInstant();
        this.previousFrom = settings.previousFrom().atStartOfDay(zone).toInstant();
        List<LocalDate> dates = new ArrayList<>();
        // each step counted from the period's start, not from the step before: month steps from the 31st would
        // otherwise stay on the 28th after February
        for (int i = 0; ; i++) {
            LocalDate date = settings.from().plus(settings.liabilityStep().multipliedBy(i));
            if (!date.isBefore(settings.to())) {
                break;
            }
            dates.add(date);
        }
        dates.add(settings.to());
        this.steps = dates.toArray(LocalDate[]::new);
        this.stepStarts = dates.stream().map(date -> date.atStartOfDay(zone).toInstant()).toArray(Instant[]::new);
        this.stepDeltas = new long[steps.length];
    }

    void add(Member member, List<Lot> lots, List<LedgerEntry> ledger, List<TierChange> tierHistory, List<Offer> offers, boolean referred) {
        if (!member.enrolledAt().isBefore(to)) {
            return;
        }
        addTierMovements(tierHistory);
        addOffers(offers);
        members++;
        if (!member.enrolledAt().isBefore(from)) {
            newMembers++;
            if (referred) {
                referredNewMembers++;
            }
        }
        tiers.merge(member.tierCode(), 1L, Long::sum);
        int inPeriod = 0;
        int inPrevious = 0;
        for (Lot lot : lots) {
            if (lot.sourceAmount() == null || lot.id().equals(Lot.DEBT_LOT)) {
                continue;
            }
            Instant at = lot.earnedAt();
            if (!at.isBefore(from) && at.isBefore(to)) {
                inPeriod++;
            } else if (!at.isBefore(previousFrom) && at.isBefore(from)) {
                inPrevious++;
            }
        }
        if (inPeriod > 0) {
            active++;
        }
        if (inPeriod > 1) {
            repurchasers++;
        }
        if (inPrevious > 0) {
            previousActive++;
            if (inPeriod > 0) {
                retained++;
            }
        }
        for (LedgerEntry entry : ledger) {
            Instant at = entry.occurredAt();
            if (!at.isBefore(to)) {
                continue;
            }
            long points = entry.points().value();
            liability = Points.add(liability, points);
            int step = firstStepAfter(at);
            if (step < stepDeltas.length) {
                stepDeltas[step] = Points.add(stepDeltas[step], points);
            }
            if (at.isBefore(from)) {
                continue;
            }
            switch (entry.type()) {
                case EARN, PENDING -> issued = Points.add(issued, points);
                case REDEEM -> redeemed = Points.add(redeemed, -points);
                case EXPIRE -> expired = Points.add(expired, -points);
                // a repayment of debt kept off the balance takes points from a new lot: clawed back when repaid; one of the debt
                // lot's shortfall, clawed back at the return, adds them to the debt lot as well and nets to zero
                case REVERSE, REPAY -> clawedBack = Points.add(clawedBack, -points);
                default -> {
                    // releases move no points
                }
            }
        }
    }

    private void addTierMovements(List<TierChange> history) {
        for (TierChange change : history) {
            if (change.at().isBefore(from) || !change.at().isBefore(to)) {
                continue;
            }
            int kind;
            if (change.kind() == TierChange.Kind.PROMOTION) {
                promotions++;
                kind = 0;
            } else if (change.kind() == TierChange.Kind.DEMOTION) {
                demotions++;
                kind = 1;
            } else {
                continue;
            }
            moves.computeIfAbsent(change.fromTier(), code -> new TreeMap<>()).computeIfAbsent(change.toTier(), code -> new long[2])[kind]++;
        }
    }

    private void addOffers(List<Offer> offers) {
        for (Offer offer : offers) {
            if (offer.issuedAt().isBefore(from) || !offer.issuedAt().isBefore(to)) {
                continue;
            }
            offersIssued++;
            if (offer.status() == OfferStatus.REDEEMED) {
                offersRedeemed++;
            }
            if (offer.trigger() == OfferTrigger.WIN_BACK) {
                winBackIssued++;
                if (Boolean.TRUE.equals(offer.converted())) {
                    winBackConverted++;
                }
            }
        }
    }

    ProgramKpis result() {
        List<ProgramKpis.LiabilityPoint> series = new ArrayList<>(steps.length);
        long running = 0;
        for (int i = 0; i < steps.length; i++) {
            running = Points.add(running, stepDeltas[i]);
            series.add(new ProgramKpis.LiabilityPoint(steps[i], running));
        }
        Money value = settings.pointValue() == null ? null : settings.pointValue().times(liability);
        return new ProgramKpis(settings.from(), settings.to(), members, newMembers, active, previousActive,
                new Ratio(retained, previousActive), new Ratio(previousActive - retained, previousActive), new Ratio(repurchasers, active),
                issued, redeemed, expired, clawedBack, liability, value, new Ratio(expired, issued), new Ratio(redeemed, issued),
                tierCounts(), series, tierMovements(),
                new ProgramKpis.OfferConversion(offersIssued, offersRedeemed, winBackIssued, winBackConverted,
                        new Ratio(offersRedeemed, offersIssued), new Ratio(winBackConverted, winBackIssued)),
                new Ratio(referredNewMembers, newMembers));
    }

    /**
     * The movements per pair in ladder order (the tier left, then the tier reached); codes off the
     * ladder after, alphabetically. Whether a move is a promotion comes from its records, not from
     * the ladder, which may no longer hold the codes; a pair with both (the ladder reordered) has a
     * promotion row, then a demotion row.
     */
    private ProgramKpis.TierMovements tierMovements() {
        Map<String, Integer> rank = new LinkedHashMap<>();
        program.tiers().forEach(tier -> rank.put(tier.code(), tier.rank()));
        Comparator<String> ladder = Comparator.<String>comparingInt(code -> rank.getOrDefault(code, Integer.MAX_VALUE))
                .thenComparing(Comparator.naturalOrder());
        List<ProgramKpis.TierMove> list = new ArrayList<>();
        moves.keySet().stream().sorted(ladder).forEach(fromTier -> moves.get(fromTier).keySet().stream().sorted(ladder)
                .forEach(toTier -> {
                    long[] counts = moves.get(fromTier).get(toTier);
                    if (counts[0] > 0) {
                        list.add(new ProgramKpis.TierMove(fromTier, toTier, true, counts[0]));
                    }
                    if (counts[1] > 0) {
                        list.add(new ProgramKpis.TierMove(fromTier, toTier, false, counts[1]));
                    }
                }));
        return new ProgramKpis.TierMovements(promotions, demotions, list);
    }

    /** The tiers in ladder order, then codes outside the ladder alphabetically; ladder tiers without members count zero. */
    private List<ProgramKpis.TierCount> tierCounts() {
        Map<String, Long> ordered = new LinkedHashMap<>();
        program.tiers().stream().sorted(Comparator.comparingInt(Tier::rank)).forEach(tier -> ordered.put(tier.code(), 0L));
        tiers.forEach((code, count) -> ordered.merge(code, count, Long::sum));
        return ordered.entrySet().stream().map(e -> new ProgramKpis.TierCount(e.getKey(), e.getValue())).toList();
    }

    /** Returns the index of the first step starting after the instant: the first whose liability includes it. */
    private int firstStepAfter(Instant at) {
        int index = Arrays.binarySearch(stepStarts, at);
        return index >= 0 ? index + 1 : -index - 1;
    }
}
