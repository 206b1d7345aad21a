/**
 * What the engine is built from and hands work to: a {@link dev.loyalty.core.spi.RuleEngine}
 * (the Drools rule base of {@code loyalty-rules}, or any other) that decides an event's points and
 * offers, and a {@link dev.loyalty.core.spi.LoyaltyStore} (in memory, or a database through JDBC)
 * that applies a member's changes atomically. Implement these to plug in your own.
 */
package dev.loyalty.core.spi;
