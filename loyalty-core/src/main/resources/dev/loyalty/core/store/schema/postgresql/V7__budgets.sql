-- Loyalty store schema, version 7, for PostgreSQL: campaign budgets and member limits.
--
-- loyalty_campaign_budget: one row per campaign with a total points budget, created by the first
-- draw; every draw locks the row and adds to spent only while spent stays within total, so a
-- budget is never overspent whatever runs concurrently. total is the budget the rules declared
-- at the last draw.
-- loyalty_member_campaign: the points each member has earned from each counted campaign (one with
-- a budget or a per-member limit), kept so that a member limit needs no scan of the ledger.

CREATE TABLE loyalty_campaign_budget (
    campaign          VARCHAR(255) NOT NULL,
    total             BIGINT NOT NULL,
    spent             BIGINT NOT NULL,
    CONSTRAINT loyalty_campaign_budget_pk PRIMARY KEY (campaign),
    CONSTRAINT loyalty_campaign_budget_ck CHECK (total >= 0 AND spent >= 0)
);

CREATE TABLE loyalty_member_campaign (
    member_id         VARCHAR(128) COLLATE "C" NOT NULL,
    campaign          VARCHAR(255) NOT NULL,
    points            BIGINT NOT NULL,
    CONSTRAINT loyalty_member_campaign_pk PRIMARY KEY (member_id, campaign),
    CONSTRAINT loyalty_member_campaign_member_fk FOREIGN KEY (member_id) REFERENCES loyalty_member (member_id),
    CONSTRAINT loyalty_member_campaign_points_ck CHECK (points >= 0)
);
