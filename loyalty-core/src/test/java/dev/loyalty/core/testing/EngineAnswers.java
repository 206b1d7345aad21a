package dev.loyalty.core.testing;

import dev.loyalty.core.EventResult;
import dev.loyalty.core.LoyaltyEngine;
import dev.loyalty.core.LoyaltyException;
import dev.loyalty.core.Outcome;
import dev.loyalty.core.RedeemedOffer;
import dev.loyalty.core.model.MemberId;
import java.util.List;
import java.util.function.Supplier;

/**
 * What an engine answers, as text two engines' answers can be compared by: outcomes, refusals
 * and every public read of a member. Used by the tests that run one history on two stores.
 */
public final class EngineAnswers {

    private EngineAnswers() {
    }

    /**
     * Describes an outcome: its fields and its explanation's text.
     *
     * @param outcome the outcome
     * @return the text
     */
    public static String describe(Outcome outcome) {
        return outcome + "\n" + outcome.explanation().toText();
    }

    /**
     * Describes a redeemed offer: its outcome and the offer as it is now.
     *
     * @param redeemed what redeemOffer answered
     * @return the text
     */
    public static String describe(RedeemedOffer redeemed) {
        return describe(redeemed.outcome()) + "\n" + redeemed.offer();
    }

    /**
     * Describes one result of a batch: its outcome or its refusal.
     *
     * @param result the result
     * @return the text
     */
    public static String describe(EventResult result) {
        return result.succeeded() ? describe(result.outcome()) : refusal(result.error());
    }

    /**
     * Describes a batch's results, one after the other.
     *
     * @param results the results
     * @return the text
     */
    public static String results(List<EventResult> results) {
        return String.join("\n", results.stream().map(EngineAnswers::describe).toList());
    }

    /**
     * Describes a refusal: the exception's class and message.
     *
     * @param e the refusal
     * @return the text
     */
    public static String refusal(LoyaltyException e) {
        return "refused " + e.getClass().getName() + ": " + e.getMessage();
    }

    /**
     * Runs a call, answering its result as text, or its refusal.
     *
     * @param call the call
     * @return the text
     */
    public static String answer(Supplier<?> call) {
        try {
            return String.valueOf(call.get());
        } catch (LoyaltyException e) {
            return refusal(e);
        }
    }

    /**
     * What the engine says of a member, each public read as its text or its refusal, with the
     * budget of the {@link JavaRules#WEEKEND} campaign.
     *
     * @param engine the engine
     * @param member the member
     * @return the reads' texts
     */
    public static List<String> state(LoyaltyEngine engine, MemberId member) {
        return List.of(answer(() -> engine.member(member)), answer(() -> engine.balance(member)), answer(() -> engine.ledger(member)),
                answer(() -> engine.lots(member)), answer(() -> engine.holds(member)), answer(() -> engine.offers(member)),
                answer(() -> engine.tier(member)), answer(() -> engine.tierHistory(member)), answer(() -> engine.referral(member)),
                answer(() -> engine.referralsMade(member)), answer(() -> engine.referralCode(member)),
                answer(() -> engine.campaignBudget(JavaRules.WEEKEND)), answer(() -> engine.summary(member)),
                answer(() -> engine.statement(member)), answer(() -> engine.referralStats(member)));
    }
}
