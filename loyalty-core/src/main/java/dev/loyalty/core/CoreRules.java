package dev.loyalty.core;

import java.util.Set;

/**
 * The names the core gives the ledger entries and explanation steps it writes itself, for the
 * program's policies rather than a campaign's rule ({@code LedgerEntry.rule()},
 * {@code Explanation.Step.rule()}): redemptions, holds, returns, expiry, tiers. They all begin
 * {@code core:}.
 */
public final class CoreRules {

    /** Points spent by a redemption. */
    public static final String REDEMPTION = "core:redemption";
    /** Points spent by a hold's capture. */
    public static final String HOLD = "core:hold";
    /** Points clawed back by a return linked to its purchase. */
    public static final String RETURN = "core:return";
    /** Points clawed back by a return the engine cannot link to a purchase. */
    public static final String UNLINKED_RETURN = "core:unlinked-return";
    /** Pending points that became spendable. */
    public static final String RELEASE = "core:release";
    /** Points that expired. */
    public static final String EXPIRY = "core:expiry";
    /** Claw-back debt repaid from later earnings. */
    public static final String REPAYMENT = "core:repayment";
    /** Tier promotions, demotions and the tier multiplier's bookkeeping. */
    public static final String TIER = "core:tier";

    /** Every name above. */
    public static final Set<String> ALL = Set.of(REDEMPTION, HOLD, RETURN, UNLINKED_RETURN, RELEASE, EXPIRY, REPAYMENT, TIER);

    private CoreRules() {
    }
}
