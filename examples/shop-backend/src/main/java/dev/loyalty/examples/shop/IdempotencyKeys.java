package dev.loyalty.examples.shop;

import dev.loyalty.core.model.EventId;
import dev.loyalty.core.spi.LoyaltyStore;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Remembers when each {@code Idempotency-Key} was first seen, in the shop's own table next to
 * the loyalty tables. A request without {@code occurredAt} is dated then, so a retry builds the
 * very same event as the first attempt and the engine answers it with the first outcome; a
 * retry with another body makes another payload under the same event id, which the engine
 * refuses as a conflict.
 *
 * <p>A refused attempt does not reserve the time. Every attempt dated by a key claims its time:
 * the first records it, a retry (or a request racing the first) reads it and adds its claim. An
 * attempt that answered with an outcome keeps its claim for good, and so does one that failed
 * after the engine recorded an event under the key. Any other attempt that fails gives its claim
 * up; when it was refused (a 4xx, such as invalid input or an unknown member) and no claim is
 * left, the time is forgotten, so the corrected retry is dated at its own arrival. After a store
 * failure (503) the time is kept, so the retry the problem asks for builds the same event; and
 * it is never forgotten while another attempt dated by it is still running.
 */
@Component
class IdempotencyKeys {

    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyKeys.class);
    /** How often a claim records the key again when it was forgotten between reading and claiming it. */
    private static final int CLAIM_TRIES = 3;

    private final JdbcTemplate jdbc;
    private final LoyaltyStore store;

    IdempotencyKeys(JdbcTemplate jdbc, LoyaltyStore store) {
        this.jdbc = jdbc;
        this.store = store;
        jdbc.execute("CREATE TABLE IF NOT EXISTS shop_idempotency_key (idempotency_key VARCHAR(255) PRIMARY KEY,"
                + " first_seen_at VARCHAR(40) NOT NULL, claims INTEGER DEFAULT 0 NOT NULL)");
        // a table made before claims were counted
        jdbc.execute("ALTER TABLE shop_idempotency_key ADD COLUMN IF NOT EXISTS claims INTEGER DEFAULT 0 NOT NULL");
    }

    /**
     * Claims the key's first-seen time for an attempt, recording {@code now} when the key is new
     * (or was forgotten).
     *
     * @param key the key, which is the event id
     * @param now the current instant
     * @return the claim, holding the first instant recorded for the key
     */
    Claim claim(EventId key, Instant now) {
        for (int attempt = 1; ; attempt++) {
            try {
                jdbc.update("INSERT INTO shop_idempotency_key (idempotency_key, first_seen_at, claims) VALUES (?, ?, 1)",
                        key.value(), now.toString());
                return new Claim(key, now);
            } catch (DuplicateKeyException e) {
                if (jdbc.update("UPDATE shop_idempotency_key SET claims = claims + 1 WHERE idempotency_key = ?", key.value()) == 1) {
                    String seen = jdbc.queryForObject("SELECT first_seen_at FROM shop_idempotency_key WHERE idempotency_key = ?",
                            String.class, key.value());
                    return new Claim(key, Instant.parse(seen));
                }
                if (attempt == CLAIM_TRIES) {
                    throw new IllegalStateException("idempotency key " + key + " was forgotten " + attempt + " times while claimed", e);
                }
            }
        }
    }

    /**
     * Gives up the claim of an attempt that failed, unless the engine recorded an event under
     * the key; forgets the key's time when the attempt was refused and no claim is left. A
     * failure to do so is logged and keeps the time, as it was before this attempt failed.
     *
     * @param claim the attempt's claim
     * @param refused whether the attempt was refused (answered with a 4xx), rather than failed
     */
    void giveUp(Claim claim, boolean refused) {
        try {
            if (store.findEvent(claim.key()).isPresent()) {
                return;
            }
            jdbc.update("UPDATE shop_idempotency_key SET claims = claims - 1 WHERE idempotency_key = ? AND first_seen_at = ?",
                    claim.key().value(), claim.firstSeen().toString());
            if (refused) {
                jdbc.update("DELETE FROM shop_idempotency_key WHERE idempotency_key = ? AND first_seen_at = ? AND claims = 0",
                        claim.key().value(), claim.firstSeen().toString());
            }
        } catch (RuntimeException e) {
            LOG.warn("idempotency key {} keeps its time {}: giving up the failed attempt's claim failed", claim.key(), claim.firstSeen(), e);
        }
    }

    /**
     * An attempt's claim on a key's first-seen time.
     *
     * @param key the key, which is the event id
     * @param firstSeen when the key was first seen: the time the attempt's event is dated
     */
    record Claim(EventId key, Instant firstSeen) {
    }
}
