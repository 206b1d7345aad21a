package dev.loyalty.core.store;

import dev.loyalty.core.spi.SweepCheckpoint;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;

/** The SQL of the sweep checkpoints: one row per sweep id, read and upserted. */
final class JdbcCheckpoints {

    private JdbcCheckpoints() {
    }

    /** Looks a checkpoint up by sweep id. */
    static Optional<SweepCheckpoint> find(Connection connection, String sweepId) throws SQLException {
        return JdbcRows.one(connection, JdbcMapping.SELECT_CHECKPOINT, sweepId, JdbcMapping::readCheckpoint);
    }

    /**
     * Updates the checkpoint's row, else inserts it, and commits unless the connection
     * auto-commits; when another process inserted the same new id first (a unique violation),
     * rolls back and runs once more, which then updates that row.
     */
    static void save(Connection connection, SweepCheckpoint checkpoint) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        for (int attempt = 1; ; attempt++) {
            try {
                int updated;
                try (PreparedStatement ps = connection.prepareStatement(JdbcMapping.UPDATE_CHECKPOINT)) {
                    JdbcMapping.bindCheckpoint(ps, checkpoint);
                    updated = ps.executeUpdate();
                }
                if (updated == 0) {
                    try (PreparedStatement ps = connection.prepareStatement(JdbcMapping.INSERT_CHECKPOINT)) {
                        JdbcMapping.bindCheckpoint(ps, checkpoint);
                        ps.executeUpdate();
                    }
                }
                if (!autoCommit) {
                    connection.commit();
                }
                return;
            } catch (SQLException e) {
                if (!autoCommit) {
                    connection.rollback();
                }
                if (attempt > 1 || !SqlFailures.isUniqueViolation(SqlFailures.state(e))) {
                    throw e;
                }
            }
        }
    }
}
