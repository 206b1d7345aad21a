package dev.loyalty.core.store;

import dev.loyalty.core.spi.LoyaltyStore;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import static org.junit.jupiter.api.Assertions.fail;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server named by {@code LOYALTY_PG_URL}, {@code LOYALTY_PG_USER} and
 * {@code LOYALTY_PG_PASSWORD} (set by {@code .ci/postgres.sh}), handing out a fresh schema per
 * call. Without the URL the PostgreSQL tests are skipped with a message, except where
 * {@code CI=true}: there they fail, so CI cannot pass without having run them. As a test's
 * {@code @RegisterExtension} field, it drops its schemas after each test.
 */
final class PostgresDatabases implements AutoCloseable, AfterEachCallback {

    static final String URL = System.getenv("LOYALTY_PG_URL");
    static final String USER = System.getenv().getOrDefault("LOYALTY_PG_USER", "loyalty");
    static final String PASSWORD = System.getenv().getOrDefault("LOYALTY_PG_PASSWORD", "");

    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private final List<HikariDataSource> pools = new ArrayList<>();
    private final List<String> schemas = new ArrayList<>();

    /** Skips the calling test class when no server is configured, or fails it when {@code CI=true}. */
    static void assumeConfigured() {
        if (URL != null && !URL.isBlank()) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI=true but LOYALTY_PG_URL is not set: the PostgreSQL tests must run in CI; .ci/run starts a server with .ci/postgres.sh");
        }
        String message = "PostgreSQL tests SKIPPED: LOYALTY_PG_URL is not set. Run them with: bash .ci/postgres.sh ./mvnw -pl loyalty-core verify";
        if (WARNED.compareAndSet(false, true)) {
            System.err.println("[WARNING] " + message);
        }
        Assumptions.abort(message);
    }

    /**
     * Creates an empty schema with the loyalty tables and returns a pool whose connections use it.
     *
     * @param poolSize the most connections the pool opens
     * @return the pool
     */
    HikariDataSource freshSchema(int poolSize) {
        HikariDataSource pool = emptySchema(poolSize);
        JdbcSchema.apply(pool);
        return pool;
    }

    /**
     * Creates an empty schema without any table and returns a pool whose connections use it.
     *
     * @param poolSize the most connections the pool opens
     * @return the pool
     */
    HikariDataSource emptySchema(int poolSize) {
        String schema = "loyalty_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute("CREATE SCHEMA " + schema);
        schemas.add(schema);
        return pool(schema, poolSize);
    }

    /**
     * Returns another pool over a schema made by {@link #freshSchema(int)}, as a second process would have.
     *
     * @param sameAs a pool returned by {@link #freshSchema(int)}
     * @param poolSize the most connections the pool opens
     * @return the pool
     */
    HikariDataSource anotherPool(HikariDataSource sameAs, int poolSize) {
        return pool(sameAs.getDataSourceProperties().getProperty("currentSchema"), poolSize);
    }

    /**
     * Runs one statement on a connection of its own, outside any test schema.
     *
     * @param sql the statement
     */
    static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("could not run " + sql + ": " + e.getMessage(), e);
        }
    }

    private HikariDataSource pool(String schema, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(URL);
        config.setUsername(USER);
        config.setPassword(PASSWORD);
        config.addDataSourceProperty("currentSchema", schema);
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(0);
        config.setPoolName("test-" + schema + "-" + pools.size());
        HikariDataSource pool = new HikariDataSource(config);
        pools.add(pool);
        return pool;
    }

    /**
     * Returns a {@link JdbcStore} over a fresh schema, first skipping the test (or failing it
     * with {@code CI=true}) when no server is configured.
     *
     * @param poolSize the most connections the store may open
     * @return the store
     */
    LoyaltyStore store(int poolSize) {
        assumeConfigured();
        return JdbcStore.builder(freshSchema(poolSize)).build();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        pools.forEach(HikariDataSource::close);
        pools.clear();
        for (String schema : schemas) {
            execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
        schemas.clear();
    }
}
