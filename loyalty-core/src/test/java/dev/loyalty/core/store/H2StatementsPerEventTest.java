package dev.loyalty.core.store;

import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;

/** Counts the statements per event of {@link JdbcStore} on an embedded H2 database. */
class H2StatementsPerEventTest extends JdbcStatementsPerEventContract {

    private final H2Databases databases = new H2Databases();

    @Override
    protected DataSource newDataSource() {
        return databases.withSchema();
    }

    @AfterEach
    void dropDatabases() {
        databases.close();
    }

    @Override
    protected boolean gathersWrites() {
        return false;
    }

    @Override
    protected boolean plansBulkReads() {
        return false;
    }
}
