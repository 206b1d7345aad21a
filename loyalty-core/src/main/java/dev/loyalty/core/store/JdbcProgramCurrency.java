package dev.loyalty.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The one row of {@code loyalty_program_currency} (schema version 13): the currency a
 * {@link JdbcStore}'s database records money in.
 */
final class JdbcProgramCurrency {

    private static final String SELECT = "SELECT currency_code FROM loyalty_program_currency WHERE id = 1";
    private static final String INSERT = "INSERT INTO loyalty_program_currency (id, currency_code, claimed_at) VALUES (1, ?, CURRENT_TIMESTAMP)";

    private JdbcProgramCurrency() {
    }

    /**
     * Records the currency unless one is recorded, and returns the one recorded. Of two claims at
     * once, the primary key lets one insert; the other's insert fails as a unique violation and it
     * reads the winner's row.
     *
     * @param connection a connection, committing each statement or not
     * @param code the currency code to claim
     * @return the code recorded, {@code code} when this claim won
     */
    static String claim(Connection connection, String code) throws SQLException {
        String recorded = find(connection);
        if (recorded != null) {
            return recorded;
        }
        boolean autoCommit = connection.getAutoCommit();
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, code);
            insert.executeUpdate();
            if (!autoCommit) {
                connection.commit();
            }
        } catch (SQLException e) {
            if (!SqlFailures.isUniqueViolation(SqlFailures.state(e))) {
                throw e;
            }
            if (!autoCommit) {
                connection.rollback();
            }
        }
        return find(connection);
    }

    private static String find(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(SELECT)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
