package dev.loyalty.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.loyalty.core.PointsOverflowException;
import dev.loyalty.core.tier.Qualifying;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The in-memory store's qualifying days sum a range as a plain sum over a sorted map does, however the ranges move. */
class QualifyingDaysProperties {

    private static final LocalDate START = LocalDate.of(2028, 2, 20);

    @Test
    void shouldSumEveryRangeAsAPlainSumDoesWhenAdditionsAndRangesInterleave() {
        // each step: a day (0..40), an amount in cents (negative for a return), a range start and length
        qt().withFixedSeed(11L).withExamples(1_000)
                .forAll(lists().of(integers().between(0, 40)).ofSizeBetween(1, 60), lists().of(integers().between(-500, 5_000)).ofSize(60),
                        lists().of(integers().between(0, 45)).ofSize(60), lists().of(integers().between(-2, 30)).ofSize(60))
                .checkAssert((days, cents, starts, lengths) -> {
                    QualifyingDays qualifying = new QualifyingDays();
                    TreeMap<LocalDate, Qualifying> reference = new TreeMap<>();
                    for (int i = 0; i < days.size(); i++) {
                        Qualifying amount = new Qualifying(BigDecimal.valueOf(cents.get(i), 2), cents.get(i) / 100, cents.get(i) < 0 ? -1 : 1);
                        LocalDate from = START.plusDays(starts.get(i));
                        addAndCompare(qualifying, reference, START.plusDays(days.get(i)), amount, from, from.plusDays(lengths.get(i)));
                    }
                });
    }

    @Test
    void shouldSumARollingWindowAsAPlainSumDoesWhenItSlidesForwardAndLateDaysArrive() {
        // each step: the window moves forward 0..3 days; a day is added near its end or, now and then, anywhere before it
        qt().withFixedSeed(12L).withExamples(1_000)
                .forAll(lists().of(integers().between(0, 3)).ofSizeBetween(1, 80), lists().of(integers().between(-3, 1)).ofSize(80),
                        lists().of(integers().between(0, 9)).ofSize(80), lists().of(integers().between(-500, 5_000)).ofSize(80))
                .checkAssert((moves, offsets, lateness, cents) -> {
                    QualifyingDays qualifying = new QualifyingDays();
                    TreeMap<LocalDate, Qualifying> reference = new TreeMap<>();
                    LocalDate to = START.plusDays(10);
                    for (int i = 0; i < moves.size(); i++) {
                        to = to.plusDays(moves.get(i));
                        LocalDate from = to.minusDays(10);
                        LocalDate day = lateness.get(i) == 0 ? from.minusDays(5 + offsets.get(i)) : to.plusDays(offsets.get(i));
                        Qualifying amount = new Qualifying(BigDecimal.valueOf(cents.get(i), 2), cents.get(i) / 100, 1);
                        addAndCompare(qualifying, reference, day, amount, from, to);
                    }
                });
    }

    @Test
    void shouldSumAsAPlainSumDoesWhenAmountsMixScalesAndSizes() {
        // each step: a day, an amount and its kind: mostly cents; now and then three to six decimals, 15 to 22 decimals, or a
        // spend of 10^13 and more; then a range
        qt().withFixedSeed(13L).withExamples(1_000)
                .forAll(lists().of(integers().between(0, 40)).ofSizeBetween(1, 60), lists().of(integers().between(-999, 9_999)).ofSize(60),
                        lists().of(integers().between(0, 59)).ofSize(60), lists().of(integers().between(-2, 30)).ofSize(60))
                .checkAssert((days, cents, kinds, lengths) -> {
                    QualifyingDays qualifying = new QualifyingDays();
                    TreeMap<LocalDate, Qualifying> reference = new TreeMap<>();
                    for (int i = 0; i < days.size(); i++) {
                        int kind = kinds.get(i);
                        BigDecimal spend = kind == 0 ? BigDecimal.valueOf(cents.get(i), 2).movePointRight(13)
                                : kind == 1 ? BigDecimal.valueOf(cents.get(i), 15 + Math.abs(cents.get(i)) % 8)
                                : kind < 8 ? BigDecimal.valueOf(cents.get(i), 3 + kind % 4)
                                : BigDecimal.valueOf(cents.get(i), 2);
                        Qualifying amount = new Qualifying(spend, cents.get(i) / 100, cents.get(i) < 0 ? -1 : 1);
                        LocalDate from = START.plusDays(kind % 40);
                        addAndCompare(qualifying, reference, START.plusDays(days.get(i)), amount, from, from.plusDays(lengths.get(i)));
                    }
                });
    }

    @Test
    void shouldKeepASumExactBeyondTheLongRangeOfItsUnscaledValue() {
        QualifyingDays qualifying = new QualifyingDays();
        // each day's spend, unscaled, fits a long (9 x 10^17 at two decimals); their sum does not
        BigDecimal large = new BigDecimal("9000000000000000.00");
        for (int day = 0; day < 20; day++) {
            qualifying.add(START.plusDays(day), new Qualifying(large, 1, 1));
        }

        Qualifying sum = qualifying.sum(START, START.plusDays(19));

        assertThat(sum.spend()).isEqualByComparingTo(large.multiply(BigDecimal.valueOf(20)));
        assertThat(sum.purchases()).isEqualTo(20);
    }

    @Test
    void shouldSumPointsExactlyOrRefuseWithAnOverflowWhenDaysPassWhatALongHolds() {
        // each step: a day (0..10), points of up to +-2^62 times 0..3 (a day's total passes a long often), then a range
        qt().withFixedSeed(14L).withExamples(1_000)
                .forAll(lists().of(integers().between(0, 10)).ofSizeBetween(1, 30), lists().of(integers().between(-3, 3)).ofSize(30),
                        lists().of(integers().between(0, 10)).ofSize(30), lists().of(integers().between(0, 10)).ofSize(30))
                .checkAssert((days, sizes, starts, lengths) -> {
                    QualifyingDays qualifying = new QualifyingDays();
                    TreeMap<LocalDate, BigInteger> reference = new TreeMap<>();
                    for (int i = 0; i < days.size(); i++) {
                        long points = sizes.get(i) * (1L << 62) + i;
                        LocalDate day = START.plusDays(days.get(i));
                        qualifying.add(day, new Qualifying(BigDecimal.ONE, points, 1));
                        reference.merge(day, BigInteger.valueOf(points), BigInteger::add);
                        LocalDate from = START.plusDays(starts.get(i));
                        LocalDate to = from.plusDays(lengths.get(i));
                        BigInteger expected = reference.subMap(from, true, to, true).values().stream().reduce(BigInteger.ZERO, BigInteger::add);
                        if (expected.bitLength() < Long.SIZE) {
                            assertThat(qualifying.sum(from, to).points()).as("points from %s to %s", from, to).isEqualTo(expected.longValueExact());
                        } else {
                            assertThatThrownBy(() -> qualifying.sum(from, to)).isInstanceOf(PointsOverflowException.class);
                        }
                    }
                });
    }

    /** Adds an amount to both, then checks that the days sum a range as a plain sum over the sorted map does. */
    private static void addAndCompare(QualifyingDays qualifying, TreeMap<LocalDate, Qualifying> reference, LocalDate day, Qualifying amount,
                                      LocalDate from, LocalDate to) {
        qualifying.add(day, amount);
        reference.merge(day, amount, Qualifying::plus);
        Qualifying expected = Qualifying.ZERO;
        if (!to.isBefore(from)) {
            for (Qualifying each : reference.subMap(from, true, to, true).values()) {
                expected = expected.plus(each);
            }
        }
        Qualifying actual = qualifying.sum(from, to);
        assertThat(actual.spend()).as("spend from %s to %s", from, to).isEqualByComparingTo(expected.spend());
        assertThat(List.of(actual.points(), actual.purchases())).isEqualTo(List.of(expected.points(), expected.purchases()));
    }
}
