package dev.loyalty.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Smoke test of the reload measurement: it runs and samples; timings are never judged. */
class ReloadFootprintTest {

    @Test
    void shouldTimeEveryReloadAndSampleBeforeAndAfterWhenRunBriefly() throws Exception {
        ReloadFootprint.Result result = ReloadFootprint.measure(3);

        assertThat(result.reloadMillis()).hasSize(3);
        assertThat(java.util.Arrays.stream(result.reloadMillis()).min().getAsDouble()).isPositive();
        assertThat(result.heapBytes()).hasSize(2);
        assertThat(result.metaspaceBytes()).hasSize(2);
        assertThat(java.util.Arrays.stream(result.metaspaceBytes()).min().getAsLong()).isPositive();
        assertThat(result.eventsProcessed()).isPositive();
    }
}
