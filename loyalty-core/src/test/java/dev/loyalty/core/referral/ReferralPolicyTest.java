package dev.loyalty.core.referral;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.core.LoyaltyConfigurationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReferralPolicyTest {

    @ParameterizedTest(name = "cap {0}, period {1}, chain walk {2}")
    @CsvSource(nullValues = "null", value = {
            "-1, MONTH, 32, referral reward cap",
            "10, null, 32, referral cap period",
            "10, MONTH, 0, referral chain walk limit",
            "10, MONTH, 1001, referral chain walk limit"})
    void shouldRefuseABadSettingAsAConfigurationErrorNamingIt(int cap, CapPeriod period, int chainWalkLimit, String setting) {
        assertThatThrownBy(() -> new ReferralPolicy(cap, period, chainWalkLimit)).isInstanceOf(LoyaltyConfigurationException.class)
                .hasMessageStartingWith(setting + " ");
    }
}
