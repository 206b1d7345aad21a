package dev.loyalty.core.store;

import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;

/** Runs the JDBC store's own tests on an embedded H2 database. */
class H2JdbcStoreTest extends JdbcStoreContract {

    private final H2Databases databases = new H2Databases();

    @Override
    protected DataSource newDataSource() {
        return databases.withSchema();
    }

    @Override
    protected DataSource newEmptyDataSource() {
        return databases.empty();
    }

    @AfterEach
    void dropDatabases() {
        databases.close();
    }

    @Override
    protected boolean plansBulkReads() {
        return false;
    }
}
