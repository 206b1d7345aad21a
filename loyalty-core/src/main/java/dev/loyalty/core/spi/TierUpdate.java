package dev.loyalty.core.spi;

import dev.loyalty.core.internal.Checks;
import dev.loyalty.core.tier.Qualifying;
import dev.loyalty.core.tier.TierChange;
import dev.loyalty.core.tier.TierState;
import java.time.LocalDate;
import java.util.List;

/**
 * What one event or sweep changes in a member's tier bookkeeping; part of {@link MemberChanges}.
 *
 * @param state the member's new tier state
 * @param qualifying amounts to add to the member's qualifying totals, by local day
 * @param history tier changes to append, in sequence order
 */
public record TierUpdate(TierState state, List<QualifyingDay> qualifying, List<TierChange> history) {

    /**
     * Checks the state and copies the lists.
     *
     * @param state the member's new tier state
     * @param qualifying amounts to add to the member's qualifying totals, by local day
     * @param history tier changes to append, in sequence order
     */
    public TierUpdate {
        Checks.notNull(state, "tierUpdate.state");
        qualifying = List.copyOf(qualifying);
        history = List.copyOf(history);
    }

    /**
     * An amount added to one day's qualifying totals (negative for a return).
     *
     * @param day the member's local day
     * @param amount the totals to add
     */
    public record QualifyingDay(LocalDate day, Qualifying amount) {
        /**
         * Checks the components.
         *
         * @param day the member's local day
         * @param amount the totals to add
         */
        public QualifyingDay {
            Checks.notNull(day, "qualifyingDay.day");
            Checks.notNull(amount, "qualifyingDay.amount");
        }
    }
}
