-- Loyalty store schema, version 13, for H2 in PostgreSQL mode: the currency the store records money in.
--
-- Lots, returns and redemption values keep amounts without their currency, so an engine of one
-- currency could open a store whose amounts were recorded in another and set returns against
-- them, or sum them into RFM scores. The store now keeps its currency in one row, written by the
-- first engine built on it (JdbcStore.bindCurrency); an engine of another currency is refused.
-- The primary key and the check keep it one row: of two engines claiming a new store at once,
-- the second insert fails and reads the first one's currency. A database made before this
-- version has no row: the first engine built on it after the upgrade records its currency,
-- trusted to be the one the old amounts are in.

CREATE TABLE loyalty_program_currency (
    id                INTEGER NOT NULL,
    currency_code     VARCHAR(3) NOT NULL,
    claimed_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT loyalty_program_currency_pk PRIMARY KEY (id),
    CONSTRAINT loyalty_program_currency_one_row CHECK (id = 1)
);
