package dev.loyalty.examples.retail;

import dev.loyalty.core.LoyaltyEngine;
import dev.loyalty.core.LoyaltyException;
import dev.loyalty.core.SweepReport;
import dev.loyalty.core.Outcome;
import dev.loyalty.core.ProgramSettings;
import dev.loyalty.core.event.Enrolment;
import dev.loyalty.core.event.LoyaltyEvent;
import dev.loyalty.core.model.LedgerEntry;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.spi.LoyaltyStore;
import dev.loyalty.core.store.InMemoryStore;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Replays a {@link RetailSample} through a {@link LoyaltyEngine} and sums up what happened.
 *
 * @param events the events processed
 * @param pointsIssued the points credited in all
 * @param pointsClawedBack the points taken back by returns
 * @param pointsByRule the points credited per campaign rule, by rule name
 * @param topMembers the members with the highest balances, highest first
 * @param membersByTier how many members hold each tier at the end, as of the engine's clock, in ladder order
 * @param failures events refused with a typed error, each with its message
 * @param ruleSetVersion the version of the campaign rules
 * @param elapsed the time the replay took
 * @param offersByTemplate the offers a closing sweep issued, by template code (not redeemed, so no points change)
 * @param store the store the replay left behind, for segmentation and KPIs
 */
record Replay(int events, long pointsIssued, long pointsClawedBack, Map<String, Long> pointsByRule, List<Map.Entry<MemberId, Long>> topMembers,
              Map<String, Long> membersByTier,
              List<String> failures, String ruleSetVersion, Duration elapsed, Map<String, Long> offersByTemplate, LoyaltyStore store) {

    /**
     * Returns the program the sample runs under: pounds sterling, UK time; a return the engine
     * cannot link to its purchase claws back one point per pound, from spendable points only.
     *
     * @return the settings
     */
    static ProgramSettings program() {
        return ProgramSettings.builder().currency(RetailSample.CURRENCY).zone(RetailSample.ZONE.getId())
                .unlinkedReturnPointsPerUnit(BigDecimal.ONE)
                .build();
    }

    /**
     * Replays the sample in time order on a fresh in-memory engine with the default campaigns.
     * The engine's clock is fixed a day after the last event, so every run records the same times.
     *
     * @param sample the sample
     * @param top how many top members to list
     * @return the summary
     */
    static Replay run(RetailSample sample, int top) {
        Instant end = sample.events().stream().map(LoyaltyEvent::occurredAt).max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
        Clock clock = Clock.fixed(end.plus(Duration.ofDays(1)), ZoneOffset.UTC);
        InMemoryStore store = new InMemoryStore();
        try (LoyaltyEngine engine = LoyaltyEngine.builder().program(program()).clock(clock).store(store).build()) {
            long started = System.nanoTime();
            Map<String, Long> byRule = new TreeMap<>();
            List<String> failures = new ArrayList<>();
            long issued = 0;
            long clawedBack = 0;
            int processed = 0;
            for (LoyaltyEvent event : sample.events()) {
                try {
                    Outcome outcome = engine.process(event);
                    processed++;
                    for (LedgerEntry entry : outcome.entries()) {
                        if (entry.points().value() > 0) {
                            byRule.merge(entry.rule(), entry.points().value(), Long::sum);
                            issued = Math.addExact(issued, entry.points().value());
                        } else {
                            clawedBack = Math.addExact(clawedBack, -entry.points().value());
                        }
                    }
                } catch (LoyaltyException e) {
                    failures.add(event.eventId() + ": " + e.getMessage());
                }
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            List<Map.Entry<MemberId, Long>> balances = new ArrayList<>();
            collectBalances(engine, sample, balances);
            balances.sort(Map.Entry.<MemberId, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
            // a closing sweep at the clock: win-back offers for the members dormant by the end of the sample
            SweepReport closing = engine.sweep();
            if (!closing.failures().isEmpty()) {
                // the default campaigns' offers do not fail; if one did, the offer counts below would be short
                throw closing.failures().get(0).cause();
            }
            Map<String, Long> offers = new TreeMap<>();
            Map<String, Long> byTier = new java.util.LinkedHashMap<>();
            engine.program().tiers().forEach(tier -> byTier.put(tier.code(), 0L));
            for (Map.Entry<MemberId, Long> member : balances) {
                engine.offers(member.getKey()).forEach(offer -> offers.merge(offer.template(), 1L, Long::sum));
                byTier.merge(engine.tier(member.getKey()).tier().code(), 1L, Long::sum);
            }
            return new Replay(processed, issued, clawedBack, byRule, List.copyOf(balances.subList(0, Math.min(top, balances.size()))), byTier,
                    List.copyOf(failures), engine.ruleSetVersion(), elapsed, offers, store);
        }
    }

    private static void collectBalances(LoyaltyEngine engine, RetailSample sample, List<Map.Entry<MemberId, Long>> into) {
        for (LoyaltyEvent event : sample.events()) {
            if (event instanceof Enrolment enrolment && engine.member(enrolment.memberId()).isPresent()) {
                into.add(Map.entry(enrolment.memberId(), engine.balance(enrolment.memberId()).value()));
            }
        }
    }
}
