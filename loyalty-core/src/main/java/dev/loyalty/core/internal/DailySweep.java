package dev.loyalty.core.internal;

import dev.loyalty.core.ProgramSettings;
import dev.loyalty.core.model.Member;
import dev.loyalty.core.spi.MemberChanges;
import dev.loyalty.core.spi.MemberView;
import dev.loyalty.core.spi.RuleEngine;
import dev.loyalty.core.tier.TierPolicy;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The daily sweep of one member, without an event: housekeeping, the tier reviews due and the
 * offers due, under the ladder {@link EventProcessor} passes in (it retries when a reload swaps
 * the ladder meanwhile). Also decides from which day a member without tier state is tracked,
 * for a sweep and for an event alike.
 */
final class DailySweep {

    private final ProgramSettings program;
    private final RuleEngine rules;
    private final Clock clock;

    /**
     * Creates the sweep.
     *
     * @param program the program settings
     * @param rules the rule engine, for the offers a sweep issues
     * @param clock the clock, for the day tracking of a member without tier state begins
     */
    DailySweep(ProgramSettings program, RuleEngine rules, Clock clock) {
        this.program = program;
        this.rules = rules;
        this.clock = clock;
    }

    /**
     * Computes what is due for a member at an instant under a tier ladder, as
     * {@link EventProcessor#sweep(MemberView, Instant)} describes.
     *
     * @param view the member's state, locked by the store
     * @param asOf the instant to sweep at
     * @param tiers the tier ladder in force, or null without one
     * @return the changes; empty when nothing is due, or the member is not enrolled or enrolled after {@code asOf}
     */
    MemberChanges sweep(MemberView view, Instant asOf, TierPolicy tiers) {
        Member member = view.member().orElse(null);
        if (member == null || asOf.isBefore(member.enrolledAt())) {
            // a sweep as of an instant before the member joined (a late catch-up run) has nothing of theirs to do: no offer
            // may be issued, no review held, before the member existed
            return new MemberChanges(null, null, List.of(), List.of());
        }
        ZoneId zone = member.zoneOr(program.zone());
        MemberLedger ledger = new MemberLedger(view, member.id(), program, zone, asOf);
        ledger.housekeep();
        if (tiers == null) {
            OfferWork.sweep(ledger, member, asOf, zone, program, rules);
            return ledger.changes(null, null);
        }
        TierKeeper keeper = new TierKeeper(tiers, program, view, member, zone, trackedFrom(view, LocalDays.dateOf(asOf, zone), zone), false);
        keeper.advance(LocalDays.dateOf(asOf, zone));
        Member after = keeper.member(member);
        // offers see the tier the review left the member on
        OfferWork.sweep(ledger, after, asOf, zone, program, rules);
        return ledger.changes(after.equals(member) ? null : after, null, keeper.update());
    }

    /**
     * The day from which a member without tier state (enrolled before the rules declared a ladder) is tracked when a late
     * event or a catch-up sweep dated on {@code day} first meets them: the later of that day and the clock's, so that no
     * review point of the time before tracking began is scheduled, and none reviewed. A member with tier state is tracked
     * already: {@code day} is returned, without reading the clock.
     */
    LocalDate trackedFrom(MemberView view, LocalDate day, ZoneId zone) {
        if (view.tierState() != null) {
            return day;
        }
        LocalDate now = LocalDays.dateOf(clock.instant(), zone);
        return now.isAfter(day) ? now : day;
    }
}
