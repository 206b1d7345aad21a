package dev.loyalty.core.event;

import static dev.loyalty.core.testing.Fixtures.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.core.CurrencyMismatchException;
import dev.loyalty.core.InvalidInputException;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.Money;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class PurchaseTest {

    private static final EventId ID = EventId.of("order-1");
    private static final MemberId MEMBER = MemberId.of("42");
    private static final Instant AT = Instant.parse("2026-03-02T10:00:00Z");
    private static final PurchaseLine LINE = new PurchaseLine("SKU-1", "garden", 2, Money.of("4.50", "GBP"));

    @Test
    void shouldNameFieldWhenEventIdIsNull() {
        assertInvalid(() -> new Purchase(null, MEMBER, AT, List.of(LINE), null, null), "purchase.eventId");
    }

    @Test
    void shouldNameFieldWhenMemberIdIsNull() {
        assertInvalid(() -> new Purchase(ID, null, AT, List.of(LINE), null, null), "purchase.memberId");
    }

    @Test
    void shouldNameFieldWhenOccurredAtIsNull() {
        assertInvalid(() -> new Purchase(ID, MEMBER, null, List.of(LINE), null, null), "purchase.occurredAt");
    }

    @Test
    void shouldNameFieldWhenLinesAreNull() {
        assertInvalid(() -> new Purchase(ID, MEMBER, AT, null, null, null), "purchase.lines");
    }

    @Test
    void shouldNameFieldWhenLinesAreEmpty() {
        assertInvalid(() -> Purchase.builder(ID, MEMBER, AT).build(), "purchase.lines");
    }

    @Test
    void shouldNameLineIndexWhenALineIsNull() {
        List<PurchaseLine> lines = new ArrayList<>();
        lines.add(LINE);
        lines.add(null);
        assertInvalid(() -> new Purchase(ID, MEMBER, AT, lines, null, null), "purchase.lines[1]");
    }

    @Test
    void shouldRejectWhenThereAreTooManyLines() {
        assertInvalid(() -> new Purchase(ID, MEMBER, AT, Collections.nCopies(Purchase.MAX_LINES + 1, LINE), null, null), "purchase.lines");
    }

    @Test
    void shouldThrowCurrencyMismatchNamingLineWhenLinesMixCurrencies() {
        assertThatThrownBy(() -> Purchase.builder(ID, MEMBER, AT).line(LINE).line("SKU-2", "garden", 1, Money.of("1", "EUR")).build())
                .isInstanceOf(CurrencyMismatchException.class)
                .hasMessageContaining("purchase.lines[1].unitPrice").hasMessageContaining("EUR").hasMessageContaining("GBP");
    }

    @Test
    void shouldNameFieldWhenChannelIsBlank() {
        assertInvalid(() -> Purchase.builder(ID, MEMBER, AT).line(LINE).channel("  ").build(), "purchase.channel");
        assertInvalid(() -> Purchase.builder(ID, MEMBER, AT).line(LINE).store("a\tb").build(), "purchase.store");
    }

    @Test
    void shouldSumLineAmountsWhenTotalIsAsked() {
        Purchase purchase = Purchase.builder(ID, MEMBER, AT).line(LINE).line("SKU-2", "toys", 3, Money.of("0.125", "GBP")).build();

        assertThat(purchase.total()).isEqualTo(Money.of("9.375", "GBP"));
        assertThat(purchase.currency().getCurrencyCode()).isEqualTo("GBP");
    }

    @Test
    void shouldCopyLinesWhenBuilt() {
        List<PurchaseLine> lines = new ArrayList<>(List.of(LINE));
        Purchase purchase = new Purchase(ID, MEMBER, AT, lines, null, null);
        lines.add(LINE);

        assertThat(purchase.lines()).hasSize(1);
        assertThatThrownBy(() -> purchase.lines().add(LINE)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void shouldNameFieldWhenQuantityIsZeroOrNegative() {
        assertInvalid(() -> new PurchaseLine("SKU-1", "garden", 0, Money.of("1", "GBP")), "line.quantity");
        assertInvalid(() -> new PurchaseLine("SKU-1", "garden", -3, Money.of("1", "GBP")), "line.quantity");
    }

    @Test
    void shouldNameFieldWhenQuantityIsAboveTheLimit() {
        assertInvalid(() -> new PurchaseLine("SKU-1", "garden", PurchaseLine.MAX_QUANTITY + 1, Money.of("1", "GBP")), "line.quantity");
    }

    @Test
    void shouldWordAQuantityProblemAsTheLineRefusesIt() {
        for (int refused : new int[] {0, -3, PurchaseLine.MAX_QUANTITY + 1}) {
            assertThatThrownBy(() -> new PurchaseLine("SKU-1", "garden", refused, Money.of("1", "GBP")))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageEndingWith(PurchaseLine.quantityProblem(BigInteger.valueOf(refused)).orElseThrow());
        }
    }

    @Test
    void shouldWordAQuantityProblemForAQuantityPastEveryLong() {
        assertThat(PurchaseLine.quantityProblem(new BigInteger("99999999999999999999")))
                .contains("is 99999999999999999999; at most 1000000 are accepted");
        assertThat(PurchaseLine.quantityProblem(new BigInteger("-99999999999999999999")))
                .contains("must be at least 1, was -99999999999999999999 (returns are separate events)");
    }

    @Test
    void shouldFindNoQuantityProblemWithinTheLimits() {
        assertThat(PurchaseLine.quantityProblem(BigInteger.ONE)).isEmpty();
        assertThat(PurchaseLine.quantityProblem(BigInteger.valueOf(PurchaseLine.MAX_QUANTITY))).isEmpty();
    }

    @Test
    void shouldNameFieldWhenUnitPriceIsNegative() {
        assertThatThrownBy(() -> new PurchaseLine("SKU-1", "garden", 1, Money.of("-0.01", "GBP")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("line.unitPrice").hasMessageContaining("-0.01");
    }

    @Test
    void shouldAcceptLineWhenUnitPriceIsZero() {
        assertThat(new PurchaseLine("FREE", "gift", 1, Money.of("0", "GBP")).amount().signum()).isZero();
    }

    @Test
    void shouldNameFieldWhenLineTextIsMissing() {
        assertInvalid(() -> new PurchaseLine(null, "garden", 1, Money.of("1", "GBP")), "line.sku");
        assertInvalid(() -> new PurchaseLine("SKU", "", 1, Money.of("1", "GBP")), "line.category");
        assertInvalid(() -> new PurchaseLine("SKU", "garden", 1, null), "line.unitPrice");
    }
}
