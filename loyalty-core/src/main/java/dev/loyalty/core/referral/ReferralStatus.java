package dev.loyalty.core.referral;

/** Where a referral stands: signed up, qualified (the referee's first purchase confirmed), rewarded, or rejected. */
public enum ReferralStatus {
    /** The referee joined with the referrer's code; their first purchase is not confirmed yet. */
    SIGNED_UP,
    /** The referee's first purchase is confirmed and the referee rewarded; the referrer's side is still to be settled. */
    QUALIFIED,
    /** Both sides were settled and the referrer rewarded. */
    REWARDED,
    /** Rejected for the reason in {@link Referral#rejection()}. */
    REJECTED
}
