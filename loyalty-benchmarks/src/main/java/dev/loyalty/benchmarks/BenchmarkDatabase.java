package dev.loyalty.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.loyalty.core.store.JdbcSchema;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A fresh, empty loyalty schema for one benchmark trial: on the PostgreSQL server named by
 * {@code LOYALTY_PG_URL}, {@code LOYALTY_PG_USER} and {@code LOYALTY_PG_PASSWORD} (as
 * {@code .ci/postgres.sh} sets them), else in an embedded H2 database. Connections come from a
 * HikariCP pool; {@link #close()} drops the schema.
 */
public final class BenchmarkDatabase implements AutoCloseable {

    private final HikariDataSource pool;
    private final String schema;
    private final String url;

    private BenchmarkDatabase(HikariDataSource pool, String schema, String url) {
        this.pool = pool;
        this.schema = schema;
        this.url = url;
    }

    /**
     * Creates the schema and a pool over it.
     *
     * @param poolSize the most connections the pool opens
     * @return the database
     */
    public static BenchmarkDatabase open(int poolSize) {
        String url = System.getenv("LOYALTY_PG_URL");
        String schema = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        HikariConfig config = new HikariConfig();
        config.setMaximumPoolSize(poolSize);
        config.setPoolName(schema);
        if (url == null || url.isBlank()) {
            config.setJdbcUrl("jdbc:h2:mem:" + schema + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;LOCK_TIMEOUT=20000;DB_CLOSE_DELAY=-1");
            url = null;
        } else {
            execute(url, "CREATE SCHEMA " + schema);
            config.setJdbcUrl(url);
            config.setUsername(System.getenv().getOrDefault("LOYALTY_PG_USER", "loyalty"));
            config.setPassword(System.getenv().getOrDefault("LOYALTY_PG_PASSWORD", ""));
            config.addDataSourceProperty("currentSchema", schema);
        }
        HikariDataSource pool = new HikariDataSource(config);
        JdbcSchema.apply(pool);
        return new BenchmarkDatabase(pool, schema, url);
    }

    /**
     * Returns the pool.
     *
     * @return the data source
     */
    public DataSource dataSource() {
        return pool;
    }

    /**
     * Names the database, for the benchmark's output.
     *
     * @return {@code postgresql} or {@code h2}
     */
    public String kind() {
        return url == null ? "h2" : "postgresql";
    }

    /**
     * Refreshes the planner's statistics of the schema's tables (PostgreSQL's {@code ANALYZE} of each;
     * nothing on H2), as autovacuum does on a live server once a table has grown by a tenth. A
     * trial's tables grow from empty to tens of thousands of rows in seconds, faster than
     * autovacuum's one-minute round, and a statement prepared while a table was nearly empty keeps
     * its plan for it until the statistics change: a sequential scan, fine for a few rows, that
     * then reads the whole table on every call.
     */
    public void analyze() {
        if (url == null) {
            return;
        }
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = '" + schema + "'")) {
                while (rs.next()) {
                    tables.add(schema + "." + rs.getString(1));
                }
            }
            statement.execute("ANALYZE " + String.join(", ", tables));
        } catch (SQLException e) {
            throw new IllegalStateException("could not analyze schema " + schema + ": " + e.getMessage(), e);
        }
    }

    /** Closes the pool and drops the schema. */
    @Override
    public void close() {
        pool.close();
        if (url != null) {
            execute(url, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    private static void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url, System.getenv().getOrDefault("LOYALTY_PG_USER", "loyalty"),
                System.getenv().getOrDefault("LOYALTY_PG_PASSWORD", ""));
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("could not run " + sql + ": " + e.getMessage(), e);
        }
    }
}
