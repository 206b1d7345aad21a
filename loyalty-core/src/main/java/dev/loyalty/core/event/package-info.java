/**
 * The events a point of sale or shop hands the engine: enrolments, purchases and returns,
 * redemptions, holds and their capture or release, offer redemptions and profile changes. Each is
 * a record checked when it is made; its event id is its idempotency key.
 */
package dev.loyalty.core.event;
