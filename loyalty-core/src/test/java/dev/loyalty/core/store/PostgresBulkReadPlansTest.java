package dev.loyalty.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.core.StoreException;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.spi.LoyaltyStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The bulk reads of {@code processAll} on PostgreSQL are planned for the ids of each call, never
 * with a plan kept for any ids: such a plan, made while a new database's tables were nearly
 * empty, scans them whole once they have grown.
 */
class PostgresBulkReadPlansTest {

    /** More uses than pgjdbc's five before it prepares a statement on the server, and PostgreSQL's five custom plans before it weighs a generic one. */
    private static final int CALLS = 12;

    @RegisterExtension
    final PostgresDatabases databases = new PostgresDatabases();

    /** A pool of one connection over a fresh schema, so the statements the store prepared on it can be read back from it. */
    private DataSource oneConnection() {
        PostgresDatabases.assumeConfigured();
        return databases.freshSchema(1);
    }

    @Test
    void shouldPlanEveryBulkReadOfEventsAndMembersForItsOwnIds() throws Exception {
        DataSource pool = oneConnection();
        LoyaltyStore store = JdbcStore.builder(pool).build();
        for (int call = 0; call < CALLS; call++) {
            List<EventId> events = new ArrayList<>();
            List<MemberId> members = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                events.add(EventId.of("e-" + call + "-" + i));
                members.add(MemberId.of("m-" + call + "-" + i));
            }
            store.findEvents(events);
            store.memberSnapshots(members, false);
        }

        Map<String, long[]> plans = preparedAnyLookups(pool);

        // more than five custom plans: enough that PostgreSQL would have weighed a generic one
        assertThat(plans).hasEntrySatisfying("loyalty_event", counts -> {
            assertThat(counts[0]).as("generic plans").isZero();
            assertThat(counts[1]).as("custom plans").isGreaterThan(5);
        });
        assertThat(plans).hasEntrySatisfying("loyalty_member", counts -> {
            assertThat(counts[0]).as("generic plans").isZero();
            assertThat(counts[1]).as("custom plans").isGreaterThan(5);
        });
    }

    @Test
    void shouldLeaveTheConnectionsOwnPlanSettingAsItWas() throws Exception {
        DataSource pool = oneConnection();
        LoyaltyStore store = JdbcStore.builder(pool).build();

        store.findEvents(List.of(EventId.of("e-1")));
        store.memberSnapshots(List.of(MemberId.of("m-1")), true);

        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SHOW plan_cache_mode")) {
            assertThat(connection.getAutoCommit()).isTrue();
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("auto");
        }
    }

    @Test
    void shouldHandTheConnectionBackInAutoCommitWhenABulkReadFails() throws Exception {
        FaultInjectingDataSource faults = new FaultInjectingDataSource(oneConnection());
        faults.failWhere("SELECT loyalty_member"::equals, FaultInjectingDataSource.fail("XX000"), false);
        List<Boolean> autoCommitWhenClosed = new ArrayList<>();
        LoyaltyStore store = JdbcStore.builder(closeWatching(faults, autoCommitWhenClosed)).build();

        assertThatThrownBy(() -> store.memberSnapshots(List.of(MemberId.of("m-1")), false))
                .isInstanceOf(StoreException.class).hasMessageContaining("injected failure at SELECT loyalty_member");

        // a pool that does not reset what a borrower changed gets the connection back as it lent it
        assertThat(faults.fired()).containsExactly("SELECT loyalty_member");
        assertThat(autoCommitWhenClosed).isNotEmpty().containsOnly(true);
    }

    /** Hands out the source's connections, noting each one's auto-commit as the store closes it. */
    private static DataSource closeWatching(DataSource source, List<Boolean> autoCommitWhenClosed) {
        return (DataSource) Proxy.newProxyInstance(PostgresBulkReadPlansTest.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (dataSource, method, args) -> {
                    Object result = method.invoke(source, args);
                    if (!(result instanceof Connection connection)) {
                        return result;
                    }
                    return Proxy.newProxyInstance(PostgresBulkReadPlansTest.class.getClassLoader(), new Class<?>[] {Connection.class},
                            (proxy, call, callArgs) -> {
                                if (call.getName().equals("close")) {
                                    autoCommitWhenClosed.add(connection.getAutoCommit());
                                }
                                try {
                                    return call.invoke(connection, callArgs);
                                } catch (InvocationTargetException e) {
                                    throw e.getCause();
                                }
                            });
                });
    }

    /** For each table read with {@code = ANY($1)} by a statement prepared on the pool's connection: its generic and custom plans. */
    private static Map<String, long[]> preparedAnyLookups(DataSource pool) throws Exception {
        Map<String, long[]> plans = new HashMap<>();
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT statement, generic_plans, custom_plans FROM pg_prepared_statements"
                     + " WHERE statement LIKE '%= ANY($1)%'")) {
            while (rs.next()) {
                String sql = rs.getString(1);
                String table = sql.contains("FROM loyalty_event ") ? "loyalty_event" : sql.contains("FROM loyalty_member ") ? "loyalty_member" : sql;
                plans.put(table, new long[] {rs.getLong(2), rs.getLong(3)});
            }
        }
        return plans;
    }
}
