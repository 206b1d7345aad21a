/**
 * Referral rewards: codes, the referee-to-referrer link set once at enrolment, qualification on
 * a confirmed first purchase, the abuse guards, the referral star and statistics.
 */
package dev.loyalty.core.referral;
