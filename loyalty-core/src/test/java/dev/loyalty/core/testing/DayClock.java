package dev.loyalty.core.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock at 10:00 UTC of a day a test sets; never reads the system time. */
public final class DayClock extends Clock {

    private volatile LocalDate day;

    /**
     * Creates the clock.
     *
     * @param day the first day
     */
    public DayClock(LocalDate day) {
        this.day = day;
    }

    /**
     * Returns the day the clock stands on.
     *
     * @return the day
     */
    public LocalDate day() {
        return day;
    }

    /**
     * Moves the clock to 10:00 UTC of a day.
     *
     * @param to the day
     */
    public void setDay(LocalDate to) {
        day = to;
    }

    @Override
    public Instant instant() {
        return day.atTime(10, 0).toInstant(ZoneOffset.UTC);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
