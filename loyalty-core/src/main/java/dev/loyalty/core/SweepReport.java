package dev.loyalty.core;

/**
 * What one sweep run did.
 *
 * @param members the members visited
 * @param changedMembers the members whose points, holds, offers or tier changed
 * @param released the pending lots released
 * @param expiredPoints the points expired
 * @param lapsedHolds the holds that lapsed
 * @param offersIssued the offers issued
 * @param offersExpired the offers that expired unredeemed
 * @param tierChanges the lines the sweep added to tier histories: demotions, grace periods begun, tiers retained, override expiries
 */
public record SweepReport(long members, long changedMembers, long released, long expiredPoints, long lapsedHolds, long offersIssued,
                          long offersExpired, long tierChanges) {

    /**
     * Creates a report of a sweep that changed no tier.
     *
     * @param members the members visited
     * @param changedMembers the members whose points, holds or offers changed
     * @param released the pending lots released
     * @param expiredPoints the points expired
     * @param lapsedHolds the holds that lapsed
     * @param offersIssued the offers issued
     * @param offersExpired the offers that expired unredeemed
     */
    public SweepReport(long members, long changedMembers, long released, long expiredPoints, long lapsedHolds, long offersIssued,
                       long offersExpired) {
        this(members, changedMembers, released, expiredPoints, lapsedHolds, offersIssued, offersExpired, 0);
    }

    /**
     * Creates a report of a sweep that issued and expired no offers and changed no tier.
     *
     * @param members the members visited
     * @param changedMembers the members whose points or holds changed
     * @param released the pending lots released
     * @param expiredPoints the points expired
     * @param lapsedHolds the holds that lapsed
     */
    public SweepReport(long members, long changedMembers, long released, long expiredPoints, long lapsedHolds) {
        this(members, changedMembers, released, expiredPoints, lapsedHolds, 0, 0, 0);
    }
}
