package dev.loyalty.benchmarks;

import dev.loyalty.core.CurrencyMismatchException;
import dev.loyalty.core.model.Account;
import dev.loyalty.core.model.EntryType;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.Hold;
import dev.loyalty.core.model.LedgerEntry;
import dev.loyalty.core.model.Lot;
import dev.loyalty.core.model.LotReturn;
import dev.loyalty.core.model.Member;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.MemberStatus;
import dev.loyalty.core.model.Offer;
import dev.loyalty.core.model.OfferBook;
import dev.loyalty.core.model.Points;
import dev.loyalty.core.spi.LoyaltyStore;
import dev.loyalty.core.spi.MemberChanges;
import dev.loyalty.core.spi.MemberView;
import dev.loyalty.core.spi.StoredEvent;
import dev.loyalty.core.spi.SweepCheckpoint;
import dev.loyalty.core.tier.TierChange;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A read-only store of any number of synthetic members whose histories are generated on demand
 * from a seed, the same every time, and never kept: it measures the analytics' own time and
 * memory at a million members without a million members' worth of heap in the store. Skew as
 * {@link SyntheticShop}: purchases per member follow a Pareto distribution (many members buy
 * once or never, a few buy dozens of times), so do basket amounts; a tenth of the purchases are
 * partly returned, a fifth of the buyers redeem and a tenth see points expire. Enrolments spread
 * over 2025, purchases up to the end of 2025; the busiest members are on the higher tiers.
 */
final class SyntheticLedgerStore implements LoyaltyStore {

    static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    static final Instant END = Instant.parse("2026-01-01T00:00:00Z");
    /** The currency the generated amounts are in, as {@link InsightsRun}'s program. */
    static final Currency CURRENCY = Currency.getInstance("GBP");

    private final int members;
    private final long seed;
    /** The last member generated: analytics read a member's lots and then their ledger. */
    private History last;

    SyntheticLedgerStore(int members, long seed) {
        this.members = members;
        this.seed = seed;
    }

    private record History(Member member, List<Lot> lots, List<LedgerEntry> ledger) {
    }

    static MemberId id(int index) {
        return MemberId.of(String.format("m%08d", index));
    }

    private History history(MemberId id) {
        History cached = last;
        if (cached != null && cached.member().id().equals(id)) {
            return cached;
        }
        int index = Integer.parseInt(id.value().substring(1));
        History made = generate(index);
        last = made;
        return made;
    }

    private History generate(int index) {
        SplittableRandom random = new SplittableRandom(seed ^ (index * 0x9E3779B97F4A7C15L));
        MemberId id = id(index);
        Instant enrolled = START.plusSeconds(random.nextLong(Duration.ofDays(330).toSeconds()));
        int purchases = (int) Math.min(200, pareto(random, 1.16) - 1);
        String tier = purchases >= 20 ? "diamond" : purchases >= 10 ? "gold" : purchases >= 5 ? "silver" : "member";
        Member member = new Member(id, enrolled, tier, MemberStatus.ACTIVE, null, null);
        List<Lot> lots = new ArrayList<>(purchases);
        List<LedgerEntry> ledger = new ArrayList<>(purchases + 2);
        long span = Duration.between(enrolled, END).toSeconds();
        long balance = 0;
        for (int p = 0; p < purchases; p++) {
            Instant at = enrolled.plusSeconds(random.nextLong(span));
            long pence = Math.min(50_000, 500 + (long) ((pareto(random, 1.5) - 1) * 2_000));
            BigDecimal amount = BigDecimal.valueOf(pence, 2);
            BigDecimal returned = random.nextInt(10) == 0 ? BigDecimal.valueOf(pence / 2, 2) : BigDecimal.ZERO;
            long points = pence / 100;
            EventId event = EventId.of(id.value() + "-p" + p);
            lots.add(new Lot(event.value(), id, event, at, null, null, points, points, amount, returned, 0, 0));
            ledger.add(entry(id, ledger.size() + 1, event, EntryType.EARN, points, at));
            balance += points;
        }
        if (balance > 0 && random.nextInt(5) == 0) {
            long redeemed = 1 + random.nextLong(balance);
            ledger.add(entry(id, ledger.size() + 1, EventId.of(id.value() + "-r"), EntryType.REDEEM, -redeemed,
                    enrolled.plusSeconds(random.nextLong(span))));
            balance -= redeemed;
        }
        if (balance > 0 && random.nextInt(10) == 0) {
            long expired = 1 + random.nextLong(balance);
            ledger.add(entry(id, ledger.size() + 1, EventId.of(id.value() + "-x"), EntryType.EXPIRE, -expired,
                    enrolled.plusSeconds(random.nextLong(span))));
        }
        return new History(member, lots, ledger);
    }

    private static LedgerEntry entry(MemberId id, long sequence, EventId event, EntryType type, long points, Instant at) {
        return new LedgerEntry(id, sequence, event, type, Points.of(points), event.value(), "SYNTH", "synthetic", "v1", at, at);
    }

    private static double pareto(SplittableRandom random, double shape) {
        return 1 / Math.pow(1 - random.nextDouble(), 1 / shape);
    }

    /** Accepts the currency its generated amounts are in, {@link #CURRENCY}, and refuses any other. */
    @Override
    public void bindCurrency(Currency currency) {
        if (!CURRENCY.equals(currency)) {
            throw CurrencyMismatchException.storeRecords(currency, CURRENCY);
        }
    }

    @Override
    public void forEachMember(Consumer<Member> consumer) {
        for (int i = 0; i < members; i++) {
            consumer.accept(history(id(i)).member());
        }
    }

    @Override
    public List<Lot> lots(MemberId memberId) {
        return history(memberId).lots();
    }

    /** The synthetic histories have no returns. */
    @Override
    public List<LotReturn> returns(MemberId memberId) {
        return List.of();
    }

    @Override
    public List<LedgerEntry> ledger(MemberId memberId) {
        return history(memberId).ledger();
    }

    @Override
    public Optional<Member> findMember(MemberId memberId) {
        return Optional.of(history(memberId).member());
    }

    @Override
    public Points balance(MemberId memberId) {
        return Points.of(history(memberId).ledger().stream().mapToLong(e -> e.points().value()).sum());
    }

    @Override
    public Optional<StoredEvent> findEvent(EventId eventId) {
        return Optional.empty();
    }

    @Override
    public StoredEvent apply(MemberId memberId, Function<MemberView, MemberChanges> work) {
        throw new UnsupportedOperationException("the synthetic ledger store is read-only");
    }

    @Override
    public List<Hold> holds(MemberId memberId) {
        return List.of();
    }

    @Override
    public Account account(MemberId memberId) {
        return Account.NEW;
    }

    @Override
    public void forEachMember(MemberId fromInclusive, MemberId toExclusive, Consumer<Member> consumer) {
        forEachMember(member -> {
            boolean from = fromInclusive == null || member.id().compareTo(fromInclusive) >= 0;
            boolean to = toExclusive == null || member.id().compareTo(toExclusive) < 0;
            if (from && to) {
                consumer.accept(member);
            }
        });
    }

    @Override
    public List<TierChange> tierHistory(MemberId memberId) {
        return List.of();
    }

    @Override
    public Optional<Offer> findOffer(String code) {
        return Optional.empty();
    }

    @Override
    public List<Offer> offers(MemberId memberId) {
        return List.of();
    }

    @Override
    public OfferBook offerBook(MemberId memberId) {
        return OfferBook.NEW;
    }

    @Override
    public Optional<SweepCheckpoint> findSweepCheckpoint(String sweepId) {
        return Optional.empty();
    }

    @Override
    public void saveSweepCheckpoint(SweepCheckpoint checkpoint) {
        throw new UnsupportedOperationException("the synthetic ledger store is read-only");
    }
}
