package dev.loyalty.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OfferBookTest {

    private static final Instant AT = Instant.parse("2026-03-02T10:00:00Z");
    private static final OfferBook BOOK = new OfferBook(AT, AT.plusSeconds(1), 2026, AT.plusSeconds(2), "BDAY-1", AT.plusSeconds(3),
            LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 2));

    static Stream<Arguments> oneComponentChanged() {
        return Stream.of(
                Arguments.of("lastPurchaseAt", (UnaryOperator<OfferBook>) b -> b.purchasedAt(AT.plusSeconds(60))),
                Arguments.of("birthdaySetAt", (UnaryOperator<OfferBook>) b -> b.birthdaySetAt(null)),
                Arguments.of("birthdayYear", (UnaryOperator<OfferBook>) b -> b.birthdayYear(2027)),
                Arguments.of("winBackSpell", (UnaryOperator<OfferBook>) b -> b.winBackSpell(AT)),
                Arguments.of("armedOffer", (UnaryOperator<OfferBook>) b -> b.armedOffer("WIN-1")),
                Arguments.of("nextOfferExpiry", (UnaryOperator<OfferBook>) b -> b.nextOfferExpiry(null)),
                Arguments.of("zoneMovedFrom", (UnaryOperator<OfferBook>) b -> b.zoneMoved(LocalDate.of(2026, 2, 28), b.zoneMovedTo())),
                Arguments.of("zoneMovedTo", (UnaryOperator<OfferBook>) b -> b.zoneMoved(b.zoneMovedFrom(), LocalDate.of(2026, 3, 3))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneComponentChanged")
    void shouldDifferWhenOneComponentDiffers(String component, UnaryOperator<OfferBook> change) {
        assertThat(change.apply(BOOK)).isNotEqualTo(BOOK);
        assertThat(BOOK).isNotEqualTo(change.apply(BOOK));
    }

    @Test
    void shouldEqualACopyWithTheSameComponentsAndHashTheSame() {
        OfferBook copy = new OfferBook(Instant.parse("2026-03-02T10:00:00Z"), AT.plusSeconds(1), 2026, AT.plusSeconds(2),
                new String("BDAY-1"), AT.plusSeconds(3), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 2));

        assertThat(copy).isEqualTo(BOOK).hasSameHashCodeAs(BOOK);
        assertThat(OfferBook.NEW).isEqualTo(new OfferBook(null, null, 0, null, null, null, null, null)).isNotEqualTo(BOOK).isNotEqualTo(null);
    }
}
