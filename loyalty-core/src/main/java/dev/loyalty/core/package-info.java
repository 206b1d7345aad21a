/**
 * The loyalty engine behind a small facade: {@link dev.loyalty.core.LoyaltyEngine} processes a
 * member's events (one at a time or in batches), runs the daily sweep, answers balances,
 * statements and tiers, and explains every outcome; {@link dev.loyalty.core.ProgramSettings} and
 * its policies configure the program; every error is a {@link dev.loyalty.core.LoyaltyException}
 * that names the problem, with nothing stored.
 */
package dev.loyalty.core;
