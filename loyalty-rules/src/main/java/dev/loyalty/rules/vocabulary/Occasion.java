package dev.loyalty.rules.vocabulary;

import java.util.Objects;

/**
 * An occasion the sweep presents to campaign rules, for which they may issue offers through the
 * global {@code offers}: a {@link BirthdayDue} or a {@link Dormant}. Occasions exist only in a
 * sweep, never for an event. Each names the member and the member's tier, for targeting.
 */
public abstract class Occasion {

    private final String memberId;
    private final String tier;

    /**
     * Creates the occasion.
     *
     * @param memberId the member's id
     * @param tier the member's tier code
     */
    protected Occasion(String memberId, String tier) {
        this.memberId = Objects.requireNonNull(memberId, "memberId");
        this.tier = tier;
    }

    /**
     * Returns the member's id.
     *
     * @return the member id
     */
    public final String getMemberId() {
        return memberId;
    }

    /**
     * Returns the code of the member's tier, for targeting.
     *
     * @return the tier code
     */
    public final String getTier() {
        return tier;
    }
}
