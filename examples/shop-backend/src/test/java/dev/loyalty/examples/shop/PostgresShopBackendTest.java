package dev.loyalty.examples.shop;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The shop on the PostgreSQL server named by {@code LOYALTY_PG_URL}, {@code LOYALTY_PG_USER} and
 * {@code LOYALTY_PG_PASSWORD} (as {@code .ci/postgres.sh} sets them), in a fresh schema dropped
 * afterwards. Disabled without {@code LOYALTY_PG_URL}.
 */
@EnabledIfEnvironmentVariable(named = "LOYALTY_PG_URL", matches = ".+")
class PostgresShopBackendTest extends ShopBackendContract {

    private static final String URL = System.getenv("LOYALTY_PG_URL");
    private static final String USER = System.getenv().getOrDefault("LOYALTY_PG_USER", "loyalty");
    private static final String PASSWORD = System.getenv().getOrDefault("LOYALTY_PG_PASSWORD", "");
    private static final String SCHEMA = "shop_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        execute("CREATE SCHEMA " + SCHEMA);
        registry.add("spring.datasource.url", () -> URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA);
        registry.add("spring.datasource.username", () -> USER);
        registry.add("spring.datasource.password", () -> PASSWORD);
    }

    @AfterAll
    static void dropSchema() {
        execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("could not run " + sql + ": " + e.getMessage(), e);
        }
    }
}
