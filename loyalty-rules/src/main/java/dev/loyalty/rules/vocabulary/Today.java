package dev.loyalty.rules.vocabulary;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The date of the event in the member's time zone, for campaigns on any kind of event:
 * {@code Today( month == 12, dayOfMonth == 25 )}. It is the event's date, not the wall clock's,
 * so replaying an event gives the same result.
 *
 * <p>Immutable.
 */
public final class Today {

    private final LocalDate date;

    /**
     * Creates the fact; the engine does this for every event, tests of campaign rules may too.
     *
     * @param date the event's local date
     */
    public Today(LocalDate date) {
        this.date = Objects.requireNonNull(date, "date");
    }

    /**
     * Returns the event's local date.
     *
     * @return the date
     */
    public LocalDate getDate() {
        return date;
    }

    /**
     * Returns the day of the week.
     *
     * @return the day, such as {@code DayOfWeek.SATURDAY}
     */
    public DayOfWeek getDayOfWeek() {
        return date.getDayOfWeek();
    }

    /**
     * Returns the month.
     *
     * @return 1 (January) to 12 (December)
     */
    public int getMonth() {
        return date.getMonthValue();
    }

    /**
     * Returns the day of the month.
     *
     * @return 1 to 31
     */
    public int getDayOfMonth() {
        return date.getDayOfMonth();
    }

    /**
     * Returns the year.
     *
     * @return the year
     */
    public int getYear() {
        return date.getYear();
    }

    /**
     * Tells whether the date is a Saturday or a Sunday.
     *
     * @return true at the weekend
     */
    public boolean isWeekend() {
        return Days.isWeekend(date);
    }

    @Override
    public String toString() {
        return "Today[" + date + "]";
    }
}
