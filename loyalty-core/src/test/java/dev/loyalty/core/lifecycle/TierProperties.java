package dev.loyalty.core.lifecycle;

import dev.loyalty.core.testing.DayClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.loyalty.core.LoyaltyEngine;
import dev.loyalty.core.ProgramSettings;
import dev.loyalty.core.event.Enrolment;
import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.event.Return;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.Money;
import dev.loyalty.core.store.InMemoryStore;
import dev.loyalty.core.testing.TierRules;
import dev.loyalty.core.tier.QualifyingMetric;
import dev.loyalty.core.tier.QualifyingWindow;
import dev.loyalty.core.tier.TierPolicy;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The tier is a pure function of the qualifying history, the policy and the date: random
 * purchases, partial and whole returns and sweeps over years are run through the engine, and after
 * every step the stored tier must equal {@link #tierOf}, a day-by-day recomputation from the
 * history alone (naive sums over a list, no buckets). Sweeps are only a schedule: the same history
 * without them must give the same tier.
 */
class TierProperties {

    private static final long SEED = 20261122L;
    private static final List<String> LADDER = List.of("member", "silver", "gold", "diamond");

    /** One step: days to wait first, what to do (0-5 purchase, 6-7 return, 8-9 sweep) and an amount in pence. */
    record Op(int days, int kind, int pence) {
    }

    /** A qualifying amount recorded on {@code recorded}, counted on {@code bucket}; {@code purchase} when a purchase recorded it. */
    record Delta(LocalDate recorded, LocalDate bucket, BigDecimal spend, int purchases, boolean purchase) {
    }

    private static Gen<List<Op>> scenarios() {
        Gen<Op> op = integers().between(0, 150).zip(integers().between(0, 9), integers().between(1, 300_000), Op::new);
        return lists().of(op).ofSizeBetween(1, 30);
    }

    private static TierPolicy policy(int code) {
        QualifyingWindow window = QualifyingWindow.values()[code % 3];
        boolean purchases = (code / 3) % 2 == 1;
        TierPolicy.Builder builder = purchases
                ? TierPolicy.builder(QualifyingMetric.PURCHASES, window).threshold("silver", BigDecimal.valueOf(3))
                        .threshold("gold", BigDecimal.valueOf(6)).threshold("diamond", BigDecimal.valueOf(12))
                : TierRules.ladder(window);
        return builder.graceDays((code / 6) % 2 == 0 ? 0 : 60).softLanding((code / 12) % 2 == 1).build();
    }

    @Test
    void shouldKeepTheTierThatRecomputingFromTheHistoryGivesAfterEveryStep() {
        qt().withFixedSeed(SEED).withExamples(120).forAll(integers().between(0, 23), integers().between(0, 1), scenarios())
                .checkAssert((code, leap, ops) -> run(policy(code), leap == 1 ? LocalDate.of(2024, 2, 29) : LocalDate.of(2025, 6, 15), ops,
                        true));
    }

    @Test
    void shouldReachTheSameTierWithoutSweeps() {
        qt().withFixedSeed(SEED + 1).withExamples(80).forAll(integers().between(0, 23), scenarios())
                .checkAssert((code, ops) -> run(policy(code), LocalDate.of(2024, 2, 29), ops, false));
    }

    private static void run(TierPolicy policy, LocalDate enrolled, List<Op> ops, boolean sweeps) {
        DayClock clock = new DayClock(enrolled);
        LoyaltyEngine engine = LoyaltyEngine.builder().program(ProgramSettings.builder().currency("GBP").build()).clock(clock)
                .store(new InMemoryStore()).ruleEngine(TierRules.with(policy)).build();
        MemberId member = MemberId.of("m");
        engine.process(Enrolment.of(EventId.of("enrol"), member, clock.instant()));
        List<Delta> history = new ArrayList<>();
        List<LocalDate> purchaseDays = new ArrayList<>();
        List<BigDecimal> amounts = new ArrayList<>();
        List<BigDecimal> returned = new ArrayList<>();
        int step = 0;
        for (Op op : ops) {
            step++;
            clock.setDay(clock.day().plusDays(op.days()));
            BigDecimal amount = BigDecimal.valueOf(op.pence(), 2);
            if (op.kind() <= 5) {
                engine.process(Purchase.builder(EventId.of("p" + purchaseDays.size()), member, clock.instant())
                        .line("SKU", "gifts", 1, Money.of(amount.toPlainString(), "GBP")).build());
                history.add(new Delta(clock.day(), clock.day(), amount, 1, true));
                purchaseDays.add(clock.day());
                amounts.add(amount);
                returned.add(BigDecimal.ZERO);
            } else if (op.kind() <= 7 && !purchaseDays.isEmpty()) {
                int which = op.pence() % purchaseDays.size();
                BigDecimal refund = op.kind() == 6 ? amounts.get(which) : amount.min(amounts.get(which));
                engine.process(new Return(EventId.of("r" + step), member, clock.instant(), EventId.of("p" + which),
                        Money.of(refund.toPlainString(), "GBP")));
                BigDecimal source = amounts.get(which);
                BigDecimal before = returned.get(which);
                BigDecimal after = before.add(refund);
                returned.set(which, after);
                BigDecimal spend = after.min(source).subtract(before.min(source));
                boolean whole = before.compareTo(source) < 0 && after.compareTo(source) >= 0;
                history.add(new Delta(clock.day(), purchaseDays.get(which), spend.negate(), whole ? -1 : 0, false));
            } else if (sweeps) {
                // a sweep, or a return with nothing to return: either way time is processed up to today
                engine.sweep();
            }
            if (sweeps) {
                assertThat(engine.member(member).orElseThrow().tierCode()).as("after step %d on %s", step, clock.day())
                        .isEqualTo(tierOf(policy, enrolled, history, clock.day()));
            }
        }
        engine.sweep();
        assertThat(engine.member(member).orElseThrow().tierCode()).as("after a final sweep on %s", clock.day())
                .isEqualTo(tierOf(policy, enrolled, history, clock.day()));
    }

    /** The tier on {@code asOf} recomputed day by day from the qualifying history. */
    static String tierOf(TierPolicy policy, LocalDate enrolled, List<Delta> history, LocalDate asOf) {
        int tier = 0;
        int graceTarget = -1;
        LocalDate graceUntil = null;
        int years = 1;
        LocalDate review = policy.window() == QualifyingWindow.CALENDAR_YEAR ? LocalDate.of(enrolled.getYear() + 1, 1, 1) : enrolled.plusYears(1);
        List<Delta> seen = new ArrayList<>();
        int next = 0;
        for (LocalDate day = enrolled; !day.isAfter(asOf); day = day.plusDays(1)) {
            if (day.equals(review)) {
                LocalDate from = policy.window() == QualifyingWindow.CALENDAR_YEAR ? LocalDate.of(day.getYear() - 1, 1, 1)
                        : enrolled.plusYears(years - 1);
                int target = qualified(policy, sum(policy, seen, from, day.minusDays(1)));
                if (target > tier) {
                    tier = target;
                    graceUntil = null;
                } else if (target == tier) {
                    graceUntil = null;
                } else if (graceUntil != null) {
                    graceTarget = Math.min(graceTarget, target);
                } else if (policy.graceDays() > 0) {
                    graceUntil = day.plusDays(policy.graceDays());
                    graceTarget = target;
                } else {
                    tier = land(policy, tier, target);
                }
                years++;
                review = policy.window() == QualifyingWindow.CALENDAR_YEAR ? LocalDate.of(day.getYear() + 1, 1, 1) : enrolled.plusYears(years);
            }
            if (day.equals(graceUntil)) {
                int now = qualified(policy, sum(policy, seen, windowStart(policy, enrolled, day.minusDays(1)), day.minusDays(1)));
                int target = Math.max(now, graceTarget);
                if (target < tier) {
                    tier = land(policy, tier, target);
                }
                graceUntil = null;
            }
            while (next < history.size() && history.get(next).recorded().equals(day)) {
                Delta delta = history.get(next++);
                seen.add(delta);
                if (delta.purchase()) {
                    int now = qualified(policy, sum(policy, seen, windowStart(policy, enrolled, day), day));
                    if (now > tier) {
                        tier = now;
                        graceUntil = null;
                    } else if (graceUntil != null && now >= tier) {
                        graceUntil = null;
                    }
                }
            }
        }
        return LADDER.get(tier);
    }

    private static int land(TierPolicy policy, int held, int target) {
        return policy.softLanding() ? Math.max(target, held - 1) : target;
    }

    private static LocalDate windowStart(TierPolicy policy, LocalDate enrolled, LocalDate day) {
        return switch (policy.window()) {
            case ROLLING_12_MONTHS -> day.minusYears(1).plusDays(1);
            case CALENDAR_YEAR -> LocalDate.of(day.getYear(), 1, 1);
            case ANNIVERSARY_YEAR -> {
                LocalDate last = enrolled;
                for (int n = 1; !enrolled.plusYears(n).isAfter(day); n++) {
                    last = enrolled.plusYears(n);
                }
                yield last;
            }
        };
    }

    private static BigDecimal sum(TierPolicy policy, List<Delta> seen, LocalDate from, LocalDate to) {
        BigDecimal total = BigDecimal.ZERO;
        for (Delta delta : seen) {
            if (!delta.bucket().isBefore(from) && !delta.bucket().isAfter(to)) {
                total = total.add(policy.metric() == QualifyingMetric.SPEND ? delta.spend() : BigDecimal.valueOf(delta.purchases()));
            }
        }
        return total;
    }

    private static int qualified(TierPolicy policy, BigDecimal total) {
        int best = 0;
        for (Map.Entry<String, BigDecimal> threshold : policy.thresholds().entrySet()) {
            if (total.compareTo(threshold.getValue()) >= 0) {
                best = Math.max(best, LADDER.indexOf(threshold.getKey()));
            }
        }
        return best;
    }
}
