/**
 * A small test kit for campaign authors: given a member, when an event happens, then these
 * points are awarded, run against the author's own DRL files through the whole engine (stacking
 * formula, caps, ledger). Failures are plain {@link java.lang.AssertionError}s, so any test
 * framework reports them; their message shows the event's explanation. With the module guide's
 * {@code SPRING-01} (double points on garden items in April), a gold member's 10.00 garden item
 * earns 10 base points, 10 from {@code SPRING-01}, 20 from the default {@code CAT-01} and 20 from
 * the gold multiplier:
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
 *                 .thenAwardedBy("SPRING-01", 10)
 *                 .thenAwarded(60);
 *     }
 * }
 * }</pre>
 */
package dev.loyalty.rules.testkit;
