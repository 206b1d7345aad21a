package dev.loyalty.rules.vocabulary;

import java.time.LocalDate;

/**
 * A member whose birthday offers are due in this sweep: the member's local date lies in the
 * program's birthday window (under {@code DAY}, or is the day after a birthday that a zone
 * change or a spring-forward day made daily sweeps skip), that year was not offered yet and the
 * birthday was given early enough (see the module's README for the policies: window,
 * 29 February, 30-day notice).
 *
 * <pre>{@code
 * rule "BDAY-01 birthday month: 500 points"
 * when
 *     $b : BirthdayDue( )
 * then
 *     offers.points($b, "BDAY-01", 500, 30, "Happy birthday: 500 points on us");
 * end
 * }</pre>
 *
 * <p>Immutable.
 */
public final class BirthdayDue extends Occasion {

    private final int year;
    private final LocalDate birthday;
    private final LocalDate celebratedOn;
    private final LocalDate windowStart;
    private final LocalDate windowEnd;

    /**
     * Creates the fact; the engine does this in sweeps, tests of campaign rules may too.
     *
     * @param memberId the member's id
     * @param tier the member's tier code
     * @param year the year of the birthday celebrated
     * @param birthday the member's date of birth
     * @param celebratedOn the date celebrated that year (28 February for 29 February outside leap years)
     * @param windowStart the first date of the birthday window
     * @param windowEnd the last date of the birthday window
     */
    public BirthdayDue(String memberId, String tier, int year, LocalDate birthday, LocalDate celebratedOn, LocalDate windowStart,
                       LocalDate windowEnd) {
        super(memberId, tier);
        this.year = year;
        this.birthday = birthday;
        this.celebratedOn = celebratedOn;
        this.windowStart = windowStart;
        this.windowEnd = windowEnd;
    }

    /**
     * Returns the year of the birthday celebrated.
     *
     * @return the year
     */
    public int getYear() {
        return year;
    }

    /**
     * Returns the member's age on the celebrated date.
     *
     * @return the age in years
     */
    public int getAge() {
        return year - birthday.getYear();
    }

    /**
     * Returns the member's date of birth.
     *
     * @return the date of birth
     */
    public LocalDate getBirthday() {
        return birthday;
    }

    /**
     * Returns the date celebrated this year.
     *
     * @return the celebrated date
     */
    public LocalDate getCelebratedOn() {
        return celebratedOn;
    }

    /**
     * Returns the first date of the birthday window.
     *
     * @return the window's start
     */
    public LocalDate getWindowStart() {
        return windowStart;
    }

    /**
     * Returns the last date of the birthday window.
     *
     * @return the window's end
     */
    public LocalDate getWindowEnd() {
        return windowEnd;
    }

    /**
     * Returns the member id and the date celebrated, as {@code BirthdayDue[memberId, celebratedOn]}.
     *
     * @return the text, for logs and rule test messages
     */
    @Override
    public String toString() {
        return "BirthdayDue[" + getMemberId() + ", " + celebratedOn + "]";
    }
}
