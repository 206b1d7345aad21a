-- Loyalty store schema, version 5, for PostgreSQL: member segments.
--
-- One row per member: the RFM scores and segment the last segmentation run stored, read by the
-- event path so campaigns can target segments. A run replaces the row; scores run from 0 (no
-- purchase in the run's window) to 9.

CREATE TABLE loyalty_member_segment (
    member_id         VARCHAR(128) COLLATE "C" NOT NULL,
    segment           VARCHAR(64) NOT NULL,
    recency_score     INTEGER NOT NULL,
    frequency_score   INTEGER NOT NULL,
    monetary_score    INTEGER NOT NULL,
    scored_on         DATE NOT NULL,
    CONSTRAINT loyalty_member_segment_pk PRIMARY KEY (member_id),
    CONSTRAINT loyalty_member_segment_member_fk FOREIGN KEY (member_id) REFERENCES loyalty_member (member_id),
    CONSTRAINT loyalty_member_segment_scores_ck CHECK (recency_score BETWEEN 0 AND 9 AND frequency_score BETWEEN 0 AND 9
        AND monetary_score BETWEEN 0 AND 9)
);
