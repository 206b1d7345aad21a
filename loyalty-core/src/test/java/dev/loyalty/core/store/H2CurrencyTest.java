package dev.loyalty.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.core.CurrencyMismatchException;
import dev.loyalty.core.LoyaltyEngine;
import dev.loyalty.core.ProgramSettings;
import dev.loyalty.core.StoreException;
import dev.loyalty.core.event.Enrolment;
import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.Money;
import dev.loyalty.core.spi.LoyaltyStore;
import dev.loyalty.core.testing.CurrencyContract;
import dev.loyalty.core.testing.JavaRules;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs the currency contract against {@link JdbcStore} on an embedded H2 database in PostgreSQL
 * mode; a store opened again is a new {@link JdbcStore} over the same database. Also how a
 * database that holds money from before schema version 13, and so no currency, gets one.
 */
class H2CurrencyTest extends CurrencyContract {

    @RegisterExtension
    final H2Databases databases = new H2Databases();

    private final Map<LoyaltyStore, DataSource> sources = new IdentityHashMap<>();

    @Override
    protected LoyaltyStore newStore() {
        DataSource dataSource = databases.withSchema();
        LoyaltyStore store = JdbcStore.builder(dataSource).build();
        sources.put(store, dataSource);
        return store;
    }

    @Override
    protected LoyaltyStore reopen(LoyaltyStore store) {
        DataSource dataSource = sources.get(store);
        LoyaltyStore again = JdbcStore.builder(dataSource).build();
        sources.put(again, dataSource);
        return again;
    }

    private static LoyaltyEngine engineIn(String code, LoyaltyStore store) {
        return LoyaltyEngine.builder().program(ProgramSettings.builder().currency(code).build()).store(store)
                .ruleEngine(JavaRules.of("none", ctx -> List.of())).build();
    }

    @Test
    void shouldAdoptTheFirstEnginesCurrencyWhenADatabaseFromBeforeVersion13HoldsMoneyButNoCurrency() throws SQLException {
        DataSource dataSource = databases.withSchema();
        LoyaltyEngine pounds = engineIn("GBP", JdbcStore.builder(dataSource).build());
        Instant at = Instant.parse("2026-01-12T10:00:00Z");
        pounds.process(Enrolment.of(EventId.of("enrol"), MemberId.of("m-1"), at));
        pounds.process(Purchase.builder(EventId.of("p-1"), MemberId.of("m-1"), at).line("SKU", "gifts", 1, Money.of("12.34", "GBP")).build());
        // as version 13 leaves a database made before it: the money is there, its currency is not
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM loyalty_program_currency");
        }

        // trusted: the store cannot tell what its old amounts were in, so the first engine's currency is taken
        engineIn("EUR", JdbcStore.builder(dataSource).build());

        assertThat(currencyRow(dataSource)).isEqualTo("EUR");
        assertThatThrownBy(() -> engineIn("GBP", JdbcStore.builder(dataSource).build()))
                .isInstanceOf(CurrencyMismatchException.class)
                .hasMessage("program.currency is GBP but the store already records money in EUR");
    }

    @Test
    void shouldRecordTheCurrencyOfTheFirstEngineInTheDatabaseWhenTheEngineIsBuilt() throws SQLException {
        DataSource dataSource = databases.withSchema();

        engineIn("JPY", JdbcStore.builder(dataSource).build());

        assertThat(currencyRow(dataSource)).isEqualTo("JPY");
    }

    @Test
    void shouldRefuseWithAStoreExceptionNamingItADatabaseWhoseCurrencyRowHoldsNoCurrency() throws SQLException {
        DataSource dataSource = databases.withSchema();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO loyalty_program_currency (id, currency_code, claimed_at) VALUES (1, 'ZZZ', CURRENT_TIMESTAMP)");
        }

        assertThatThrownBy(() -> engineIn("GBP", JdbcStore.builder(dataSource).build()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("the store records money in 'ZZZ', which is no ISO 4217 currency");
        assertThat(currencyRow(dataSource)).isEqualTo("ZZZ");
    }

    @Test
    void shouldRefuseWithAStoreExceptionADatabaseWithoutTheCurrencyTableOfVersion13() throws SQLException {
        DataSource dataSource = databases.withSchema();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("DROP TABLE loyalty_program_currency");
        }

        assertThatThrownBy(() -> engineIn("GBP", JdbcStore.builder(dataSource).build()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("claim the store's currency GBP").hasMessageContaining("the loyalty schema is missing: apply it with JdbcSchema.apply(dataSource)");
    }

    private static String currencyRow(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT currency_code FROM loyalty_program_currency")) {
            assertThat(rs.next()).isTrue();
            String code = rs.getString(1);
            assertThat(rs.next()).isFalse();
            return code;
        }
    }
}
