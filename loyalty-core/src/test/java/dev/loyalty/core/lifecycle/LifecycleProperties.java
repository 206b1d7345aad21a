package dev.loyalty.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.loyalty.core.ClawbackPolicy;
import dev.loyalty.core.ExpiryPolicy;
import dev.loyalty.core.HoldStateException;
import dev.loyalty.core.InsufficientPointsException;
import dev.loyalty.core.InvalidInputException;
import dev.loyalty.core.LoyaltyException;
import dev.loyalty.core.Outcome;
import dev.loyalty.core.PointsOverflowException;
import dev.loyalty.core.PointsPolicy;
import dev.loyalty.core.PointsSummary;
import dev.loyalty.core.ProgramSettings;
import dev.loyalty.core.SweepReport;
import dev.loyalty.core.event.HoldCapture;
import dev.loyalty.core.event.HoldVoid;
import dev.loyalty.core.event.LoyaltyEvent;
import dev.loyalty.core.event.PointsHold;
import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.event.Redemption;
import dev.loyalty.core.event.Return;
import dev.loyalty.core.model.EntryType;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.Hold;
import dev.loyalty.core.model.HoldStatus;
import dev.loyalty.core.model.LedgerEntry;
import dev.loyalty.core.model.Lot;
import dev.loyalty.core.model.Money;
import dev.loyalty.core.model.Points;
import dev.loyalty.core.spi.Decision;
import dev.loyalty.core.testing.Fixtures;
import dev.loyalty.core.testing.JavaRules;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Random sequences of purchases, redemptions, holds, captures, voids, linked and unlinked
 * returns, replays, clock advances (so points are released and expire) and sweeps, checked
 * after every step against {@link Model}, a small reference model of lots, holds and debt,
 * and against the invariants the ledger must keep whatever the model says.
 */
class LifecycleProperties {

    private static final long SEED = 20260303L;
    private static final int EXAMPLES = 150;

    /**
     * One program configuration: return window, expiry, claw-back policy, unlinked-return rate,
     * and the purchases' points per pound.
     *
     * @param windowDays 0 or 14
     * @param expiryMonths 0 for never, else rolling months
     * @param clawback the claw-back policy
     * @param unlinkedRate points per unit clawed back by an unlinked return, 0 or 1
     * @param pointsPerPound the base rate: 1, or {@link #HUGE_RATE} for points near the long range (no credit limit then)
     */
    record Config(int windowDays, int expiryMonths, ClawbackPolicy clawback, int unlinkedRate, long pointsPerPound) {

        static final Config DEFAULT = new Config(0, 0, ClawbackPolicy.DEBT, 0);

        /** 4 * 10^16 points a pound: a purchase of up to 200.00 earns up to 8 * 10^18 points, so two can pass a long. */
        static final long HUGE_RATE = 40_000_000_000_000_000L;

        Config(int windowDays, int expiryMonths, ClawbackPolicy clawback, int unlinkedRate) {
            this(windowDays, expiryMonths, clawback, unlinkedRate, 1);
        }

        /** The whole points a purchase of so many pence earns: the amount times the rate, rounded down. */
        long points(long cents) {
            return BigInteger.valueOf(cents).multiply(BigInteger.valueOf(pointsPerPound)).divide(BigInteger.valueOf(100)).longValueExact();
        }

        JavaRules rules() {
            return pointsPerPound == 1 ? Life.BASE_ONLY : JavaRules.of("base-" + pointsPerPound, ctx -> ctx.event() instanceof Purchase
                    ? List.of(new Decision.BaseRate("BASE", pointsPerPound + " points per pound", Decision.WHOLE_EVENT,
                            BigDecimal.valueOf(pointsPerPound)))
                    : List.of());
        }

        static Config of(int code) {
            return new Config(code % 2 == 0 ? 0 : 14, (code / 2) % 3, (code / 6) % 2 == 0 ? ClawbackPolicy.DEBT : ClawbackPolicy.NEGATIVE_BALANCE,
                    (code / 12) % 2);
        }

        ProgramSettings program() {
            return Life.program().returnWindowDays(windowDays)
                    .expiry(expiryMonths == 0 ? ExpiryPolicy.never() : ExpiryPolicy.rollingMonths(expiryMonths))
                    .clawback(clawback).unlinkedReturnPointsPerUnit(BigDecimal.valueOf(unlinkedRate))
                    .maxPointsPerCredit(pointsPerPound == 1 ? PointsPolicy.DEFAULT_MAX_POINTS_PER_CREDIT : Long.MAX_VALUE).build();
        }
    }

    /** One step; the numbers are turned into an event or a clock move by {@link Run#step}. */
    record Op(int kind, int a, int b) {
    }

    private static Gen<List<Op>> scenarios() {
        return scenarios(integers().between(0, 14));
    }

    private static Gen<List<Op>> scenarios(Gen<Integer> kinds) {
        Gen<Op> op = kinds.zip(integers().between(0, 20_000), integers().between(0, 1_000), Op::new);
        return lists().of(op).ofSizeBetween(1, 50);
    }

    /** Steps that run into debt more often: purchases, spending everything, and whole returns of what was spent. */
    private static Gen<List<Op>> indebtedScenarios() {
        return scenarios(Generate.pick(List.of(0, 0, 0, 4, 4, 4, 9, 9, 9, 8, 3, 5, 6, 7, 10, 11, 12, 13, 14)));
    }

    // ------------------------------------------------------------------------------------------------------------
    // the reference model

    /** A lot as the model sees it: only purchases earn. */
    static final class MLot {
        final String id;
        final Instant earnedAt;
        Instant pendingUntil;
        /** When the lot expires; moved to a later expiry already passed when an active hold keeps its points past it. */
        Instant expiresAt;
        final long points;
        final long amountCents;
        long remaining;
        long returnedCents;
        long clawedBack;
        /** Points that expired from the lot and no return has counted yet: a return counts them before charging anyone. */
        long expiredUncounted;

        MLot(String id, Instant earnedAt, Instant pendingUntil, Instant expiresAt, long points, long amountCents) {
            this.id = id;
            this.earnedAt = earnedAt;
            this.pendingUntil = pendingUntil;
            this.expiresAt = expiresAt;
            this.points = points;
            this.amountCents = amountCents;
            this.remaining = points;
        }

        MLot copy() {
            MLot lot = new MLot(id, earnedAt, pendingUntil, expiresAt, points, amountCents);
            lot.remaining = remaining;
            lot.returnedCents = returnedCents;
            lot.clawedBack = clawedBack;
            lot.expiredUncounted = expiredUncounted;
            return lot;
        }
    }

    static final class MHold {
        final long points;
        final Instant createdAt;
        final Instant expiresAt;
        HoldStatus status = HoldStatus.ACTIVE;

        MHold(long points, Instant createdAt, Instant expiresAt) {
            this.points = points;
            this.createdAt = createdAt;
            this.expiresAt = expiresAt;
        }
    }

    /** What the model expects of one event: an outcome changing the balance by {@code points}, or an exception. */
    record Expect(Class<? extends LoyaltyException> error, long points) {
    }

    /**
     * The reference model: plain lists and longs, one rule per line of the policy. Spending takes
     * the soonest-expiring (then oldest) spendable lot first; a return claws back its share of what
     * its purchase earned, from the purchase's lot, then from what expired from it (not charged
     * again), then per policy; earnings repay what is owed.
     */
    static final class Model {
        private static final Comparator<MLot> ORDER = Comparator
                .comparing((MLot l) -> l.expiresAt, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(l -> l.earnedAt).thenComparing(l -> l.id);

        final Config config;
        List<MLot> lots = new ArrayList<>();
        Map<String, MHold> holds = new LinkedHashMap<>();
        long debt;       // DEBT policy: owed off the balance
        long debtLot;    // NEGATIVE_BALANCE policy: the debt lot's (negative) remainder

        Model(Config config) {
            this.config = config;
        }

        Model copy() {
            Model m = new Model(config);
            lots.forEach(l -> m.lots.add(l.copy()));
            holds.forEach((id, h) -> {
                MHold c = new MHold(h.points, h.createdAt, h.expiresAt);
                c.status = h.status;
                m.holds.put(id, c);
            });
            m.debt = debt;
            m.debtLot = debtLot;
            return m;
        }

        long balance() {
            return Math.addExact(lots.stream().mapToLong(l -> l.remaining).reduce(0, Math::addExact), debtLot);
        }

        long pending() {
            return lots.stream().filter(l -> l.pendingUntil != null).mapToLong(l -> l.remaining).sum();
        }

        long held(Instant now) {
            return holds.values().stream().filter(h -> h.status == HoldStatus.ACTIVE && h.expiresAt.isAfter(now)).mapToLong(h -> h.points).sum();
        }

        /** What can be spent; less than a long holds (owed and held points together pass it) counts as its least value. */
        long spendable(Instant now) {
            long lotsSpendable = lots.stream().filter(l -> l.pendingUntil == null).mapToLong(l -> l.remaining).reduce(0, Math::addExact);
            BigInteger exact = BigInteger.valueOf(lotsSpendable).add(BigInteger.valueOf(debtLot)).subtract(BigInteger.valueOf(debt))
                    .subtract(BigInteger.valueOf(held(now)));
            return exact.max(BigInteger.valueOf(Long.MIN_VALUE)).longValueExact();
        }

        long owed() {
            return debt - debtLot;
        }

        /** Releases, expires and lapses what is due; returns {released lots, expired points, lapsed holds}. */
        long[] housekeep(Instant now) {
            long[] done = new long[3];
            for (MLot lot : lots) {
                if (lot.pendingUntil != null && !lot.pendingUntil.isAfter(now)) {
                    lot.pendingUntil = null;
                    done[0]++;
                }
            }
            // a due lot keeps the points active holds reserve, the soonest-expiring first (those a capture would spend), and
            // never expires so much that the spendable points no longer cover the holds; kept points stay due, dated no
            // earlier than any expiry written meanwhile
            long toKeep = held(now);
            long free = toKeep == 0 ? Long.MAX_VALUE : Math.max(0, spendable(now));
            List<MLot> order = new ArrayList<>(lots.stream().filter(l -> l.pendingUntil == null && l.remaining > 0).toList());
            order.sort(ORDER);
            List<MLot> kept = new ArrayList<>();
            Instant latestExpired = null;
            // a due lot keeps points only for the holds placed before it fell due
            long assigned = 0;
            for (MLot lot : order) {
                boolean due = lot.expiresAt != null && !lot.expiresAt.isAfter(now);
                long reserved = !due ? toKeep : holds.values().stream()
                        .filter(h -> h.status == HoldStatus.ACTIVE && h.expiresAt.isAfter(now) && h.createdAt.isBefore(lot.expiresAt))
                        .mapToLong(h -> h.points).sum();
                long keep = Math.min(Math.max(0, reserved - assigned), lot.remaining);
                assigned += keep;
                if (due) {
                    long expired = Math.min(lot.remaining - keep, free);
                    free -= expired;
                    done[1] += expired;
                    lot.remaining -= expired;
                    lot.expiredUncounted += expired;
                    if (expired > 0 && (latestExpired == null || lot.expiresAt.isAfter(latestExpired))) {
                        latestExpired = lot.expiresAt;
                    }
                    if (lot.remaining > 0) {
                        kept.add(lot);
                    }
                }
            }
            for (MLot lot : kept) {
                if (latestExpired != null && latestExpired.isAfter(lot.expiresAt)) {
                    lot.expiresAt = latestExpired;
                }
            }
            for (MHold hold : holds.values()) {
                if (hold.status == HoldStatus.ACTIVE && !hold.expiresAt.isAfter(now)) {
                    hold.status = HoldStatus.EXPIRED;
                    done[2]++;
                }
            }
            return done;
        }

        /**
         * Spends soonest-expiring first; points kept past their expiry for active holds only for a hold's capture, and
         * first only those of lots that expired after the hold was placed ({@code heldSince}; null when no capture spends).
         */
        long take(long points, Instant now, Instant heldSince) {
            long left = points;
            for (int pass = heldSince == null ? 1 : 0; pass < 2; pass++) {
                boolean first = pass == 0;
                List<MLot> order = new ArrayList<>(lots.stream().filter(l -> l.pendingUntil == null && l.remaining > 0)
                        .filter(l -> l.expiresAt == null || l.expiresAt.isAfter(now) || (first ? l.expiresAt.isAfter(heldSince) : heldSince != null))
                        .toList());
                order.sort(ORDER);
                for (MLot lot : order) {
                    long taken = Math.min(left, lot.remaining);
                    lot.remaining -= taken;
                    left -= taken;
                }
            }
            return points - left;
        }

        MLot lot(String id) {
            return lots.stream().filter(l -> l.id.equals(id)).findFirst().orElse(null);
        }

        /** Applies one new event at {@code now}; throws the model's expected error class as an {@link Expected}. */
        void apply(LoyaltyEvent event, Instant now) {
            if (event instanceof PointsHold hold && !hold.expiresAt().isAfter(now)) {
                throw new Expected(InvalidInputException.class);
            }
            housekeep(now);
            if (event instanceof Purchase purchase) {
                long cents = purchase.total().amount().movePointRight(2).longValueExact();
                Instant at = purchase.occurredAt();
                Instant pendingUntil = config.windowDays == 0 ? null : at.plus(Duration.ofDays(config.windowDays));
                if (pendingUntil != null && !pendingUntil.isAfter(now)) {
                    pendingUntil = null;
                }
                Instant expiresAt = config.expiryMonths == 0 ? null : at.atZone(ZoneOffset.UTC).plusMonths(config.expiryMonths).toInstant();
                MLot lot = new MLot(purchase.eventId().value(), at, pendingUntil, expiresAt, config.points(cents), cents);
                if (balance() > Long.MAX_VALUE - lot.points) {
                    // the balance would pass what a long holds
                    throw new Expected(PointsOverflowException.class);
                }
                long repaid = Math.min(owed(), lot.points);
                lot.remaining -= repaid;
                if (config.clawback == ClawbackPolicy.NEGATIVE_BALANCE) {
                    debtLot += repaid;
                } else {
                    debt -= repaid;
                }
                lots.add(lot);
            } else if (event instanceof Redemption redemption) {
                if (redemption.points() > spendable(now)) {
                    throw new Expected(InsufficientPointsException.class);
                }
                take(redemption.points(), now, null);
            } else if (event instanceof PointsHold hold) {
                if (hold.points() > spendable(now)) {
                    throw new Expected(InsufficientPointsException.class);
                }
                holds.put(hold.eventId().value(), new MHold(hold.points(), hold.occurredAt(), hold.expiresAt()));
            } else if (event instanceof HoldCapture capture) {
                MHold hold = holds.get(capture.holdId().value());
                if (hold == null || hold.status != HoldStatus.ACTIVE) {
                    throw new Expected(HoldStateException.class);
                }
                if (hold.points > spendable(now) + hold.points) {
                    throw new Expected(InsufficientPointsException.class);
                }
                hold.status = HoldStatus.CAPTURED;
                take(hold.points, now, hold.createdAt);
            } else if (event instanceof HoldVoid release) {
                MHold hold = holds.get(release.holdId().value());
                if (hold == null || hold.status != HoldStatus.ACTIVE) {
                    throw new Expected(HoldStateException.class);
                }
                hold.status = HoldStatus.VOIDED;
            } else if (event instanceof Return refund) {
                long cents = refund.amount().amount().movePointRight(2).longValueExact();
                MLot lot = refund.purchaseId() == null ? null : lot(refund.purchaseId().value());
                if (lot == null) {
                    long wanted = cents * config.unlinkedRate / 100;
                    take(Math.min(wanted, Math.max(0, spendable(now))), now, null);
                    return;
                }
                lot.returnedCents += cents;
                long counted = Math.min(lot.returnedCents, lot.amountCents);
                // HALF_UP of points * counted / amount, in whole numbers
                long target = lot.amountCents == 0 ? lot.points : Math.min(lot.points, BigInteger.valueOf(2 * counted).multiply(BigInteger.valueOf(lot.points))
                        .add(BigInteger.valueOf(lot.amountCents)).divide(BigInteger.valueOf(2 * lot.amountCents)).longValueExact());
                long clawback = Math.max(0, target - lot.clawedBack);
                long fromLot = Math.min(clawback, lot.remaining);
                lot.remaining -= fromLot;
                // points that expired from the lot are gone already: counted, not charged again; only spent ones are
                long uncharged = Math.min(clawback - fromLot, lot.expiredUncounted);
                lot.expiredUncounted -= uncharged;
                long shortfall = clawback - fromLot - uncharged;
                // more owed than a long holds refuses the return
                try {
                    if (config.clawback == ClawbackPolicy.NEGATIVE_BALANCE) {
                        debtLot = -Math.addExact(-debtLot, shortfall);
                    } else {
                        long fromOthers = take(Math.min(shortfall, Math.max(0, spendable(now))), now, null);
                        debt = Math.addExact(debt, shortfall - fromOthers);
                    }
                } catch (ArithmeticException e) {
                    throw new Expected(PointsOverflowException.class);
                }
                lot.clawedBack += clawback;
            } else {
                throw new IllegalStateException(event.kind());
            }
        }
    }

    /** The model refuses an event, expecting the engine to throw this. */
    static final class Expected extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final Class<? extends LoyaltyException> error;

        Expected(Class<? extends LoyaltyException> error) {
            super(error.getSimpleName(), null, false, false);
            this.error = error;
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // one scenario against engine and model

    static final class Run {
        final Config config;
        final Life life;
        Model model;
        final List<LoyaltyEvent> events = new ArrayList<>();
        final List<String> holdIds = new ArrayList<>();
        final List<String> purchaseIds = new ArrayList<>();
        final Map<String, Money> amounts = new HashMap<>();
        /** Outcomes of accepted events, by id. */
        final Map<String, Outcome> accepted = new HashMap<>();
        /** Which purchase each linked return names. */
        final Map<String, String> returnOf = new HashMap<>();
        final StringBuilder trace = new StringBuilder();
        /** Set after a move to a due instant, so the next step happens exactly then. */
        boolean keepClock;

        Run(Config config) {
            this.config = config;
            this.life = Life.enrolled(config.program(), config.rules(), null, Life.START);
            this.model = new Model(config);
        }

        Instant now() {
            return life.now();
        }

        void step(int index, Op op) {
            if (!keepClock) {
                life.advance(Duration.ofMinutes(1));
            }
            keepClock = op.kind() == 13;
            switch (op.kind()) {
                case 12 -> {
                    life.advance(Duration.ofDays(op.a() % 46).plusHours(op.b() % 24));
                    trace.append(index).append(": clock ").append(now()).append('\n');
                }
                case 13 -> {
                    // straight to the next instant something falls due, or one second before it
                    Instant due = nextDue();
                    life.at(due == null ? now().plus(Duration.ofDays(1)) : op.b() % 2 == 0 ? due : due.minusSeconds(1).isAfter(now())
                            ? due.minusSeconds(1) : due);
                    trace.append(index).append(": clock ").append(now()).append(" (due ").append(due).append(")\n");
                }
                case 14 -> sweep();
                default -> {
                    LoyaltyEvent event = event(index, op);
                    trace.append(index).append(": ").append(event).append('\n');
                    events.add(event);
                    process(event);
                }
            }
        }

        /** The earliest instant after now at which the model releases, expires or lapses something. */
        private Instant nextDue() {
            List<Instant> due = new ArrayList<>();
            model.lots.forEach(l -> {
                due.add(l.pendingUntil);
                due.add(l.remaining > 0 ? l.expiresAt : null);
            });
            model.holds.values().forEach(h -> due.add(h.status == HoldStatus.ACTIVE ? h.expiresAt : null));
            return due.stream().filter(Objects::nonNull).filter(t -> t.isAfter(now())).min(Comparator.naturalOrder()).orElse(null);
        }

        /** What the model says the member can spend now. */
        private long spendableNow() {
            Model asOfNow = model.copy();
            asOfNow.housekeep(now());
            return Math.max(0, asOfNow.spendable(now()));
        }

        private LoyaltyEvent event(int i, Op op) {
            Money money = Money.of(BigDecimal.valueOf(op.a(), 2), Fixtures.CURRENCY);
            long points = 1 + op.b() % 150;
            long spendable = spendableNow();
            long all = Math.max(1, op.b() % 4 == 0 && spendable < Long.MAX_VALUE ? spendable + 1 : spendable);
            return switch (op.kind()) {
                case 0, 1, 2 -> {
                    purchaseIds.add("p-" + i);
                    amounts.put("p-" + i, money);
                    yield Purchase.builder(EventId.of("p-" + i), life.member, now()).line("SKU", "general", 1, money).build();
                }
                case 3 -> new Redemption(EventId.of("r-" + i), life.member, now(), "VOUCHER", points, null);
                case 4 -> new Redemption(EventId.of("r-" + i), life.member, now(), "VOUCHER", all, null);
                case 5 -> {
                    holdIds.add("h-" + i);
                    yield new PointsHold(EventId.of("h-" + i), life.member, now(), "CHECKOUT", op.b() % 2 == 0 ? points : all,
                            now().plus(Duration.ofMinutes(1 + op.a() % (60 * 24 * 3))));
                }
                case 6 -> new HoldCapture(EventId.of("c-" + i), life.member, now(), EventId.of(pick(holdIds, op.b(), "h-none")));
                case 7 -> new HoldVoid(EventId.of("v-" + i), life.member, now(), EventId.of(pick(holdIds, op.b(), "h-none")));
                case 8, 9 -> {
                    String purchase = pick(purchaseIds, op.b(), "p-none");
                    Money whole = amounts.get(purchase);
                    Money amount = op.kind() == 9 && whole != null && whole.signum() > 0 ? whole
                            : Money.of(BigDecimal.valueOf(1 + op.a() % 12_000, 2), Fixtures.CURRENCY);
                    returnOf.put("ret-" + i, purchase);
                    yield new Return(EventId.of("ret-" + i), life.member, now(), EventId.of(purchase), amount);
                }
                case 10 -> new Return(EventId.of("ret-" + i), life.member, now(), op.b() % 2 == 0 ? null : EventId.of("p-unknown"),
                        Money.of(BigDecimal.valueOf(1 + op.a(), 2), Fixtures.CURRENCY));
                default -> events.isEmpty()
                        ? new Redemption(EventId.of("r-" + i), life.member, now(), "VOUCHER", points, null)
                        : events.get(op.b() % events.size());
            };
        }

        private static String pick(List<String> ids, int ref, String none) {
            return ids.isEmpty() ? none : ids.get(ref % ids.size());
        }

        private void process(LoyaltyEvent event) {
            String id = event.eventId().value();
            Object before = life.state();
            if (accepted.containsKey(id)) {
                assertThat(life.engine.process(event)).as("replay of %s", id).isEqualTo(accepted.get(id));
                assertThat(life.state()).as("state after replay of %s", id).isEqualTo(before);
                return;
            }
            Model next = model.copy();
            Expect expect;
            try {
                Model housekept = model.copy();
                housekept.housekeep(now());
                next.apply(event, now());
                expect = new Expect(null, next.balance() - housekept.balance());
            } catch (Expected e) {
                expect = new Expect(e.error, 0);
            }
            Object result;
            try {
                result = life.engine.process(event);
            } catch (LoyaltyException e) {
                result = e;
            }
            if (expect.error() != null) {
                assertThat(result).as("%s refused", id).isInstanceOf(expect.error());
                assertThat(life.state()).as("state after refused %s", id).isEqualTo(before);
            } else {
                assertThat(result).as("%s accepted", id).isInstanceOf(Outcome.class);
                Outcome outcome = (Outcome) result;
                assertThat(outcome.points().value()).as("points of %s", id).isEqualTo(expect.points());
                accepted.put(id, outcome);
                model = next;
            }
        }

        private void sweep() {
            Model next = model.copy();
            long[] due = next.housekeep(now());
            SweepReport report = life.engine.sweep();
            trace.append("sweep at ").append(now()).append(": ").append(report).append('\n');
            assertThat(report).as("sweep").isEqualTo(new SweepReport(1, due[0] + due[1] + due[2] > 0 ? 1 : 0, due[0], due[1], due[2]));
            model = next;
            Object after = life.state();
            assertThat(life.engine.sweep()).as("second sweep").isEqualTo(new SweepReport(1, 0, 0, 0, 0));
            assertThat(life.state()).as("state after second sweep").isEqualTo(after);
        }

        /** Compares the store with the model and checks the ledger's invariants. */
        void check() {
            life.assertConsistent();
            long balance = life.balance();
            assertThat(balance).as("stored balance").isEqualTo(model.balance());
            Map<String, Long> remaining = new HashMap<>();
            for (Lot lot : life.engine.lots(life.member)) {
                remaining.put(lot.id(), lot.remaining());
            }
            Map<String, Long> expected = new HashMap<>();
            model.lots.forEach(l -> expected.put(l.id, l.remaining));
            if (model.debtLot != 0 || remaining.containsKey(Lot.DEBT_LOT)) {
                expected.put(Lot.DEBT_LOT, model.debtLot);
            }
            assertThat(remaining).as("lot remainders").isEqualTo(expected);
            assertThat(life.store.account(life.member).debt()).as("debt kept off the balance").isEqualTo(model.debt);
            Map<String, HoldStatus> statuses = new HashMap<>();
            for (Hold hold : life.engine.holds(life.member)) {
                statuses.put(hold.id(), hold.status());
            }
            Map<String, HoldStatus> expectedStatuses = new HashMap<>();
            model.holds.forEach((id, h) -> expectedStatuses.put(id, h.status));
            assertThat(statuses).as("hold statuses").isEqualTo(expectedStatuses);

            Model asOfNow = model.copy();
            asOfNow.housekeep(now());
            PointsSummary summary = life.summary();
            assertThat(summary).as("summary").isEqualTo(new PointsSummary(Points.of(asOfNow.balance()),
                    Points.of(Math.max(0, asOfNow.spendable(now()))), Points.of(asOfNow.pending()),
                    Points.of(asOfNow.held(now())), Points.of(asOfNow.owed())));

            // available never negative unless the policy allows it, and then only by what is owed
            if (config.clawback == ClawbackPolicy.DEBT) {
                assertThat(balance).as("balance under the debt policy").isNotNegative();
            } else {
                assertThat(balance).as("balance under the negative-balance policy").isGreaterThanOrEqualTo(model.debtLot);
            }
            List<LedgerEntry> ledger = life.ledger();
            // reversals never exceed what they reverse
            Map<String, Long> reversedPerPurchase = new HashMap<>();
            for (LedgerEntry entry : ledger) {
                String purchase = returnOf.get(entry.eventId().value());
                if (entry.type() == EntryType.REVERSE && purchase != null) {
                    reversedPerPurchase.merge(purchase, -entry.points().value(), Long::sum);
                }
            }
            for (Lot lot : life.engine.lots(life.member)) {
                if (!lot.id().equals(Lot.DEBT_LOT)) {
                    assertThat(reversedPerPurchase.getOrDefault(lot.id(), 0L)).as("reversed for %s", lot.id()).isLessThanOrEqualTo(lot.points());
                }
            }
            // each event applied at most once: its own entries are exactly those of its one outcome
            for (Map.Entry<String, Outcome> event : accepted.entrySet()) {
                List<LedgerEntry> own = ledger.stream()
                        .filter(e -> e.eventId().value().equals(event.getKey()))
                        .filter(e -> e.type() != EntryType.RELEASE && e.type() != EntryType.EXPIRE)
                        .toList();
                assertThat(own).as("entries of %s", event.getKey()).isEqualTo(event.getValue().entries());
            }
            // expiry is oldest-first: a lot expires only once every lot expiring earlier has
            Instant latestExpired = null;
            for (LedgerEntry entry : ledger) {
                if (entry.type() == EntryType.EXPIRE) {
                    assertThat(Objects.requireNonNullElse(latestExpired, Instant.MIN)).as("expiry order").isBeforeOrEqualTo(entry.occurredAt());
                    latestExpired = entry.occurredAt();
                }
            }
        }
    }

    private static void run(Config config, List<Op> ops) {
        Run run = new Run(config);
        for (int i = 0; i < ops.size(); i++) {
            try {
                run.step(i, ops.get(i));
                run.check();
            } catch (AssertionError e) {
                throw new AssertionError(config + "\n" + run.trace + e.getMessage(), e);
            }
        }
    }

    @Test
    void shouldAgreeWithReferenceModelWhenAnySequenceRunsUnderDefaultPolicy() {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(scenarios()).checkAssert(ops -> run(Config.DEFAULT, ops));
    }

    @Test
    void shouldAgreeWithReferenceModelWhenAnySequenceRunsUnderNegativeBalancePolicy() {
        Config negative = new Config(0, 0, ClawbackPolicy.NEGATIVE_BALANCE, 0);
        qt().withFixedSeed(SEED + 1).withExamples(EXAMPLES).forAll(scenarios()).checkAssert(ops -> run(negative, ops));
    }

    @Test
    void shouldAgreeWithReferenceModelWhenPointsArePendingAndExpireUnderDebtPolicy() {
        Config pendingAndExpiring = new Config(14, 1, ClawbackPolicy.DEBT, 0);
        qt().withFixedSeed(SEED + 2).withExamples(EXAMPLES).forAll(scenarios()).checkAssert(ops -> run(pendingAndExpiring, ops));
    }

    @Test
    void shouldAgreeWithReferenceModelWhenAnySequenceRunsUnderAnyPolicy() {
        qt().withFixedSeed(SEED + 3).withExamples(EXAMPLES).forAll(integers().between(0, 23), scenarios())
                .checkAssert((code, ops) -> run(Config.of(code), ops));
    }

    @Test
    void shouldAgreeWithReferenceModelWhenPurchasesEarnPointsNearTheLongRangeUnderAnyPolicy() {
        // points that never expire: a purchase refused for overflow and sent again later is dated in the past, and its lot
        // could expire after lots that expire later, which the expiry-order check does not expect
        qt().withFixedSeed(SEED + 4).withExamples(EXAMPLES).forAll(integers().between(0, 23), indebtedScenarios())
                .checkAssert((code, ops) -> {
                    Config config = Config.of(code);
                    run(new Config(config.windowDays(), 0, config.clawback(), config.unlinkedRate(), Config.HUGE_RATE), ops);
                });
    }
}
