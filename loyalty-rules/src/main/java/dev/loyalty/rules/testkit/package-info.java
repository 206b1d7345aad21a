/**
 * A small test kit for campaign authors: given a member, when an event happens, then these
 * points are awarded, run against the author's own DRL files through the whole engine (stacking
 * formula, caps, ledger). Failures are plain {@link java.lang.AssertionError}s, so any test
 * framework reports them; their message shows the event's explanation.
 *
 * <pre>{@code
 * class SpringCampaignTest {
 *     static final CampaignScenarios SCENARIOS = CampaignScenarios.of(
 *             DroolsRuleEngine.builder().defaultCampaigns().directory(Path.of("src/main/resources/campaigns")));
 *
 *     @Test
 *     void gardenItemsEarnTheSpringBonusInApril() {
 *         SCENARIOS.given(member("m-1").tier("gold"))
 *                 .when(purchase("2026-04-07T11:00").line("G-1", "garden", 1, "10.00"))
 *                 .thenAwardedBy("SPRING-01", 20)
 *                 .thenAwarded(65);
 *     }
 * }
 * }</pre>
 */
package dev.loyalty.rules.testkit;
