package dev.loyalty.examples.shop;

import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Remembers when each {@code Idempotency-Key} was first seen, in the shop's own table next to
 * the loyalty tables. A request without {@code occurredAt} is dated then, so a retry builds the
 * very same event as the first attempt and the engine answers it with the first outcome; a
 * retry with another body makes another payload under the same event id, which the engine
 * refuses as a conflict.
 */
@Component
class IdempotencyKeys {

    private final JdbcTemplate jdbc;

    IdempotencyKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        jdbc.execute("CREATE TABLE IF NOT EXISTS shop_idempotency_key ("
                + "idempotency_key VARCHAR(255) PRIMARY KEY, first_seen_at VARCHAR(40) NOT NULL)");
    }

    /**
     * Returns when the key was first seen, recording {@code now} when this is the first time.
     *
     * @param key the key
     * @param now the current instant
     * @return the first instant recorded for the key
     */
    Instant firstSeen(String key, Instant now) {
        try {
            jdbc.update("INSERT INTO shop_idempotency_key (idempotency_key, first_seen_at) VALUES (?, ?)", key, now.toString());
            return now;
        } catch (DuplicateKeyException e) {
            String seen = jdbc.queryForObject("SELECT first_seen_at FROM shop_idempotency_key WHERE idempotency_key = ?", String.class, key);
            return Instant.parse(seen);
        }
    }
}
