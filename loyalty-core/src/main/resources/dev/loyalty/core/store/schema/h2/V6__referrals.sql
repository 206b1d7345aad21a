-- Loyalty store schema, version 6, for H2 in PostgreSQL mode: referrals.
--
-- Referral codes (one per member, unique), members' identity fingerprints (opaque hashes the
-- host supplies: email, phone, payment token, address) and one referral row per referee. A
-- referral row is written under the lock of the referee (sign-up, qualification) or of the
-- referrer (reward, cap, star), in the same transaction as that member's ledger entries.

CREATE TABLE loyalty_referral_code (
    code              VARCHAR(128) NOT NULL,
    member_id         VARCHAR(128) NOT NULL,
    CONSTRAINT loyalty_referral_code_pk PRIMARY KEY (code),
    CONSTRAINT loyalty_referral_code_member_uk UNIQUE (member_id),
    CONSTRAINT loyalty_referral_code_member_fk FOREIGN KEY (member_id) REFERENCES loyalty_member (member_id)
);

CREATE TABLE loyalty_member_identity (
    fingerprint       VARCHAR(256) NOT NULL,
    member_id         VARCHAR(128) NOT NULL,
    CONSTRAINT loyalty_member_identity_pk PRIMARY KEY (fingerprint, member_id),
    CONSTRAINT loyalty_member_identity_member_fk FOREIGN KEY (member_id) REFERENCES loyalty_member (member_id)
);

CREATE INDEX loyalty_member_identity_member_ix ON loyalty_member_identity (member_id);

CREATE TABLE loyalty_referral (
    referee_id        VARCHAR(128) NOT NULL,
    referrer_id       VARCHAR(128) NOT NULL,
    code              VARCHAR(128) NOT NULL,
    signed_up_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    signed_up_at_ns   INTEGER NOT NULL,
    status            VARCHAR(32) NOT NULL,
    rejection         VARCHAR(32),
    qualifying_event  VARCHAR(128),
    qualified_at      TIMESTAMP WITH TIME ZONE,
    qualified_at_ns   INTEGER,
    settled_at        TIMESTAMP WITH TIME ZONE,
    settled_at_ns     INTEGER,
    star_quarter      VARCHAR(16),
    CONSTRAINT loyalty_referral_pk PRIMARY KEY (referee_id),
    CONSTRAINT loyalty_referral_referee_fk FOREIGN KEY (referee_id) REFERENCES loyalty_member (member_id),
    CONSTRAINT loyalty_referral_referrer_fk FOREIGN KEY (referrer_id) REFERENCES loyalty_member (member_id)
);

CREATE INDEX loyalty_referral_referrer_ix ON loyalty_referral (referrer_id);
