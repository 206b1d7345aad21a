package dev.loyalty.core.spi;

import dev.loyalty.core.ProgramSettings;
import dev.loyalty.core.model.Member;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.referral.ReferralOccasion;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * What the rules see when a referral qualifies: once for the referee's reward, once for the
 * referrer's (within the cap) and, at most once per calendar quarter, for the referral star.
 * {@link Decision.FixedPoints} for {@link Decision#WHOLE_EVENT} are credited to {@link #member()}
 * and {@link Decision.IssueOffer} offers issued to them (as {@link dev.loyalty.core.model.OfferTrigger#REFERRAL},
 * whatever trigger they name); other decisions are ignored.
 *
 * @param occasion what is being rewarded
 * @param member the member the reward would go to: the referee for {@link ReferralOccasion#REFEREE_REWARD}, else the referrer
 * @param referrerId the referrer
 * @param refereeId the referee
 * @param qualifiedAt when the referee's first purchase was confirmed
 * @param date that instant's date in the member's zone
 * @param zone the member's zone
 * @param quarter the calendar quarter of {@link #date()}, such as {@code 2026-Q1}
 * @param qualifiedThisQuarter the referrer's qualified referrals in that quarter, this one included; for the star
 * @param program the program settings
 */
public record ReferralContext(ReferralOccasion occasion, Member member, MemberId referrerId, MemberId refereeId, Instant qualifiedAt,
                              LocalDate date, ZoneId zone, String quarter, int qualifiedThisQuarter, ProgramSettings program) {
}
