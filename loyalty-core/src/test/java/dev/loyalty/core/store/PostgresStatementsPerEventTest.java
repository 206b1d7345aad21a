package dev.loyalty.core.store;

import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;

/** Counts the statements per event of {@link JdbcStore} on PostgreSQL. */
class PostgresStatementsPerEventTest extends JdbcStatementsPerEventContract {

    private final PostgresDatabases databases = new PostgresDatabases();

    @Override
    protected DataSource newDataSource() {
        PostgresDatabases.assumeConfigured();
        return databases.freshSchema(2);
    }

    @AfterEach
    void dropSchemas() {
        databases.close();
    }

    @Override
    protected boolean gathersWrites() {
        return true;
    }

    @Override
    protected boolean plansBulkReads() {
        return true;
    }
}
