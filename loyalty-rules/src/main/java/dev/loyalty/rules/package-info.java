/**
 * The Drools rule base: {@link dev.loyalty.rules.DroolsRuleEngine} compiles campaigns written in
 * DRL against the {@code vocabulary} facts into a {@link dev.loyalty.core.spi.RuleEngine} for the
 * core engine, as one versioned {@link dev.loyalty.rules.CampaignSet};
 * {@link dev.loyalty.rules.CampaignValidator} checks campaign files from Java or the command line.
 * A problem in a campaign names its file and line. No Drools type appears in this module's public
 * signatures.
 */
package dev.loyalty.rules;
