package dev.loyalty.core.store;

import dev.loyalty.core.StoreException;
import dev.loyalty.core.model.MemberId;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where {@link JdbcStore} gets its connections and how it handles them: the data source, the
 * number of retries after a transient failure, the pause between attempts, a read on a
 * connection of its own with those retries, whether the database is PostgreSQL (asked of the
 * first connection only), and rolling back and restoring auto-commit when a transaction ends.
 */
final class JdbcConnections {

    /** Logs under the store's name, as before these helpers left it. */
    private static final Logger LOG = LoggerFactory.getLogger(JdbcStore.class);

    final DataSource dataSource;
    final int maxRetries;
    private volatile Boolean postgres;

    JdbcConnections(DataSource dataSource, int maxRetries) {
        this.dataSource = dataSource;
        this.maxRetries = maxRetries;
    }

    /** Tells whether the database is PostgreSQL, asking the first connection only. */
    boolean isPostgres(Connection connection) throws SQLException {
        Boolean known = postgres;
        if (known == null) {
            known = connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgresql");
            postgres = known;
        }
        return known;
    }

    /** Runs a read on a connection of its own, retrying lost connections like {@link JdbcStore#apply}. */
    <T> T read(String what, ConnectionFunction<T> reader) {
        for (int number = 1; ; number++) {
            try (Connection connection = dataSource.getConnection()) {
                T result = reader.apply(connection);
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                }
                return result;
            } catch (SQLException e) {
                String state = SqlFailures.state(e);
                boolean retryable = SqlFailures.isTransient(e);
                if (!retryable || number > maxRetries) {
                    throw new StoreException("could not " + what + (retryable ? " after " + number + " attempts" : "") + ": "
                            + SqlFailures.describe(e), state, retryable, e);
                }
                pause(number, null);
            }
        }
    }

    static void pause(int attempt, MemberId memberId) {
        long bound = Math.min(50, 1L << Math.min(attempt, 6));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(bound + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while retrying a transaction" + (memberId == null ? "" : " of member " + memberId),
                    null, true, e);
        }
    }

    static void rollbackQuietly(Connection connection, Throwable failure) {
        try {
            connection.rollback();
        } catch (SQLException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    static void restoreAutoCommit(Connection connection) {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException | RuntimeException e) {
            LOG.debug("could not restore auto-commit on a connection", e);
        }
    }

    @FunctionalInterface
    interface ConnectionFunction<T> {
        T apply(Connection connection) throws SQLException;
    }
}
