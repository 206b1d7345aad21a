package dev.loyalty.benchmarks;

import dev.loyalty.core.LoyaltyEngine;
import dev.loyalty.core.ProgramSettings;
import dev.loyalty.core.event.Enrolment;
import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.event.PurchaseLine;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.Money;
import dev.loyalty.core.spi.RuleEngine;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded synthetic shop with realistic skew, for benchmarks: how often members buy follows a
 * Pareto distribution (a fifth of the members make most of the purchases), so does how much they
 * put in a basket; members buy their favourite products again and again; product popularity is
 * skewed too; a third of the baskets carry postage, which the default pack excludes. The best
 * customers sit on the higher tiers. Baskets are in time order over 2025; a benchmark that cycles
 * over them again moves each lap {@link #LAP} later, so that time only goes forward, as at a real
 * till, and the shop's {@link #clock() clock} follows the latest purchase handed out.
 *
 * <pre>{@code
 * SyntheticShop shop = SyntheticShop.generate(42, 1_000, 50_000);
 * LoyaltyEngine engine = shop.engineWithMembers(rules);
 * engine.process(shop.purchase(0, 0));
 * }</pre>
 */
public final class SyntheticShop {

    /** When the members enrol; baskets follow within the year. */
    public static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    /** How much later each lap over the baskets happens: the span of the baskets, rounded up. */
    public static final Duration LAP = Duration.ofDays(360);

    /** Where the shop's clock stands before any purchase: after the first lap's last basket. */
    private static final Instant FIRST_NOW = START.plus(Duration.ofDays(400));

    /** How many products the catalogue holds, named {@code SKU-0} to {@code SKU-4999} (plus the bonus SKU {@code 85123A}). */
    public static final int PRODUCTS = 5_000;

    private static final Currency GBP = Money.currency("GBP");
    private static final String[] CATEGORIES = {"gifts", "gifts", "gifts", "kitchen", "kitchen", "lighting", "lighting", "garden", "christmas", "bags"};
    private static final PurchaseLine POSTAGE = new PurchaseLine("POST", "service", 1, new Money(new BigDecimal("4.00"), GBP));

    private final MemberId[] memberIds;
    private final String[] tiers;
    private final MemberId[] buyers;
    private final Instant[] times;
    private final List<List<PurchaseLine>> baskets;
    private final ShopClock clock = new ShopClock();

    private SyntheticShop(MemberId[] memberIds, String[] tiers, MemberId[] buyers, Instant[] times, List<List<PurchaseLine>> baskets) {
        this.memberIds = memberIds;
        this.tiers = tiers;
        this.buyers = buyers;
        this.times = times;
        this.baskets = baskets;
    }

    /**
     * Generates a shop: its members, their tiers and their baskets.
     *
     * @param seed the random seed; the same seed gives the same shop
     * @param members how many members
     * @param basketCount how many baskets (purchases) over the year
     * @return the shop
     */
    public static SyntheticShop generate(long seed, int members, int basketCount) {
        SplittableRandom random = new SplittableRandom(seed);
        PurchaseLine[] catalogue = new PurchaseLine[PRODUCTS + 1];
        for (int p = 0; p < PRODUCTS; p++) {
            // prices from 0.39 to about 30, most of them low
            long pence = Math.min(2_999, 39 + (long) (pareto(random, 1.5) * 150) - 150);
            catalogue[p] = new PurchaseLine("SKU-" + p, CATEGORIES[random.nextInt(CATEGORIES.length)], 1,
                    new Money(BigDecimal.valueOf(pence, 2), GBP));
        }
        catalogue[PRODUCTS] = new PurchaseLine("85123A", "lighting", 1, new Money(new BigDecimal("2.55"), GBP));

        double[] activity = new double[members];
        double[] basketSize = new double[members];
        int[][] favourites = new int[members][];
        MemberId[] memberIds = new MemberId[members];
        for (int m = 0; m < members; m++) {
            memberIds[m] = MemberId.of("m" + m);
            activity[m] = pareto(random, 1.16);
            basketSize[m] = Math.min(4, pareto(random, 2.5));
            favourites[m] = new int[5];
            for (int f = 0; f < favourites[m].length; f++) {
                favourites[m][f] = popularProduct(random);
            }
        }
        String[] tiers = tiersByActivity(activity);
        double[] cumulative = new double[members];
        double sum = 0;
        for (int m = 0; m < members; m++) {
            sum += activity[m];
            cumulative[m] = sum;
        }

        MemberId[] buyers = new MemberId[basketCount];
        Instant[] times = new Instant[basketCount];
        List<List<PurchaseLine>> baskets = new ArrayList<>(basketCount);
        long spacing = Duration.ofDays(360).toMillis() / Math.max(1, basketCount);
        for (int b = 0; b < basketCount; b++) {
            int m = Arrays.binarySearch(cumulative, random.nextDouble() * sum);
            m = m < 0 ? Math.min(members - 1, -m - 1) : m;
            buyers[b] = memberIds[m];
            times[b] = START.plusMillis(b * spacing + random.nextLong(Math.max(1, spacing)) + 60_000);
            int lineCount = Math.min(12, 1 + (int) (basketSize[m] * random.nextInt(1, 4)));
            List<PurchaseLine> lines = new ArrayList<>(lineCount + 1);
            for (int l = 0; l < lineCount; l++) {
                int product = random.nextInt(10) < 6 ? favourites[m][random.nextInt(favourites[m].length)]
                        : random.nextInt(25) == 0 ? PRODUCTS : popularProduct(random);
                PurchaseLine item = catalogue[product];
                int quantity = random.nextInt(4) == 0 ? 1 + random.nextInt(12) : 1;
                lines.add(new PurchaseLine(item.sku(), item.category(), quantity, item.unitPrice()));
            }
            if (random.nextInt(3) == 0) {
                lines.add(POSTAGE);
            }
            baskets.add(List.copyOf(lines));
        }
        return new SyntheticShop(memberIds, tiers, buyers, times, baskets);
    }

    /** Pareto with minimum 1 and the given shape: 1.16 gives the 80/20 rule. */
    private static double pareto(SplittableRandom random, double shape) {
        return 1 / Math.pow(1 - random.nextDouble(), 1 / shape);
    }

    /** A product index skewed towards low numbers: a few products sell most. */
    private static int popularProduct(SplittableRandom random) {
        return (int) Math.min(PRODUCTS - 1, pareto(random, 0.6) - 1);
    }

    /** The top 1% of members by activity are diamond, the next 4% gold, the next 15% silver, the rest member. */
    private static String[] tiersByActivity(double[] activity) {
        Integer[] order = new Integer[activity.length];
        for (int m = 0; m < order.length; m++) {
            order[m] = m;
        }
        Arrays.sort(order, (a, b) -> Double.compare(activity[b], activity[a]));
        String[] tiers = new String[activity.length];
        for (int rank = 0; rank < order.length; rank++) {
            double share = (rank + 1.0) / order.length;
            tiers[order[rank]] = share <= 0.01 ? "diamond" : share <= 0.05 ? "gold" : share <= 0.20 ? "silver" : "member";
        }
        return tiers;
    }

    /**
     * Returns how many baskets the shop has.
     *
     * @return the number of baskets
     */
    public int baskets() {
        return baskets.size();
    }

    /**
     * Returns how many members the shop has.
     *
     * @return the number of members
     */
    public int members() {
        return memberIds.length;
    }

    /**
     * Returns basket {@code b} as a purchase with event id {@code p<n>}; a benchmark cycling over
     * the baskets passes an ever-growing {@code n} so that every purchase is new. Purchase
     * {@code n} falls in lap {@code n / baskets()}, {@link #LAP} later per lap.
     *
     * @param b the basket, from 0
     * @param n the purchase's number, which makes its event id and its lap
     * @return the purchase
     */
    public Purchase purchase(int b, long n) {
        long lap = n / baskets.size();
        // whole seconds per lap: Duration.multipliedBy would go through BigDecimal for every purchase
        Instant at = lap == 0 ? times[b] : times[b].plusSeconds(Math.multiplyExact(LAP.getSeconds(), lap));
        clock.reached(at);
        return new Purchase(EventId.of("p" + n), buyers[b], at, baskets.get(b), "web", null);
    }

    /**
     * Returns the shop's clock: {@code 2026-02-05T00:00:00Z} (after the first lap) until a purchase
     * of a later lap is handed out, then a day after the latest purchase handed out, so that an
     * engine on it accepts every purchase and sees time go forward with them.
     *
     * @return the clock, in UTC
     */
    public Clock clock() {
        return clock;
    }

    /**
     * Returns purchases {@code n} to {@code n + count - 1}, cycling over the baskets.
     *
     * @param n the first purchase's number
     * @param count how many
     * @return the purchases, in time order within each cycle
     */
    public List<Purchase> purchases(long n, int count) {
        List<Purchase> purchases = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long number = n + i;
            purchases.add(purchase((int) (number % baskets.size()), number));
        }
        return purchases;
    }

    /**
     * Returns the enrolment of every member, on their tier, at {@link #START}.
     *
     * @return the enrolments
     */
    public List<Enrolment> enrolments() {
        List<Enrolment> enrolments = new ArrayList<>(memberIds.length);
        for (int m = 0; m < memberIds.length; m++) {
            enrolments.add(Enrolment.of(EventId.of("enrol-" + m), memberIds[m], START).withTier(tiers[m]));
        }
        return enrolments;
    }

    /**
     * Builds an engine on a fresh in-memory store with every member enrolled; its clock stands
     * after the last basket.
     *
     * @param rules the rule engine; stays the caller's to close
     * @return the engine
     */
    public LoyaltyEngine engineWithMembers(RuleEngine rules) {
        LoyaltyEngine engine = LoyaltyEngine.builder()
                .program(ProgramSettings.builder().currency("GBP").zone("Europe/London").build())
                .clock(clock)
                .ruleEngine(rules)
                .build();
        engine.processAll(enrolments()).forEach(result -> result.outcomeOrThrow());
        return engine;
    }

    /** A clock that stands a day after the latest purchase handed out, never before {@link #FIRST_NOW}. */
    private static final class ShopClock extends Clock {
        private volatile Instant now = FIRST_NOW;

        void reached(Instant purchaseTime) {
            Instant after = purchaseTime.plus(Duration.ofDays(1));
            if (after.isAfter(now)) {
                now = after;
            }
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the shop's clock is in UTC");
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
