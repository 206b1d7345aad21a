package dev.loyalty.core.store;

import dev.loyalty.core.spi.LoyaltyStore;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Fresh in-memory H2 databases in PostgreSQL mode, one per call, dropped by {@link #close()}; as
 * a test's {@code @RegisterExtension} field, after each test.
 */
final class H2Databases implements AutoCloseable, AfterEachCallback {

    private final List<JdbcDataSource> created = new ArrayList<>();

    /**
     * Returns a {@link JdbcStore} over a new database with the loyalty schema.
     *
     * @return the store
     */
    LoyaltyStore store() {
        return JdbcStore.builder(withSchema()).build();
    }

    /**
     * Returns a new, empty database with the loyalty schema applied.
     *
     * @return its data source
     */
    DataSource withSchema() {
        DataSource dataSource = empty();
        JdbcSchema.apply(dataSource);
        return dataSource;
    }

    /**
     * Returns a new, empty database without any table.
     *
     * @return its data source
     */
    DataSource empty() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:loyalty-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=20000;DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        created.add(dataSource);
        return dataSource;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        for (JdbcDataSource dataSource : created) {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN");
            } catch (SQLException e) {
                // already gone
            }
        }
        created.clear();
    }
}
