-- Loyalty store schema, version 8, for H2 in PostgreSQL mode: indexes that find a member's next due instant.
--
-- Every event of a member reads the earliest instant at which one of the member's lots or holds
-- falls due (a pending lot's release, an unspent lot's expiry, an active hold's lapse). Without
-- these indexes that read visits every lot and hold the member ever had, spent and expired ones
-- included, so it slows down as the member's history grows; with them it visits the pending
-- lots, the unspent lots and the active holds only.

CREATE INDEX loyalty_lot_pending_ix ON loyalty_lot (member_id, pending_until, pending_until_ns);
CREATE INDEX loyalty_lot_unspent_ix ON loyalty_lot (member_id, remaining, expires_at, expires_at_ns);
CREATE INDEX loyalty_hold_status_ix ON loyalty_hold (member_id, status, expires_at, expires_at_ns);
