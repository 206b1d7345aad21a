package dev.loyalty.rules.testkit;

import static dev.loyalty.rules.testkit.CampaignScenarios.member;
import static dev.loyalty.rules.testkit.CampaignScenarios.purchase;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A missing argument to the test kit is refused at once, naming the method and the argument. */
class TestKitArgumentsTest {

    private static final CampaignScenarios SCENARIOS = CampaignScenariosTest.SCENARIOS;

    private static Then awarded() {
        return SCENARIOS.given(member("m-args")).when(purchase("2026-03-07T11:00").line("G-1", "garden", 1, "10.00"));
    }

    private static String quoted(String text) {
        return text == null ? "null" : "'" + text + "'";
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  "})
    void shouldRefuseAMissingRuleOrCampaignInThenAwardedBy(String ruleOrCampaign) {
        Then then = awarded();

        assertThatThrownBy(() -> then.thenAwardedBy(ruleOrCampaign, 20)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("thenAwardedBy needs ruleOrCampaign, a rule's full name or a campaign id such as SPRING-01, was "
                        + quoted(ruleOrCampaign));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  "})
    void shouldRefuseAMissingRuleOrCampaignInThenNotAwardedBy(String ruleOrCampaign) {
        Then then = awarded();

        assertThatThrownBy(() -> then.thenNotAwardedBy(ruleOrCampaign)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("thenNotAwardedBy needs ruleOrCampaign, a rule's full name or a campaign id such as SPRING-01, was "
                        + quoted(ruleOrCampaign));
    }

    @ParameterizedTest
    @NullSource
    void shouldRefuseAMissingMemberInGiven(GivenMember missing) {
        assertThatThrownBy(() -> SCENARIOS.given(missing)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("given needs member, a member such as member(\"m-1\"), was null");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  "})
    void shouldRefuseAMissingTierCode(String code) {
        assertThatThrownBy(() -> member("m-args").tier(code)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tier needs code, a tier code such as gold, was " + quoted(code));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  "})
    void shouldRefuseAMissingSkuOfALine(String sku) {
        assertThatThrownBy(() -> purchase("2026-03-07T11:00").line(sku, "garden", 1, "10.00")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("line needs sku, a product code such as 85123A, was " + quoted(sku));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  "})
    void shouldRefuseAMissingCategoryOfALine(String category) {
        assertThatThrownBy(() -> purchase("2026-03-07T11:00").line("G-1", category, 1, "10.00")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("line needs category, a category such as garden, was " + quoted(category));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  "})
    void shouldRefuseAMissingUnitPriceOfALine(String unitPrice) {
        assertThatThrownBy(() -> purchase("2026-03-07T11:00").line("G-1", "garden", 1, unitPrice)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("line needs unitPrice, a price such as 2.55, was " + quoted(unitPrice));
    }
}
