/**
 * The facts a campaign's DRL matches and the globals it writes to: the member, the purchase and its
 * lines, today, the program and its tier ladder, occasions for offers (a birthday due, a dormant
 * member, a qualified referral), and {@code earn} and {@code offers} for the decisions.
 */
package dev.loyalty.rules.vocabulary;
