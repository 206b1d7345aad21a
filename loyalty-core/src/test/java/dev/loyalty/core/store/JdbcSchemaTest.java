package dev.loyalty.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.core.ExpiryPolicy;
import dev.loyalty.core.LoyaltyConfigurationException;
import dev.loyalty.core.LoyaltyEngine;
import dev.loyalty.core.ProgramSettings;
import dev.loyalty.core.event.Enrolment;
import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.event.Redemption;
import dev.loyalty.core.event.Return;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.Lot;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.Money;
import dev.loyalty.core.spi.Decision;
import dev.loyalty.core.testing.JavaRules;
import dev.loyalty.core.testing.TestClock;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The schema scripts and {@link JdbcSchema#apply(DataSource)}, on H2. */
class JdbcSchemaTest {

    private final H2Databases databases = new H2Databases();

    @AfterEach
    void dropDatabases() {
        databases.close();
    }

    @Test
    void shouldApplyEachScriptOnceWhenAppliedTwice() throws SQLException {
        DataSource dataSource = databases.empty();

        int first = JdbcSchema.apply(dataSource);
        int second = JdbcSchema.apply(dataSource);

        assertThat(first).isEqualTo(second).isEqualTo(JdbcSchema.latestVersion()).isEqualTo(13);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT version, script FROM loyalty_schema_version ORDER BY version")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(1);
            assertThat(rs.getString(2)).isEqualTo("V1__loyalty.sql");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(2);
            assertThat(rs.getString(2)).isEqualTo("V2__lifecycle.sql");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(3);
            assertThat(rs.getString(2)).isEqualTo("V3__tiers.sql");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(4);
            assertThat(rs.getString(2)).isEqualTo("V4__offers.sql");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(5);
            assertThat(rs.getString(2)).isEqualTo("V5__segments.sql");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(6);
            assertThat(rs.getString(2)).isEqualTo("V6__referrals.sql");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(7);
            assertThat(rs.getString(2)).isEqualTo("V7__budgets.sql");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(8);
            assertThat(rs.getString(2)).isEqualTo("V8__due_indexes.sql");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(9);
            assertThat(rs.getString(2)).isEqualTo("V9__exact_spend.sql");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(10);
            assertThat(rs.getString(2)).isEqualTo("V10__lot_spent.sql");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(11);
            assertThat(rs.getString(2)).isEqualTo("V11__zone_moves.sql");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(12);
            assertThat(rs.getString(2)).isEqualTo("V12__lot_returns.sql");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(13);
            assertThat(rs.getString(2)).isEqualTo("V13__program_currency.sql");
            assertThat(rs.next()).isFalse();
        }
    }

    @Test
    void shouldFillInWhatALotSpentFromTheLedgerWhenVersion10MigratesALotWithPointsLeft() throws SQLException {
        DataSource dataSource = databases.withSchema();
        JdbcStore store = JdbcStore.builder(dataSource).build();
        MemberId member = MemberId.of("m-1");
        Instant start = Instant.parse("2026-01-12T10:00:00Z");
        TestClock clock = new TestClock(start);
        LoyaltyEngine engine = LoyaltyEngine.builder().clock(clock).store(store)
                .program(ProgramSettings.builder().currency("GBP").expiry(ExpiryPolicy.rollingMonths(1)).build())
                .ruleEngine(JavaRules.of("base-only", ctx -> ctx.event() instanceof Purchase
                        ? List.of(new Decision.BaseRate("BASE", "1 point per pound", Decision.WHOLE_EVENT, BigDecimal.ONE)) : List.of()))
                .build();
        engine.process(Enrolment.of(EventId.of("enrol"), member, start));
        engine.process(Purchase.builder(EventId.of("p-1"), member, clock.instant()).line("SKU", "gifts", 1, Money.of("100", "GBP")).build());
        engine.process(new Redemption(EventId.of("r-1"), member, clock.instant(), "REWARD", 30, null));
        clock.advance(Duration.ofDays(40));   // p-1's other 70 points expire with the next event
        engine.process(Purchase.builder(EventId.of("p-2"), member, clock.instant()).line("SKU", "gifts", 1, Money.of("100", "GBP")).build());
        engine.process(Purchase.builder(EventId.of("p-3"), member, clock.instant()).line("SKU", "gifts", 1, Money.of("50", "GBP")).build());
        engine.process(new Return(EventId.of("ret-1"), member, clock.instant(), EventId.of("p-3"), Money.of("20", "GBP")));
        engine.process(new Redemption(EventId.of("r-2"), member, clock.instant(), "REWARD", 110, null));
        List<Lot> kept = store.lots(member);
        assertThat(kept).extracting(Lot::spent).containsExactly(30L, 100L, 10L);

        String fill = JdbcSchema.statements(JdbcSchema.read(JdbcSchema.H2_LOCATION + "/V10__lot_spent.sql")).stream()
                .filter(sql -> sql.startsWith("UPDATE")).findFirst().orElseThrow();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE loyalty_lot SET spent = 0");
            statement.executeUpdate(fill);
        }

        assertThat(store.lots(member)).isEqualTo(kept);
    }

    @Test
    void shouldKeepTheH2StatementsThoseOfPostgresWithoutCollationsWhenScriptsChange() {
        for (String script : JdbcSchema.SCRIPTS) {
            List<String> postgres = JdbcSchema.statements(JdbcSchema.read(JdbcSchema.POSTGRESQL_LOCATION + "/" + script));
            List<String> h2 = JdbcSchema.statements(JdbcSchema.read(JdbcSchema.H2_LOCATION + "/" + script));

            assertThat(h2).as(script).isEqualTo(postgres.stream().map(sql -> sql.replace(" COLLATE \"C\"", "")).toList());
            assertThat(h2).as(script).noneMatch(sql -> sql.contains("COLLATE"));
        }
    }

    @Test
    void shouldListEveryScriptInVersionOrderWhenScriptsAreAdded() throws IOException, URISyntaxException {
        assertThat(JdbcSchema.SCRIPTS.get(0)).startsWith("V1__");
        for (int i = 0; i < JdbcSchema.SCRIPTS.size(); i++) {
            assertThat(JdbcSchema.SCRIPTS.get(i)).matches("V[1-9][0-9]*__[a-z0-9_]+\\.sql");
            if (i > 0) {
                assertThat(JdbcSchema.versionOf(JdbcSchema.SCRIPTS.get(i))).isGreaterThan(JdbcSchema.versionOf(JdbcSchema.SCRIPTS.get(i - 1)));
            }
        }
        for (String location : List.of(JdbcSchema.POSTGRESQL_LOCATION, JdbcSchema.H2_LOCATION)) {
            Path directory = Path.of(getClass().getClassLoader().getResource(location).toURI());
            try (Stream<Path> files = Files.list(directory)) {
                assertThat(files.map(f -> f.getFileName().toString()).sorted(Comparator.comparingInt(JdbcSchema::versionOf))).as(location).containsExactlyElementsOf(JdbcSchema.SCRIPTS);
            }
        }
    }

    @Test
    void shouldRefuseADatabaseThatHasNoScripts() {
        assertThatThrownBy(() -> JdbcSchema.location("MySQL")).isInstanceOf(LoyaltyConfigurationException.class)
                .hasMessageContaining("'MySQL'");
        assertThat(JdbcSchema.location("PostgreSQL")).isEqualTo(JdbcSchema.POSTGRESQL_LOCATION);
        assertThat(JdbcSchema.location("H2")).isEqualTo(JdbcSchema.H2_LOCATION);
    }

    @Test
    void shouldSplitStatementsAtSemicolonsEndingALineAndDropCommentLines() {
        List<String> statements = JdbcSchema.statements("-- a comment; with a semicolon\nCREATE TABLE a (\n    x INT -- inline\n);\n\n"
                + "CREATE INDEX a_ix ON a (x);\n");

        assertThat(statements).containsExactly("CREATE TABLE a (\n    x INT -- inline\n)", "CREATE INDEX a_ix ON a (x)");
        assertThatThrownBy(() -> JdbcSchema.statements("CREATE TABLE a (x INT)")).isInstanceOf(IllegalStateException.class);
    }
}
