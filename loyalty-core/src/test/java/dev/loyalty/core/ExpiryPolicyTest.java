package dev.loyalty.core;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExpiryPolicyTest {

    @ParameterizedTest
    @ValueSource(ints = {-1, 1, 12, Integer.MAX_VALUE})
    void shouldRefuseACountOfMonthsForPointsThatNeverExpire(int months) {
        assertThatThrownBy(() -> new ExpiryPolicy(ExpiryPolicy.Kind.NEVER, months)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("expiry.months ").hasMessageContaining("was " + months);
    }
}
