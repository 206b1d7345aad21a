package dev.loyalty.rules.vocabulary;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The member an event concerns, as campaign rules see it: {@code Member( tier == "gold" )}.
 * One instance is inserted for every event; for an enrolment it is the new member.
 *
 * <p>Immutable. Dates are in the member's time zone, else the program's.
 */
public final class Member {

    private final String id;
    private final String tier;
    private final String status;
    private final LocalDate enrolledOn;
    private final LocalDate birthday;
    private final long pointsBalance;

    /**
     * Creates the fact; the engine does this for every event, tests of campaign rules may too.
     *
     * @param id the member's id
     * @param tier the code of the member's tier, such as {@code gold}
     * @param status the member's status in lower case: {@code active}, {@code suspended} or {@code closed}
     * @param enrolledOn the local date the member enrolled
     * @param birthday the member's date of birth, or null when not given
     * @param pointsBalance the member's balance before the event
     */
    public Member(String id, String tier, String status, LocalDate enrolledOn, LocalDate birthday, long pointsBalance) {
        this.id = Objects.requireNonNull(id, "id");
        this.tier = Objects.requireNonNull(tier, "tier");
        this.status = Objects.requireNonNull(status, "status");
        this.enrolledOn = Objects.requireNonNull(enrolledOn, "enrolledOn");
        this.birthday = birthday;
        this.pointsBalance = pointsBalance;
    }

    /**
     * Returns the member's id.
     *
     * @return the id
     */
    public String getId() {
        return id;
    }

    /**
     * Returns the code of the member's tier, such as {@code member}, {@code silver}, {@code gold} or {@code diamond}.
     *
     * @return the tier code
     */
    public String getTier() {
        return tier;
    }

    /**
     * Returns the member's status in lower case: {@code active}, {@code suspended} or {@code closed}.
     *
     * @return the status
     */
    public String getStatus() {
        return status;
    }

    /**
     * Returns the local date the member enrolled.
     *
     * @return the enrolment date
     */
    public LocalDate getEnrolledOn() {
        return enrolledOn;
    }

    /**
     * Returns the member's date of birth; test for null before reading its fields.
     *
     * @return the birthday, or null when not given
     */
    public LocalDate getBirthday() {
        return birthday;
    }

    /**
     * Returns the member's points balance before the event.
     *
     * @return the balance
     */
    public long getPointsBalance() {
        return pointsBalance;
    }

    /**
     * Returns the member's id, tier code, status, enrolment date, birthday and points balance, as
     * {@code Member[id=..., tier=..., ...]}.
     *
     * @return the text, for logs and rule test messages
     */
    @Override
    public String toString() {
        return "Member[id=" + id + ", tier=" + tier + ", status=" + status + ", enrolledOn=" + enrolledOn
                + ", birthday=" + birthday + ", pointsBalance=" + pointsBalance + "]";
    }
}
