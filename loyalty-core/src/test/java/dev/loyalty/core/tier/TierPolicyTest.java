package dev.loyalty.core.tier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.core.InvalidInputException;
import dev.loyalty.core.LoyaltyConfigurationException;
import dev.loyalty.core.ProgramSettings;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TierPolicyTest {

    private static final LocalDate LEAP_DAY = LocalDate.of(2024, 2, 29);
    private static final ProgramSettings PROGRAM = ProgramSettings.builder().currency("GBP").build();

    private static TierPolicy policy(QualifyingWindow window) {
        return TierPolicy.builder(QualifyingMetric.SPEND, window).build();
    }

    @Test
    void shouldEndTheRollingWindowOnTheDayAndStartItTheDayAfterTheSameDayAYearBefore() {
        assertThat(policy(QualifyingWindow.ROLLING_12_MONTHS).windowStart(LEAP_DAY, LocalDate.of(2027, 3, 31)))
                .isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(policy(QualifyingWindow.ROLLING_12_MONTHS).windowStart(LEAP_DAY, LocalDate.of(2028, 2, 29)))
                .isEqualTo(LocalDate.of(2027, 3, 1));
    }

    @Test
    void shouldReviewALeapDayEnrolmentOnTheTwentyEighthInCommonYears() {
        TierPolicy anniversary = policy(QualifyingWindow.ANNIVERSARY_YEAR);
        assertThat(anniversary.reviewAfter(LEAP_DAY, LEAP_DAY)).isEqualTo(LocalDate.of(2025, 2, 28));
        assertThat(anniversary.reviewAfter(LEAP_DAY, LocalDate.of(2027, 2, 28))).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(anniversary.periodStart(LEAP_DAY, LocalDate.of(2028, 2, 29))).isEqualTo(LocalDate.of(2027, 2, 28));
        assertThat(anniversary.windowStart(LEAP_DAY, LocalDate.of(2025, 3, 1))).isEqualTo(LocalDate.of(2025, 2, 28));
        assertThat(anniversary.windowStart(LEAP_DAY, LocalDate.of(2025, 2, 27))).isEqualTo(LEAP_DAY);
    }

    @Test
    void shouldReviewTheCalendarYearOnTheFirstOfJanuary() {
        TierPolicy calendar = policy(QualifyingWindow.CALENDAR_YEAR);
        assertThat(calendar.reviewAfter(LEAP_DAY, LocalDate.of(2026, 12, 31))).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(calendar.periodStart(LEAP_DAY, LocalDate.of(2027, 1, 1))).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(calendar.windowStart(LEAP_DAY, LocalDate.of(2026, 12, 31))).isEqualTo(LocalDate.of(2026, 1, 1));
    }

    @Test
    void shouldKeyThresholdsAndBenefitsByTierCodesWithoutSurroundingWhiteSpace() {
        TierPolicy policy = new TierPolicy(QualifyingMetric.SPEND, QualifyingWindow.CALENDAR_YEAR, Map.of(" gold ", new BigDecimal("500")),
                Map.of("gold\t", TierBenefits.NONE), 0, false);

        assertThat(policy.thresholds()).containsOnlyKeys("gold");
        assertThat(policy.benefits()).containsOnlyKeys("gold");
    }

    @Test
    void shouldRefuseThresholdsNamingATierTwiceOnceWithSurroundingWhiteSpace() {
        assertThatThrownBy(() -> new TierPolicy(QualifyingMetric.SPEND, QualifyingWindow.CALENDAR_YEAR,
                Map.of("gold", new BigDecimal("500"), " gold", new BigDecimal("600")), Map.of(), 0, false))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("tierPolicy.thresholds").hasMessageContaining("'gold' twice");
    }

    @Test
    void shouldRefuseAHigherTierNeedingLessThanALowerOne() {
        TierPolicy policy = TierPolicy.builder(QualifyingMetric.SPEND, QualifyingWindow.CALENDAR_YEAR)
                .threshold("silver", new BigDecimal("500")).threshold("gold", new BigDecimal("400")).build();
        assertThatThrownBy(() -> policy.check(PROGRAM)).isInstanceOf(LoyaltyConfigurationException.class)
                .hasMessageContaining("gold").hasMessageContaining("silver");
    }

    @Test
    void shouldRefuseBenefitsForATierOffTheLadder() {
        TierPolicy policy = TierPolicy.builder(QualifyingMetric.SPEND, QualifyingWindow.CALENDAR_YEAR)
                .benefits("platinum", TierBenefits.NONE).build();
        assertThatThrownBy(() -> policy.check(PROGRAM)).isInstanceOf(LoyaltyConfigurationException.class).hasMessageContaining("platinum");
    }

    @Test
    void shouldRefuseANegativeThresholdAndAGracePeriodOutOfRange() {
        TierPolicy.Builder builder = TierPolicy.builder(QualifyingMetric.POINTS, QualifyingWindow.CALENDAR_YEAR);
        assertThatThrownBy(() -> builder.threshold("silver", new BigDecimal("-1"))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("silver");
        assertThatThrownBy(() -> builder.graceDays(-1)).isInstanceOf(InvalidInputException.class).hasMessageContaining("graceDays");
    }

    @Test
    void shouldRefuseAMultiplierBelowOneAndADiscountOverAHundred() {
        assertThatThrownBy(() -> new TierBenefits(new BigDecimal("0.9"), BigDecimal.ZERO, Map.of()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("0.9");
        assertThatThrownBy(() -> new TierBenefits(BigDecimal.ONE, new BigDecimal("100.01"), Map.of()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("100.01");
    }

    @Test
    void shouldGiveNoBenefitsToATierThePolicyDoesNotName() {
        assertThat(policy(QualifyingWindow.CALENDAR_YEAR).benefitsOf("silver")).isEqualTo(TierBenefits.NONE);
    }
}
