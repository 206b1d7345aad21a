package dev.loyalty.rules.vocabulary;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A member's enrolment, as campaign rules see it: {@code Enrolment( channel == "web" )}.
 *
 * <p>Immutable. The date is in the member's time zone.
 */
public final class Enrolment {

    private final String memberId;
    private final String channel;
    private final LocalDate date;

    /**
     * Creates the fact; the engine does this for every enrolment, tests of campaign rules may too.
     *
     * @param memberId the new member's id
     * @param channel where the member enrolled, such as {@code web}, or null
     * @param date the local date of the enrolment
     */
    public Enrolment(String memberId, String channel, LocalDate date) {
        this.memberId = Objects.requireNonNull(memberId, "memberId");
        this.channel = channel;
        this.date = Objects.requireNonNull(date, "date");
    }

    /**
     * Returns the new member's id.
     *
     * @return the member id
     */
    public String getMemberId() {
        return memberId;
    }

    /**
     * Returns where the member enrolled.
     *
     * @return the channel, such as {@code web} or a store code, or null
     */
    public String getChannel() {
        return channel;
    }

    /**
     * Returns the local date of the enrolment.
     *
     * @return the date
     */
    public LocalDate getDate() {
        return date;
    }

    /**
     * Returns the member id, channel and local date, as
     * {@code Enrolment[memberId=..., channel=..., date=...]}.
     *
     * @return the text, for logs and rule test messages
     */
    @Override
    public String toString() {
        return "Enrolment[memberId=" + memberId + ", channel=" + channel + ", date=" + date + "]";
    }
}
