package dev.loyalty.core.store;

import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;

/** Runs the fault tests against {@link JdbcStore} on an embedded H2 database. */
class H2StoreFaultTest extends JdbcStoreFaultContract {

    private final H2Databases databases = new H2Databases();

    @Override
    protected DataSource newDataSource() {
        return databases.withSchema();
    }

    @AfterEach
    void dropDatabases() {
        databases.close();
    }
}
