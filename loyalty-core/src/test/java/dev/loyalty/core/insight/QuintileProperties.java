package dev.loyalty.core.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The quintile cut points are the quintiles: each is the value at its rank, ties scored down. */
class QuintileProperties {

    private static long[] array(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).toArray();
    }

    @Test
    void shouldPutAtLeastKFifthsOfTheValuesAtOrBelowScoreKAndFewerStrictlyBelowItsBound() {
        qt().forAll(lists().of(longs().between(-50, 50)).ofSizeBetween(1, 300))
                .checkAssert(list -> {
                    long[] values = array(list);
                    long[] bounds = Rfm.lowerBounds(values, values.length);
                    for (int k = 1; k <= 4; k++) {
                        long rank = (k * (long) values.length + 4) / 5;
                        long bound = bounds[k - 1];
                        long scoredAtMostK = Arrays.stream(values).filter(v -> v < bound).count();
                        long belowTheCut = Arrays.stream(values).filter(v -> v < bound - 1).count();
                        assertThat(scoredAtMostK).as("k=%d", k).isGreaterThanOrEqualTo(rank);
                        assertThat(belowTheCut).as("k=%d", k).isLessThan(rank);
                    }
                });
    }

    @Test
    void shouldGiveEveryScoreAFifthWhenValuesAreDistinctAndAMultipleOfFive() {
        qt().forAll(integers().between(1, 60), longs().between(-1_000_000, 1_000_000))
                .checkAssert((fifth, offset) -> {
                    long[] values = new long[5 * fifth];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = offset + 3L * ((i * 7919L) % values.length);   // distinct, shuffled
                    }
                    long[] bounds = Rfm.lowerBounds(values, values.length);
                    int[] perScore = new int[6];
                    for (long v : values) {
                        int score = 1;
                        for (long bound : bounds) {
                            score += v >= bound ? 1 : 0;
                        }
                        perScore[score]++;
                    }
                    assertThat(Arrays.copyOfRange(perScore, 1, 6)).containsOnly(fifth);
                });
    }

    @Test
    void shouldIgnoreValuesBeyondTheGivenSize() {
        long[] values = {5, 1, 4, 2, 3, 1_000, -1_000};

        assertThat(Rfm.lowerBounds(values, 5)).containsExactly(2, 3, 4, 5);
    }
}
