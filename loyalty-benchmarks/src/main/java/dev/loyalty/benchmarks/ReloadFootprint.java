package dev.loyalty.benchmarks;

import dev.loyalty.core.ProgramSettings;
import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.Member;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.model.MemberStatus;
import dev.loyalty.core.model.Money;
import dev.loyalty.core.model.Points;
import dev.loyalty.core.spi.RuleContext;
import dev.loyalty.rules.DroolsRuleEngine;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures hot reload: the time of each {@code DroolsRuleEngine.reload(...)} of the default pack
 * plus one campaign file whose text changes on every reload (so every reload compiles new rule
 * classes), while a second thread keeps evaluating a purchase on the engine (evaluations keep
 * no state, so the heap measures the rule sets alone);
 * and the heap, metaspace and loaded classes after full collections, every tenth reload. A leak
 * shows as growth from the tenth reload to the last.
 *
 * <p>Run: {@code java -cp loyalty-benchmarks/target/benchmarks.jar dev.loyalty.benchmarks.ReloadFootprint [reloads]};
 * 100 reloads by default. Timings are wall-clock times of single reloads, not a JMH measurement:
 * they say how long a swap takes, not how fast rules run.
 */
public final class ReloadFootprint {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private ReloadFootprint() {
    }

    /**
     * What a run measured.
     *
     * @param reloadMillis each reload's wall-clock time, in order
     * @param heapBytes heap used after full collections, before the first reload and after every tenth
     * @param metaspaceBytes metaspace used at the same points
     * @param loadedClasses classes loaded at the same points
     * @param eventsProcessed purchases the other thread evaluated meanwhile
     */
    public record Result(double[] reloadMillis, long[] heapBytes, long[] metaspaceBytes, long[] loadedClasses, long eventsProcessed) {
    }

    /**
     * Runs the measurement and prints it.
     *
     * @param args optional: the number of reloads
     * @throws InterruptedException when interrupted
     */
    public static void main(String[] args) throws InterruptedException {
        int reloads = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        Result result = measure(reloads);
        double[] sorted = result.reloadMillis().clone();
        Arrays.sort(sorted);
        System.out.printf("%d reloads of the default pack + 1 changing file, with purchases evaluated meanwhile (%s, %s)%n", reloads,
                System.getProperty("java.vm.name"), System.getProperty("java.version"));
        System.out.printf("  reload time ms: median %.1f, p90 %.1f, max %.1f, first %.1f%n", sorted[sorted.length / 2],
                sorted[(int) Math.min(sorted.length - 1, Math.round(sorted.length * 0.9))], sorted[sorted.length - 1], result.reloadMillis()[0]);
        System.out.printf("  purchases evaluated during the reloads: %,d%n", result.eventsProcessed());
        System.out.println("  after reload   heap MB   metaspace MB   loaded classes");
        for (int i = 0; i < result.heapBytes().length; i++) {
            System.out.printf("  %12d   %7.1f   %12.1f   %14d%n", i * 10, result.heapBytes()[i] / 1e6, result.metaspaceBytes()[i] / 1e6,
                    result.loadedClasses()[i]);
        }
    }

    /**
     * Reloads the rules the given number of times while purchases are processed.
     *
     * @param reloads how many reloads
     * @return what was measured
     * @throws InterruptedException when interrupted
     */
    public static Result measure(int reloads) throws InterruptedException {
        ProgramSettings program = ProgramSettings.builder().currency("GBP").zone("Europe/London").build();
        double[] millis = new double[reloads];
        List<long[]> samples = new ArrayList<>();
        AtomicLong processed = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        try (DroolsRuleEngine rules = rules(0).build()) {
            MemberId member = MemberId.of("reload-member");
            Member view = new Member(member, NOW.minusSeconds(86_400 * 400L), "gold", MemberStatus.ACTIVE, null, null);
            Purchase purchase = Purchase.builder(EventId.of("reload-p"), member, NOW.minusSeconds(86_400))
                    .line("85123A", "home", 1, Money.of("2.55", "GBP")).line("G", "garden", 1, Money.of("10.00", "GBP")).build();
            RuleContext context = new RuleContext(view, Points.ZERO, purchase, LocalDate.of(2025, 12, 31), program.zone(), program);
            Thread worker = new Thread(() -> {
                // evaluations keep no state, so the heap measures the rule sets alone
                while (!stop.get()) {
                    rules.evaluate(context);
                    processed.incrementAndGet();
                }
            }, "reload-footprint-worker");
            worker.start();
            samples.add(sample());
            for (int i = 1; i <= reloads; i++) {
                long start = System.nanoTime();
                rules.reload(rules(i));
                millis[i - 1] = (System.nanoTime() - start) / 1e6;
                if (i % 10 == 0 || i == reloads) {
                    samples.add(sample());
                }
            }
            stop.set(true);
            worker.join();
        }
        long[] heap = samples.stream().mapToLong(s -> s[0]).toArray();
        long[] metaspace = samples.stream().mapToLong(s -> s[1]).toArray();
        long[] classes = samples.stream().mapToLong(s -> s[2]).toArray();
        return new Result(millis, heap, metaspace, classes, processed.get());
    }

    private static DroolsRuleEngine.Builder rules(int reload) {
        return DroolsRuleEngine.builder().defaultCampaigns().drl("changing.drl", """
                package bench;
                import dev.loyalty.rules.vocabulary.*;
                global dev.loyalty.rules.vocabulary.Earn earn;
                rule "RELOAD-01 changing bonus"
                when
                    $l : PurchaseLine( category == "home" )
                then
                    earn.bonus($l, 1, "Reload %d bonus");
                end
                """.formatted(reload));
    }

    /** Heap used, metaspace used and loaded classes after full collections. */
    private static long[] sample() {
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long metaspace = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getName().equals("Metaspace"))
                .mapToLong(p -> p.getUsage().getUsed()).sum();
        ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
        return new long[] {heap, metaspace, classes.getLoadedClassCount()};
    }

}
