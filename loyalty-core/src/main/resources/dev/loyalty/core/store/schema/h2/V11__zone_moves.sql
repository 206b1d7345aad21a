-- Loyalty store schema, version 11, for H2 in PostgreSQL mode: zone changes that moved a member's date.
--
-- A member's zone change that moves their local date forward (east across midnight) can make
-- the daily sweep skip a local date. The offer bookkeeping keeps the member's local date in the
-- zone left and in the zone taken at the last such change, so that under the DAY birthday window
-- the sweep of the day after still issues a birthday that fell on a date the change skipped.

ALTER TABLE loyalty_member ADD COLUMN zone_moved_from DATE;
ALTER TABLE loyalty_member ADD COLUMN zone_moved_to DATE;
