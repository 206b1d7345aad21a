package dev.loyalty.core.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CapPeriodTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 23);
    private final Locale before = Locale.getDefault();

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(before);
    }

    @Test
    void shouldKeyEachPeriodInAsciiDigits() {
        assertThat(CapPeriod.MONTH.keyOf(DAY)).isEqualTo("2026-11");
        assertThat(CapPeriod.QUARTER.keyOf(DAY)).isEqualTo("2026-Q4");
        assertThat(CapPeriod.YEAR.keyOf(DAY)).isEqualTo("2026");
    }

    @Test
    void shouldKeyPeriodsAlikeWhateverTheDefaultLocaleWritesDigitsWith() {
        // Thai digits by default: a stored key must not change with the JVM's locale
        Locale.setDefault(Locale.forLanguageTag("th-TH-u-nu-thai"));

        assertThat(CapPeriod.MONTH.keyOf(DAY)).isEqualTo("2026-11");
        assertThat(CapPeriod.QUARTER.keyOf(DAY)).isEqualTo("2026-Q4");
        assertThat(CapPeriod.YEAR.keyOf(DAY)).isEqualTo("2026");
    }
}
