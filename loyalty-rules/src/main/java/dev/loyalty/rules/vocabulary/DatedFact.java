package dev.loyalty.rules.vocabulary;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The date fields every dated fact offers, computed from the event's date in the member's
 * time zone: {@code date}, {@code dayOfWeek}, {@code month}, {@code dayOfMonth}, {@code year}
 * and {@code weekend}. {@link Purchase}, {@link PurchaseLine} and {@link Today} extend it, so
 * {@code PurchaseLine( month == 4 )} and {@code Today( weekend )} read the same way.
 */
public abstract class DatedFact {

    private final LocalDate date;

    /**
     * Creates the date fields.
     *
     * @param date the event's local date
     */
    protected DatedFact(LocalDate date) {
        this.date = Objects.requireNonNull(date, "date");
    }

    /**
     * Returns the event's local date.
     *
     * @return the date
     */
    public final LocalDate getDate() {
        return date;
    }

    /**
     * Returns the day of the week.
     *
     * @return the day, such as {@code DayOfWeek.SATURDAY}
     */
    public final DayOfWeek getDayOfWeek() {
        return date.getDayOfWeek();
    }

    /**
     * Returns the month.
     *
     * @return 1 (January) to 12 (December)
     */
    public final int getMonth() {
        return date.getMonthValue();
    }

    /**
     * Returns the day of the month.
     *
     * @return 1 to 31
     */
    public final int getDayOfMonth() {
        return date.getDayOfMonth();
    }

    /**
     * Returns the year.
     *
     * @return the year
     */
    public final int getYear() {
        return date.getYear();
    }

    /**
     * Tells whether the date is a Saturday or a Sunday.
     *
     * @return true at the weekend
     */
    public final boolean isWeekend() {
        DayOfWeek day = date.getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }
}
