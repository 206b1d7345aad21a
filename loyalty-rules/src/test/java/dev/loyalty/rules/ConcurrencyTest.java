package dev.loyalty.rules;

import static dev.loyalty.rules.Shop.context;
import static dev.loyalty.rules.Shop.gbp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.core.event.Purchase;
import dev.loyalty.core.model.EventId;
import dev.loyalty.core.model.MemberId;
import dev.loyalty.core.spi.Evaluation;
import dev.loyalty.core.spi.RuleContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {

    private static final int THREADS = 8;
    private static final String[] CATEGORIES = {"kitchen", "garden", "service", "home"};
    private static final String[] TIERS = {"member", "silver", "gold", "diamond"};

    /** Varied purchases: categories, the hanging heart, weekdays, weekends and advent, every tier. */
    private static List<RuleContext> contexts() {
        List<RuleContext> contexts = new ArrayList<>();
        Instant start = Instant.parse("2024-11-20T12:00:00Z");
        for (int i = 0; i < 200; i++) {
            Purchase purchase = Purchase.builder(EventId.of("p-" + i), MemberId.of("m-" + i), start.plus(i % 40, ChronoUnit.DAYS))
                    .line(i % 5 == 0 ? "85123A" : "SKU-" + i, CATEGORIES[i % CATEGORIES.length], 1 + i % 3, gbp((i + 1) + ".25"))
                    .line("SKU-X" + i, CATEGORIES[(i + 1) % CATEGORIES.length], 1, gbp("3.99"))
                    .build();
            contexts.add(context(purchase, TIERS[i % TIERS.length]));
        }
        return contexts;
    }

    @Test
    void shouldReturnTheSequentialDecisionsWhenEightThreadsEvaluateAtOnce() throws Exception {
        List<RuleContext> contexts = contexts();
        List<Evaluation> sequential = Shop.DEFAULT_RULES.evaluateAll(contexts);
        assertThat(sequential).anySatisfy(e -> assertThat(e.decisions()).hasSizeGreaterThan(3));

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<Evaluation>>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int offset = t;
                Callable<List<Evaluation>> task = () -> {
                    start.await();
                    // each thread walks the contexts from its own starting point, so threads overlap on different events
                    List<Evaluation> results = new ArrayList<>(contexts.size());
                    for (int i = 0; i < contexts.size(); i++) {
                        results.add(null);
                    }
                    for (int k = 0; k < contexts.size(); k++) {
                        int i = (k + offset * 25) % contexts.size();
                        results.set(i, Shop.DEFAULT_RULES.evaluate(contexts.get(i)));
                    }
                    return results;
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            for (Future<List<Evaluation>> future : futures) {
                assertThat(future.get()).isEqualTo(sequential);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
