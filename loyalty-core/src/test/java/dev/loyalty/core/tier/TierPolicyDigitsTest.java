package dev.loyalty.core.tier;

import static dev.loyalty.core.testing.Fixtures.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.loyalty.core.ProgramSettings;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A tier's threshold is bounded in digits as a rule's multiplier is, refused quickly beyond, naming the tier and not writing the number out. */
class TierPolicyDigitsTest {

    private static final Duration QUICKLY = Duration.ofSeconds(3);
    /** A threshold of a hundred thousand digits, 1 followed by 99,999 zeros. */
    private static final BigDecimal HUNDRED_THOUSAND_DIGITS = new BigDecimal("1" + "0".repeat(99_999));

    private static TierPolicy.Builder builder() {
        return TierPolicy.builder(QualifyingMetric.SPEND, QualifyingWindow.CALENDAR_YEAR);
    }

    @Test
    void shouldRefuseAThresholdWithAHugeExponentAtTheBuilderNamingTheTier() {
        assertTimeoutPreemptively(QUICKLY, () -> assertInvalid(() -> builder().threshold("gold", new BigDecimal("1E+1000000000")),
                "tierPolicy.thresholds[gold]").hasMessageContaining("has 1000000001 digits before the decimal point; at most 18"));
    }

    @Test
    void shouldRefuseATinyThresholdAtTheBuilderNamingTheTier() {
        assertTimeoutPreemptively(QUICKLY, () -> assertInvalid(() -> builder().threshold("gold", new BigDecimal("1E-1000000000")),
                "tierPolicy.thresholds[gold]").hasMessageContaining("is below 1E-18"));
    }

    @Test
    void shouldRefuseANegativeThresholdOfAHundredThousandDigitsWithoutWritingItOut() {
        assertInvalid(() -> builder().threshold("gold", HUNDRED_THOUSAND_DIGITS.negate()), "tierPolicy.thresholds[gold]")
                .hasMessageContaining("has 100000 digits before the decimal point")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200));
    }

    @Test
    void shouldRefuseAThresholdOfAHundredThousandDigitsAtConstructionNamingTheTier() {
        Map<String, BigDecimal> thresholds = new LinkedHashMap<>();
        thresholds.put("silver", HUNDRED_THOUSAND_DIGITS);
        thresholds.put("gold", BigDecimal.TEN);

        // before check(program) could compare it with gold's and write it out in the out-of-order message
        assertInvalid(() -> new TierPolicy(QualifyingMetric.SPEND, QualifyingWindow.CALENDAR_YEAR, thresholds, Map.of(), 0, false),
                "tierPolicy.thresholds[silver]").hasMessageContaining("has 100000 digits before the decimal point; at most 18")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200));
    }

    @Test
    void shouldAcceptAThresholdOfEighteenDigitsBeforeThePoint() {
        BigDecimal largest = new BigDecimal("999999999999999999.99");
        TierPolicy policy = builder().threshold("gold", largest).build();

        policy.check(ProgramSettings.builder().currency("GBP").build());

        assertThat(policy.thresholds()).containsEntry("gold", largest);
    }
}
