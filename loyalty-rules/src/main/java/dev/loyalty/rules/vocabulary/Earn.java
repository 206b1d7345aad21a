package dev.loyalty.rules.vocabulary;

/**
 * The actions a campaign rule takes, through the global {@code earn}:
 * <pre>{@code
 * global dev.loyalty.rules.vocabulary.Earn earn;
 *
 * rule "CAT-01 garden"
 * when
 *     $l : PurchaseLine( category == "garden" )
 * then
 *     earn.bonus($l, 2, "2 extra points per pound on garden items");
 * end
 * }</pre>
 *
 * <p>Every action proposes one decision, credited to the rule that calls it; the core combines
 * them with the stacking formula (see the module's README). Numbers may be any {@link Number}:
 * integers are taken exactly, {@code 1.2} means exactly 1.2, a {@link java.math.BigDecimal} as it
 * is; NaN, infinities, null and negative values fail the event with a
 * {@link dev.loyalty.core.RuleEvaluationException} naming the rule. In the MVEL dialect, a
 * constant NaN kept in a whole-number local ({@code long n = 0 / 0;}), which MVEL would make 0 while
 * the rules are built, fails the build instead, with a {@link dev.loyalty.core.RuleDefinitionException}
 * naming the rule and the line (see the module's README). Every reason must be text a member could read.
 *
 * <p>The engine implements this interface; campaign authors only call it. Methods may be added in
 * later versions.
 */
public interface Earn {

    /**
     * Sets the base rate for every line of the purchase: points per currency unit. When several
     * base rates cover a line, the highest applies.
     *
     * @param purchase the purchase
     * @param pointsPerUnit points per currency unit, such as {@code 1}
     * @param reason why, for the member
     */
    void base(Purchase purchase, Number pointsPerUnit, String reason);

    /**
     * Sets the base rate for one line: points per currency unit. When several base rates cover a
     * line, the highest applies.
     *
     * @param line the line
     * @param pointsPerUnit points per currency unit
     * @param reason why, for the member
     */
    void base(PurchaseLine line, Number pointsPerUnit, String reason);

    /**
     * Adds bonus points per currency unit of one line; bonuses add up and are not multiplied by promotions.
     *
     * @param line the line
     * @param pointsPerUnit extra points per currency unit, such as {@code 2}
     * @param reason why, for the member
     */
    void bonus(PurchaseLine line, Number pointsPerUnit, String reason);

    /**
     * Adds bonus points per currency unit of every line of the purchase; bonuses add up.
     *
     * @param purchase the purchase
     * @param pointsPerUnit extra points per currency unit
     * @param reason why, for the member
     */
    void bonus(Purchase purchase, Number pointsPerUnit, String reason);

    /**
     * Awards fixed points once for the event, such as a welcome bonus.
     *
     * @param points the points; zero or more
     * @param reason why, for the member
     */
    void points(long points, String reason);

    /**
     * Awards fixed points per item of one line.
     *
     * @param line the line
     * @param points the points per item; zero or more
     * @param reason why, for the member
     */
    void pointsPerItem(PurchaseLine line, long points, String reason);

    /**
     * Multiplies the base points of every line of the purchase; of several promotion multipliers
     * on a line, only the highest applies.
     *
     * @param purchase the purchase
     * @param factor the factor; at least 1, such as {@code 2}
     * @param reason why, for the member
     */
    void multiply(Purchase purchase, Number factor, String reason);

    /**
     * Multiplies the base points of one line; of several promotion multipliers on a line, only the highest applies.
     *
     * @param line the line
     * @param factor the factor; at least 1
     * @param reason why, for the member
     */
    void multiply(PurchaseLine line, Number factor, String reason);

    /**
     * Multiplies everything else the event earns, for the member's tier; only the highest applies.
     *
     * @param factor the factor; at least 1, such as {@code 1.5}
     * @param reason why, for the member
     */
    void tierMultiplier(Number factor, String reason);

    /**
     * Multiplies everything else the purchase earns by its buyer's tier's earn multiplier from the
     * tier ladder ({@link TierLadder}), with the reason {@code "<Tier name> members earn <factor>x points"};
     * does nothing when the multiplier is 1. Keeps the points and the tier benefits a POS is told in step.
     *
     * @param purchase the purchase
     */
    void tierMultiplier(Purchase purchase);

    /**
     * Excludes one line from all earning, such as postage or a gift card.
     *
     * @param line the line
     * @param reason why, for the member
     */
    void exclude(PurchaseLine line, String reason);

    /**
     * Caps the points this event may earn; the lowest event cap binds.
     *
     * @param points the most points the event may earn; zero or more
     * @param reason why, for the member
     */
    void capPerEvent(long points, String reason);

    /**
     * Caps the points the member may earn in one day of their time zone, this event included;
     * the lowest daily cap binds.
     *
     * @param points the most points per day; zero or more
     * @param reason why, for the member
     */
    void capPerDay(long points, String reason);
}
