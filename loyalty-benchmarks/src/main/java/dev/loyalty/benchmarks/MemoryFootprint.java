package dev.loyalty.benchmarks;

import dev.loyalty.core.EventResult;
import dev.loyalty.core.LoyaltyEngine;
import dev.loyalty.core.ProgramSettings;
import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.event.PurchaseLine;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.Money;
import dev.loyalty.core.store.InMemoryStore;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/**
 * Measures the retained heap of the in-memory store: bytes per enrolled member and per ledger
 * entry. Each round builds a fresh store, enrols the {@link SyntheticShop}'s members, measures
 * the heap after full collections, processes purchases and measures again; the reported numbers
 * are the medians over the rounds. What a member or an entry costs includes everything the store
 * keeps for it: the member, its lock and indexes, the lots, the ledger entries and each event's
 * recorded outcome (kept to answer replays), with its explanation. The purchases are handed over
 * as a host that parses each request would hand them: every id, text and amount a new object
 * (see {@link #asParsed}), so that whatever the store keeps of them is counted, where the
 * shop's own purchases share their member ids and prices with its catalogue.
 *
 * <p>Run: {@code java -cp loyalty-benchmarks/target/benchmarks.jar dev.loyalty.benchmarks.MemoryFootprint [members] [purchases] [rounds]};
 * the defaults are 20,000 members, 100,000 purchases and 5 rounds.
 */
public final class MemoryFootprint {

    private MemoryFootprint() {
    }

    /**
     * What one round or the median of several measured.
     *
     * @param bytesPerMember retained bytes per enrolled member (with their enrolment's entry, lot and outcome)
     * @param bytesPerPurchase retained bytes per processed purchase
     * @param entriesPerPurchase ledger entries written per purchase
     * @param bytesPerEntry retained bytes per ledger entry: the purchases' bytes over the entries they wrote
     */
    public record Footprint(double bytesPerMember, double bytesPerPurchase, double entriesPerPurchase, double bytesPerEntry) {
    }

    /**
     * Measures and prints the footprint.
     *
     * @param args optional: members, purchases, rounds
     */
    public static void main(String[] args) {
        int members = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int purchases = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Footprint footprint = measure(members, purchases, rounds);
        System.out.printf("In-memory store, %,d members, %,d purchases, median of %d rounds (%s, %s)%n", members, purchases, rounds,
                System.getProperty("java.vm.name"), System.getProperty("java.version"));
        System.out.printf("  bytes per member            %,10.0f%n", footprint.bytesPerMember());
        System.out.printf("  bytes per purchase          %,10.0f%n", footprint.bytesPerPurchase());
        System.out.printf("  ledger entries per purchase %10.2f%n", footprint.entriesPerPurchase());
        System.out.printf("  bytes per ledger entry      %,10.0f%n", footprint.bytesPerEntry());
    }

    /**
     * Measures the footprint, the default campaigns evaluated by the plain-Java baseline (the
     * store keeps the same whatever the rule engine).
     *
     * @param members how many members to enrol
     * @param purchases how many purchases to process
     * @param rounds how many rounds to take the median of
     * @return the medians
     */
    public static Footprint measure(int members, int purchases, int rounds) {
        SyntheticShop shop = SyntheticShop.generate(7, members, Math.min(purchases, 200_000));
        PlainJavaCampaigns rules = new PlainJavaCampaigns();
        double[] perMember = new double[rounds];
        double[] perPurchase = new double[rounds];
        double[] entries = new double[rounds];
        double[] perEntry = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long empty = retainedHeap();
            LoyaltyEngine engine = LoyaltyEngine.builder()
                    .program(ProgramSettings.builder().currency("GBP").zone("Europe/London").build())
                    .clock(Clock.fixed(SyntheticShop.START.plus(Duration.ofDays(400)), ZoneOffset.UTC))
                    .store(new InMemoryStore())
                    .ruleEngine(rules)
                    .build();
            engine.processAll(shop.enrolments()).forEach(EventResult::outcomeOrThrow);
            long enrolled = retainedHeap();
            long written = 0;
            for (long n = 0; n < purchases; n += 10_000) {
                List<Purchase> batch = new ArrayList<>();
                for (Purchase purchase : shop.purchases(n, (int) Math.min(10_000, purchases - n))) {
                    batch.add(asParsed(purchase));
                }
                List<EventResult> results = engine.processAll(batch);
                for (EventResult result : results) {
                    written += result.outcomeOrThrow().entries().size();
                }
            }
            long full = retainedHeap();
            Reference.reachabilityFence(engine);
            perMember[r] = (enrolled - empty) / (double) members;
            perPurchase[r] = (full - enrolled) / (double) purchases;
            entries[r] = written / (double) purchases;
            perEntry[r] = (full - enrolled) / (double) written;
        }
        return new Footprint(median(perMember), median(perPurchase), median(entries), median(perEntry));
    }

    /**
     * Returns a copy of a purchase made of new objects throughout (ids, texts, amounts), as a host
     * that parses each request, from JSON or a till's message, hands it to the engine.
     *
     * @param purchase a purchase of the shop
     * @return an equal purchase sharing no object with it but its instant and the currency
     */
    static Purchase asParsed(Purchase purchase) {
        List<PurchaseLine> lines = new ArrayList<>(purchase.lines().size());
        for (PurchaseLine line : purchase.lines()) {
            lines.add(new PurchaseLine(new String(line.sku()), new String(line.category()), line.quantity(),
                    new Money(new BigDecimal(line.unitPrice().amount().toPlainString()), line.unitPrice().currency())));
        }
        return new Purchase(EventId.of(new String(purchase.eventId().value())), MemberId.of(new String(purchase.memberId().value())),
                purchase.occurredAt(), lines, purchase.channel() == null ? null : new String(purchase.channel()),
                purchase.store() == null ? null : new String(purchase.store()));
    }

    private static long retainedHeap() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
