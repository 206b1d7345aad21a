package dev.loyalty.core;

import dev.loyalty.core.internal.Checks;
import java.util.List;

/**
 * What one sweep run did, and which members it could not sweep.
 *
 * @param members the members visited, failed ones included
 * @param changedMembers the members whose points, holds, offers or tier changed
 * @param released the pending lots released
 * @param expiredPoints the points expired; {@link Long#MAX_VALUE} when more than a long holds
 * @param lapsedHolds the holds that lapsed
 * @param offersIssued the offers issued
 * @param offersExpired the offers that expired unredeemed
 * @param tierChanges the lines the sweep added to tier histories: demotions, grace periods begun, tiers retained, override expiries
 * @param failures the members whose sweep failed, in the order visited, each with its cause; their state is as it was
 *                 before the run, and they are not counted in the other numbers but {@code members}
 */
public record SweepReport(long members, long changedMembers, long released, long expiredPoints, long lapsedHolds, long offersIssued,
                          long offersExpired, long tierChanges, List<SweepFailure> failures) {

    /**
     * Checks the components and copies the failures.
     *
     * @param members the members visited, failed ones included
     * @param changedMembers the members whose points, holds, offers or tier changed
     * @param released the pending lots released
     * @param expiredPoints the points expired; {@link Long#MAX_VALUE} when more than a long holds
     * @param lapsedHolds the holds that lapsed
     * @param offersIssued the offers issued
     * @param offersExpired the offers that expired unredeemed
     * @param tierChanges the lines the sweep added to tier histories
     * @param failures the members whose sweep failed, each with its cause
     */
    public SweepReport {
        failures = List.copyOf(Checks.notNull(failures, "sweepReport.failures"));
    }

    /**
     * Creates a report of a sweep in which no member failed.
     *
     * @param members the members visited
     * @param changedMembers the members whose points, holds, offers or tier changed
     * @param released the pending lots released
     * @param expiredPoints the points expired; {@link Long#MAX_VALUE} when more than a long holds
     * @param lapsedHolds the holds that lapsed
     * @param offersIssued the offers issued
     * @param offersExpired the offers that expired unredeemed
     * @param tierChanges the lines the sweep added to tier histories: demotions, grace periods begun, tiers retained, override expiries
     */
    public SweepReport(long members, long changedMembers, long released, long expiredPoints, long lapsedHolds, long offersIssued,
                       long offersExpired, long tierChanges) {
        this(members, changedMembers, released, expiredPoints, lapsedHolds, offersIssued, offersExpired, tierChanges, List.of());
    }

    /**
     * Creates a report of a sweep that changed no tier.
     *
     * @param members the members visited
     * @param changedMembers the members whose points, holds or offers changed
     * @param released the pending lots released
     * @param expiredPoints the points expired; {@link Long#MAX_VALUE} when more than a long holds
     * @param lapsedHolds the holds that lapsed
     * @param offersIssued the offers issued
     * @param offersExpired the offers that expired unredeemed
     */
    public SweepReport(long members, long changedMembers, long released, long expiredPoints, long lapsedHolds, long offersIssued,
                       long offersExpired) {
        this(members, changedMembers, released, expiredPoints, lapsedHolds, offersIssued, offersExpired, 0, List.of());
    }

    /**
     * Creates a report of a sweep that issued and expired no offers and changed no tier.
     *
     * @param members the members visited
     * @param changedMembers the members whose points or holds changed
     * @param released the pending lots released
     * @param expiredPoints the points expired; {@link Long#MAX_VALUE} when more than a long holds
     * @param lapsedHolds the holds that lapsed
     */
    public SweepReport(long members, long changedMembers, long released, long expiredPoints, long lapsedHolds) {
        this(members, changedMembers, released, expiredPoints, lapsedHolds, 0, 0, 0, List.of());
    }
}
