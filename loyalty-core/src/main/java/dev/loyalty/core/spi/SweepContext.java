package dev.loyalty.core.spi;

import dev.loyalty.core.ProgramSettings;
import dev.loyalty.core.model.Member;
import dev.loyalty.core.model.Points;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Everything a rule engine may read to decide, in a sweep, what one member is offered. The
 * sweep asks the rules only when an occasion is present.
 *
 * @param member the member
 * @param balance the member's balance
 * @param asOf the sweep's instant
 * @param date the sweep's date in the member's zone
 * @param zone the member's zone, else the program's
 * @param program the program settings
 * @param birthday the member's birthday occasion, or null when no birthday offer is due
 * @param dormancy the member's dormancy occasion, or null when the member is not dormant
 */
public record SweepContext(Member member, Points balance, Instant asOf, LocalDate date, ZoneId zone, ProgramSettings program,
                           BirthdayOccasion birthday, DormancyOccasion dormancy) {

    /**
     * A birthday for which offers are due: the sweep's date lies in the birthday window (or, under
     * the {@code DAY} window, is the day after a birthday a zone change or a spring-forward day made
     * daily sweeps skip), the year was not handled yet and the birthday was given early enough.
     *
     * @param year the year of the birthday celebrated
     * @param birthday the member's date of birth
     * @param celebratedOn the celebrated date that year (28 February for 29 February outside leap years)
     * @param windowStart the first date of the window
     * @param windowEnd the last date of the window
     */
    public record BirthdayOccasion(int year, LocalDate birthday, LocalDate celebratedOn, LocalDate windowStart, LocalDate windowEnd) {
    }

    /**
     * A dormancy spell: no purchase for at least the program's dormancy threshold.
     *
     * @param spellStart the last purchase, else the enrolment; identifies the spell
     * @param days whole local days since then
     */
    public record DormancyOccasion(Instant spellStart, long days) {
    }
}
