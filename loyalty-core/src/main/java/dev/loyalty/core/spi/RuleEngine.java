package dev.loyalty.core.spi;

import dev.loyalty.core.tier.TierPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Evaluates campaign rules for one event and returns what they propose. Implementations must
 * be thread-safe, must not touch the store and must be deterministic: the same context gives
 * the same decisions. {@code loyalty-rules} provides the Drools implementation.
 */
public interface RuleEngine extends AutoCloseable {

    /**
     * Returns the version of the active rule set, recorded on every ledger entry it produces;
     * typically a hash of the rule sources. Every store must keep it: 1 to 128 characters, no NUL
     * and no lone surrogate; an event evaluated under another version is refused with a
     * {@link dev.loyalty.core.RuleEvaluationException} and nothing is stored.
     *
     * @return the rule-set version
     */
    String version();

    /**
     * Evaluates the rules for one event.
     *
     * @param context the member, event and date
     * @return the decisions, in the order the rules fired, with the version of the rules that made them
     * @throws dev.loyalty.core.RuleEvaluationException when a rule fails
     */
    Evaluation evaluate(RuleContext context);

    /**
     * Evaluates the rules for several events at once, each as {@link #evaluate(RuleContext)}
     * would on its own context: no event's decisions may depend on another's facts. Several
     * contexts may be of one member (when the rules cannot read the balance, see
     * {@link #usesBalance()}). The default evaluates them one by one; engines may do it in one pass.
     *
     * @param contexts the events with their members
     * @return one evaluation per context, in the same order
     */
    default List<Evaluation> evaluateAll(List<RuleContext> contexts) {
        List<Evaluation> results = new ArrayList<>(contexts.size());
        for (RuleContext context : contexts) {
            results.add(evaluate(context));
        }
        return results;
    }

    /**
     * Returns the tier policy the rules define: qualifying metric and window, thresholds,
     * benefits, grace and soft landing. The core promotes and demotes members by it; without
     * one, a member keeps the tier they enrolled on. The default defines none.
     *
     * @return the policy, if the rules define one
     */
    default Optional<TierPolicy> tierPolicy() {
        return Optional.empty();
    }

    /**
     * Registers a check the engine runs on the tier policy of every rule set it is about to
     * switch to (a reload, say): when the check throws, the switch is refused, the exception
     * reaches the caller of the switch and the active rules stay as they were. The core
     * registers one per {@code LoyaltyEngine}, so that the rules and the core never disagree on
     * the ladder. The default registers nothing, for engines whose rules never change.
     *
     * @param check throws when a policy does not fit the program; not called for a set without a policy
     * @return removes the check
     */
    default Runnable guardTierPolicy(Consumer<TierPolicy> check) {
        return () -> { };
    }

    /**
     * Evaluates the rules for one member in a sweep, when the sweep presents an occasion (a
     * birthday, a dormancy spell). Only {@link Decision.IssueOffer} decisions for an occasion
     * presented are acted on (a {@code REFERRAL} offer proposed here is ignored); the
     * core enforces at-most-once per occasion. The default proposes nothing, for rule engines
     * that know no offers.
     *
     * @param context the member, the date and the occasions
     * @return the decisions, with the version of the rules that made them
     * @throws dev.loyalty.core.RuleEvaluationException when a rule fails
     */
    default Evaluation evaluateSweep(SweepContext context) {
        return new Evaluation(version(), List.of());
    }

    /**
     * Evaluates the rules when a referral qualifies, for one occasion (the referee's reward,
     * the referrer's reward or the referral star). Only {@link Decision.FixedPoints} for
     * {@link Decision#WHOLE_EVENT} and {@link Decision.IssueOffer} are acted on; the core enforces
     * the cap, exactly-once and the star's once per quarter, and the evaluation's
     * {@linkplain Evaluation#limits() campaign limits} on the points as on an event's. The default
     * proposes nothing, for rule engines that know no referrals.
     *
     * @param context the referral, the member to reward and the occasion
     * @return the decisions and the limits of their campaigns, with the version of the rules that made them
     * @throws dev.loyalty.core.RuleEvaluationException when a rule fails
     */
    default Evaluation evaluateReferral(ReferralContext context) {
        return new Evaluation(version(), List.of());
    }

    /**
     * Tells whether the rules can match a member's stored segment ({@link RuleContext#segment()}).
     * When they cannot, the core does not read the segment for each event. The default says they
     * can, so an engine that does not know stays correct.
     *
     * @return true when some rule may read the segment
     */
    default boolean usesSegments() {
        return true;
    }

    /**
     * Tells whether the rules can read a member's points balance ({@link RuleContext#balance()}).
     * When they cannot, {@code processAll} evaluates several purchases of one member in one call
     * of {@link #evaluateAll(List)}, since the points an earlier one earns cannot change what the
     * rules decide for a later one; each {@link Evaluation#readsBalance()} then says so for the
     * set that made it. The default says they can, so an engine that does not know stays correct.
     *
     * @return true when some rule may read the balance
     */
    default boolean usesBalance() {
        return true;
    }

    /** Releases the engine's resources; the default does nothing. */
    @Override
    default void close() {
    }
}
