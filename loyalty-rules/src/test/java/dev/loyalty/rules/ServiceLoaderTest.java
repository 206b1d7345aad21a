package dev.loyalty.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.core.LoyaltyEngine;
import dev.loyalty.core.Outcome;
import dev.loyalty.core.event.Enrolment;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.spi.RuleEngineProvider;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class ServiceLoaderTest {

    @Test
    void shouldListTheDroolsProviderWhenServiceLoaderIsAsked() {
        assertThat(ServiceLoader.load(RuleEngineProvider.class).stream().map(ServiceLoader.Provider::type))
                .contains(DroolsRuleEngineProvider.class);
    }

    @Test
    void shouldEvaluateWithTheDefaultPackWhenTheEngineIsBuiltWithoutARuleEngine() {
        try (LoyaltyEngine engine = LoyaltyEngine.builder().program(Shop.PROGRAM).clock(Shop.CLOCK).build()) {
            Outcome outcome = engine.process(Enrolment.of(EventId.of("enrol-1"), MemberId.of("1"), Shop.ENROLLED));

            assertThat(engine.ruleSetVersion()).isEqualTo(Shop.DEFAULT_RULES.version());
            assertThat(outcome.entries()).singleElement().satisfies(entry -> {
                assertThat(entry.rule()).isEqualTo(DefaultCampaignsTest.WELCOME);
                assertThat(entry.points().value()).isEqualTo(100);
            });
        }
    }
}
