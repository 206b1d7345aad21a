package dev.loyalty.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loyalty.core.InsufficientPointsException;
import dev.loyalty.core.Outcome;
import dev.loyalty.core.event.LoyaltyEvent;
import dev.loyalty.core.model.EntryType;
import dev.loyalty.core.model.LedgerEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {

    private static final int THREADS = 16;
    private static final int ROUNDS = 25;

    private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    /** Runs one call per thread, all released at once; returns each call's outcome or the exception it threw. */
    private List<Object> race(Life life, IntFunction<LoyaltyEvent> eventOfThread) throws Exception {
        CountDownLatch ready = new CountDownLatch(THREADS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Object>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            LoyaltyEvent event = eventOfThread.apply(t);
            futures.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                try {
                    return life.engine.process(event);
                } catch (RuntimeException e) {
                    return e;
                }
            }));
        }
        ready.await();
        go.countDown();
        List<Object> results = new ArrayList<>();
        for (Future<Object> future : futures) {
            results.add(future.get(30, TimeUnit.SECONDS));
        }
        return results;
    }

    private static long count(List<Object> results, Class<?> type) {
        return results.stream().filter(type::isInstance).count();
    }

    @Test
    void shouldNeverOverspendWhenThreadsRedeemAgainstOneBalance() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Life life = Life.enrolled();
            life.purchase("p-1", "1000");

            List<Object> results = race(life, t -> life.redemption("r-" + t, 100));

            assertThat(count(results, Outcome.class)).as("round %d winners", round).isEqualTo(10);
            assertThat(count(results, InsufficientPointsException.class)).as("round %d losers", round).isEqualTo(THREADS - 10);
            assertThat(life.balance()).isZero();
            life.assertConsistent();
        }
    }

    @Test
    void shouldSpendExactlyWhatWinnersAskedWhenThreadsRedeemUnevenAmounts() throws Exception {
        Random random = new Random(42);
        for (int round = 0; round < ROUNDS; round++) {
            Life life = Life.enrolled();
            life.purchase("p-1", "500");
            life.purchase("p-2", "300");
            long[] asked = new long[THREADS];
            for (int t = 0; t < THREADS; t++) {
                asked[t] = 1 + random.nextInt(150);
            }

            List<Object> results = race(life, t -> life.redemption("r-" + t, asked[t]));

            long spent = 0;
            for (int t = 0; t < THREADS; t++) {
                Object result = results.get(t);
                if (result instanceof Outcome outcome) {
                    assertThat(outcome.points().value()).isEqualTo(-asked[t]);
                    spent += asked[t];
                } else {
                    assertThat(result).as("round %d thread %d", round, t).isInstanceOf(InsufficientPointsException.class);
                    assertThat(((InsufficientPointsException) result).spendable()).isLessThan(asked[t]);
                }
            }
            assertThat(spent).isLessThanOrEqualTo(800);
            assertThat(life.balance()).isEqualTo(800 - spent).isNotNegative();
            life.assertConsistent();
        }
    }

    @Test
    void shouldNeverOverspendWhenThreadsMixHoldsAndRedemptions() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Life life = Life.enrolled();
            life.purchase("p-1", "1000");

            List<Object> results = race(life, t -> t % 2 == 0 ? life.redemption("r-" + t, 100) : life.holdEvent("h-" + t, 100,
                    Duration.ofMinutes(10)));

            assertThat(count(results, Outcome.class)).isEqualTo(10);
            assertThat(count(results, InsufficientPointsException.class)).isEqualTo(THREADS - 10);
            assertThat(life.summary().spendable().value()).isZero();
            long held = life.summary().held().value();
            assertThat(life.balance()).isEqualTo(held);
        }
    }

    @Test
    void shouldWriteOneRedemptionWhenThreadsSendTheSameEventId() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Life life = Life.enrolled();
            life.purchase("p-1", "150");

            List<Object> results = race(life, t -> life.redemption("r-same", 100));

            assertThat(results).allSatisfy(r -> assertThat(r).isInstanceOf(Outcome.class).isEqualTo(results.get(0)));
            assertThat(life.entries(EntryType.REDEEM)).extracting(e -> e.points().value()).containsExactly(-100L);
            assertThat(life.balance()).isEqualTo(50);
        }
    }

    @Test
    void shouldClawBackOnceWhenThreadsSendTheSameReturn() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Life life = Life.enrolled();
            life.purchase("p-1", "100");
            life.purchase("p-2", "100");

            List<Object> results = race(life, t -> life.returnEvent("ret-same", "p-1", "60"));

            assertThat(results).allSatisfy(r -> assertThat(r).isEqualTo(results.get(0)));
            assertThat(life.entriesOf("ret-same")).extracting(LedgerEntry::points).hasSize(1);
            assertThat(life.balance()).isEqualTo(140);
        }
    }
}
