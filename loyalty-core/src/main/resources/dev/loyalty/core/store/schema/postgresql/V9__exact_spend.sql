-- Loyalty store schema, version 9, for PostgreSQL: qualifying spend kept exactly.
--
-- Amounts have up to 12 decimal places (Money.MAX_FRACTION_DIGITS) but loyalty_tier_qualifying.spend
-- kept 8, so a purchase of 499.999999999996 was stored as 500.00000000 and a later purchase could
-- promote a member whose exact spend was still below the threshold. The column now keeps 12
-- decimal places, with the same 30 digits before the point as before.

ALTER TABLE loyalty_tier_qualifying ALTER COLUMN spend SET DATA TYPE NUMERIC(42, 12);
