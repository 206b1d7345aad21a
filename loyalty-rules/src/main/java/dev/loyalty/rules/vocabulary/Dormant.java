package dev.loyalty.rules.vocabulary;

import java.time.LocalDate;

/**
 * A member with no purchase for at least the program's dormancy threshold (90 days by
 * default), presented on every sweep until a purchase ends the dormancy spell. The core issues
 * each offer template at most once per spell, so win-back stages are rules on {@code days}:
 *
 * <pre>{@code
 * rule "WINBACK-01 10% off after 90 days"
 * when
 *     $d : Dormant( days >= 90 )
 * then
 *     offers.discount($d, "WINBACK-90", 10, 30, "We miss you: 10% off your next order");
 * end
 * }</pre>
 *
 * <p>Immutable.
 */
public final class Dormant extends Occasion {

    private final long days;
    private final LocalDate since;

    /**
     * Creates the fact; the engine does this in sweeps, tests of campaign rules may too.
     *
     * @param memberId the member's id
     * @param tier the member's tier code
     * @param days whole local days since the last purchase (else the enrolment)
     * @param since the local date of the last purchase (else the enrolment)
     */
    public Dormant(String memberId, String tier, long days, LocalDate since) {
        super(memberId, tier);
        this.days = days;
        this.since = since;
    }

    /**
     * Returns the whole local days since the last purchase, else since enrolment.
     *
     * @return the days
     */
    public long getDays() {
        return days;
    }

    /**
     * Returns the local date the spell started: the last purchase, else the enrolment.
     *
     * @return the date
     */
    public LocalDate getSince() {
        return since;
    }

    /**
     * Returns the member id and the whole days without a purchase, as {@code Dormant[memberId, 120 days]}.
     *
     * @return the text, for logs and rule test messages
     */
    @Override
    public String toString() {
        return "Dormant[" + getMemberId() + ", " + days + " days]";
    }
}
