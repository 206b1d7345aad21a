package dev.loyalty.core.internal;

import dev.loyalty.core.InvalidInputException;
import dev.loyalty.core.ProgramSettings;
import dev.loyalty.core.model.Member;
import dev.loyalty.core.spi.MemberChanges;
import dev.loyalty.core.spi.MemberView;
import dev.loyalty.core.tier.MemberTier;
import dev.loyalty.core.tier.Qualifying;
import dev.loyalty.core.tier.TierBenefits;
import dev.loyalty.core.tier.TierPolicy;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A member's tier on request, outside event processing: the answer of what the member gets as
 * of an instant, and a manual override (a status match, say). Both work under the ladder
 * {@link EventProcessor} reads from the rules as they are now and passes in.
 */
final class TierRequests {

    /** The latest day an override may end on: the date of {@link Checks#LATEST_INSTANT}. */
    private static final LocalDate LATEST_OVERRIDE_UNTIL = LocalDate.ofInstant(Checks.LATEST_INSTANT, ZoneOffset.UTC);

    private final ProgramSettings program;
    private final Clock clock;

    /**
     * Creates the tier requests.
     *
     * @param program the program settings
     * @param clock the clock, for the member's today an override starts from
     */
    TierRequests(ProgramSettings program, Clock clock) {
        this.program = program;
        this.clock = clock;
    }

    /**
     * Answers what a member gets as of an instant, counting the reviews due by then as done.
     *
     * @param view the member's state, locked by the store
     * @param asOf the instant
     * @param tiers the tier ladder in force, or null without one
     * @return the answer; without a tier policy, the member's tier with no benefits and no progress
     */
    MemberTier memberTier(MemberView view, Instant asOf, TierPolicy tiers) {
        Member member = view.member().orElseThrow(() -> new IllegalStateException("tier of a member who is not enrolled"));
        ZoneId zone = member.zoneOr(program.zone());
        LocalDate today = LocalDays.dateOf(asOf, zone);
        if (tiers == null) {
            return new MemberTier(member.id(), today, program.tier(member.tierCode()).orElseGet(program::entryTier), TierBenefits.NONE,
                    member.tierCode(), Qualifying.ZERO, null, null, null, null, null);
        }
        TierKeeper keeper = new TierKeeper(tiers, program, view, member, zone, today, false);
        keeper.advance(today);
        return keeper.answer(today);
    }

    /**
     * Sets a manual tier override (a status match, say) until a day, after the reviews due by the clock.
     *
     * @param view the member's state, locked by the store
     * @param tierCode the tier, on the program's ladder
     * @param until the first day the override no longer applies; after today
     * @param reason why, for the tier history
     * @param tiers the tier ladder in force, or null without one
     * @return the changes
     * @throws InvalidInputException when the program has no tier policy, or the tier or date is not acceptable
     */
    MemberChanges overrideTier(MemberView view, String tierCode, LocalDate until, String reason, TierPolicy tiers) {
        if (tiers == null) {
            throw new InvalidInputException("tierCode", "the rules define no tier policy, so tiers cannot be overridden");
        }
        String code = Checks.text(tierCode, "tierCode");
        if (program.tier(code).isEmpty()) {
            throw new InvalidInputException("tierCode", "'" + code + "' is not a tier of this program (" + program.tierCodes() + ")");
        }
        String why = Checks.text(reason, "reason");
        Member member = view.member().orElseThrow(() -> new IllegalStateException("override for a member who is not enrolled"));
        ZoneId zone = member.zoneOr(program.zone());
        Instant now = clock.instant();
        LocalDate today = LocalDays.dateOf(now, zone);
        if (!until.isAfter(today)) {
            throw new InvalidInputException("until", until + " is not after the member's today, " + today);
        }
        if (until.isAfter(LATEST_OVERRIDE_UNTIL)) {
            // every store keeps the date, and the engine's clock reaches it (sweeps and events end with 9999)
            throw new InvalidInputException("until", until + " is after the latest day an override may run to, " + LATEST_OVERRIDE_UNTIL);
        }
        MemberLedger ledger = new MemberLedger(view, member.id(), program, zone, now);
        ledger.housekeep();
        TierKeeper keeper = new TierKeeper(tiers, program, view, member, zone, today, false);
        keeper.advance(today);
        keeper.override(code, until, today, now, why);
        Member after = keeper.member(member);
        return ledger.changes(after.equals(member) ? null : after, null, keeper.update());
    }
}
