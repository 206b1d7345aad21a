package dev.loyalty.core.store;

import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs the fault tests against {@link JdbcStore} on PostgreSQL, plus a real fault: the server
 * session of the store's connection is terminated ({@code pg_terminate_backend}) right before
 * each step in turn.
 */
class PostgresStoreFaultTest extends JdbcStoreFaultContract {

    private final PostgresDatabases databases = new PostgresDatabases();

    @Override
    protected DataSource newDataSource() {
        PostgresDatabases.assumeConfigured();
        return databases.freshSchema(4);
    }

    @AfterEach
    void dropSchemas() {
        databases.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"enrolment", "purchase"})
    void shouldApplyOnceWhenTheServerSessionIsKilledBeforeAnyStep(String kind) {
        assertEveryStepSurvives(kind, (connection, step, proceed) -> {
            int pid;
            try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("SELECT pg_backend_pid()")) {
                rs.next();
                pid = rs.getInt(1);
            }
            PostgresDatabases.execute("SELECT pg_terminate_backend(" + pid + ", 10000)");
            return proceed.run();
        });
    }
}
