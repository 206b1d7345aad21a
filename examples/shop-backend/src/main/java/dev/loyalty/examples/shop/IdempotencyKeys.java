package dev.loyalty.examples.shop;

import dev.loyalty.core.model.EventId;
import dev.loyalty.core.spi.LoyaltyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
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
 *
 * <p>A key is kept for its retention window ({@code loyalty.idempotency-key-retention}, 7 days by
 * default), counted from when it was first seen on the shop's clock. A key claimed at or after
 * the end of its window is treated as new: the claim records the attempt's own time. Each claim
 * that records a key removes the keys whose window has ended, so the table holds about one
 * window's keys. A retry without {@code occurredAt} that comes after the window of a key whose
 * first attempt recorded an event is therefore dated anew, which makes another payload under
 * the event id: the engine refuses it as a conflict rather than replaying the first outcome.
 * Keys recorded before the retention existed count their window from the shop's first start
 * with it.
 */
@Component
class IdempotencyKeys {

    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyKeys.class);
    /** How often a claim records the key again when it was forgotten between reading and claiming it. */
    private static final int CLAIM_TRIES = 3;

    private final JdbcTemplate jdbc;
    private final LoyaltyStore store;
    private final Duration retention;

    /**
     * Creates the table when missing; keys are kept for the configured retention.
     *
     * @param jdbc the shop's database
     * @param store the loyalty store, to tell whether an event was recorded under a key
     * @param properties the shop's settings, for {@code loyalty.idempotency-key-retention}
     * @param clock the shop's clock, which dates keys recorded before the retention existed
     */
    @Autowired
    IdempotencyKeys(JdbcTemplate jdbc, LoyaltyStore store, LoyaltyProperties properties, Clock clock) {
        this(jdbc, store, properties.idempotencyKeyRetention(), clock.instant());
    }

    /**
     * Creates the table when missing; keys are kept for the retention.
     *
     * @param jdbc the shop's database
     * @param store the loyalty store, to tell whether an event was recorded under a key
     * @param retention how long a key is kept after it was first seen; positive
     * @param now the current instant, which dates keys recorded before the retention existed
     * @throws IllegalArgumentException when the retention is not positive
     */
    IdempotencyKeys(JdbcTemplate jdbc, LoyaltyStore store, Duration retention, Instant now) {
        if (retention == null || retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("loyalty.idempotency-key-retention must be a positive duration, such as 7d; was " + retention);
        }
        this.jdbc = jdbc;
        this.store = store;
        this.retention = retention;
        jdbc.execute("CREATE TABLE IF NOT EXISTS shop_idempotency_key (idempotency_key VARCHAR(255) PRIMARY KEY,"
                + " first_seen_at VARCHAR(40) NOT NULL, claims INTEGER DEFAULT 0 NOT NULL, first_seen_millis BIGINT)");
        // a table made before claims were counted, or before keys were kept for a retention window
        jdbc.execute("ALTER TABLE shop_idempotency_key ADD COLUMN IF NOT EXISTS claims INTEGER DEFAULT 0 NOT NULL");
        jdbc.execute("ALTER TABLE shop_idempotency_key ADD COLUMN IF NOT EXISTS first_seen_millis BIGINT");
        jdbc.update("UPDATE shop_idempotency_key SET first_seen_millis = ? WHERE first_seen_millis IS NULL", now.toEpochMilli());
        jdbc.execute("CREATE INDEX IF NOT EXISTS shop_idempotency_key_first_seen ON shop_idempotency_key (first_seen_millis)");
    }

    /**
     * Claims the key's first-seen time for an attempt, recording {@code now} when the key is new
     * (or was forgotten, or its retention window has ended); recording a key removes the keys
     * whose window has ended.
     *
     * @param key the key, which is the event id
     * @param now the current instant
     * @return the claim, holding the first instant recorded for the key
     */
    Claim claim(EventId key, Instant now) {
        long ended = now.minus(retention).toEpochMilli();
        for (int attempt = 1; ; attempt++) {
            try {
                jdbc.update("INSERT INTO shop_idempotency_key (idempotency_key, first_seen_at, claims, first_seen_millis) VALUES (?, ?, 1, ?)",
                        key.value(), now.toString(), now.toEpochMilli());
                forgetEnded(ended);
                return new Claim(key, now);
            } catch (DuplicateKeyException e) {
                if (jdbc.update("UPDATE shop_idempotency_key SET first_seen_at = ?, first_seen_millis = ?, claims = 1"
                        + " WHERE idempotency_key = ? AND first_seen_millis <= ?", now.toString(), now.toEpochMilli(), key.value(), ended) == 1) {
                    return new Claim(key, now);
                }
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

    /** Removes the keys whose retention window ended at or before the instant; a failure is logged and keeps them. */
    private void forgetEnded(long endedMillis) {
        try {
            jdbc.update("DELETE FROM shop_idempotency_key WHERE first_seen_millis <= ?", endedMillis);
        } catch (RuntimeException e) {
            LOG.warn("idempotency keys first seen at or before {} are kept: removing them failed", Instant.ofEpochMilli(endedMillis), e);
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
