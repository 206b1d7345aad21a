package dev.loyalty.core.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.core.InvalidInputException;
import java.time.LocalDate;
import java.time.Period;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class KpiSettingsTest {

    private static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    private static final LocalDate TO = LocalDate.of(2027, 1, 1);

    static Stream<Arguments> stepsPastTheLastDate() {
        return Stream.of(
                Arguments.of(Period.ofYears(Integer.MAX_VALUE)),
                Arguments.of(Period.ofYears(999_999_999)),
                Arguments.of(Period.of(999_997_973, 12, 1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stepsPastTheLastDate")
    void shouldRefuseAtTheSetterAStepThatNoDateCanFollow(Period step) {
        KpiSettings.Builder builder = KpiSettings.builder(FROM, TO);

        assertThatThrownBy(() -> builder.liabilityStep(step)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("kpi.liabilityStep ").hasMessageContaining(step.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stepsPastTheLastDate")
    void shouldRefuseInTheConstructorAStepThatNoDateCanFollow(Period step) {
        assertThatThrownBy(() -> new KpiSettings(FROM, TO, null, step)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("kpi.liabilityStep ").hasMessageContaining(step.toString());
    }

    @Test
    void shouldAcceptAStepLongerThanThePeriod() {
        assertThat(KpiSettings.builder(FROM, TO).liabilityStep(Period.ofYears(10_000)).build().liabilityStep())
                .isEqualTo(Period.ofYears(10_000));
    }
}
