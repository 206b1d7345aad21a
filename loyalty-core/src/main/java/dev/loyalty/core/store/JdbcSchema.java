package dev.loyalty.core.store;

import dev.loyalty.core.LoyaltyConfigurationException;
import dev.loyalty.core.StoreException;
import dev.loyalty.core.internal.Checks;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The versioned SQL scripts of {@link JdbcStore}'s schema and a small helper that applies them.
 *
 * <p>The scripts are resources of this jar, one directory per database:
 * {@value #POSTGRESQL_LOCATION} and {@value #H2_LOCATION}, each holding
 * {@code V1__loyalty.sql}, {@code V2__...} and so on, never edited once released. Either let the
 * host's migration tool apply them, for example Flyway with
 * {@code flyway.locations=classpath:dev/loyalty/core/store/schema/{vendor}}, or call
 * {@link #apply(DataSource)} at startup.
 */
public final class JdbcSchema {

    /** The classpath directory of the PostgreSQL scripts. */
    public static final String POSTGRESQL_LOCATION = "dev/loyalty/core/store/schema/postgresql";

    /** The classpath directory of the H2 scripts: the PostgreSQL statements without their collations. */
    public static final String H2_LOCATION = "dev/loyalty/core/store/schema/h2";

    /**
     * The scripts in the order they apply; a new version appends its file name here. The number
     * in the name is the version recorded; numbers increase and may skip (a version is reserved
     * for a script developed alongside).
     */
    static final List<String> SCRIPTS = List.of("V1__loyalty.sql", "V2__lifecycle.sql", "V3__tiers.sql", "V4__offers.sql",
            "V5__segments.sql", "V6__referrals.sql", "V7__budgets.sql", "V8__due_indexes.sql",
            "V9__exact_spend.sql", "V10__lot_spent.sql", "V11__zone_moves.sql", "V12__lot_returns.sql",
            "V13__program_currency.sql");

    /** The PostgreSQL advisory lock key appliers take turns on: "LOYALTY" in ASCII. */
    private static final long ADVISORY_LOCK = 0x4C4F59414C5459L;

    private static final String CREATE_VERSION_TABLE = "CREATE TABLE IF NOT EXISTS loyalty_schema_version ("
            + " version INTEGER NOT NULL PRIMARY KEY, script VARCHAR(255) NOT NULL, applied_at TIMESTAMP WITH TIME ZONE NOT NULL)";

    private JdbcSchema() {
    }

    /**
     * Applies the scripts the database lacks, in version order, and records each in the table
     * {@code loyalty_schema_version}. Calling it again does nothing. On PostgreSQL each script
     * runs in one transaction that holds a lock on the version table, so instances starting
     * together apply each script once; H2 commits each DDL statement by itself, so on H2 call it
     * from one thread. Tables go to the connection's current schema (PostgreSQL: the first of
     * the {@code search_path}, e.g. set with {@code currentSchema} in the JDBC URL).
     *
     * @param dataSource the database
     * @return the schema version after applying, the number of the last script
     * @throws LoyaltyConfigurationException when the database is neither PostgreSQL nor H2
     * @throws StoreException when a statement fails
     */
    public static int apply(DataSource dataSource) {
        Checks.notNull(dataSource, "dataSource");
        try (Connection connection = dataSource.getConnection()) {
            String location = location(connection.getMetaData().getDatabaseProductName());
            boolean postgres = location.equals(POSTGRESQL_LOCATION);
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                if (postgres) {
                    // instances starting together: CREATE TABLE IF NOT EXISTS alone can race in the catalog
                    // ("type ... already exists"), so appliers take turns on an advisory lock held until commit
                    try (Statement lock = connection.createStatement()) {
                        lock.execute("SELECT pg_advisory_xact_lock(" + ADVISORY_LOCK + ")");
                    }
                }
                createVersionTable(connection);
                try (Statement statement = connection.createStatement()) {
                    if (postgres) {
                        statement.execute("LOCK TABLE loyalty_schema_version IN EXCLUSIVE MODE");
                    }
                    Set<Integer> applied = appliedVersions(connection);
                    for (int i = 0; i < SCRIPTS.size(); i++) {
                        int version = versionOf(SCRIPTS.get(i));
                        if (applied.contains(version)) {
                            continue;
                        }
                        String script = SCRIPTS.get(i);
                        for (String sql : statements(read(location + "/" + script))) {
                            statement.execute(sql);
                        }
                        try (PreparedStatement ps = connection.prepareStatement(
                                "INSERT INTO loyalty_schema_version (version, script, applied_at) VALUES (?, ?, CURRENT_TIMESTAMP)")) {
                            ps.setInt(1, version);
                            ps.setString(2, script);
                            ps.executeUpdate();
                        }
                    }
                }
                connection.commit();
                return latestVersion();
            } catch (SQLException | RuntimeException e) {
                try {
                    connection.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            String state = SqlFailures.state(e);
            throw new StoreException("could not apply the loyalty schema: " + SqlFailures.describe(e), state, SqlFailures.isTransient(e), e);
        }
    }

    /**
     * Returns the version of the newest script in this jar.
     *
     * @return the latest schema version
     */
    public static int latestVersion() {
        return versionOf(SCRIPTS.get(SCRIPTS.size() - 1));
    }

    /** Returns the version number in a script's name, {@code V<number>__<name>.sql}. */
    static int versionOf(String script) {
        return Integer.parseInt(script.substring(1, script.indexOf("__")));
    }

    /**
     * Returns the classpath directory of the scripts for a database product.
     *
     * @param databaseProductName as reported by {@link java.sql.DatabaseMetaData#getDatabaseProductName()}
     * @return {@link #POSTGRESQL_LOCATION} or {@link #H2_LOCATION}
     * @throws LoyaltyConfigurationException for any other database
     */
    public static String location(String databaseProductName) {
        String name = String.valueOf(databaseProductName).toLowerCase(Locale.ROOT);
        if (name.contains("postgresql")) {
            return POSTGRESQL_LOCATION;
        }
        if (name.equals("h2")) {
            return H2_LOCATION;
        }
        throw new LoyaltyConfigurationException("no loyalty schema scripts for database '" + databaseProductName
                + "': JdbcStore supports PostgreSQL and H2");
    }

    /** Reads a script resource as text. */
    static String read(String resource) {
        try (InputStream in = JdbcSchema.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("schema script " + resource + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read schema script " + resource, e);
        }
    }

    /** Splits a script into statements: drops comment lines, ends a statement at a line ending with a semicolon. */
    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(current.length() == 0 ? "" : "\n").append(line.stripTrailing());
            if (trimmed.endsWith(";")) {
                current.setLength(current.length() - 1);
                statements.add(current.toString());
                current.setLength(0);
            }
        }
        if (!current.isEmpty()) {
            throw new IllegalStateException("schema script ends inside a statement: " + current);
        }
        return statements;
    }

    private static void createVersionTable(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(CREATE_VERSION_TABLE);
            connection.commit();
        } catch (SQLException e) {
            // two instances creating the table at once: the other one won, which is fine
            connection.rollback();
            if (!SqlFailures.isUniqueViolation(SqlFailures.state(e)) && !"42P07".equals(SqlFailures.state(e))) {
                throw e;
            }
        }
    }

    private static Set<Integer> appliedVersions(Connection connection) throws SQLException {
        Set<Integer> versions = new HashSet<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT version FROM loyalty_schema_version")) {
            while (rs.next()) {
                versions.add(rs.getInt(1));
            }
        }
        return versions;
    }
}
