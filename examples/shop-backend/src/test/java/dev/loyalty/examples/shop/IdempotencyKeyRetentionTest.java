package dev.loyalty.examples.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loyalty.core.model.EventId;
import dev.loyalty.core.store.InMemoryStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Idempotency keys are kept for their retention window, counted on the clock's instants the
 * shop passes in: within it a key dates its retries at its first attempt; past it the key is
 * treated as new and its row is removed, so the table holds about one window of keys.
 */
class IdempotencyKeyRetentionTest {

    private static final Duration RETENTION = Duration.ofDays(7);
    private static final Instant FIRST = Instant.parse("2026-03-02T10:00:00.250Z");

    private JdbcTemplate jdbc;
    private IdempotencyKeys keys;

    @BeforeEach
    void database() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:keys-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
        jdbc = new JdbcTemplate(dataSource);
        keys = new IdempotencyKeys(jdbc, new InMemoryStore(), RETENTION, FIRST);
    }

    @Test
    void shouldDateARetryAtTheFirstAttemptUntilTheRetentionEnds() {
        keys.claim(EventId.of("order-1"), FIRST);

        IdempotencyKeys.Claim retry = keys.claim(EventId.of("order-1"), FIRST.plus(RETENTION).minusMillis(1));

        assertThat(retry.firstSeen()).isEqualTo(FIRST);
    }

    @Test
    void shouldTreatAKeyAsNewOnceItsRetentionHasEnded() {
        keys.claim(EventId.of("order-1"), FIRST);
        Instant later = FIRST.plus(RETENTION);

        IdempotencyKeys.Claim reused = keys.claim(EventId.of("order-1"), later);

        assertThat(reused.firstSeen()).isEqualTo(later);
        assertThat(keys.claim(EventId.of("order-1"), later.plusSeconds(1)).firstSeen()).as("the key's new first attempt").isEqualTo(later);
    }

    @Test
    void shouldRemoveTheKeysPastTheirRetentionWhenALaterKeyIsClaimed() {
        for (int i = 0; i < 100; i++) {
            keys.claim(EventId.of("order-" + i), FIRST.plusSeconds(i));
        }
        keys.claim(EventId.of("order-recent"), FIRST.plus(RETENTION).minusSeconds(1));

        keys.claim(EventId.of("order-next"), FIRST.plus(RETENTION).plusSeconds(50).plusMillis(1));

        assertThat(jdbc.queryForList("SELECT idempotency_key FROM shop_idempotency_key ORDER BY idempotency_key", String.class))
                .as("order-0 to order-50 reached the end of their retention by then")
                .containsExactlyElementsOf(expected());
    }

    /** The keys order-51 to order-99, then order-next and order-recent, in the table's order. */
    private static List<String> expected() {
        List<String> kept = new ArrayList<>();
        for (int i = 51; i < 100; i++) {
            kept.add("order-" + i);
        }
        kept.add("order-next");
        kept.add("order-recent");
        return kept;
    }

    @Test
    void shouldRefuseARetentionThatIsNotPositive() {
        assertThatThrownBy(() -> new IdempotencyKeys(jdbc, new InMemoryStore(), Duration.ZERO, FIRST))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("loyalty.idempotency-key-retention").hasMessageContaining("PT0S");
    }
}
