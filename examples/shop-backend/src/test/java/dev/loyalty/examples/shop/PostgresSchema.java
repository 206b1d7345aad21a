package dev.loyalty.examples.shop;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A fresh schema for one test class on the PostgreSQL server named by {@code LOYALTY_PG_URL},
 * {@code LOYALTY_PG_USER} and {@code LOYALTY_PG_PASSWORD} (as {@code .ci/postgres.sh} sets them),
 * dropped afterwards.
 */
final class PostgresSchema {

    private static final String URL = System.getenv("LOYALTY_PG_URL");
    private static final String USER = System.getenv().getOrDefault("LOYALTY_PG_USER", "loyalty");
    private static final String PASSWORD = System.getenv().getOrDefault("LOYALTY_PG_PASSWORD", "");

    private final String name = "shop_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);

    /** Creates the schema and points the shop's data source at it. */
    void create(DynamicPropertyRegistry registry) {
        execute("CREATE SCHEMA " + name);
        registry.add("spring.datasource.url", () -> URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + name);
        registry.add("spring.datasource.username", () -> USER);
        registry.add("spring.datasource.password", () -> PASSWORD);
    }

    /** Drops the schema with everything in it. */
    void drop() {
        execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("could not run " + sql + ": " + e.getMessage(), e);
        }
    }
}
