package dev.loyalty.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.core.EventResult;
import dev.loyalty.core.InvalidInputException;
import dev.loyalty.core.LoyaltyEngine;
import dev.loyalty.core.LoyaltyException;
import dev.loyalty.core.Outcome;
import dev.loyalty.core.event.LoyaltyEvent;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.LotReturn;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.spi.LoyaltyStore;
import dev.loyalty.core.spi.RuleEngine;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Processes one list of events on two fresh engines alike, with {@link LoyaltyEngine#processAll}
 * on one and {@link LoyaltyEngine#process} event by event on the other, and compares the results
 * event for event and what each engine then holds of every member the list names.
 */
public final class BatchDifferential {

    private final LoyaltyStore batchedStore;
    private final LoyaltyStore sequentialStore;
    private final LoyaltyEngine batched;
    private final LoyaltyEngine sequential;
    private final Set<String> campaigns = new LinkedHashSet<>();

    /**
     * Builds the two engines, each over its own store and its own rule engine, with {@link Fixtures#program()} and
     * {@link Fixtures#clock()}, and runs the setup on both.
     *
     * @param stores makes an empty store for each engine
     * @param rules makes a rule engine for each engine
     * @param setup what both engines go through before the list (referral codes, earlier events)
     */
    public BatchDifferential(Supplier<? extends LoyaltyStore> stores, Supplier<? extends RuleEngine> rules, Consumer<LoyaltyEngine> setup) {
        this.batchedStore = stores.get();
        this.sequentialStore = stores.get();
        this.batched = engine(batchedStore, rules);
        this.sequential = engine(sequentialStore, rules);
        setup.accept(batched);
        setup.accept(sequential);
    }

    private static LoyaltyEngine engine(LoyaltyStore store, Supplier<? extends RuleEngine> rules) {
        return LoyaltyEngine.builder().program(Fixtures.program()).clock(Fixtures.clock()).store(store)
                .ruleEngine(rules.get()).build();
    }

    /**
     * Also compares the budgets of these campaigns.
     *
     * @param ids the campaign ids
     * @return this
     */
    public BatchDifferential campaigns(String... ids) {
        campaigns.addAll(List.of(ids));
        return this;
    }

    /**
     * Processes the list both ways and asserts that the results (outcome, replay, refusal's class and message) and the
     * state of every member the list names (ledger, lots, return history, holds, summary, offers, tier history, referrals) agree.
     *
     * @param events the list, nulls allowed
     * @return the batch's results
     */
    public List<EventResult> assertSame(List<? extends LoyaltyEvent> events) {
        List<EventResult> expected = oneByOne(sequential, events);
        List<EventResult> actual = batched.processAll(events);
        assertSameResults(actual, expected);
        for (MemberId member : members(events)) {
            assertSameMember(member);
        }
        for (String campaign : campaigns) {
            assertThat(batched.campaignBudget(campaign)).as("budget of %s", campaign).isEqualTo(sequential.campaignBudget(campaign));
        }
        return actual;
    }

    /**
     * Asserts that a batch's results answer as the same events one by one did: the same outcome, replay, and refusal
     * (its class and message; any {@link InvalidInputException} for a null event).
     *
     * @param actual the batch's results
     * @param expected the results one by one, as {@link #oneByOne} gives them
     */
    public static void assertSameResults(List<EventResult> actual, List<EventResult> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            EventResult want = expected.get(i);
            EventResult got = actual.get(i);
            assertThat(got.outcome()).as("outcome of event %d", i).isEqualTo(want.outcome());
            assertThat(got.replayed()).as("replay of event %d", i).isEqualTo(want.replayed());
            if (want.error() == null) {
                assertThat(got.error()).as("error of event %d", i).isNull();
            } else if (want.event() != null) {
                assertThat(got.error()).as("error of event %d", i).isNotNull().hasSameClassAs(want.error()).hasMessage(want.error().getMessage());
            } else {
                assertThat(got.error()).as("error of null event %d", i).isInstanceOf(InvalidInputException.class);
            }
        }
    }

    private void assertSameMember(MemberId member) {
        assertThat(batched.member(member)).as("member %s", member).isEqualTo(sequential.member(member));
        if (sequential.member(member).isEmpty()) {
            return;
        }
        assertThat(batched.ledger(member)).as("ledger of %s", member).isEqualTo(sequential.ledger(member));
        assertThat(batched.lots(member)).as("lots of %s", member).isEqualTo(sequential.lots(member));
        assertThat(batchedStore.returns(member)).as("returns of %s", member).isEqualTo(sequentialStore.returns(member));
        assertThat(batched.holds(member)).as("holds of %s", member).isEqualTo(sequential.holds(member));
        assertThat(batched.summary(member)).as("summary of %s", member).isEqualTo(sequential.summary(member));
        assertThat(batched.offers(member)).as("offers of %s", member).isEqualTo(sequential.offers(member));
        assertThat(batched.tierHistory(member)).as("tier history of %s", member).isEqualTo(sequential.tierHistory(member));
        assertThat(batched.referral(member)).as("referral of %s", member).isEqualTo(sequential.referral(member));
        assertThat(batched.referralsMade(member)).as("referrals made by %s", member).isEqualTo(sequential.referralsMade(member));
    }

    /**
     * Returns the return history the batched engine's store holds of a member.
     *
     * @param member the member
     * @return the member's returns, in the order recorded
     */
    public List<LotReturn> batchedReturns(MemberId member) {
        return batchedStore.returns(member);
    }

    /**
     * Processes each event on its own, as {@code processAll} answers a list: an event whose id an
     * earlier one recorded is a replay.
     *
     * @param engine the engine
     * @param events the events, in order
     * @return one result per event
     */
    public static List<EventResult> oneByOne(LoyaltyEngine engine, List<? extends LoyaltyEvent> events) {
        List<EventResult> results = new ArrayList<>();
        Set<EventId> recorded = new HashSet<>();
        for (LoyaltyEvent event : events) {
            try {
                Outcome outcome = engine.process(event);
                results.add(new EventResult(event, outcome, null, !recorded.add(event.eventId())));
            } catch (LoyaltyException e) {
                results.add(new EventResult(event, null, e));
            }
        }
        return results;
    }

    private static Set<MemberId> members(List<? extends LoyaltyEvent> events) {
        Set<MemberId> members = new LinkedHashSet<>();
        for (LoyaltyEvent event : events) {
            if (event != null) {
                members.add(event.memberId());
            }
        }
        return members;
    }
}
