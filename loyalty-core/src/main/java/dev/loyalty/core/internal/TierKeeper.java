package dev.loyalty.core.internal;

import dev.loyalty.core.CoreRules;
import dev.loyalty.core.Explanation;
import dev.loyalty.core.PointsOverflowException;
import dev.loyalty.core.ProgramSettings;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.Member;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.Tier;
import dev.loyalty.core.spi.MemberView;
import dev.loyalty.core.spi.TierUpdate;
import dev.loyalty.core.tier.MemberTier;
import dev.loyalty.core.tier.Qualifying;
import dev.loyalty.core.tier.QualifyingMetric;
import dev.loyalty.core.tier.TierChange;
import dev.loyalty.core.tier.TierPolicy;
import dev.loyalty.core.tier.TierProgress;
import dev.loyalty.core.tier.TierState;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A working copy of one member's tier bookkeeping inside a store transaction: processes the review
 * points, grace ends and override expiries that fell due, promotes on purchases, adds qualifying
 * amounts, and collects everything as one {@link TierUpdate}. Each review point is processed once:
 * the state records the next one. Not public API.
 */
final class TierKeeper {

    static final String RULE = CoreRules.TIER;

    /** The offsets of the zones furthest west and east (Baker Island, Kiritimati): a local date lies between the two's. */
    private static final ZoneOffset EARLIEST_OFFSET = ZoneOffset.ofHours(-12);
    private static final ZoneOffset LATEST_OFFSET = ZoneOffset.ofHours(14);

    private final TierPolicy policy;
    private final ProgramSettings program;
    private final MemberView view;
    private final MemberId memberId;
    private final LocalDate enrolledOn;
    private final ZoneId zone;
    private TierState state;
    private boolean changed;
    /** The qualifying amounts this transaction added, in the order added; an event adds one or two. */
    private final List<TierUpdate.QualifyingDay> days = new ArrayList<>(2);
    /** The changes and their steps, made on the first change: most events change no tier. */
    private List<TierChange> history = List.of();
    private List<Explanation.Step> steps = List.of();

    /**
     * Reads the member's tier state, or starts one: for a new member the enrolment tier is recorded
     * in the history; a member without a state (enrolled before tiers were managed) is tracked from
     * {@code today}, without reviewing the past.
     */
    TierKeeper(TierPolicy policy, ProgramSettings program, MemberView view, Member member, ZoneId zone, LocalDate today, boolean enrolment) {
        this.policy = policy;
        this.program = program;
        this.view = view;
        this.memberId = member.id();
        this.zone = zone;
        this.enrolledOn = LocalDays.dateOf(member.enrolledAt(), zone);
        TierState stored = enrolment ? null : view.tierState();
        if (stored == null) {
            state = new TierState(member.tierCode(), policy.reviewAfter(enrolledOn, today), null, null, null, null, 0);
            changed = true;
            if (enrolment) {
                record(TierChange.Kind.ENROLMENT, today, member.enrolledAt(), null, "enrolled on " + member.tierCode(), () -> { });
            }
        } else {
            state = stored;
        }
    }

    /** Processes every override expiry, review point and grace end on or before a day, in date order. */
    void advance(LocalDate today) {
        while (true) {
            LocalDate next = earliest(earliest(state.nextReview(), state.graceUntil()), state.overrideUntil());
            if (next.isAfter(today)) {
                return;
            }
            if (next.equals(state.overrideUntil())) {
                String was = state.overrideTier();
                record(TierChange.Kind.OVERRIDE_EXPIRED, next, LocalDays.startOf(next, zone), null,
                        "the override to " + was + " ended on " + next.minusDays(1),
                        () -> state = new TierState(state.earnedTier(), state.nextReview(), state.graceUntil(), state.graceTarget(), null, null,
                                state.historySize()));
            } else if (next.equals(state.nextReview())) {
                review(next);
            } else {
                endGrace(next);
            }
        }
    }

    /** The first day of the qualifying window a purchase of the member on a day is judged on; the window ends on that day. */
    static LocalDate windowStart(TierPolicy policy, Member member, ZoneId zone, LocalDate day) {
        return policy.windowStart(LocalDays.dateOf(member.enrolledAt(), zone), day);
    }

    /** Adds a purchase's qualifying amounts on its day and promotes when the window's total reaches a higher tier. */
    void purchase(LocalDate day, Instant at, EventId eventId, Qualifying amount) {
        add(day, amount);
        LocalDate from = policy.windowStart(enrolledOn, day);
        Qualifying total = total(from, day);
        String qualified = qualifiedTier(total);
        String held = state.earnedTier();
        if (rank(qualified) > rank(held)) {
            String reason = describe(total) + " from " + from + " to " + day + " reached " + qualified + "'s threshold of " + threshold(qualified);
            record(TierChange.Kind.PROMOTION, day, at, eventId, reason,
                    () -> state = new TierState(qualified, state.nextReview(), null, null, state.overrideTier(), state.overrideUntil(),
                            state.historySize()));
        } else if (state.graceUntil() != null && rank(qualified) >= rank(held)) {
            String reason = describe(total) + " from " + from + " to " + day + " reached " + held + "'s threshold of " + threshold(held)
                    + " during the grace period";
            record(TierChange.Kind.RETAINED, day, at, eventId, reason, this::clearGrace);
        }
    }

    /** Adds (usually negative) qualifying amounts on a day without changing the tier: returns never demote before a review. */
    void add(LocalDate day, Qualifying amount) {
        days.add(new TierUpdate.QualifyingDay(day, amount));
        changed = true;
    }

    /**
     * Takes a linked return's (negative) amounts off its purchase's day (its date in the member's zone now), no further than
     * the days the purchase can have been counted on still count: a purchase made before the member's tiers were tracked
     * (before the rules declared a ladder) added nothing, so its return takes nothing off, and never undoes what other
     * purchases qualified with. Those days are the purchase's dates in any zone, from UTC-12 to UTC+14: a zone change since
     * the purchase can have moved its date by a day, and it was counted on the date of the zone it was made in.
     */
    void takeOff(Instant purchasedAt, Qualifying amount) {
        LocalDate day = LocalDays.dateOf(purchasedAt, zone);
        Qualifying counted;
        try {
            counted = total(LocalDays.dateOf(purchasedAt, EARLIEST_OFFSET), LocalDays.dateOf(purchasedAt, LATEST_OFFSET));
        } catch (PointsOverflowException e) {
            // the day counts more points than a long holds: more than any return takes off
            add(day, amount);
            return;
        }
        BigDecimal spend = amount.spend().max(counted.spend().signum() > 0 ? counted.spend().negate() : BigDecimal.ZERO);
        long points = Math.max(amount.points(), -Math.max(counted.points(), 0));
        long purchases = Math.max(amount.purchases(), -Math.max(counted.purchases(), 0));
        if (spend.signum() != 0 || points != 0 || purchases != 0) {
            add(day, new Qualifying(spend, points, purchases));
        }
    }

    /** Sets a manual override until a day (exclusive); the member has the higher of it and the earned tier meanwhile. */
    void override(String tierCode, LocalDate until, LocalDate today, Instant at, String reason) {
        record(TierChange.Kind.OVERRIDE, today, at, null, reason + " (until " + until.minusDays(1) + ")",
                () -> state = new TierState(state.earnedTier(), state.nextReview(), state.graceUntil(), state.graceTarget(), tierCode, until,
                        state.historySize()));
    }

    /** Returns the member with their tier as it stands now. */
    Member member(Member member) {
        String tier = effective();
        return tier.equals(member.tierCode()) ? member : member.withTier(tier);
    }

    /** Returns the changes made, or null when nothing changed. */
    TierUpdate update() {
        return changed ? new TierUpdate(state, days, history) : null;
    }

    /** Returns the explanation steps recorded since the last call. */
    List<Explanation.Step> drainSteps() {
        if (steps.isEmpty()) {
            return List.of();
        }
        List<Explanation.Step> drained = List.copyOf(steps);
        steps.clear();
        return drained;
    }

    /** Answers what the member gets on a day and how far the next tier is. */
    MemberTier answer(LocalDate today) {
        String code = effective();
        Tier tier = program.tier(code).orElseGet(program::entryTier);
        LocalDate from = policy.windowStart(enrolledOn, today);
        Qualifying sum = total(from, today);
        // the same spend whichever store summed it: a database column keeps more decimals than the amounts had
        Qualifying total = new Qualifying(Decimals.normal(sum.spend(), program.currency().getDefaultFractionDigits()), sum.points(),
                sum.purchases());
        BigDecimal value = total.valueOf(policy.metric());
        return new MemberTier(memberId, today, tier, policy.benefitsOf(code), state.earnedTier(), total, from, state.nextReview(),
                state.graceUntil(), state.overrideUntil(), progress(tier, value));
    }

    /**
     * How far the member is from keeping the earned tier during a grace period (which comes first: short of its threshold by
     * the last day of grace, the tier is lost), else from the next tier up; null when there is nothing to reach.
     */
    private TierProgress progress(Tier tier, BigDecimal value) {
        String held = state.earnedTier();
        BigDecimal keeps = state.graceUntil() == null ? null : policy.thresholds().get(held);
        if (keeps != null && keeps.compareTo(value) > 0) {
            BigDecimal needed = keeps.subtract(value);
            LocalDate by = state.graceUntil().minusDays(1);
            return new TierProgress(held, policy.metric(), needed, by, more(needed) + " by " + by + " to keep " + held);
        }
        for (Tier higher : program.tiers()) {
            BigDecimal needs = policy.thresholds().get(higher.code());
            if (higher.rank() > tier.rank() && needs != null && needs.compareTo(value) > 0) {
                BigDecimal needed = needs.subtract(value);
                LocalDate by = state.nextReview().minusDays(1);
                // tiers sharing that threshold are reached together: the member is promoted to the highest of them
                String reached = tierAt(needs);
                return new TierProgress(reached, policy.metric(), needed, by, more(needed) + " by " + by + " to reach " + reached);
            }
        }
        return null;
    }

    private void review(LocalDate review) {
        LocalDate from = policy.periodStart(enrolledOn, review);
        LocalDate to = review.minusDays(1);
        Qualifying total = total(from, to);
        String target = qualifiedTier(total);
        String held = state.earnedTier();
        Instant at = LocalDays.startOf(review, zone);
        String found = "review: " + describe(total) + " from " + from + " to " + to;
        // counted from two days on: a zone change can move the member's enrolment date by up to two days (offsets span
        // 26 hours), and the anniversary it then gives just after this review is this year's, the one being processed
        LocalDate following = policy.reviewAfter(enrolledOn, review.plusDays(2));
        if (rank(target) > rank(held)) {
            record(TierChange.Kind.PROMOTION, review, at, null, found + " reached " + target + "'s threshold of " + threshold(target),
                    () -> state = new TierState(target, state.nextReview(), null, null, state.overrideTier(), state.overrideUntil(),
                            state.historySize()));
        } else if (rank(target) == rank(held)) {
            if (state.graceUntil() != null) {
                record(TierChange.Kind.RETAINED, review, at, null, found + " kept " + held, this::clearGrace);
            }
        } else if (state.graceUntil() != null) {
            // already in grace: the running grace period stands, with the lower of what the reviews found
            String lower = rank(target) < rank(state.graceTarget()) ? target : state.graceTarget();
            state = new TierState(held, state.nextReview(), state.graceUntil(), lower, state.overrideTier(), state.overrideUntil(),
                    state.historySize());
            changed = true;
        } else if (policy.graceDays() > 0) {
            LocalDate until = review.plusDays(policy.graceDays());
            String reason = found + " is below " + held + "'s threshold of " + threshold(held) + "; " + held + " is kept until "
                    + until.minusDays(1) + " and for good on re-qualifying by then";
            record(TierChange.Kind.GRACE, review, at, null, reason,
                    () -> state = new TierState(held, state.nextReview(), until, target, state.overrideTier(), state.overrideUntil(),
                            state.historySize()));
        } else {
            demote(review, at, landing(held, target), found + " is below " + held + "'s threshold of " + threshold(held));
        }
        state = new TierState(state.earnedTier(), following, state.graceUntil(), state.graceTarget(), state.overrideTier(), state.overrideUntil(),
                state.historySize());
        changed = true;
    }

    private void endGrace(LocalDate end) {
        String held = state.earnedTier();
        LocalDate from = policy.windowStart(enrolledOn, end.minusDays(1));
        Qualifying total = total(from, end.minusDays(1));
        String now = qualifiedTier(total);
        String target = rank(now) > rank(state.graceTarget()) ? now : state.graceTarget();
        Instant at = LocalDays.startOf(end, zone);
        if (rank(target) >= rank(held)) {
            record(TierChange.Kind.RETAINED, end, at, null, describe(total) + " from " + from + " kept " + held, this::clearGrace);
            return;
        }
        String reason = "the grace period ended on " + end.minusDays(1) + " without re-qualifying for " + held + " (" + describe(total)
                + " from " + from + ")";
        String landed = landing(held, target);
        clearGrace();
        demote(end, at, landed, reason);
    }

    private void demote(LocalDate day, Instant at, String tier, String reason) {
        String landed = tier;
        record(TierChange.Kind.DEMOTION, day, at, null, reason + (policy.softLanding() ? " (soft landing: at most one tier down)" : ""),
                () -> state = new TierState(landed, state.nextReview(), null, null, state.overrideTier(), state.overrideUntil(),
                        state.historySize()));
    }

    private void clearGrace() {
        state = new TierState(state.earnedTier(), state.nextReview(), null, null, state.overrideTier(), state.overrideUntil(), state.historySize());
    }

    /** The tier a demotion from {@code held} lands on: the target, or with a soft landing no lower than the next tier down with a threshold. */
    private String landing(String held, String target) {
        if (!policy.softLanding()) {
            return target;
        }
        String below = target;
        for (Tier tier : program.tiers()) {
            // a tier without a threshold is reached only at enrolment or by override, not by stepping down onto it
            if (tier.rank() < rank(held) && policy.thresholds().containsKey(tier.code())) {
                below = tier.code();
            }
        }
        return rank(below) > rank(target) ? below : target;
    }

    private void record(TierChange.Kind kind, LocalDate day, Instant at, EventId eventId, String reason, Runnable change) {
        String before = effective();
        change.run();
        String after = effective();
        long sequence = state.historySize() + 1;
        state = new TierState(state.earnedTier(), state.nextReview(), state.graceUntil(), state.graceTarget(), state.overrideTier(),
                state.overrideUntil(), sequence);
        if (!(history instanceof ArrayList)) {
            history = new ArrayList<>(2);
        }
        if (!(steps instanceof ArrayList)) {
            steps = new ArrayList<>(2);
        }
        history.add(new TierChange(memberId, sequence, kind, before, after, day, at, eventId, reason));
        steps.add(new Explanation.Step(RULE, headline(kind, before, after), 0, reason));
        changed = true;
    }

    private static String headline(TierChange.Kind kind, String before, String after) {
        return switch (kind) {
            case ENROLMENT -> "Joined on " + after;
            case PROMOTION -> before.equals(after) ? "Qualified for a higher tier, below the override's " + after : "Promoted from " + before + " to " + after;
            case DEMOTION -> before.equals(after) ? "Earned tier lowered; the override keeps " + after : "Moved from " + before + " to " + after;
            case GRACE -> "Keeps " + after + " in a grace period";
            case RETAINED -> "Keeps " + after;
            case OVERRIDE -> "Tier set to " + after + " by override";
            case OVERRIDE_EXPIRED -> "Override ended: tier " + after;
        };
    }

    private String effective() {
        String override = state.overrideTier();
        return override != null && rank(override) > rank(state.earnedTier()) ? override : state.earnedTier();
    }

    private Qualifying total(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return Qualifying.ZERO;
        }
        Qualifying total = view.qualifying(from, to);
        for (TierUpdate.QualifyingDay added : days) {
            if (!added.day().isBefore(from) && !added.day().isAfter(to)) {
                total = total.plus(added.amount());
            }
        }
        return total;
    }

    private String qualifiedTier(Qualifying total) {
        return tierAt(total.valueOf(policy.metric()));
    }

    /** The highest tier a total of the policy's metric qualifies for. */
    private String tierAt(BigDecimal value) {
        String best = program.entryTier().code();
        for (Tier tier : program.tiers()) {
            BigDecimal needs = policy.thresholds().get(tier.code());
            if (needs != null && value.compareTo(needs) >= 0) {
                best = tier.code();
            }
        }
        return best;
    }

    private int rank(String code) {
        return program.tier(code).orElseGet(program::entryTier).rank();
    }

    private String threshold(String code) {
        BigDecimal needs = policy.thresholds().get(code);
        return needs == null ? "none" : amount(needs);
    }

    private String describe(Qualifying total) {
        BigDecimal value = total.valueOf(policy.metric());
        return switch (policy.metric()) {
            case SPEND -> "spend of " + amount(value);
            case POINTS -> value.toPlainString() + " qualifying points";
            case PURCHASES -> value.toPlainString() + " purchases";
        };
    }

    private String more(BigDecimal needed) {
        return switch (policy.metric()) {
            // rounded up: amounts finer than the minor units are kept exact, and 0.004 short is never "0.00 more"
            case SPEND -> "spend " + amount(needed, RoundingMode.UP) + " more";
            case POINTS -> "earn " + needed.toPlainString() + " more qualifying points";
            case PURCHASES -> "make " + needed.toPlainString() + " more purchases";
        };
    }

    /** A spend or threshold as it is kept: exact, with at least the currency's minor units, so that it never seems to reach a threshold it does not. */
    private String amount(BigDecimal value) {
        return policy.metric() == QualifyingMetric.SPEND
                ? Decimals.plain(Decimals.normal(value, program.currency().getDefaultFractionDigits()))
                : value.toPlainString();
    }

    /** A spend in the currency's minor units, rounded with the given mode; any other metric as it is. */
    private String amount(BigDecimal value, RoundingMode mode) {
        return policy.metric() == QualifyingMetric.SPEND
                ? value.setScale(Math.max(0, program.currency().getDefaultFractionDigits()), mode).toPlainString()
                : value.toPlainString();
    }

    private static LocalDate earliest(LocalDate a, LocalDate b) {
        return b == null || a.isBefore(b) ? a : b;
    }
}
