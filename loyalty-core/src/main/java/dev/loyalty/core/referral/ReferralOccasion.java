package dev.loyalty.core.referral;

/** What the rules are asked to reward when a referral qualifies. */
public enum ReferralOccasion {
    /** The referee's reward for a confirmed first purchase. */
    REFEREE_REWARD,
    /** The referrer's reward for a qualified referral, within the referrer's cap. */
    REFERRER_REWARD,
    /** The referral star: asked at most once per calendar quarter until the rules award it. */
    REFERRAL_STAR
}
