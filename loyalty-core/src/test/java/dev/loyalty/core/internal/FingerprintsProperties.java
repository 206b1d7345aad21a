package dev.loyalty.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import org.junit.jupiter.api.Test;

class FingerprintsProperties {

    @Test
    void shouldWriteInstantsAsInstantToStringDoesWhenFingerprinting() {
        qt().forAll(longs().between(-62_167_219_200L - 86_400L * 400, 253_402_300_799L + 86_400L * 400), integers().between(0, 999_999_999),
                integers().between(0, 3))
                .checkAssert((seconds, nanos, rounding) -> {
                    int nano = rounding == 0 ? 0 : rounding == 1 ? nanos / 1_000_000 * 1_000_000 : rounding == 2 ? nanos / 1_000 * 1_000 : nanos;
                    java.time.Instant instant = java.time.Instant.ofEpochSecond(seconds, nano);
                    assertThat(Fingerprints.instant(instant)).isEqualTo(instant.toString());
                });
    }
}
