package dev.loyalty.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.core.LoyaltyConfigurationException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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

        assertThat(first).isEqualTo(second).isEqualTo(JdbcSchema.latestVersion()).isEqualTo(9);
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
            assertThat(rs.next()).isFalse();
        }
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
                assertThat(files.map(f -> f.getFileName().toString()).sorted()).as(location).containsExactlyElementsOf(JdbcSchema.SCRIPTS);
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
