package dev.loyalty.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link JdbcSchema#apply(DataSource)} on PostgreSQL. */
class PostgresSchemaTest {

    private final PostgresDatabases databases = new PostgresDatabases();

    @BeforeEach
    void requireServer() {
        PostgresDatabases.assumeConfigured();
    }

    @AfterEach
    void dropSchemas() {
        databases.close();
    }

    @Test
    void shouldApplyEachScriptOnceWhenFourInstancesApplyTogether() throws Exception {
        DataSource dataSource = databases.emptySchema(8);
        List<Connection> warm = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            warm.add(dataSource.getConnection());
        }
        for (Connection connection : warm) {
            connection.close();
        }
        CountDownLatch gate = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> versions = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                versions.add(pool.submit(() -> {
                    gate.await();
                    return JdbcSchema.apply(dataSource);
                }));
            }
            gate.countDown();
            for (Future<Integer> version : versions) {
                assertThat(version.get(1, TimeUnit.MINUTES)).isEqualTo(JdbcSchema.latestVersion());
            }
        } finally {
            pool.shutdownNow();
        }

        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT COUNT(*), MAX(version) FROM loyalty_schema_version")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(JdbcSchema.SCRIPTS.size());
            assertThat(rs.getInt(2)).isEqualTo(JdbcSchema.latestVersion());
        }
    }
}
