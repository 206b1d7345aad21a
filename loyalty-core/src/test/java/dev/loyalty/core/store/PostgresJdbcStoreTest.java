package dev.loyalty.core.store;

import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;

/** Runs the JDBC store's own tests on PostgreSQL, each in a fresh schema. */
class PostgresJdbcStoreTest extends JdbcStoreContract {

    private final PostgresDatabases databases = new PostgresDatabases();

    @Override
    protected DataSource newDataSource() {
        PostgresDatabases.assumeConfigured();
        return databases.freshSchema(4);
    }

    @Override
    protected DataSource newEmptyDataSource() {
        return databases.emptySchema(2);
    }

    @AfterEach
    void dropSchemas() {
        databases.close();
    }

    @Override
    protected boolean plansBulkReads() {
        return true;
    }
}
