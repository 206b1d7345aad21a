-- Loyalty store schema, version 10, for PostgreSQL: lots count their spent points.
--
-- A return of a purchase charges the member's other points (or debt) only for the points of the
-- purchase's lot that were spent (redeemed, used to repay debt, taken for another claw-back),
-- never for points that expired from it. Lots now count what was spent. Existing lots are
-- filled in from the ledger: what left the lot other than by expiry or by its own returns. When
-- a lot still has points left that is exact; when it is empty, points its returns took from
-- other points count as not spent, so that its expired points are never charged again.

ALTER TABLE loyalty_lot ADD COLUMN spent BIGINT DEFAULT 0 NOT NULL;
UPDATE loyalty_lot SET spent = GREATEST(0, points - remaining - clawed_back - COALESCE((SELECT -SUM(e.points) FROM loyalty_entry e
        WHERE e.member_id = loyalty_lot.member_id AND e.lot_id = loyalty_lot.lot_id AND e.entry_type = 'EXPIRE'), 0))
    WHERE lot_id <> '~debt' AND remaining < points;
ALTER TABLE loyalty_lot ADD CONSTRAINT loyalty_lot_spent_ck CHECK (spent >= 0 AND spent <= points);
