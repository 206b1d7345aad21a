package dev.loyalty.rules.vocabulary;

/**
 * An occasion the sweep presents to campaign rules, for which they may issue offers through the
 * global {@code offers}: a {@link BirthdayDue} or a {@link Dormant}. Occasions exist only in a
 * sweep, never for an event.
 */
public interface Occasion {

    /**
     * Returns the member's id.
     *
     * @return the member id
     */
    String getMemberId();

    /**
     * Returns the code of the member's tier, for targeting.
     *
     * @return the tier code
     */
    String getTier();
}
