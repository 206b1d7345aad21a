package dev.loyalty.core;

/**
 * What one sweep did.
 *
 * @param members the members visited
 * @param changedMembers the members whose points or holds changed
 * @param released the pending lots released
 * @param expiredPoints the points expired
 * @param lapsedHolds the holds that lapsed
 */
public record SweepReport(long members, long changedMembers, long released, long expiredPoints, long lapsedHolds) {
}
