package dev.loyalty.rules;

import static dev.loyalty.rules.Shop.CLOCK;
import static dev.loyalty.rules.Shop.PROGRAM;
import static dev.loyalty.rules.Shop.award;
import static dev.loyalty.rules.Shop.awards;
import static dev.loyalty.rules.Shop.gbp;
import static dev.loyalty.rules.Shop.london;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.core.EventResult;
import dev.loyalty.core.LoyaltyEngine;
import dev.loyalty.core.Outcome;
import dev.loyalty.core.event.LoyaltyEvent;
import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.MemberSegment;
import dev.loyalty.core.spi.RuleEngine;
import dev.loyalty.core.store.InMemoryStore;
import dev.loyalty.core.testing.DelegatingRuleEngine;
import dev.loyalty.rules.vocabulary.Segment;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Campaigns that target a segment: the stored segment reaches the rules as a {@link Segment} fact. */
class SegmentCampaignTest {

    private static final String CAMPAIGNS = MalformedDrlTest.HEADER + """
            rule "BASE-01 one point per pound"
            when
                $p : Purchase( )
            then
                earn.base($p, 1, "One point per pound");
            end

            rule "SEG-01 potential members: garden bonus"
            when
                Segment( name == "potential" )
                $l : PurchaseLine( category == "garden" )
            then
                earn.bonus($l, 2, "Potential members: 2 extra points per pound on garden items");
            end
            """;

    private final InMemoryStore store = new InMemoryStore();
    private final DroolsRuleEngine rules = DroolsRuleEngine.builder().drl("segments.drl", CAMPAIGNS).build();
    private final LoyaltyEngine engine = LoyaltyEngine.builder().program(PROGRAM).clock(CLOCK).store(store).ruleEngine(rules).build();

    @AfterEach
    void close() {
        engine.close();
    }

    private MemberId scored(String segment) {
        MemberId member = Shop.enrol(engine, "member");
        store.saveSegments(List.of(new MemberSegment(member, segment, 5, 1, 2, LocalDate.of(2024, 3, 1))));
        return member;
    }

    private static Purchase gardenPurchase(MemberId member) {
        return Shop.purchase(member, london("2024-03-05T12:00")).line("G-1", "garden", 1, gbp("10.00")).build();
    }

    @Test
    void shouldTellTheCoreToReadSegmentsOnlyWhenSomeRuleMatchesThem() {
        assertThat(rules.usesSegments()).isTrue();
        try (DroolsRuleEngine defaults = DroolsRuleEngine.builder().defaultCampaigns().build()) {
            assertThat(defaults.usesSegments()).isFalse();   // the default pack targets no segment
        }
    }

    @Test
    void shouldAwardTheSegmentBonusWhenAPotentialMemberBuysGardenItems() {
        Outcome outcome = engine.process(gardenPurchase(scored("potential")));

        assertThat(awards(outcome)).containsExactly(award("BASE-01 one point per pound", 10),
                award("SEG-01 potential members: garden bonus", 20));
    }

    @Test
    void shouldAwardOnlyTheBaseWhenTheMemberIsInAnotherSegment() {
        Outcome outcome = engine.process(gardenPurchase(scored("ordinary")));

        assertThat(awards(outcome)).containsExactly(award("BASE-01 one point per pound", 10));
    }

    @Test
    void shouldAwardOnlyTheBaseWhenTheMemberWasNeverScored() {
        Outcome outcome = engine.process(gardenPurchase(Shop.enrol(engine, "member")));

        assertThat(awards(outcome)).containsExactly(award("BASE-01 one point per pound", 10));
    }

    @Test
    void shouldMatchEachMembersOwnSegmentWhenPurchasesComeInOneBatch() {
        List<LoyaltyEvent> events = new ArrayList<>();
        List<Long> expected = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            boolean potential = i % 2 == 0;
            events.add(gardenPurchase(scored(potential ? "potential" : "ordinary")));
            expected.add(potential ? 30L : 10L);
        }

        List<EventResult> results = engine.processAll(events);

        assertThat(results).extracting(result -> result.outcome().points().value()).containsExactlyElementsOf(expected);
    }

    @Test
    void shouldExposeTheStoredScoresOnTheFact() {
        Segment fact = new Segment("m-1", "vip", 5, 4, 3, LocalDate.of(2024, 3, 1));

        assertThat(List.of(fact.getMemberId(), fact.getName(), fact.getRecency(), fact.getFrequency(), fact.getMonetary(), fact.getScoredOn()))
                .containsExactly("m-1", "vip", 5, 4, 3, LocalDate.of(2024, 3, 1));
    }

    /**
     * A reload from rules that match no segment to rules that do lands between the core asking
     * whether to read the member's segment and evaluating the event (placed there by a rule engine
     * that reloads from inside that question, as another thread could): the set that evaluates the
     * event sees the member's segment.
     */
    @Test
    void shouldGiveTheSegmentToASetReloadedWhileTheCoreDecidedWhetherToReadIt() {
        String plain = MalformedDrlTest.HEADER + """
                rule "BASE-01 one point per pound"
                when
                    $p : Purchase( )
                then
                    earn.base($p, 1, "One point per pound");
                end
                """;
        InMemoryStore own = new InMemoryStore();
        try (DroolsRuleEngine reloaded = DroolsRuleEngine.builder().drl("plain.drl", plain).build()) {
            boolean[] armed = {false};
            RuleEngine reloadingOnce = new DelegatingRuleEngine(reloaded) {
                @Override
                public boolean usesSegments() {
                    boolean uses = reloaded.usesSegments();
                    if (armed[0]) {
                        armed[0] = false;
                        reloaded.reload(DroolsRuleEngine.builder().drl("segments.drl", CAMPAIGNS));
                    }
                    return uses;
                }
            };
            try (LoyaltyEngine racing = LoyaltyEngine.builder().program(PROGRAM).clock(CLOCK).store(own).ruleEngine(reloadingOnce).build()) {
                MemberId member = Shop.enrol(racing, "member");
                own.saveSegments(List.of(new MemberSegment(member, "potential", 5, 1, 2, LocalDate.of(2024, 3, 1))));
                armed[0] = true;

                Outcome outcome = racing.process(gardenPurchase(member));

                assertThat(armed[0]).as("the reload ran").isFalse();
                assertThat(outcome.ruleSetVersion()).isEqualTo(reloaded.version());
                assertThat(awards(outcome)).containsExactly(award("BASE-01 one point per pound", 10),
                        award("SEG-01 potential members: garden bonus", 20));
            }
        }
    }
}
