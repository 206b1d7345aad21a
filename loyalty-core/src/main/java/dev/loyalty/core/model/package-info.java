/**
 * The domain's values: members and their ids, money (a {@code BigDecimal} in a currency) and points
 * (a {@code long} with overflow checks), the append-only ledger's entries, lots, holds, offers,
 * tiers and campaign budgets. Every balance can be derived again from the ledger's entries.
 */
package dev.loyalty.core.model;
