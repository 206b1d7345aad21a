package dev.loyalty.core;

import static dev.loyalty.core.testing.Fixtures.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.core.model.Money;
import dev.loyalty.core.model.Tier;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ProgramSettingsTest {

    @Test
    void shouldUseDocumentedDefaultsWhenOnlyCurrencyIsSet() {
        ProgramSettings program = ProgramSettings.builder().currency("GBP").build();

        assertThat(program.currency().getCurrencyCode()).isEqualTo("GBP");
        assertThat(program.zone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(program.pointsRounding()).isEqualTo(RoundingMode.DOWN);
        assertThat(program.tiers()).isEqualTo(ProgramSettings.DEFAULT_TIERS);
        assertThat(program.maxPurchaseAmount()).isEqualTo(Money.of("1000000", "GBP"));
        assertThat(program.maxClockSkew()).isEqualTo(Duration.ofMinutes(5));
        assertThat(program.entryTier().code()).isEqualTo("member");
        assertThat(program.points().maxPointsPerCredit()).isEqualTo(1_000_000_000L);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"GBP, 1000000", "EUR, 1000000", "JPY, 100000000", "BHD, 100000", "KWD, 100000"})
    void shouldDefaultThePurchaseLimitToAHundredMillionMinorUnitsOfTheCurrency(String currency, String limit) {
        ProgramSettings program = ProgramSettings.builder().currency(currency).build();

        assertThat(program.maxPurchaseAmount()).isEqualTo(Money.of(limit, currency));
    }

    static Stream<Arguments> badSettings() {
        return Stream.of(
                Arguments.of("unknown currency", (Consumer<ProgramSettings.Builder>) b -> b.currency("GBX"), "program.currency", "'GBX'"),
                Arguments.of("blank currency", (Consumer<ProgramSettings.Builder>) b -> b.currency(" "), "program.currency", "' '"),
                Arguments.of("null currency", (Consumer<ProgramSettings.Builder>) b -> b.currency(null), "program.currency", "null"),
                Arguments.of("no currency XXX", (Consumer<ProgramSettings.Builder>) b -> b.currency("XXX"), "program.currency", "'XXX' has no minor units"),
                Arguments.of("gold XAU", (Consumer<ProgramSettings.Builder>) b -> b.currency("XAU"), "program.currency", "'XAU' has no minor units"),
                Arguments.of("test code XTS", (Consumer<ProgramSettings.Builder>) b -> b.currency("XTS"), "program.currency", "'XTS' has no minor units"),
                Arguments.of("special drawing right XDR", (Consumer<ProgramSettings.Builder>) b -> b.currency(" XDR "), "program.currency", "' XDR ' has no minor units"),
                Arguments.of("zero purchase limit", (Consumer<ProgramSettings.Builder>) b -> b.maxPurchaseAmount(BigDecimal.ZERO),
                        "program.maxPurchaseAmount", "was 0"),
                Arguments.of("negative purchase limit", (Consumer<ProgramSettings.Builder>) b -> b.maxPurchaseAmount(new BigDecimal("-1")),
                        "program.maxPurchaseAmount", "was -1"),
                Arguments.of("purchase limit of 19 digits", (Consumer<ProgramSettings.Builder>) b -> b.maxPurchaseAmount(new BigDecimal("1E+18")),
                        "program.maxPurchaseAmount", "19 digits before the decimal point"),
                Arguments.of("purchase limit finer than money", (Consumer<ProgramSettings.Builder>) b -> b.maxPurchaseAmount(new BigDecimal("1.0000000000001")),
                        "program.maxPurchaseAmount", "decimal places"),
                Arguments.of("null tier", (Consumer<ProgramSettings.Builder>) b -> b.tiers(Arrays.asList(new Tier("member", "Member", 0), null)),
                        "program.tiers[1]", "null"),
                Arguments.of("repeated tier code", (Consumer<ProgramSettings.Builder>) b -> b.tiers(
                        List.of(new Tier("member", "Member", 0), new Tier("member", "Again", 1))), "program.tiers", "member"),
                Arguments.of("negative return window", (Consumer<ProgramSettings.Builder>) b -> b.returnWindowDays(-1),
                        "program.returnWindowDays", "was -1"),
                Arguments.of("null expiry", (Consumer<ProgramSettings.Builder>) b -> b.expiry(null), "program.expiry", "null"),
                Arguments.of("null claw-back", (Consumer<ProgramSettings.Builder>) b -> b.clawback(null), "program.clawback", "null"),
                Arguments.of("negative unlinked rate", (Consumer<ProgramSettings.Builder>) b -> b.unlinkedReturnPointsPerUnit(new BigDecimal("-0.5")),
                        "program.unlinkedReturnPointsPerUnit", "-0.5"),
                Arguments.of("unlinked rate of 19 digits", (Consumer<ProgramSettings.Builder>) b -> b.unlinkedReturnPointsPerUnit(new BigDecimal("1E+18")),
                        "program.unlinkedReturnPointsPerUnit", "19 digits before the decimal point"),
                Arguments.of("unlinked rate of a billion digits", (Consumer<ProgramSettings.Builder>) b -> b.unlinkedReturnPointsPerUnit(
                        new BigDecimal("1E+1000000000")), "program.unlinkedReturnPointsPerUnit", "digits before the decimal point"),
                Arguments.of("unlinked rate finer than 12 places", (Consumer<ProgramSettings.Builder>) b -> b.unlinkedReturnPointsPerUnit(
                        new BigDecimal("1E-13")), "program.unlinkedReturnPointsPerUnit", "decimal places"),
                Arguments.of("zero points per credit", (Consumer<ProgramSettings.Builder>) b -> b.maxPointsPerCredit(0),
                        "program.maxPointsPerCredit", "was 0"),
                Arguments.of("null offers", (Consumer<ProgramSettings.Builder>) b -> b.offers(null), "program.offers", "null"),
                Arguments.of("clock skew a nanosecond over a day", (Consumer<ProgramSettings.Builder>) b -> b.maxClockSkew(
                        Duration.ofDays(1).plusNanos(1)), "program.maxClockSkew", "PT24H0.000000001S"),
                Arguments.of("clock skew of Long.MAX_VALUE seconds", (Consumer<ProgramSettings.Builder>) b -> b.maxClockSkew(
                        Duration.ofSeconds(Long.MAX_VALUE)), "program.maxClockSkew", "at most PT24H"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSettings")
    void shouldRefuseABadSettingAtItsSetterNamingIt(String name, Consumer<ProgramSettings.Builder> setting, String field, String fragment) {
        ProgramSettings.Builder builder = ProgramSettings.builder();

        assertInvalid(() -> setting.accept(builder), field).hasMessageContaining(fragment);
    }

    @Test
    void shouldNotSeeChangesToTheTierListMadeAfterItWasSet() {
        List<Tier> ladder = new java.util.ArrayList<>(List.of(new Tier("member", "Member", 0), new Tier("gold", "Gold", 1)));
        ProgramSettings.Builder builder = ProgramSettings.builder().currency("GBP").tiers(ladder);

        ladder.add(new Tier("member", "Again", 2));

        assertThat(builder.build().tierCodes()).isEqualTo("member, gold");
    }

    @Test
    void shouldFailWhenCurrencyIsNotSet() {
        assertInvalid(() -> ProgramSettings.builder().build(), "program.currency").hasMessageContaining("must be set");
    }

    @Test
    void shouldFailAtTheSetterWhenCurrencyIsUnknown() {
        assertInvalid(() -> ProgramSettings.builder().currency("GBX"), "program.currency").hasMessageContaining("'GBX'");
    }

    @Test
    void shouldRefuseACurrencyWithoutMinorUnitsWhenConstructedWithoutTheBuilder() {
        assertInvalid(() -> new ProgramSettings(Money.currency("XAU"), ZoneId.of("UTC"), RoundingMode.DOWN, ProgramSettings.DEFAULT_TIERS,
                Money.of("1000", "XAU"), Duration.ZERO, PointsPolicy.DEFAULT), "program.currency").hasMessageContaining("'XAU' has no minor units");
    }

    @Test
    void shouldFailAtTheSetterWhenZoneIsUnknown() {
        assertInvalid(() -> ProgramSettings.builder().zone("Europe/Londn"), "program.zone").hasMessageContaining("'Europe/Londn'");
        assertInvalid(() -> ProgramSettings.builder().zone(null), "program.zone").hasMessageContaining("null");
    }

    @Test
    void shouldFailAtTheSetterWhenRoundingIsNull() {
        assertInvalid(() -> ProgramSettings.builder().pointsRounding(null), "program.pointsRounding").hasMessageContaining("null");
    }

    @Test
    void shouldFailAtTheSetterWhenRoundingIsUnnecessary() {
        assertInvalid(() -> ProgramSettings.builder().pointsRounding(RoundingMode.UNNECESSARY), "program.pointsRounding").hasMessageContaining("UNNECESSARY");
    }

    @Test
    void shouldFailAtTheSetterWhenClockSkewIsNegative() {
        assertInvalid(() -> ProgramSettings.builder().maxClockSkew(Duration.ofSeconds(-1)), "program.maxClockSkew").hasMessageContaining("PT-1S");
        assertInvalid(() -> ProgramSettings.builder().maxClockSkew(null), "program.maxClockSkew").hasMessageContaining("null");
    }

    @Test
    void shouldAcceptAClockSkewOfExactlyADay() {
        ProgramSettings program = ProgramSettings.builder().currency("GBP").maxClockSkew(Duration.ofDays(1)).build();

        assertThat(program.maxClockSkew()).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void shouldRefuseAClockSkewOverADayWhenConstructedWithoutTheBuilder() {
        assertInvalid(() -> new ProgramSettings(Money.currency("GBP"), ZoneId.of("UTC"), RoundingMode.DOWN, ProgramSettings.DEFAULT_TIERS,
                Money.of("1000", "GBP"), Duration.ofDays(2), PointsPolicy.DEFAULT), "program.maxClockSkew").hasMessageContaining("PT48H");
    }

    @Test
    void shouldFailAtTheSetterWhenTiersAreMissing() {
        assertInvalid(() -> ProgramSettings.builder().tiers(null), "program.tiers").hasMessageContaining("null");
        assertInvalid(() -> ProgramSettings.builder().tiers(List.of()), "program.tiers").hasMessageContaining("at least one tier");
    }

    @Test
    void shouldFailWhenMaxPurchaseAmountIsNull() {
        assertInvalid(() -> ProgramSettings.builder().maxPurchaseAmount(null), "program.maxPurchaseAmount").hasMessageContaining("null");
    }

    @Test
    void shouldNameTierWhenCodeIsRepeated() {
        List<Tier> ladder = List.of(new Tier("member", "Member", 0), new Tier("member", "Again", 1));
        assertInvalid(() -> ProgramSettings.builder().currency("GBP").tiers(ladder).build(), "program.tiers").hasMessageContaining("member");
    }

    @Test
    void shouldNameTierWhenRankIsRepeated() {
        List<Tier> ladder = List.of(new Tier("member", "Member", 0), new Tier("gold", "Gold", 0));
        assertInvalid(() -> ProgramSettings.builder().currency("GBP").tiers(ladder).build(), "program.tiers").hasMessageContaining("tier");
    }

    @Test
    void shouldNameIndexWhenATierIsNull() {
        List<Tier> ladder = Arrays.asList(new Tier("member", "Member", 0), null);
        assertInvalid(() -> ProgramSettings.builder().currency("GBP").tiers(ladder).build(), "program.tiers[1]").hasMessageContaining("null");
    }

    @Test
    void shouldSortTiersByRankWhenGivenOutOfOrder() {
        ProgramSettings program = ProgramSettings.builder().currency("GBP")
                .tiers(List.of(new Tier("gold", "Gold", 5), new Tier("basic", "Basic", 1), new Tier("silver", "Silver", 3))).build();

        assertThat(program.tiers()).extracting(Tier::code).containsExactly("basic", "silver", "gold");
        assertThat(program.entryTier().code()).isEqualTo("basic");
        assertThat(program.tierCodes()).isEqualTo("basic, silver, gold");
        assertThat(program.tier("silver")).map(Tier::rank).contains(3);
        assertThat(program.tier("diamond")).isEmpty();
    }

    @Test
    void shouldThrowCurrencyMismatchWhenLimitIsInAnotherCurrency() {
        assertThatThrownBy(() -> new ProgramSettings(Money.currency("GBP"), ZoneId.of("UTC"), RoundingMode.DOWN, ProgramSettings.DEFAULT_TIERS,
                Money.of(BigDecimal.TEN, "EUR"), Duration.ZERO, PointsPolicy.DEFAULT))
                .isInstanceOf(CurrencyMismatchException.class).hasMessageContaining("program.maxPurchaseAmount");
    }

    @Test
    void shouldFailWhenThePurchaseLimitIsNotPositive() {
        assertInvalid(() -> ProgramSettings.builder().currency("GBP").maxPurchaseAmount(java.math.BigDecimal.ZERO).build(),
                "program.maxPurchaseAmount").hasMessageContaining("must be positive");
    }

    @Test
    void shouldFailWhenTheLimitPerCreditIsNotPositive() {
        assertInvalid(() -> ProgramSettings.builder().currency("GBP").maxPointsPerCredit(0), "program.maxPointsPerCredit").hasMessageContaining("must be positive");
    }

    @Test
    void shouldCountTheShortestLifeALotCanHaveUnderEachExpiry() {
        assertThat(ExpiryPolicy.never().shortestLotLifeDays()).isEqualTo(Integer.MAX_VALUE);
        assertThat(ExpiryPolicy.rollingMonths(1).shortestLotLifeDays()).isEqualTo(28);  // 31 January to 28 February
        assertThat(ExpiryPolicy.rollingMonths(12).shortestLotLifeDays()).isEqualTo(365);
        assertThat(ExpiryPolicy.afterInactiveMonths(1).shortestLotLifeDays()).isEqualTo(28);
        assertThat(ExpiryPolicy.endOfMonthAfter(1).shortestLotLifeDays()).isEqualTo(28);  // earned late on 31 January, gone on 1 March
        assertThat(ExpiryPolicy.endOfYearAfter(1).shortestLotLifeDays()).isEqualTo(365);  // earned late on 31 December
    }

    @Test
    void shouldRefuseAReturnWindowAsLongAsTheShortestLifeOfALot() {
        assertInvalid(() -> ProgramSettings.builder().currency("GBP").expiry(ExpiryPolicy.rollingMonths(1)).returnWindowDays(28),
                "program.returnWindowDays").hasMessageContaining("28 days a lot can live");
        assertInvalid(() -> ProgramSettings.builder().currency("GBP").returnWindowDays(365).expiry(ExpiryPolicy.endOfYearAfter(1)).build(),
                "program.returnWindowDays").hasMessageContaining("365 days a lot can live");
    }

    @Test
    void shouldAcceptAReturnWindowADayShorterThanTheShortestLifeOfALot() {
        ProgramSettings program = ProgramSettings.builder().currency("GBP").expiry(ExpiryPolicy.rollingMonths(1)).returnWindowDays(27).build();

        assertThat(program.points().returnWindowDays()).isEqualTo(27);
    }
}
