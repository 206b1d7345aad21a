package dev.loyalty.benchmarks;

import dev.loyalty.core.LoyaltyEngine;
import dev.loyalty.core.ProgramSettings;
import dev.loyalty.core.event.Enrolment;
import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.Money;
import dev.loyalty.core.spi.RuleEngine;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

/**
 * Seeded synthetic purchases and members for benchmarks: one to six lines, a mix of
 * categories (some excluded, some with bonuses), one line in ten of the bonus SKU, prices from
 * 0.50 to 20.49, dates spread over 2025 so weekends and advent occur.
 */
public final class SyntheticPurchases {

    /** How many members the purchases are spread over. */
    public static final int MEMBERS = 1_000;

    /** When the members enrol; purchases follow within a year. */
    public static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    private static final String[] CATEGORIES = {"gifts", "garden", "kitchen", "service", "lighting"};

    private SyntheticPurchases() {
    }

    /**
     * Generates purchase templates; their event and member ids are placeholders.
     *
     * @param count how many
     * @param seed the random seed
     * @param start the earliest purchase time
     * @return the templates
     */
    public static Purchase[] generate(int count, long seed, Instant start) {
        SplittableRandom random = new SplittableRandom(seed);
        Purchase[] templates = new Purchase[count];
        for (int t = 0; t < count; t++) {
            Purchase.Builder purchase = Purchase.builder(EventId.of("template"), MemberId.of("m0"),
                    start.plusSeconds(3_600L * 24 * random.nextInt(360) + random.nextInt(86_400)));
            int lines = 1 + random.nextInt(6);
            for (int l = 0; l < lines; l++) {
                purchase.line(random.nextInt(10) == 0 ? "85123A" : "SKU-" + random.nextInt(5_000),
                        CATEGORIES[random.nextInt(CATEGORIES.length)], 1 + random.nextInt(12),
                        new Money(BigDecimal.valueOf(50 + random.nextInt(2_000), 2), Money.currency("GBP")));
            }
            templates[t] = purchase.build();
        }
        return templates;
    }

    /**
     * Returns the n-th purchase: the template's lines and time, a unique event id, members in turn.
     *
     * @param template the template
     * @param n the purchase's number
     * @return the purchase
     */
    public static Purchase purchase(Purchase template, long n) {
        return new Purchase(EventId.of("p" + n), MemberId.of("m" + (n % MEMBERS)), template.occurredAt(), template.lines(), "web", null);
    }

    /**
     * Returns the member id of member number {@code m}.
     *
     * @param m the member's number, from 0
     * @return the id, such as {@code m7}
     */
    public static MemberId memberId(int m) {
        return MemberId.of("m" + m);
    }

    /**
     * Returns purchases {@code from} to {@code from + count - 1}, each from the template at its
     * number modulo the templates, for members in turn.
     *
     * @param templates the templates; a power of two of them
     * @param from the first purchase's number
     * @param count how many
     * @return the purchases
     */
    public static Purchase[] purchases(Purchase[] templates, long from, int count) {
        Purchase[] purchases = new Purchase[count];
        for (int i = 0; i < count; i++) {
            long n = from + i;
            purchases[i] = purchase(templates[(int) (n & (templates.length - 1))], n);
        }
        return purchases;
    }

    /**
     * Builds an engine on a fresh in-memory store with {@link #MEMBERS} enrolled members: one in
     * ten gold, one in four silver, the rest in the entry tier.
     *
     * @param rules the rule engine
     * @return the engine; the rule engine stays the caller's to close
     */
    public static LoyaltyEngine engineWithMembers(RuleEngine rules) {
        LoyaltyEngine engine = LoyaltyEngine.builder()
                .program(ProgramSettings.builder().currency("GBP").zone("Europe/London").build())
                .clock(Clock.fixed(START.plusSeconds(3_600L * 24 * 400), ZoneOffset.UTC))
                .ruleEngine(rules)
                .build();
        for (int m = 0; m < MEMBERS; m++) {
            String tier = m % 10 == 0 ? "gold" : m % 4 == 0 ? "silver" : "member";
            engine.process(Enrolment.of(EventId.of("enrol-" + m), MemberId.of("m" + m), START).withTier(tier));
        }
        return engine;
    }
}
