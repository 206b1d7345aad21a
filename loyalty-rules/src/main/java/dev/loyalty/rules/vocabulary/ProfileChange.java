package dev.loyalty.rules.vocabulary;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A change to a member's profile, as campaign rules see it. The {@link Member} fact shows the
 * profile after the change.
 *
 * <p>Immutable. The date is in the member's time zone.
 */
public final class ProfileChange {

    private final String memberId;
    private final LocalDate date;

    /**
     * Creates the fact; the engine does this for every profile change, tests of campaign rules may too.
     *
     * @param memberId the member's id
     * @param date the local date of the change
     */
    public ProfileChange(String memberId, LocalDate date) {
        this.memberId = Objects.requireNonNull(memberId, "memberId");
        this.date = Objects.requireNonNull(date, "date");
    }

    /**
     * Returns the member's id.
     *
     * @return the member id
     */
    public String getMemberId() {
        return memberId;
    }

    /**
     * Returns the local date of the change.
     *
     * @return the date
     */
    public LocalDate getDate() {
        return date;
    }

    /**
     * Returns the member id and the local date of the change, as
     * {@code ProfileChange[memberId=..., date=...]}.
     *
     * @return the text, for logs and rule test messages
     */
    @Override
    public String toString() {
        return "ProfileChange[memberId=" + memberId + ", date=" + date + "]";
    }
}
