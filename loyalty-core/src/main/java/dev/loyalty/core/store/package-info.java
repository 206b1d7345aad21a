/**
 * The stores that come with the engine: {@link dev.loyalty.core.store.InMemoryStore}, the
 * embedded default, and {@link dev.loyalty.core.store.JdbcStore} over PostgreSQL or H2, with its
 * schema scripts. Both pass the same contract tests.
 */
package dev.loyalty.core.store;
