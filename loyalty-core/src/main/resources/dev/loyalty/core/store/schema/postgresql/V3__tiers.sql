-- Loyalty store schema, version 3, for PostgreSQL: tiers.
--
-- One tier state row per member (the tier earned by qualifying, the next review point not yet
-- processed, a grace period, a manual override); qualifying amounts appended per event and
-- local day, summed over a window by an index range; the append-only tier history.

CREATE TABLE loyalty_tier_state (
    member_id         VARCHAR(128) COLLATE "C" NOT NULL,
    earned_tier       VARCHAR(128) NOT NULL,
    next_review       DATE NOT NULL,
    grace_until       DATE,
    grace_target      VARCHAR(128),
    override_tier     VARCHAR(128),
    override_until    DATE,
    history_size      BIGINT NOT NULL,
    CONSTRAINT loyalty_tier_state_pk PRIMARY KEY (member_id),
    CONSTRAINT loyalty_tier_state_member_fk FOREIGN KEY (member_id) REFERENCES loyalty_member (member_id),
    CONSTRAINT loyalty_tier_state_grace_ck CHECK ((grace_until IS NULL AND grace_target IS NULL) OR (grace_until IS NOT NULL AND grace_target IS NOT NULL)),
    CONSTRAINT loyalty_tier_state_override_ck CHECK ((override_until IS NULL AND override_tier IS NULL) OR (override_until IS NOT NULL AND override_tier IS NOT NULL)),
    CONSTRAINT loyalty_tier_state_history_ck CHECK (history_size >= 0)
);

-- Returns append negative amounts; a window's totals are the sum of its days' rows.
CREATE TABLE loyalty_tier_qualifying (
    member_id         VARCHAR(128) COLLATE "C" NOT NULL,
    qualifying_day    DATE NOT NULL,
    spend             NUMERIC(38, 8) NOT NULL,
    points            BIGINT NOT NULL,
    purchases         BIGINT NOT NULL,
    CONSTRAINT loyalty_tier_qualifying_member_fk FOREIGN KEY (member_id) REFERENCES loyalty_member (member_id)
);
CREATE INDEX loyalty_tier_qualifying_ix ON loyalty_tier_qualifying (member_id, qualifying_day);

CREATE TABLE loyalty_tier_change (
    member_id         VARCHAR(128) COLLATE "C" NOT NULL,
    sequence_no       BIGINT NOT NULL,
    change_kind       VARCHAR(32) NOT NULL,
    from_tier         VARCHAR(128) NOT NULL,
    to_tier           VARCHAR(128) NOT NULL,
    change_date       DATE NOT NULL,
    changed_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_at_ns     INTEGER NOT NULL,
    event_id          VARCHAR(128) COLLATE "C",
    reason            VARCHAR(4000) NOT NULL,
    CONSTRAINT loyalty_tier_change_pk PRIMARY KEY (member_id, sequence_no),
    CONSTRAINT loyalty_tier_change_member_fk FOREIGN KEY (member_id) REFERENCES loyalty_member (member_id),
    CONSTRAINT loyalty_tier_change_sequence_ck CHECK (sequence_no >= 1)
);
