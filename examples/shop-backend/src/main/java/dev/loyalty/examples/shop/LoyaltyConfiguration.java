package dev.loyalty.examples.shop;

import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.loyalty.core.LoyaltyEngine;
import dev.loyalty.core.ProgramSettings;
import dev.loyalty.core.spi.LoyaltyStore;
import dev.loyalty.core.store.JdbcSchema;
import dev.loyalty.core.store.JdbcStore;
import dev.loyalty.rules.DroolsRuleEngine;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the engine: one {@link Clock}, the {@link JdbcStore} on the application's pooled
 * {@link DataSource} (Spring Boot's HikariCP), the campaigns and the program settings.
 */
@Configuration(proxyBeanMethods = false)
class LoyaltyConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Reads the instants and dates of request bodies from ISO text only ({@link IsoText}); Spring
     * Boot registers it with the application's {@code ObjectMapper}.
     */
    @Bean
    Module isoText() {
        return IsoText.module();
    }

    /**
     * Reads the money amounts of request bodies from a JSON number or text holding a plain
     * decimal only ({@link MoneyText}); Spring Boot registers it with the application's
     * {@code ObjectMapper}.
     */
    @Bean
    Module moneyText() {
        return MoneyText.module();
    }

    /**
     * Refuses a JSON number or boolean where a request has text (a member id, a SKU, a currency):
     * Jackson alone would take {@code "memberId": true} as the member {@code "true"}. The value is
     * then an invalid-input problem naming the field, as any value of the wrong type is.
     */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer textOnlyFromText() {
        return builder -> builder.postConfigurer(mapper -> mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }

    /**
     * Refuses text where a request has a count ({@code "quantity": "2"}, {@code "points": "1"}):
     * a count is a JSON number, and Jackson alone would read {@code " 2 "} or {@code "+2"} as 2.
     * The value is then an invalid-input problem naming the field. Money amounts may still be
     * text holding a plain decimal ({@code "unitPrice": "2.95"}, {@link MoneyText}).
     */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer countsOnlyFromNumbers() {
        return builder -> builder.postConfigurer(mapper -> mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail));
    }

    @Bean
    ProgramSettings programSettings(LoyaltyProperties properties) {
        return ProgramSettings.builder().currency(properties.currency()).zone(properties.zone())
                .unlinkedReturnPointsPerUnit(properties.unlinkedReturnPointsPerUnit()).build();
    }

    @Bean
    LoyaltyStore loyaltyStore(DataSource dataSource, LoyaltyProperties properties) {
        if (properties.applySchema()) {
            JdbcSchema.apply(dataSource);
        }
        return JdbcStore.builder(dataSource).build();
    }

    @Bean(destroyMethod = "close")
    DroolsRuleEngine campaigns(LoyaltyProperties properties) {
        DroolsRuleEngine.Builder builder = DroolsRuleEngine.builder();
        return (properties.campaigns() == null ? builder.defaultCampaigns() : builder.directory(properties.campaigns())).build();
    }

    @Bean(destroyMethod = "close")
    LoyaltyEngine loyaltyEngine(ProgramSettings program, LoyaltyStore store, DroolsRuleEngine campaigns, Clock clock) {
        return LoyaltyEngine.builder().program(program).store(store).ruleEngine(campaigns).clock(clock).build();
    }
}
