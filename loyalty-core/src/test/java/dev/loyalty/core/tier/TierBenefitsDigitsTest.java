package dev.loyalty.core.tier;

import static dev.loyalty.core.testing.Fixtures.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A tier's earn multiplier and discount are bounded in digits as a rule's multiplier is, and refused quickly beyond. */
class TierBenefitsDigitsTest {

    private static final Duration QUICKLY = Duration.ofSeconds(3);

    @Test
    void shouldRefuseAnEarnMultiplierWithAHugeExponentNamingTheField() {
        assertTimeoutPreemptively(QUICKLY, () -> assertInvalid(() -> new TierBenefits(new BigDecimal("1E+1000000000"), BigDecimal.ZERO, Map.of()),
                "tierBenefits.earnMultiplier").hasMessageContaining("has 1000000001 digits before the decimal point; at most 18"));
    }

    @Test
    void shouldRefuseATinyEarnMultiplierQuicklyNamingTheField() {
        assertTimeoutPreemptively(QUICKLY, () -> assertInvalid(() -> new TierBenefits(new BigDecimal("1E-1000000000"), BigDecimal.ZERO, Map.of()),
                "tierBenefits.earnMultiplier").hasMessageContaining("is below 1E-18"));
    }

    @Test
    void shouldRefuseAnEarnMultiplierOfAHundredThousandDigitsNamingTheField() {
        BigDecimal factor = new BigDecimal("1." + "0".repeat(99_999) + "1");
        assertTimeoutPreemptively(QUICKLY, () -> assertInvalid(() -> new TierBenefits(factor, BigDecimal.ZERO, Map.of()),
                "tierBenefits.earnMultiplier").hasMessageContaining("has 100001 significant digits (trailing zeros included); at most 34"));
    }

    @Test
    void shouldRefuseADiscountWithAHugeExponentQuicklyNamingTheField() {
        assertTimeoutPreemptively(QUICKLY, () -> assertInvalid(() -> new TierBenefits(BigDecimal.ONE, new BigDecimal("1E+1000000000"), Map.of()),
                "tierBenefits.discountPercent").hasMessageContaining("has 1000000001 digits before the decimal point"));
    }

    @Test
    void shouldRefuseATinyDiscountNamingTheField() {
        assertTimeoutPreemptively(QUICKLY, () -> assertInvalid(() -> new TierBenefits(BigDecimal.ONE, new BigDecimal("1E-1000000000"), Map.of()),
                "tierBenefits.discountPercent").hasMessageContaining("is below 1E-18"));
    }
}
