package dev.loyalty.core.insight;

import dev.loyalty.core.InvalidInputException;
import dev.loyalty.core.internal.Checks;
import dev.loyalty.core.model.Money;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;

/**
 * The period and valuation KPIs are computed for. Build with {@link #builder(LocalDate, LocalDate)}.
 * Period bounds are local dates in the program's zone, from 1900-01-01 to 9999-12-31.
 *
 * @param from the first day of the period
 * @param to the day after the period's last
 * @param pointValue what one point is worth, in the program's currency ({@link Insights#kpis} refuses another), for the money
 *                   value of the liability; null to leave it out
 * @param liabilityStep the spacing of the liability series, from {@code from} to {@code to}
 */
public record KpiSettings(LocalDate from, LocalDate to, Money pointValue, Period liabilityStep) {

    /**
     * Checks the settings as the builder does, so that settings made without it cannot hold a
     * step that never reaches the period's end.
     *
     * @param from the first day of the period, from 1900-01-01
     * @param to the day after the period's last, after {@code from} and at the latest 9999-12-31
     * @param pointValue what one point is worth, zero or more; null to leave it out
     * @param liabilityStep the spacing of the liability series, positive, and short enough that one step from {@code from} is a date
     */
    public KpiSettings {
        checkPeriod(from, to);
        if (pointValue != null) {
            checkPointValue(pointValue);
        }
        checkStep(from, liabilityStep);
    }

    /**
     * Starts settings for a period; the liability series defaults to month steps.
     *
     * @param from the first day, from 1900-01-01
     * @param toExclusive the day after the last, after {@code from} and at the latest 9999-12-31
     * @return the builder
     * @throws dev.loyalty.core.InvalidInputException when a day is null, out of that range, or {@code toExclusive} is not after {@code from}
     */
    public static Builder builder(LocalDate from, LocalDate toExclusive) {
        checkPeriod(from, toExclusive);
        return new Builder(from, toExclusive);
    }

    /**
     * Checks the period: both days from 1900-01-01 to 9999-12-31 (the days every store keeps), so the previous period and
     * the liability series stay within what dates can hold, and {@code to} after {@code from}.
     */
    private static void checkPeriod(LocalDate from, LocalDate toExclusive) {
        Checks.date(from, "kpi.from");
        Checks.date(toExclusive, "kpi.to");
        if (!from.isBefore(toExclusive)) {
            throw new InvalidInputException("kpi.to", toExclusive + " must be after the period's first day " + from);
        }
    }

    private static void checkPointValue(Money value) {
        Checks.notNull(value, "kpi.pointValue");
        if (value.signum() < 0) {
            throw new InvalidInputException("kpi.pointValue", "must not be negative, was " + value);
        }
    }

    /**
     * Checks the step is positive and that one step from the period's first day is a date: the liability series takes
     * that step before it sees it passes the period's end, and a step of a billion years would otherwise fail there.
     */
    private static void checkStep(LocalDate from, Period step) {
        Checks.notNull(step, "kpi.liabilityStep");
        if (step.isNegative() || step.isZero()) {
            throw new InvalidInputException("kpi.liabilityStep", "must be positive, was " + step);
        }
        try {
            from.plus(step);
        } catch (DateTimeException | ArithmeticException e) {
            throw new InvalidInputException("kpi.liabilityStep", step + " from " + from + " passes the last date there is, "
                    + LocalDate.MAX + "; any step longer than the period gives one step");
        }
    }

    /**
     * Returns the period before this one, of the same number of days, which retention and churn compare with.
     *
     * @return the first day of the previous period
     */
    public LocalDate previousFrom() {
        return from.minusDays(to.toEpochDay() - from.toEpochDay());
    }

    /** Builds {@link KpiSettings}; setters fail fast with a message naming the bad value. */
    public static final class Builder {
        private final LocalDate from;
        private final LocalDate to;
        private Money pointValue;
        private Period liabilityStep = Period.ofMonths(1);

        private Builder(LocalDate from, LocalDate to) {
            this.from = from;
            this.to = to;
        }

        /**
         * Sets what one point is worth, such as {@code 0.01 GBP}.
         *
         * @param value zero or more
         * @return this builder
         */
        public Builder pointValue(Money value) {
            checkPointValue(value);
            this.pointValue = value;
            return this;
        }

        /**
         * Sets the spacing of the liability series.
         *
         * @param step a positive period such as one month or seven days; one step from the first day must be a date
         * @return this builder
         * @throws InvalidInputException when the step is null, not positive, or too long for any date to follow the first day by it
         */
        public Builder liabilityStep(Period step) {
            checkStep(from, step);
            this.liabilityStep = step;
            return this;
        }

        /**
         * Builds the settings.
         *
         * @return the settings
         */
        public KpiSettings build() {
            return new KpiSettings(from, to, pointValue, liabilityStep);
        }
    }
}
