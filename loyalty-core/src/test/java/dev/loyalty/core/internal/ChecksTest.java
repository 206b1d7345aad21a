package dev.loyalty.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.core.InvalidInputException;
import org.junit.jupiter.api.Test;

class ChecksTest {

    @Test
    void shouldReturnNullWhenOptionalTextIsAbsent() {
        assertThat(Checks.optionalText(null, "f")).isNull();
        assertThat(Checks.optionalText(" x ", "f")).isEqualTo("x");
    }

    @Test
    void shouldNameFieldWhenOptionalTextIsPresentButBlank() {
        assertThatThrownBy(() -> Checks.optionalText("  ", "a.b")).isInstanceOf(InvalidInputException.class).hasMessage("a.b must not be blank");
    }

    @Test
    void shouldMeasureLengthAfterStrippingWhenTextIsPadded() {
        String padded = "  " + "x".repeat(Checks.MAX_ID_LENGTH) + "  ";

        assertThat(Checks.text(padded, "f")).hasSize(Checks.MAX_ID_LENGTH);
    }

    @Test
    void shouldReturnValueWhenNotNull() {
        Object value = new Object();
        assertThat(Checks.notNull(value, "f")).isSameAs(value);
    }
}
