package dev.loyalty.core.referral;

import java.util.EnumMap;
import java.util.Map;

/**
 * Referral counts for a referrer or the whole program.
 *
 * @param signedUp referees who joined with a code, whatever became of them
 * @param qualified referrals whose referee's first purchase was confirmed (rewarded, capped or still to settle)
 * @param rewarded referrals whose referrer was rewarded
 * @param rejected rejected referrals by reason; every reason present, zero when none
 */
public record ReferralStats(long signedUp, long qualified, long rewarded, Map<ReferralRejection, Long> rejected) {

    /** An empty count. */
    public static final ReferralStats NONE = new ReferralStats(0, 0, 0, Map.of());

    /**
     * Copies the map, filling in every reason.
     *
     * @param signedUp referees who joined with a code, whatever became of them
     * @param qualified referrals whose referee's first purchase was confirmed (rewarded, capped or still to settle)
     * @param rewarded referrals whose referrer was rewarded
     * @param rejected rejected referrals by reason; every reason present, zero when none
     */
    public ReferralStats {
        EnumMap<ReferralRejection, Long> all = new EnumMap<>(ReferralRejection.class);
        for (ReferralRejection reason : ReferralRejection.values()) {
            all.put(reason, rejected.getOrDefault(reason, 0L));
        }
        rejected = Map.copyOf(all);
    }

    /**
     * Returns these counts with one more referral.
     *
     * @param referral the referral
     * @return the new counts
     */
    public ReferralStats plus(Referral referral) {
        Map<ReferralRejection, Long> reasons = new EnumMap<>(rejected);
        if (referral.rejection() != null) {
            reasons.merge(referral.rejection(), 1L, Long::sum);
        }
        return new ReferralStats(signedUp + 1, qualified + (referral.hasQualified() ? 1 : 0),
                rewarded + (referral.status() == ReferralStatus.REWARDED ? 1 : 0), reasons);
    }

    /**
     * Returns the rejected referrals of every reason together.
     *
     * @return the count
     */
    public long rejectedTotal() {
        return rejected.values().stream().mapToLong(Long::longValue).sum();
    }
}
