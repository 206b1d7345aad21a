package dev.loyalty.rules.vocabulary;

/**
 * The actions that issue offers, through the global {@code offers}, for an {@link Occasion} the
 * sweep presents ({@link BirthdayDue}, {@link Dormant}):
 * <pre>{@code
 * global dev.loyalty.rules.vocabulary.Offers offers;
 *
 * rule "BDAY-01 birthday month: 500 points"
 * when
 *     $b : BirthdayDue( )
 * then
 *     offers.points($b, "BDAY-01", 500, 30, "Happy birthday: 500 points on us");
 * end
 * }</pre>
 *
 * <p>Rules only propose: the core issues each template at most once per member and occasion
 * (birthday year, dormancy spell), gives the offer a code and a validity of {@code validDays}
 * local days counting the day of issue, and records the rule. Template codes are 1 to 64
 * letters, digits, '-' or '_'. A bad value fails the member's sweep with a
 * {@link dev.loyalty.core.RuleEvaluationException} naming the rule.
 *
 * <p>The engine implements this interface; campaign authors only call it.
 */
public interface Offers {

    /**
     * Offers points, credited when the point of sale redeems the offer.
     *
     * @param occasion the occasion fact
     * @param template the template code, such as {@code BDAY-01}
     * @param points the points, at least 1
     * @param validDays the local days it stays valid, 1 to 366
     * @param reason why, for the member
     */
    void points(Occasion occasion, String template, long points, int validDays, String reason);

    /**
     * Offers a discount the point of sale applies when it redeems the offer.
     *
     * @param occasion the occasion fact
     * @param template the template code
     * @param percent the percentage off, above 0 up to 100
     * @param validDays the local days it stays valid, 1 to 366
     * @param reason why, for the member
     */
    void discount(Occasion occasion, String template, Number percent, int validDays, String reason);

    /**
     * Offers a multiplier on the points of the member's next purchase after the offer is redeemed.
     *
     * @param occasion the occasion fact
     * @param template the template code
     * @param factor the multiplier, above 1 up to 100
     * @param validDays the local days it stays valid, 1 to 366
     * @param reason why, for the member
     */
    void multiplier(Occasion occasion, String template, Number factor, int validDays, String reason);

    /**
     * Offers a free item the point of sale hands out when it redeems the offer.
     *
     * @param occasion the occasion fact
     * @param template the template code
     * @param itemCode the item's code, such as a SKU
     * @param validDays the local days it stays valid, 1 to 366
     * @param reason why, for the member
     */
    void freeItem(Occasion occasion, String template, String itemCode, int validDays, String reason);
}
