package dev.loyalty.core.insight;

import dev.loyalty.core.model.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The program's KPIs over one period, computed by {@link Insights#kpis}. Each formula is in the
 * project README, section "Segments and KPIs". Points flows count ledger entries whose event (or
 * expiry) happened in the period; member counts look at purchases in the period.
 *
 * @param from the first day of the period
 * @param to the day after the period's last
 * @param members members enrolled before the period's end
 * @param newMembers members enrolled in the period
 * @param activeMembers members with at least one purchase in the period
 * @param previousActiveMembers members with at least one purchase in the previous period of the same length
 * @param retention previous period's active members who bought again in this period, over previous period's active members
 * @param churn previous period's active members who did not buy in this period, over previous period's active members
 * @param repurchase active members with two or more purchases in the period, over active members
 * @param pointsIssued points earned in the period, spendable or pending (earn and pending entries)
 * @param pointsRedeemed points spent on rewards in the period (redeem entries)
 * @param pointsExpired points that expired in the period (expire entries)
 * @param pointsClawedBack points taken back after returns in the period (reverse entries, and repay entries taking new points for debt kept off the balance)
 * @param liabilityPoints points outstanding at the period's end: the sum of all entries before it
 * @param liabilityValue the liability times the point value, or null without a point value
 * @param breakage points expired over points issued in the period
 * @param redemption points redeemed over points issued in the period
 * @param tiers members per tier at the time of the run, in ladder order
 * @param liability the points outstanding at each step from the period's start to its end
 * @param tierMovements promotions and demotions recorded in the tier history in the period
 * @param offers offers issued in the period, and how many were redeemed and converted
 * @param referral the referral rate: members who enrolled in the period with a referral code (whatever
 *                 became of the referral) / members who enrolled in the period
 */
public record ProgramKpis(LocalDate from, LocalDate to, long members, long newMembers, long activeMembers, long previousActiveMembers,
                          Ratio retention, Ratio churn, Ratio repurchase, long pointsIssued, long pointsRedeemed, long pointsExpired,
                          long pointsClawedBack, long liabilityPoints, Money liabilityValue, Ratio breakage, Ratio redemption,
                          List<TierCount> tiers, List<LiabilityPoint> liability, TierMovements tierMovements, OfferConversion offers,
                          Ratio referral) {

    /**
     * Copies the lists and checks the parts.
     *
     * @param from the first day of the period
     * @param to the day after the period's last
     * @param members members enrolled before the period's end
     * @param newMembers members enrolled in the period
     * @param activeMembers members with at least one purchase in the period
     * @param previousActiveMembers members with at least one purchase in the previous period of the same length
     * @param retention previous period's active members who bought again in this period, over previous period's active members
     * @param churn previous period's active members who did not buy in this period, over previous period's active members
     * @param repurchase active members with two or more purchases in the period, over active members
     * @param pointsIssued points earned in the period, spendable or pending (earn and pending entries)
     * @param pointsRedeemed points spent on rewards in the period (redeem entries)
     * @param pointsExpired points that expired in the period (expire entries)
     * @param pointsClawedBack points taken back after returns in the period (reverse entries, and repay entries taking new points for debt kept off the balance)
     * @param liabilityPoints points outstanding at the period's end: the sum of all entries before it
     * @param liabilityValue the liability times the point value, or null without a point value
     * @param breakage points expired over points issued in the period
     * @param redemption points redeemed over points issued in the period
     * @param tiers members per tier at the time of the run, in ladder order
     * @param liability the points outstanding at each step from the period's start to its end
     * @param tierMovements promotions and demotions recorded in the tier history in the period
     * @param offers offers issued in the period, and how many were redeemed and converted
     * @param referral the referral rate: members who enrolled in the period with a referral code (whatever
     *                     became of the referral) / members who enrolled in the period
     */
    public ProgramKpis {
        tiers = List.copyOf(tiers);
        liability = List.copyOf(liability);
        Objects.requireNonNull(tierMovements, "tierMovements");
        Objects.requireNonNull(offers, "offers");
        Objects.requireNonNull(referral, "referral");
    }

    /**
     * The tier changes of the period: {@code PROMOTION} and {@code DEMOTION} records of the
     * members' tier histories whose instant falls in the period. Overrides, their expiries,
     * grace periods and retained tiers are not movements.
     *
     * @param promotions promotions in the period
     * @param demotions demotions in the period
     * @param moves the same changes per pair of tiers, in ladder order of the tier left, then of the tier reached
     */
    public record TierMovements(long promotions, long demotions, List<TierMove> moves) {

        /**
         * Copies the list.
         *
         * @param promotions promotions in the period
         * @param demotions demotions in the period
         * @param moves the same changes per pair of tiers, in ladder order of the tier left, then of the tier reached
         */
        public TierMovements {
            moves = List.copyOf(moves);
        }
    }

    /**
     * How many members moved from one tier to another in the period.
     *
     * @param fromTier the tier left
     * @param toTier the tier reached
     * @param promotion true when a promotion, false when a demotion
     * @param members the number of such changes (a member moving twice counts twice)
     */
    public record TierMove(String fromTier, String toTier, boolean promotion, long members) {
    }

    /**
     * The offers issued in the period, followed to the time of the run.
     *
     * @param issued offers issued in the period, of any trigger
     * @param redeemed of those, the ones redeemed by the time of the run
     * @param winBackIssued win-back offers issued in the period
     * @param winBackConverted of those, the ones recorded as converted by the time of the run
     *                         (redeemed, and the member came back with a purchase)
     * @param redemption redeemed over issued
     * @param conversion win-back offers converted over win-back offers issued
     */
    public record OfferConversion(long issued, long redeemed, long winBackIssued, long winBackConverted, Ratio redemption,
                                  Ratio conversion) {
    }

    /**
     * The members on one tier.
     *
     * @param tierCode the tier's code
     * @param members the members on it
     */
    public record TierCount(String tierCode, long members) {
    }

    /**
     * The points outstanding at the start of one day.
     *
     * @param date the day, in the program's zone
     * @param points the sum of all ledger entries before the day's start
     */
    public record LiabilityPoint(LocalDate date, long points) {
    }
}
