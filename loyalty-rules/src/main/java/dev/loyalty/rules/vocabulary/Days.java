package dev.loyalty.rules.vocabulary;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** Date helpers shared by the facts. */
final class Days {

    private Days() {
    }

    static boolean isWeekend(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }
}
