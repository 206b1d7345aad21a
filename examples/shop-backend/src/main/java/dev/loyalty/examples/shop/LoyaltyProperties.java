package dev.loyalty.examples.shop;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The {@code loyalty.*} settings of the shop.
 *
 * @param currency the program's currency
 * @param zone the program's time zone
 * @param unlinkedReturnPointsPerUnit points clawed back per currency unit by a return without its purchase
 * @param campaigns a directory of {@code .drl} campaigns, or null for the default pack
 * @param applySchema whether to create or upgrade the loyalty tables at startup ({@code JdbcSchema.apply});
 *                    turn it off when a migration tool owns the schema
 * @param idempotencyKeyRetention how long an {@code Idempotency-Key} is kept after it was first
 *                                seen ({@link IdempotencyKeys}); 7 days by default
 * @param requestBodyLimit the largest request body the shop reads ({@link RequestBodyLimit});
 *                         256 KiB by default ({@code 256KB}: Spring's units count 1024 bytes to the KB)
 */
@ConfigurationProperties("loyalty")
public record LoyaltyProperties(@DefaultValue("GBP") String currency, @DefaultValue("Europe/London") String zone,
                                @DefaultValue("0") BigDecimal unlinkedReturnPointsPerUnit, Path campaigns,
                                @DefaultValue("true") boolean applySchema,
                                @DefaultValue("7d") Duration idempotencyKeyRetention,
                                @DefaultValue("256KB") DataSize requestBodyLimit) {
}
