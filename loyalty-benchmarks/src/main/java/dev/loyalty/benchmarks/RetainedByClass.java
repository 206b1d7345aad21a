package dev.loyalty.benchmarks;

import dev.loyalty.core.EventResult;
import dev.loyalty.core.LoyaltyEngine;
import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.spi.RuleEngine;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Breaks down what the in-memory store keeps per purchase by class: the JVM's class histogram of
 * live objects (the {@code GC.class_histogram} diagnostic command, which collects first) after
 * the {@link SyntheticShop}'s members enrolled and again after the purchases, the difference
 * divided by the purchases. The purchases go through {@code processAll} in batches of 1,000, as
 * in {@link BatchBenchmark}, handed over as new objects throughout ({@link MemoryFootprint#asParsed}),
 * so that whatever the store keeps of them is counted. {@link MemoryFootprint} gives the totals;
 * this tells where they go, for the next thing to make leaner.
 *
 * <p>Run: {@code java -cp loyalty-benchmarks/target/benchmarks.jar dev.loyalty.benchmarks.RetainedByClass [rules] [purchases] [rows]};
 * the defaults are {@code drools}, 100,000 purchases and 30 rows.
 */
public final class RetainedByClass {

    /** A histogram line: rank, instances, bytes, class name. */
    private static final Pattern LINE = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");

    private RetainedByClass() {
    }

    /**
     * One class's share of what a purchase leaves on the heap.
     *
     * @param className the class, as the histogram names it ({@code [J} for {@code long[]})
     * @param instancesPerPurchase live instances added per purchase
     * @param bytesPerPurchase live bytes added per purchase
     */
    public record Share(String className, double instancesPerPurchase, double bytesPerPurchase) {
    }

    /**
     * Measures and prints the shares, largest first.
     *
     * @param args optional: the rule engine ({@code drools}, {@code plain-java}, {@code evrete}), purchases, rows to print
     */
    public static void main(String[] args) {
        String rules = args.length > 0 ? args[0] : RuleEngines.DROOLS;
        int purchases = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int rows = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        List<Share> shares = measure(rules, purchases);
        double total = shares.stream().mapToDouble(Share::bytesPerPurchase).sum();
        System.out.printf("In-memory store, %s rules, %,d purchases: %,.0f bytes kept per purchase (%s, %s)%n", rules, purchases, total,
                System.getProperty("java.vm.name"), System.getProperty("java.version"));
        for (Share share : shares.subList(0, Math.min(rows, shares.size()))) {
            System.out.printf("  %,8.1f B  %6.2f per purchase  %s%n", share.bytesPerPurchase(), share.instancesPerPurchase(), share.className());
        }
    }

    /**
     * Processes the purchases on a fresh engine and returns what each class gained per purchase, largest first.
     *
     * @param rules the rule engine's name, as {@link RuleEngines#create} takes it
     * @param purchases how many purchases to process
     * @return the classes whose live bytes grew, largest growth first
     */
    public static List<Share> measure(String rules, int purchases) {
        SyntheticShop shop = SyntheticShop.generate(42, 1_000, Math.min(purchases, 200_000));
        try (RuleEngine ruleEngine = RuleEngines.create(rules)) {
            LoyaltyEngine engine = shop.engineWithMembers(ruleEngine);
            Map<String, long[]> before = histogram();
            for (long n = 0; n < purchases; n += 1_000) {
                List<Purchase> batch = new ArrayList<>();
                for (Purchase purchase : shop.purchases(n, (int) Math.min(1_000, purchases - n))) {
                    batch.add(MemoryFootprint.asParsed(purchase));
                }
                engine.processAll(batch).forEach(EventResult::outcomeOrThrow);
            }
            Map<String, long[]> after = histogram();
            Reference.reachabilityFence(engine);
            List<Share> shares = new ArrayList<>();
            after.forEach((name, counts) -> {
                long[] was = before.getOrDefault(name, new long[2]);
                if (counts[1] > was[1]) {
                    shares.add(new Share(name, (counts[0] - was[0]) / (double) purchases, (counts[1] - was[1]) / (double) purchases));
                }
            });
            shares.sort(Comparator.comparingDouble(Share::bytesPerPurchase).reversed());
            return shares;
        }
    }

    /** The live instances and bytes per class, after a full collection. */
    private static Map<String, long[]> histogram() {
        String text;
        try {
            text = (String) ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"),
                    "gcClassHistogram", new Object[] {new String[0]}, new String[] {String[].class.getName()});
        } catch (JMException e) {
            throw new IllegalStateException("the JVM gave no class histogram", e);
        }
        Map<String, long[]> counts = new HashMap<>();
        for (String line : text.split("\n")) {
            Matcher m = LINE.matcher(line);
            if (m.find()) {
                counts.merge(m.group(3), new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))},
                        (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
            }
        }
        return counts;
    }
}
