package dev.loyalty.core.referral;

import dev.loyalty.core.internal.Checks;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.MemberId;
import java.time.Instant;

/**
 * One referral, keyed by the referee: at most one per referee, set once when the referee
 * enrols with the referrer's code.
 *
 * @param refereeId the new member
 * @param referrerId the member whose code the referee used
 * @param code the referral code used
 * @param signedUpAt when the referee enrolled
 * @param status where the referral stands
 * @param rejection why it was rejected, or null
 * @param qualifyingEventId the referee's purchase that qualified it, or null
 * @param qualifiedAt when that purchase was confirmed (its return window closed), or null
 * @param settledAt when the referrer's side was settled (rewarded or rejected), or null
 * @param starQuarter the calendar quarter whose referral star this referral brought, such as {@code 2026-Q2}, or null
 */
public record Referral(MemberId refereeId, MemberId referrerId, String code, Instant signedUpAt, ReferralStatus status,
                       ReferralRejection rejection, EventId qualifyingEventId, Instant qualifiedAt, Instant settledAt,
                       String starQuarter) {

    /**
     * Checks the components.
     *
     * @param refereeId the new member
     * @param referrerId the member whose code the referee used
     * @param code the referral code used
     * @param signedUpAt when the referee enrolled
     * @param status where the referral stands
     * @param rejection why it was rejected, or null
     * @param qualifyingEventId the referee's purchase that qualified it, or null
     * @param qualifiedAt when that purchase was confirmed (its return window closed), or null
     * @param settledAt when the referrer's side was settled (rewarded or rejected), or null
     * @param starQuarter the calendar quarter whose referral star this referral brought, such as {@code 2026-Q2}, or null
     */
    public Referral {
        Checks.notNull(refereeId, "referral.refereeId");
        Checks.notNull(referrerId, "referral.referrerId");
        Checks.text(code, "referral.code");
        Checks.notNull(signedUpAt, "referral.signedUpAt");
        Checks.notNull(status, "referral.status");
        if ((status == ReferralStatus.REJECTED) != (rejection != null)) {
            throw new IllegalArgumentException("a referral has a rejection reason exactly when it is rejected: " + status + ", " + rejection);
        }
    }

    /**
     * Returns a new sign-up.
     *
     * @param refereeId the new member
     * @param referrerId the referrer
     * @param code the code used
     * @param at when the referee enrolled
     * @return the referral
     */
    public static Referral signedUp(MemberId refereeId, MemberId referrerId, String code, Instant at) {
        return new Referral(refereeId, referrerId, code, at, ReferralStatus.SIGNED_UP, null, null, null, null, null);
    }

    /**
     * Returns a copy qualified by a purchase.
     *
     * @param eventId the purchase
     * @param at when it was confirmed
     * @return the changed referral
     */
    public Referral qualified(EventId eventId, Instant at) {
        return new Referral(refereeId, referrerId, code, signedUpAt, ReferralStatus.QUALIFIED, null, eventId, at, null, null);
    }

    /**
     * Returns a rejected copy.
     *
     * @param reason why
     * @param at when
     * @return the changed referral
     */
    public Referral rejected(ReferralRejection reason, Instant at) {
        return new Referral(refereeId, referrerId, code, signedUpAt, ReferralStatus.REJECTED, reason, qualifyingEventId, qualifiedAt, at, null);
    }

    /**
     * Returns a rewarded copy.
     *
     * @param at when the referrer's side was settled
     * @param star the quarter whose star it brought, or null
     * @return the changed referral
     */
    public Referral rewarded(Instant at, String star) {
        return new Referral(refereeId, referrerId, code, signedUpAt, ReferralStatus.REWARDED, null, qualifyingEventId, qualifiedAt, at, star);
    }

    /**
     * Tells whether the referee's first purchase was confirmed, whatever the referrer's side became.
     *
     * @return true once qualified
     */
    public boolean hasQualified() {
        return qualifiedAt != null;
    }
}
