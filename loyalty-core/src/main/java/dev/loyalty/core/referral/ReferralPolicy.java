package dev.loyalty.core.referral;

import dev.loyalty.core.LoyaltyConfigurationException;

/**
 * How the core guards referrals: the cap of rewarded referrals per referrer per period and how
 * far up the referrer chain the cycle check walks. What is rewarded is for the rules.
 *
 * @param rewardCap the most referrals a referrer is rewarded for in one cap period
 * @param capPeriod the calendar period of the cap, in the referrer's zone
 * @param chainWalkLimit how many referrers up the chain the cycle check looks
 */
public record ReferralPolicy(int rewardCap, CapPeriod capPeriod, int chainWalkLimit) {

    /** The defaults: 10 rewarded referrals per calendar month, a chain walk of 32 referrers. */
    public static final ReferralPolicy DEFAULT = new ReferralPolicy(10, CapPeriod.MONTH, 32);

    /**
     * Checks the components.
     *
     * @param rewardCap the most referrals a referrer is rewarded for in one cap period
     * @param capPeriod the calendar period of the cap, in the referrer's zone
     * @param chainWalkLimit how many referrers up the chain the cycle check looks
     * @throws LoyaltyConfigurationException naming the setting when the cap is negative, the period null or the chain walk
     *         limit outside 1 to 1000
     */
    public ReferralPolicy {
        if (rewardCap < 0) {
            throw new LoyaltyConfigurationException("referral reward cap must be zero or more, not " + rewardCap);
        }
        if (capPeriod == null) {
            throw new LoyaltyConfigurationException("referral cap period must be MONTH, QUARTER or YEAR, not null");
        }
        if (chainWalkLimit < 1 || chainWalkLimit > 1_000) {
            throw new LoyaltyConfigurationException("referral chain walk limit must be from 1 to 1000, not " + chainWalkLimit);
        }
    }

    /**
     * Returns a copy with another cap.
     *
     * @param cap the most rewarded referrals per period
     * @param period the period
     * @return the changed policy
     */
    public ReferralPolicy withCap(int cap, CapPeriod period) {
        return new ReferralPolicy(cap, period, chainWalkLimit);
    }
}
