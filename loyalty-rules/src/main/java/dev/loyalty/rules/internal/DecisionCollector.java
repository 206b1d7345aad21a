package dev.loyalty.rules.internal;

import dev.loyalty.core.model.OfferKind;
import dev.loyalty.core.model.OfferTrigger;
import dev.loyalty.rules.vocabulary.BirthdayDue;
import dev.loyalty.rules.vocabulary.Occasion;
import dev.loyalty.rules.vocabulary.Offers;
import dev.loyalty.core.RuleEvaluationException;
import dev.loyalty.core.spi.Decision;
import dev.loyalty.rules.vocabulary.Earn;
import dev.loyalty.rules.vocabulary.Purchase;
import dev.loyalty.rules.vocabulary.PurchaseLine;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@code earn} and {@code offers} globals of one session: turns actions into decisions
 * credited to the rule that is firing. One per session, used by one thread at a time. Not public API.
 */
public final class DecisionCollector implements Earn, Offers {

    private final List<Decision> single = new ArrayList<>();
    /** Where the next decision goes: the single event's list, or the list of the event whose fact matched. */
    private List<Decision> decisions = single;
    private List<List<Decision>> batch;
    private String[] batchEventIds;
    private String rule = "";
    private String eventId = "";
    /** The last tier multiplier's name and factor, and its reason text, made once per tier. */
    /** The tier multipliers' reasons written so far, by the ladder's name and factor objects; a ladder has a few tiers. */
    private final String[] tierNames = new String[KEPT_TIER_REASONS];
    private final BigDecimal[] tierFactors = new BigDecimal[KEPT_TIER_REASONS];
    private final String[] tierReasons = new String[KEPT_TIER_REASONS];
    private int tierReasonCount;
    private static final int KEPT_TIER_REASONS = 8;
    /**
     * Decisions and lists of decisions made before, each kept once and handed out again for an equal one (they are
     * immutable records). Most events of a campaign pack get the same few decisions, and the store keeps them with
     * each recorded outcome, to write its explanation on demand: shared, they cost the collector a look-up here
     * instead of objects the store keeps for every event. At most {@value #KEPT_SHARED} of each are kept, so rules
     * whose decisions differ from event to event (a reason written from the event's own values) fill the maps once
     * and then only look.
     */
    private final Map<Decision, Decision> sharedDecisions = new HashMap<>();
    private final Map<List<Decision>, List<Decision>> sharedLists = new HashMap<>();
    private static final int KEPT_SHARED = 512;
    /** In a batch, which event each inserted fact belongs to; set by the rule set. */
    Owners owners;

    /** Starts collecting for one event. */
    void begin(String event) {
        single.clear();
        decisions = single;
        batch = null;
        batchEventIds = null;
        rule = "";
        eventId = event;
    }

    /**
     * Starts collecting for several events at once; {@link #firingFor(int)} routes each firing's
     * decisions to its event.
     */
    void beginBatch(String[] eventIds) {
        begin("");
        batch = new ArrayList<>(eventIds.length);
        for (int i = 0; i < eventIds.length; i++) {
            batch.add(new ArrayList<>(8));
        }
        batchEventIds = eventIds;
    }

    /** Tells whether decisions are routed per event. */
    boolean batching() {
        return batch != null;
    }

    /** Routes the decisions of the rule firing now to the event at {@code index} of the batch. */
    void firingFor(int index) {
        decisions = batch.get(index);
        eventId = batchEventIds[index];
    }

    /** Returns the event the decisions now go to, or an empty string. */
    String currentEvent() {
        return eventId;
    }

    /** Returns the decisions of every event of the batch, in the order given to {@link #beginBatch}, and forgets them. */
    List<List<Decision>> finishBatch() {
        List<List<Decision>> result = new ArrayList<>(batch.size());
        for (List<Decision> each : batch) {
            result.add(shared(each));
        }
        begin("");
        return result;
    }

    /** Records which rule fires next; the agenda listener calls it before each firing. */
    void firing(String ruleName) {
        rule = ruleName;
    }

    /** Returns the name of the rule firing now, or an empty string. */
    String currentRule() {
        return rule;
    }

    /** Returns the decisions collected since {@link #begin(String)} and forgets them. */
    List<Decision> finish() {
        List<Decision> result = shared(single);
        single.clear();
        rule = "";
        eventId = "";
        return result;
    }

    @Override
    public void base(Purchase purchase, Number pointsPerUnit, String reason) {
        requireFact(purchase, "purchase");
        add(new Decision.BaseRate(rule, reason, Decision.WHOLE_EVENT, number(pointsPerUnit, "points per unit")));
    }

    @Override
    public void base(PurchaseLine line, Number pointsPerUnit, String reason) {
        add(new Decision.BaseRate(rule, reason, index(line), number(pointsPerUnit, "points per unit")));
    }

    @Override
    public void bonus(PurchaseLine line, Number pointsPerUnit, String reason) {
        add(new Decision.BonusRate(rule, reason, index(line), number(pointsPerUnit, "points per unit")));
    }

    @Override
    public void bonus(Purchase purchase, Number pointsPerUnit, String reason) {
        requireFact(purchase, "purchase");
        add(new Decision.BonusRate(rule, reason, Decision.WHOLE_EVENT, number(pointsPerUnit, "points per unit")));
    }

    @Override
    public void points(long points, String reason) {
        add(new Decision.FixedPoints(rule, reason, Decision.WHOLE_EVENT, wholePoints(points)));
    }

    @Override
    public void pointsPerItem(PurchaseLine line, long points, String reason) {
        add(new Decision.FixedPoints(rule, reason, index(line), wholePoints(points)));
    }

    @Override
    public void multiply(Purchase purchase, Number factor, String reason) {
        requireFact(purchase, "purchase");
        add(new Decision.Multiplier(rule, reason, Decision.WHOLE_EVENT, number(factor, "factor")));
    }

    @Override
    public void multiply(PurchaseLine line, Number factor, String reason) {
        add(new Decision.Multiplier(rule, reason, index(line), number(factor, "factor")));
    }

    @Override
    public void tierMultiplier(Number factor, String reason) {
        add(new Decision.TierMultiplier(rule, reason, number(factor, "factor")));
    }

    @Override
    public void tierMultiplier(Purchase purchase) {
        BigDecimal factor = purchase.getTierEarnMultiplier();
        if (factor.compareTo(BigDecimal.ONE) > 0) {
            add(new Decision.TierMultiplier(rule, keptTierReason(purchase.getTierName(), factor), factor));
        }
    }

    /**
     * Returns the reason of a tier multiplier, written once per tier: the ladder hands out the same
     * name and factor objects for every purchase on a tier, and a batch mixes the tiers.
     */
    private String keptTierReason(String name, BigDecimal factor) {
        for (int i = 0; i < tierReasonCount; i++) {
            if (tierNames[i] == name && tierFactors[i] == factor) {
                return tierReasons[i];
            }
        }
        String reason = tierReason(name, factor);
        int slot = tierReasonCount < KEPT_TIER_REASONS ? tierReasonCount++ : KEPT_TIER_REASONS - 1;
        tierNames[slot] = name;
        tierFactors[slot] = factor;
        tierReasons[slot] = reason;
        return reason;
    }

    /**
     * Returns the reason of a tier multiplier taken from the ladder.
     *
     * @param tierName the tier's display name
     * @param factor the multiplier
     * @return such as {@code Gold members earn 1.5x points}
     */
    public static String tierReason(String tierName, BigDecimal factor) {
        return tierName + " members earn " + factor.stripTrailingZeros().toPlainString() + "x points";
    }

    @Override
    public void exclude(PurchaseLine line, String reason) {
        add(new Decision.Exclusion(rule, reason, index(line)));
    }

    @Override
    public void capPerEvent(long points, String reason) {
        add(new Decision.Cap(rule, reason, Decision.CapPeriod.EVENT, wholePoints(points)));
    }

    @Override
    public void capPerDay(long points, String reason) {
        add(new Decision.Cap(rule, reason, Decision.CapPeriod.DAY, wholePoints(points)));
    }

    @Override
    public void points(Occasion occasion, String template, long points, int validDays, String reason) {
        offer(occasion, template, OfferKind.POINTS, BigDecimal.valueOf(wholePoints(points)), null, validDays, reason);
    }

    @Override
    public void discount(Occasion occasion, String template, Number percent, int validDays, String reason) {
        offer(occasion, template, OfferKind.DISCOUNT, number(percent, "discount"), null, validDays, reason);
    }

    @Override
    public void multiplier(Occasion occasion, String template, Number factor, int validDays, String reason) {
        offer(occasion, template, OfferKind.MULTIPLIER, number(factor, "multiplier"), null, validDays, reason);
    }

    @Override
    public void freeItem(Occasion occasion, String template, String itemCode, int validDays, String reason) {
        offer(occasion, template, OfferKind.FREE_ITEM, BigDecimal.ONE, itemCode, validDays, reason);
    }

    private void offer(Occasion occasion, String template, OfferKind kind, BigDecimal value, String itemCode, int validDays, String reason) {
        requireFact(occasion, "occasion");
        OfferTrigger trigger = occasion instanceof BirthdayDue ? OfferTrigger.BIRTHDAY
                : occasion instanceof dev.loyalty.rules.vocabulary.ReferralQualified ? OfferTrigger.REFERRAL : OfferTrigger.WIN_BACK;
        add(new Decision.IssueOffer(rule, reason, trigger, template, kind, value, itemCode, validDays));
    }

    private void add(Decision decision) {
        if (eventId.isEmpty()) {
            throw new IllegalStateException("earn." + decision.getClass().getSimpleName() + " called outside an evaluation");
        }
        Decision earlier = sharedDecisions.get(decision);
        if (earlier == null && sharedDecisions.size() < KEPT_SHARED) {
            sharedDecisions.put(decision, decision);
        }
        decisions.add(earlier != null ? earlier : decision);
    }

    /** Returns an immutable copy of the decisions, or the one handed out before for an equal list. */
    private List<Decision> shared(List<Decision> made) {
        List<Decision> earlier = sharedLists.get(made);
        if (earlier != null) {
            return earlier;
        }
        List<Decision> copy = List.copyOf(made);
        if (sharedLists.size() < KEPT_SHARED) {
            sharedLists.put(copy, copy);
        }
        return copy;
    }

    private int index(PurchaseLine line) {
        requireFact(line, "purchase line");
        return line.getIndex();
    }

    private static void requireFact(Object fact, String what) {
        if (fact == null) {
            throw failure("the " + what + " passed to earn is null");
        }
    }

    /**
     * Refuses the largest long as a number of points: it is what an MVEL consequence passes when
     * it divides whole numbers by zero ({@code 10 / 0} is Infinity there) or computes a double too
     * large for a long, never a real award.
     */
    private static long wholePoints(long points) {
        if (points == Long.MAX_VALUE) {
            throw failure("points is " + points + ", the largest whole number, as a division by zero or a number too large gives in "
                    + "the MVEL dialect; not a number of points");
        }
        return points;
    }

    /** Converts a rule's number exactly: integers as they are, doubles by their decimal text. */
    private BigDecimal number(Number value, String what) {
        if (value == null) {
            throw failure(what + " is null");
        }
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                || value instanceof AtomicInteger || value instanceof AtomicLong) {
            return BigDecimal.valueOf(value.longValue());
        }
        if (value instanceof BigInteger integer) {
            return new BigDecimal(integer);
        }
        if (value instanceof Double || value instanceof Float) {
            double d = value.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw failure(what + " is " + value + ", not a number of points");
            }
            return new BigDecimal(value.toString());
        }
        try {
            return new BigDecimal(value.toString());
        } catch (NumberFormatException e) {
            throw failure(what + " " + value + " (" + value.getClass().getName() + ") is not a decimal number");
        }
    }

    /** The engine adds the rule and the event when it reports the failure. */
    private static RuleEvaluationException failure(String message) {
        return new RuleEvaluationException(message);
    }
}
