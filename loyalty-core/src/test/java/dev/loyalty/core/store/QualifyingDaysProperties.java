package dev.loyalty.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.loyalty.core.tier.Qualifying;
import java.math.BigDecimal;
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
                        LocalDate day = START.plusDays(days.get(i));
                        qualifying.add(day, amount);
                        reference.merge(day, amount, Qualifying::plus);

                        LocalDate from = START.plusDays(starts.get(i));
                        LocalDate to = from.plusDays(lengths.get(i));
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
                        qualifying.add(day, amount);
                        reference.merge(day, amount, Qualifying::plus);

                        Qualifying expected = Qualifying.ZERO;
                        for (Qualifying each : reference.subMap(from, true, to, true).values()) {
                            expected = expected.plus(each);
                        }
                        Qualifying actual = qualifying.sum(from, to);
                        assertThat(actual.spend()).as("spend from %s to %s", from, to).isEqualByComparingTo(expected.spend());
                        assertThat(List.of(actual.points(), actual.purchases())).isEqualTo(List.of(expected.points(), expected.purchases()));
                    }
                });
    }
}
