package dev.loyalty.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.store.JdbcStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The load harness compares like with like: the baseline writes exactly the rows the store writes. */
class LedgerWritersTest {

    private static final List<String> TABLES = List.of("loyalty_member", "loyalty_event", "loyalty_explanation_step", "loyalty_entry",
            "loyalty_lot");

    @Test
    void shouldWriteTheSameRowsWhenTheBaselineAndTheStoreWriteTheSameEvents() throws SQLException {
        try (BenchmarkDatabase viaStore = BenchmarkDatabase.open(2); BenchmarkDatabase viaBareJdbc = BenchmarkDatabase.open(2)) {
            JdbcStore store = JdbcStore.builder(viaStore.dataSource()).build();
            JdbcStore baselineSetup = JdbcStore.builder(viaBareJdbc.dataSource()).build();
            for (int m = 0; m < 3; m++) {
                LedgerWriters.enrol(store, MemberId.of("m" + m));
                LedgerWriters.enrol(baselineSetup, MemberId.of("m" + m));
            }
            for (int n = 0; n < 30; n++) {
                MemberId member = MemberId.of("m" + n % 3);
                LedgerWriters.viaStore(store, member, EventId.of("e" + n), n);
                LedgerWriters.viaBareJdbc(viaBareJdbc.dataSource(), member, EventId.of("e" + n), n);
            }

            for (String table : TABLES) {
                assertThat(rows(viaBareJdbc.dataSource(), table)).as(table).isEqualTo(rows(viaStore.dataSource(), table)).isNotEmpty();
            }
            assertThat(store.balance(MemberId.of("m0"))).isEqualTo(baselineSetup.balance(MemberId.of("m0")));
            assertThat(store.findEvent(EventId.of("e7"))).isEqualTo(baselineSetup.findEvent(EventId.of("e7")));
        }
    }

    private static List<Map<String, Object>> rows(DataSource dataSource, String table) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                Map<String, Object> row = new TreeMap<>();
                for (int c = 1; c <= meta.getColumnCount(); c++) {
                    row.put(meta.getColumnName(c).toLowerCase(java.util.Locale.ROOT), rs.getObject(c));
                }
                rows.add(row);
            }
        }
        rows.sort(java.util.Comparator.comparing(Object::toString));
        return rows;
    }
}
