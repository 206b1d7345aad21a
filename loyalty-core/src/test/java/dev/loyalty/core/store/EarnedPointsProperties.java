package dev.loyalty.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Instant;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The in-memory store's earned points by instant sum a range as a sorted map of the same additions does. */
class EarnedPointsProperties {

    private static Instant instant(long code) {
        // a few seconds and a few nanos, so that equal instants and near neighbours are common
        return Instant.ofEpochSecond(1_700_000_000L + code / 3, code % 3);
    }

    @Test
    void shouldSumARangeAsASortedMapDoesWhenPointsArriveInAnyOrder() {
        qt().withFixedSeed(7L).withExamples(1_000)
                .forAll(lists().of(longs().between(0, 60)).ofSizeBetween(0, 40), longs().between(0, 65), longs().between(0, 65))
                .checkAssert((codes, from, length) -> {
                    EarnedPoints earned = new EarnedPoints();
                    TreeMap<Instant, Long> reference = new TreeMap<>();
                    for (int i = 0; i < codes.size(); i++) {
                        long points = 1 + i * 7L;
                        earned.add(instant(codes.get(i)), points);
                        reference.merge(instant(codes.get(i)), points, Long::sum);
                    }
                    Instant start = instant(from);
                    Instant end = instant(from + length);

                    long expected = reference.subMap(start, true, end, false).values().stream().mapToLong(Long::longValue).sum();
                    assertThat(earned.between(start, end)).isEqualTo(expected);
                });
    }
}
