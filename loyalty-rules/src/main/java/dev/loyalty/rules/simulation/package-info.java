/**
 * What-if simulation: replaying historical events against a candidate campaign set next to the
 * current one, each in its own throw-away in-memory store, and reporting the difference.
 */
package dev.loyalty.rules.simulation;
