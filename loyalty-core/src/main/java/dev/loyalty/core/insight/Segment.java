package dev.loyalty.core.insight;

import java.util.Locale;

/**
 * The member segments a segmentation run assigns, in the order their definitions are tried;
 * the first that fits wins. See {@link RfmSettings} for the definitions and their settings.
 */
public enum Segment {
    /** No purchase in the window, or none for longer than the dormancy limit: "sleeping" members. */
    DORMANT,
    /** High value: recent, frequent and big spenders. */
    VIP,
    /** Were frequent or big spenders, but have not bought for a while. */
    AT_RISK,
    /** Bought recently but are not (yet) frequent or big spenders. */
    POTENTIAL,
    /** Everyone else. */
    ORDINARY;

    /**
     * Returns the code stored and matched in rules, the name in lower case, such as {@code at_risk}.
     *
     * @return the code
     */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
