package dev.loyalty.core;

import dev.loyalty.core.model.Points;

/**
 * A member's points at a glance.
 *
 * @param balance all points the member holds, pending included: the sum of the ledger
 *                (negative when a claw-back shortfall is owed under the negative-balance policy)
 * @param spendable what the member can redeem now: spendable lots, less active holds and any shortfall owed
 * @param pending points earned but waiting for their purchase's return window to close
 * @param held points reserved by active holds
 * @param debt claw-back points owed off the balance (debt policy), repaid from later earnings
 */
public record PointsSummary(Points balance, Points spendable, Points pending, Points held, Points debt) {
}
