package dev.loyalty.core.store;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/** Reads SQL states: which failures are transient, which are unique violations or a missing schema. */
final class SqlFailures {

    /** Transient states worth retrying: serialization failure, deadlock, lock timeouts (PostgreSQL and H2). */
    private static final Set<String> TRANSIENT = Set.of(
            "40001", // serialization_failure (PostgreSQL); deadlock (H2)
            "40P01", // deadlock_detected (PostgreSQL)
            "55P03", // lock_not_available (PostgreSQL, with lock_timeout)
            "HYT00", // lock timeout (H2)
            "90131"  // concurrent update (H2 MVStore)
    );

    /** States that mean the connection was lost: the server went away or terminated the session. */
    private static final Set<String> CONNECTION_LOST = Set.of(
            "57P01", // admin_shutdown: terminated by pg_terminate_backend or a shutdown
            "57P02", // crash_shutdown
            "57P03", // cannot_connect_now
            "90067"  // connection broken (H2 server mode)
    );

    private static final Set<String> UNDEFINED_TABLE = Set.of(
            "42P01", // undefined_table (PostgreSQL)
            "42S02", // table not found (H2)
            "42S04"  // table not found, the database is empty (H2)
    );

    private SqlFailures() {
    }

    /** Returns the first SQL state found on the exception or its chain, or null. */
    static String state(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if (next.getSQLState() != null) {
                        return next.getSQLState();
                    }
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    /** Tells whether running the whole transaction again may succeed. */
    static boolean isTransient(SQLException e) {
        return isTransient(state(e)) || e instanceof SQLTransientException || e instanceof SQLRecoverableException;
    }

    /** Tells whether running the whole transaction again may succeed after a failure with this SQL state. */
    static boolean isTransient(String state) {
        return state != null && (TRANSIENT.contains(state) || isConnectionLost(state));
    }

    /** Tells whether the state reports a lost connection (SQL state class 08 or a terminated session). */
    static boolean isConnectionLost(String state) {
        return state != null && (state.startsWith("08") || CONNECTION_LOST.contains(state));
    }

    /** Tells whether the state reports a unique or primary key violation. */
    static boolean isUniqueViolation(String state) {
        return "23505".equals(state);
    }

    /** Tells whether the state reports a missing table, that is a schema that was not applied. */
    static boolean isUndefinedTable(String state) {
        return state != null && UNDEFINED_TABLE.contains(state);
    }

    /** Describes the failure for a message: SQL state and the database's own words. */
    static String describe(SQLException e) {
        String state = state(e);
        String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        String hint = isUndefinedTable(state)
                ? "; the loyalty schema is missing: apply it with JdbcSchema.apply(dataSource) or your migration tool" : "";
        return "SQL state " + state + ": " + text + hint;
    }
}
