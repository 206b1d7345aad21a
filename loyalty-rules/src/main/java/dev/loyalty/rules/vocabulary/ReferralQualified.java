package dev.loyalty.rules.vocabulary;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A referral whose referee's first purchase was confirmed (its return window passed without a
 * return), presented once for each reward: {@code reward == "referee"} for the new member,
 * {@code reward == "referrer"} for the member whose code they used (only while the referrer is
 * under the program's cap), and {@code reward == "star"} for the referral star, presented at
 * most once per calendar quarter until a rule awards it. It is the only fact inserted, so a
 * referral rule matches it alone; {@code earn.points(...)} credits {@link #getMemberId()} and
 * {@code offers.*($r, ...)} issues an offer to them (once per template and reward).
 *
 * <pre>{@code
 * rule "REF-01 referral: 500 points to each side"
 * when
 *     ReferralQualified( reward == "referee" || reward == "referrer" )
 * then
 *     earn.points(500, "Referral reward: 500 points");
 * end
 *
 * rule "REFSTAR-01 referral star: 2,000 points for 5 referrals in a quarter"
 * when
 *     ReferralQualified( reward == "star", qualifiedThisQuarter >= 5 )
 * then
 *     earn.points(2000, "Referral star: 5 qualified referrals this quarter");
 * end
 * }</pre>
 *
 * <p>Immutable.
 */
public final class ReferralQualified extends Occasion {

    private final String reward;
    private final String referrerId;
    private final String refereeId;
    private final LocalDate date;
    private final String quarter;
    private final int qualifiedThisQuarter;

    /**
     * Creates the fact; the engine does this when a referral qualifies, tests of campaign rules may too.
     *
     * @param reward {@code referee}, {@code referrer} or {@code star}
     * @param memberId the member the reward goes to
     * @param tier that member's tier code
     * @param referrerId the referrer
     * @param refereeId the referee
     * @param date the day the referral qualified, in the member's zone
     * @param quarter that day's calendar quarter, such as {@code 2026-Q1}
     * @param qualifiedThisQuarter the referrer's qualified referrals that quarter, this one included (0 for the referee's reward)
     */
    public ReferralQualified(String reward, String memberId, String tier, String referrerId, String refereeId, LocalDate date, String quarter,
                             int qualifiedThisQuarter) {
        super(memberId, tier);
        this.reward = Objects.requireNonNull(reward, "reward");
        this.referrerId = Objects.requireNonNull(referrerId, "referrerId");
        this.refereeId = Objects.requireNonNull(refereeId, "refereeId");
        this.date = Objects.requireNonNull(date, "date");
        this.quarter = Objects.requireNonNull(quarter, "quarter");
        this.qualifiedThisQuarter = qualifiedThisQuarter;
    }

    /**
     * Returns which reward is asked for.
     *
     * @return {@code referee}, {@code referrer} or {@code star}
     */
    public String getReward() {
        return reward;
    }

    /**
     * Returns the referrer.
     *
     * @return the referrer's member id
     */
    public String getReferrerId() {
        return referrerId;
    }

    /**
     * Returns the referee.
     *
     * @return the referee's member id
     */
    public String getRefereeId() {
        return refereeId;
    }

    /**
     * Returns the day the referral qualified, in the rewarded member's zone.
     *
     * @return the date
     */
    public LocalDate getDate() {
        return date;
    }

    /**
     * Returns the calendar quarter of {@link #getDate()}.
     *
     * @return such as {@code 2026-Q1}
     */
    public String getQuarter() {
        return quarter;
    }

    /**
     * Returns the referrer's qualified referrals in the quarter, this one included, whether or
     * not the cap let them be rewarded; 0 for the referee's reward.
     *
     * @return the count
     */
    public int getQualifiedThisQuarter() {
        return qualifiedThisQuarter;
    }

    /**
     * Returns the reward, the referee and the referrer, and the day the referral qualified, as
     * {@code ReferralQualified[referee, M-2 by M-1, 2024-04-02]}.
     *
     * @return the text, for logs and rule test messages
     */
    @Override
    public String toString() {
        return "ReferralQualified[" + reward + ", " + refereeId + " by " + referrerId + ", " + date + "]";
    }
}
