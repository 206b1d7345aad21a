package dev.loyalty.core.referral;

/** Why a referral earns no referrer reward. */
public enum ReferralRejection {
    /** The referee is the referrer (same member id). */
    SELF_REFERRAL,
    /** The referee shares an identity fingerprint (hashed email, phone, payment token, address) with the referrer. */
    SAME_IDENTITY,
    /** The referee's identity matches a member further up the referrer chain: the referral would close a cycle. */
    CYCLE,
    /** The referee's identity matches a member who joined before: not a new customer. */
    NOT_NEW_CUSTOMER,
    /** The referee's first purchase was returned, wholly or in part, before it was confirmed. */
    RETURNED,
    /** The referrer had already been rewarded for the capped number of referrals in the cap period. */
    CAP_REACHED,
    /** The referrer was suspended or closed when the referral was settled on their side: no reward, no star, not counted toward the cap. */
    REFERRER_NOT_ACTIVE
}
