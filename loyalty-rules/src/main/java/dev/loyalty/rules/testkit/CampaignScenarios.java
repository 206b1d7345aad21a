package dev.loyalty.rules.testkit;

import dev.loyalty.core.ProgramSettings;
import dev.loyalty.rules.DroolsRuleEngine;
import java.time.Clock;
import java.util.Objects;

/**
 * Runs given-member / when-event / then-awarded scenarios against a campaign set. Build it
 * once per test class (compiling DRL is the slow part) and start each scenario with
 * {@link #given(GivenMember)}; every scenario runs in its own fresh in-memory engine, so
 * scenarios are independent and may run in parallel. See the package description for an example.
 */
public final class CampaignScenarios implements AutoCloseable {

    private final DroolsRuleEngine rules;
    private final boolean owned;
    private final ProgramSettings program;
    private final Clock clock;

    private CampaignScenarios(DroolsRuleEngine rules, boolean owned, ProgramSettings program, Clock clock) {
        this.rules = rules;
        this.owned = owned;
        this.program = program;
        this.clock = clock;
    }

    /**
     * Builds the campaign set and uses it for every scenario, with a GBP program in
     * {@code Europe/London} (see {@link #withProgram(ProgramSettings)}).
     *
     * @param campaigns the campaign set's configuration
     * @return the scenarios
     * @throws dev.loyalty.core.RuleDefinitionException when the campaigns do not build, listing every problem
     */
    public static CampaignScenarios of(DroolsRuleEngine.Builder campaigns) {
        Objects.requireNonNull(campaigns, "campaigns");
        return new CampaignScenarios(campaigns.build(), true, defaultProgram(), Clock.systemUTC());
    }

    /**
     * Uses an engine built elsewhere; closing the scenarios leaves it open.
     *
     * @param rules the rule engine
     * @return the scenarios
     */
    public static CampaignScenarios of(DroolsRuleEngine rules) {
        Objects.requireNonNull(rules, "rules");
        return new CampaignScenarios(rules, false, defaultProgram(), Clock.systemUTC());
    }

    /**
     * Returns scenarios that run under other program settings (currency, zone, rounding, return window).
     *
     * @param settings the program
     * @return new scenarios over the same rules
     */
    public CampaignScenarios withProgram(ProgramSettings settings) {
        return new CampaignScenarios(rules, false, Objects.requireNonNull(settings, "settings"), clock);
    }

    /**
     * Returns scenarios that take "today" from a clock: {@link Scenario#whenEnrolled()} enrols a
     * member given no {@link GivenMember#enrolledOn(String) enrolment date} on the clock's date in
     * the member's zone. By default that is the system clock, so such a scenario depends on the
     * day it runs; fix the clock (or give the date) to make it repeatable. Scenarios with a
     * purchase take every date from the purchase and ignore the clock.
     *
     * @param clock the clock, such as {@code Clock.fixed(Instant.parse("2026-02-01T10:00:00Z"), ZoneOffset.UTC)}
     * @return new scenarios over the same rules and program
     */
    public CampaignScenarios withClock(Clock clock) {
        return new CampaignScenarios(rules, false, program, Objects.requireNonNull(clock, "clock"));
    }

    /**
     * Describes a member to start a scenario with.
     *
     * @param memberId the member's id
     * @return the member, on the program's entry tier unless told otherwise
     */
    public static GivenMember member(String memberId) {
        return new GivenMember(memberId);
    }

    /**
     * Describes a purchase at a wall-clock time in the member's zone.
     *
     * @param localDateTime such as {@code 2026-04-07T11:00}
     * @return the purchase; add at least one line
     * @throws IllegalArgumentException when the text is null or not a local date and time (a date
     *                                  alone, such as {@code 2026-04-07}, is not)
     */
    public static GivenPurchase purchase(String localDateTime) {
        return new GivenPurchase(localDateTime);
    }

    /**
     * Starts a scenario: the member is enrolled (the enrolment's own points are not part of what
     * the scenario checks). The scenario takes the member as described at this call: changing the
     * description afterwards (to describe the next member) does not change this scenario.
     *
     * @param member the member
     * @return the scenario, waiting for its event
     * @throws IllegalArgumentException when the member is null
     */
    public Scenario given(GivenMember member) {
        return new Scenario(rules, program, clock, Arguments.present("given", "member", "a member such as member(\"m-1\")", member).copy());
    }

    /**
     * Returns the rule engine the scenarios run on.
     *
     * @return the engine
     */
    public DroolsRuleEngine rules() {
        return rules;
    }

    /** Closes the rule engine when these scenarios built it. */
    @Override
    public void close() {
        if (owned) {
            rules.close();
        }
    }

    private static ProgramSettings defaultProgram() {
        return ProgramSettings.builder().currency("GBP").zone("Europe/London").build();
    }
}
