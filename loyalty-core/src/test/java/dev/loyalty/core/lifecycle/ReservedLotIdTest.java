package dev.loyalty.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.core.InvalidInputException;
import dev.loyalty.core.model.Lot;
import org.junit.jupiter.api.Test;

/** Regression: lots are keyed by the earning event's id, so an event id equal to the debt lot's id must not earn into it. */
class ReservedLotIdTest {

    @Test
    void shouldRejectPurchaseAndStoreNothingWhenItsEventIdIsTheDebtLotId() {
        Life life = Life.enrolled();
        Object before = life.state();

        assertThatThrownBy(() -> life.purchase(Lot.DEBT_LOT, "100")).isInstanceOf(InvalidInputException.class).hasMessageContaining(Lot.DEBT_LOT);

        assertThat(life.state()).isEqualTo(before);
    }

    @Test
    void shouldKeepNegativeBalanceWhenLaterPurchaseUsesTheDebtLotId() {
        Life life = Life.enrolled(Life.negativeBalance());
        life.purchase("p-1", "100");
        life.redeem("r-1", 100);
        life.giveBack("ret-1", "p-1", "100");

        assertThatThrownBy(() -> life.purchase(Lot.DEBT_LOT, "30")).isInstanceOf(InvalidInputException.class);

        assertThat(life.balance()).isEqualTo(-100);
        life.assertConsistent();
    }
}
