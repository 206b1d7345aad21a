package dev.loyalty.core.model;

/** The occasion an offer was issued for; the core issues each template once per occasion. */
public enum OfferTrigger {
    /** The member's birthday: at most once per member per birthday year. */
    BIRTHDAY,
    /** A dormancy spell (no purchase for a while): at most once per template per spell. */
    WIN_BACK,
    /** A qualified referral: at most once per template, referral and reward (referee, referrer, star). */
    REFERRAL
}
