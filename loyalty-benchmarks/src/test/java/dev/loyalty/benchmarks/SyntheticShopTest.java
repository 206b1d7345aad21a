package dev.loyalty.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.core.event.Purchase;
import org.junit.jupiter.api.Test;

class SyntheticShopTest {

    private final SyntheticShop shop = SyntheticShop.generate(7, 50, 200);

    @Test
    void shouldMoveEachLaterLapOfABasketOneLapLater() {
        int basket = 17;
        Purchase first = shop.purchase(basket, basket);
        Purchase third = shop.purchase(basket, 2L * shop.baskets() + basket);

        assertThat(third.occurredAt()).isEqualTo(first.occurredAt().plus(SyntheticShop.LAP.multipliedBy(2)));
    }

    @Test
    void shouldHandTheSameBasketToTheSameBuyerInEveryLap() {
        Purchase first = shop.purchase(3, 3);
        Purchase later = shop.purchase(3, 5L * shop.baskets() + 3);

        assertThat(later.memberId()).isEqualTo(first.memberId());
        assertThat(later.lines()).isEqualTo(first.lines());
        assertThat(later.eventId()).isNotEqualTo(first.eventId());
    }
}
