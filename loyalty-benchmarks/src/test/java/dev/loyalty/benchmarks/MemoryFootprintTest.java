package dev.loyalty.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.core.event.Purchase;
import org.junit.jupiter.api.Test;

class MemoryFootprintTest {

    private final Purchase purchase = SyntheticShop.generate(7, 50, 200).purchases(0, 1).get(0);

    @Test
    void shouldHandOverAPurchaseEqualToTheShopsWhenParsed() {
        assertThat(MemoryFootprint.asParsed(purchase)).isEqualTo(purchase);
    }

    @Test
    void shouldShareNoIdTextOrAmountWithTheShopsPurchaseWhenParsed() {
        Purchase parsed = MemoryFootprint.asParsed(purchase);

        assertThat(parsed.memberId()).isNotSameAs(purchase.memberId());
        assertThat(parsed.memberId().value()).isNotSameAs(purchase.memberId().value());
        assertThat(parsed.eventId().value()).isNotSameAs(purchase.eventId().value());
        for (int l = 0; l < purchase.lines().size(); l++) {
            assertThat(parsed.lines().get(l).unitPrice()).isNotSameAs(purchase.lines().get(l).unitPrice());
            assertThat(parsed.lines().get(l).unitPrice().amount()).isNotSameAs(purchase.lines().get(l).unitPrice().amount());
            assertThat(parsed.lines().get(l).sku()).isNotSameAs(purchase.lines().get(l).sku());
        }
    }
}
