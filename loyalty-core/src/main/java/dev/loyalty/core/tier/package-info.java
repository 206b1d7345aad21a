/**
 * Tiers: the qualifying metric and window, promotion and demotion at reviews, grace periods and
 * overrides ({@link dev.loyalty.core.tier.TierPolicy}), and what a member gets and how far the next
 * tier is ({@link dev.loyalty.core.tier.MemberTier}).
 */
package dev.loyalty.core.tier;
