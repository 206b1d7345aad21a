package dev.loyalty.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.core.ExpiryPolicy;
import dev.loyalty.core.LoyaltyEngine;
import dev.loyalty.core.ProgramSettings;
import dev.loyalty.core.event.Redemption;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.testing.Fixtures;
import dev.loyalty.core.testing.JavaRules;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link JdbcSchema#apply(DataSource)} on PostgreSQL, and the reads its indexes serve. */
class PostgresSchemaTest {

    private final PostgresDatabases databases = new PostgresDatabases();

    @BeforeEach
    void requireServer() {
        PostgresDatabases.assumeConfigured();
    }

    @AfterEach
    void dropSchemas() {
        databases.close();
    }

    @Test
    void shouldApplyEachScriptOnceWhenFourInstancesApplyTogether() throws Exception {
        DataSource dataSource = databases.emptySchema(8);
        List<Connection> warm = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            warm.add(dataSource.getConnection());
        }
        for (Connection connection : warm) {
            connection.close();
        }
        CountDownLatch gate = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> versions = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                versions.add(pool.submit(() -> {
                    gate.await();
                    return JdbcSchema.apply(dataSource);
                }));
            }
            gate.countDown();
            for (Future<Integer> version : versions) {
                assertThat(version.get(1, TimeUnit.MINUTES)).isEqualTo(JdbcSchema.latestVersion());
            }
        } finally {
            pool.shutdownNow();
        }

        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT COUNT(*), MAX(version) FROM loyalty_schema_version")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(JdbcSchema.SCRIPTS.size());
            assertThat(rs.getInt(2)).isEqualTo(JdbcSchema.latestVersion());
        }
    }

    @Test
    void shouldFindTheNextDueInstantWithoutReadingSpentLotsWhenAMemberHasSpentMostOfThem() throws SQLException {
        DataSource dataSource = databases.freshSchema(2);
        Instant start = Fixtures.MONDAY;
        // a program whose lots expire: each purchase's lot falls due until it is spent
        LoyaltyEngine engine = LoyaltyEngine.builder().program(ProgramSettings.builder().currency("GBP").expiry(ExpiryPolicy.rollingMonths(12)).build())
                .clock(Clock.fixed(start.plus(Duration.ofDays(7)), ZoneOffset.UTC)).store(JdbcStore.builder(dataSource).build())
                .ruleEngine(JavaRules.simplePack(Long.MAX_VALUE)).build();
        engine.process(Fixtures.enrolment("long", start));
        for (int n = 0; n < 120; n++) {
            engine.process(Fixtures.purchase("p-" + n, "long", start.plus(Duration.ofHours(n + 1)), "10.00"));
        }
        long balance = engine.balance(MemberId.of("long")).value();
        engine.process(new Redemption(EventId.of("spend"), MemberId.of("long"), start.plus(Duration.ofDays(6)), "GIFT", balance - 10, null));

        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE loyalty_lot");
            statement.execute("ANALYZE loyalty_hold");
            // the table is small enough to read whole; the index paths are what a long history needs
            statement.execute("SET enable_seqscan = off");
            String plan = explain(connection, JdbcMemberReads.NEXT_DUE.replace("?", "'long'"));

            assertThat(plan).contains("loyalty_lot_pending_ix", "loyalty_lot_unspent_ix", "loyalty_hold_status_ix");
            assertThat(lotRowsRead(plan)).as(plan).isLessThan(10);
        }
    }

    private static String explain(Connection connection, String query) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) " + query)) {
            while (rs.next()) {
                plan.append(rs.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }

    /** Sums the rows the plan's scans of loyalty_lot returned or removed by a filter. */
    private static long lotRowsRead(String plan) {
        long rows = 0;
        boolean inLotScan = false;
        for (String line : plan.split("\n")) {
            if (line.contains("Scan")) {
                inLotScan = line.contains("loyalty_lot");
                if (inLotScan) {
                    java.util.regex.Matcher actual = java.util.regex.Pattern.compile("actual rows=(\\d+)").matcher(line);
                    if (actual.find()) {
                        rows += Long.parseLong(actual.group(1));
                    }
                }
            } else if (inLotScan && line.contains("Rows Removed by")) {
                rows += Long.parseLong(line.replaceAll("\\D+", ""));
            }
        }
        return rows;
    }
}
